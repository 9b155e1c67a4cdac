"""LBC-19: a voucher pays only for career guidance. Flag career questions that look like
something else, so the coach resolves the doubt explicitly (with centre staff if needed)."""

import re
import unicodedata
from dataclasses import dataclass

from koers.lib.rules import Phrase, Reason, reason
from koers.vouchers.rules.ruleset import Ruleset

# Each excluded service (seed 000's list) with words that often signal it in a question.
EXCLUSIONS: dict[str, tuple[Phrase, tuple[str, ...]]] = {
    "burnout": (
        Phrase("burn-out- of bore-outbegeleiding"),
        ("burn-out", "burnout", "bore-out", "boreout", "opgebrand", "uitgeput"),
    ),
    "therapy": (
        Phrase("therapie"),
        ("therapie", "therapeut", "depressie", "trauma", "rouw", "psycholoog", "angststoornis"),
    ),
    "life_coaching": (
        Phrase("life coaching"),
        ("life coach", "lifecoach", "relatie", "levensdoel", "zingeving"),
    ),
    "training": (
        Phrase("training en opleiding"),
        ("training volgen", "cursus", "vorming geven", "opleiding volgen"),
    ),
    "business_coaching": (
        Phrase("ondernemingscoaching"),
        (
            "ondernemingsplan",
            "businessplan",
            "mijn bedrijf",
            "mijn zaak",
            "zelfstandige worden",
            "onderneming starten",
        ),
    ),
    "outplacement": (
        Phrase("outplacement"),
        ("outplacement", "ontslagen", "ontslag gekregen", "afvloeiing"),
    ),
    "study_advice": (
        Phrase("studieadvies en -begeleiding"),
        ("studiekeuze", "studieadvies", "welke studie", "studeren", "examens"),
    ),
    "end_of_career": (
        Phrase("eindeloopbaanadvies"),
        ("pensioen", "eindeloopbaan", "brugpensioen", "landingsbaan"),
    ),
}


@dataclass(frozen=True)
class ScopeWarning:
    exclusion: str
    matched: str
    reason: Reason


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def scope_warnings(career_question: str, ruleset: Ruleset) -> list[ScopeWarning]:
    """LBC-19: one warning per excluded service whose signal words occur in the question."""
    text = _normalise(career_question)
    risk = f"€ {ruleset.subsidy_at_risk_cents // 100:,}".replace(",", ".")
    warnings = []
    for key, (label, words) in EXCLUSIONS.items():
        for word in words:
            if re.search(rf"(?<!\w){re.escape(_normalise(word))}", text):
                warnings.append(
                    ScopeWarning(
                        key,
                        word,
                        reason(
                            "LBC-19",
                            "De loopbaanvraag lijkt op {label} (“{word}”). Een loopbaancheque betaalt enkel "
                            "loopbaanbegeleiding; bij misbruik wordt de volledige subsidie ({risk}) teruggevorderd. "
                            "Bevestig dat het om loopbaanbegeleiding gaat of overleg met het centrum.",
                            label=label,
                            word=word,
                            risk=risk,
                        ),
                    )
                )
                break
    return warnings
