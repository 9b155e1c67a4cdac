"""TRN-06, "Aantekenen": an observation notes facts, no personality traits.

"Het draait hier om het noteren van duidelijk waarneembaar gedrag dat niet voor interpretatie
vatbaar is. (Geen zogenaamde persoonlijkheidskenmerken.)" This is a pure check that *warns*: it
finds adjectives that judge a person ("lui", "koppig", …) and phrasings that label or interpret
("is een …", "lijkt …", "komt … over", "van nature", "altijd", "nooit"). A coach may keep the note;
the warning asks to write what the candidate did or said instead.
"""

import re
import unicodedata

from koers.lib.rules import Reason, reason

# Personality-trait adjectives a note should not hold (Dutch, base form). Words that also have
# an ordinary, factual use in notes ("stil", "sociaal" as in "sociale economie", "eerlijk gezegd",
# "positief"/"negatief" about a test) are left out on purpose.
TRAIT_ADJECTIVES: tuple[str, ...] = (
    "lui", "dom", "slim", "intelligent", "koppig", "eigenwijs", "arrogant", "verwaand",
    "egoïstisch", "egocentrisch", "verlegen", "onzeker", "zelfzeker", "brutaal", "onbeleefd",
    "beleefd", "vriendelijk", "onvriendelijk", "sympathiek", "onsympathiek", "agressief",
    "nerveus", "zenuwachtig", "angstig", "traag", "ongeïnteresseerd", "ongemotiveerd",
    "gemotiveerd", "slordig", "nonchalant", "passief", "dominant", "bazig", "naïef",
    "onbetrouwbaar", "betrouwbaar", "oneerlijk", "jaloers", "humeurig", "chaotisch",
    "kinderachtig", "onvolwassen", "ambitieus", "ijverig", "luidruchtig", "teruggetrokken",
    "introvert", "extravert", "asociaal", "respectloos", "onverschillig", "opvliegend",
    "driftig", "gemakzuchtig", "hooghartig", "wispelturig", "sloom", "onhandig",
)  # fmt: skip

_VOWELS = "aeiou"


def _plain(word: str) -> str:
    """Lower case without diacritics: "Ongeïnteresseerd" and "ongeinteresseerd" are one word."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _inflected(word: str) -> str:
    """The attributive form ("een luie", "een domme", "een brutale", "een agressieve")."""
    if word.endswith(("ig", "isch", "en", "er")) or word[-1] in _VOWELS:
        return word + "e"
    if word.endswith("f"):
        return word[:-1] + "ve"
    if word.endswith("s") and word[-2] in _VOWELS:
        return word[:-1] + "ze"
    if len(word) >= 3 and word[-2] == word[-3] and word[-2] in _VOWELS:  # traag -> trage
        return word[:-2] + word[-1] + "e"
    if word[-2] in _VOWELS and word[-3] not in _VOWELS and word[-1] not in "wy":  # dom -> domme
        return word + word[-1] + "e"
    return word + "e"


def _forms(word: str) -> set[str]:
    attributive = _inflected(word)
    return {word, attributive, attributive + "r"}  # "luie", "luier"


# Every form -> its base form, all without diacritics.
TRAIT_FORMS: dict[str, str] = {
    _plain(form): word for word in TRAIT_ADJECTIVES for form in _forms(word)
}

# Phrasings that label or interpret instead of noting behaviour.
INTERPRETATIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:is|zijn|was|waren)\s+(?:een|geen)\s+\w+", re.IGNORECASE), "is een …"),
    (re.compile(r"\b(?:lijkt|lijken|leek|leken)\b", re.IGNORECASE), "lijkt …"),
    (re.compile(r"\b(?:komt|kwam|komen)(?:\s+\w+){1,3}\s+over\b", re.IGNORECASE), "komt … over"),
    (re.compile(r"\bvan\s+nature\b", re.IGNORECASE), "van nature"),
    (re.compile(r"\b(?:karakter|persoonlijkheid|mentaliteit)\b", re.IGNORECASE), "karakter"),
    (re.compile(r"\b(?:altijd|nooit)\b", re.IGNORECASE), "altijd / nooit"),
)

_WORD = re.compile(r"\w+")


def trait_words(text: str) -> tuple[str, ...]:
    """The trait adjectives in `text`, as written (lower case), each once, in order."""
    found: list[str] = []
    for match in _WORD.finditer(text):
        token = match.group().casefold()
        if _plain(token) in TRAIT_FORMS and token not in found:
            found.append(token)
    return tuple(found)


def interpretations(text: str) -> tuple[str, ...]:
    """Which labelling or interpreting phrasings `text` uses (their names, in the list's order)."""
    return tuple(name for pattern, name in INTERPRETATIONS if pattern.search(text))


def observation_warnings(text: str) -> tuple[Reason, ...]:
    """TRN-06: warn when an observation judges the person instead of noting what he did or said."""
    warnings: list[Reason] = []
    words = trait_words(text)
    if words:
        warnings.append(
            reason(
                "TRN-06",
                "Noteer feiten, geen persoonlijkheidskenmerken: {words}. Wat deed of zei de "
                "kandidaat concreet?",
                words=", ".join(f"‘{w}’" for w in words),
            )
        )
    for name in interpretations(text):
        warnings.append(
            reason(
                "TRN-06",
                "Houd observatie en interpretatie gescheiden: ‘{phrasing}’ is een oordeel. Noteer "
                "het gedrag en hoe vaak het voorkwam.",
                phrasing=name,
            )
        )
    return tuple(warnings)
