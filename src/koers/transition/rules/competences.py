"""TRN-04, TRN-05: the competence profile of a worker ready for transition, and the SAM scale.

The seed's 18 competences (about attitude rather than technical skills) are the default profile; an
organisation switches some off or adds its own. Each competence has behavioural indicators on the
four levels of the SAM scale ("Schaal voor Attitude Meting"); the seed gives them for "Initiatief"
only, so an organisation adds the others. One observation form holding the profile serves intake,
assessment, coaching and the internship evaluation.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from koers.lib.rules import Joined, Phrase, Reason, phrase, reason


class Group(StrEnum):
    CORE = "core"
    ADDITIONAL = "additional"
    EXTRA = "extra"


# TRN-04: "Kerncompetenties", "Bijkomende competenties", "Extra competenties" (seed 003).
GROUP_LABELS: dict[Group, str] = {
    Group.CORE: "Kerncompetenties",
    Group.ADDITIONAL: "Bijkomende competenties",
    Group.EXTRA: "Extra competenties",
}


class SamLevel(IntEnum):
    """TRN-05: the SAM scale, lowest first."""

    ONVOLDOENDE = 1
    MATIG = 2
    GOED = 3
    ZEER_GOED = 4


SAM_LABELS: dict[SamLevel, Phrase] = {
    SamLevel.ONVOLDOENDE: phrase("onvoldoende"),
    SamLevel.MATIG: phrase("matig"),
    SamLevel.GOED: phrase("goed"),
    SamLevel.ZEER_GOED: phrase("zeer goed"),
}


def level_refusal(value: object) -> Reason | None:
    """TRN-05: a level is one of the four of the SAM scale (1 onvoldoende … 4 zeer goed)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= len(SamLevel):
        return reason(
            "TRN-05",
            "‘{value}’ ligt buiten de SAM-schaal (onvoldoende, matig, goed, zeer goed).",
            value=value,
        )
    return None


@dataclass(frozen=True)
class Competence:
    code: str
    label: str
    group: Group
    from_seed: bool = True


def _seed(group: Group, *items: tuple[str, str]) -> tuple[Competence, ...]:
    return tuple(Competence(code, label, group) for code, label in items)


# TRN-04: the 18 competences of seed 003, in its order and words (its "Conflictantering" is
# written "Conflicthantering", the word it means).
SEED_COMPETENCES: tuple[Competence, ...] = (
    *_seed(
        Group.CORE,
        ("samenwerken", "Samenwerken"),
        ("zelfstandigheid", "Zelfstandigheid – zelfredzaamheid"),
        ("initiatief", "Initiatief"),
        ("flexibiliteit", "Flexibiliteit"),
        ("leervermogen", "Leervermogen, leergierigheid en interesse"),
        ("motivatie", "Motivatie"),
    ),
    *_seed(
        Group.ADDITIONAL,
        ("nauwkeurigheid", "Nauwkeurigheid"),
        ("discipline", "Discipline – omgaan met regels en afspraken"),
        ("gezag", "Gezag aanvaarden"),
        ("stressbestendigheid", "Stressbestendigheid"),
        ("conflicthantering", "Conflicthantering"),
    ),
    *_seed(
        Group.EXTRA,
        ("voorkomen", "Voorkomen"),
        ("fysiek", "Fysieke mogelijkheden, medische mogelijkheden"),
        ("lezen_schrijven_rekenen", "Lees-, schrijf-, rekenvaardigheden"),
        ("communicatie", "Communicatievaardigheden (vlotheid, ...)"),
        ("taalkennis", "Taalkennis (Nederlands)"),
        ("werkorganisatie", "Werkorganisatie / tijdsbeheer"),
        ("overige", "Overige"),
    ),
)
SEED_CODES: frozenset[str] = frozenset(c.code for c in SEED_COMPETENCES)


@dataclass(frozen=True)
class IndicatorRow:
    """One behaviour described on each of the four SAM levels."""

    levels: tuple[str, str, str, str]  # onvoldoende, matig, goed, zeer goed

    def at(self, level: SamLevel) -> str:
        return self.levels[level - 1]


@dataclass(frozen=True)
class Indicators:
    competence: str
    definition: str
    rows: tuple[IndicatorRow, ...]


# TRN-05: seed 003, "1.1. Initiatief" (the seed's "Constaateert" is written "Constateert").
INITIATIEF = Indicators(
    competence="initiatief",
    definition="Zelfstandig werken, het zetten van de eerste stap tot of ten behoeve van iets",
    rows=(
        IndicatorRow(
            (
                "Ziet geen werk en neemt geen initiatief.",
                "Ziet enkel werk als de verantwoordelijke in de buurt is en neemt dan initiatief.",
                "Ziet werk, maar moet aangepord worden om het aan te pakken.",
                "Ziet werk en pakt het spontaan aan.",
            )
        ),
        IndicatorRow(
            (
                "Wacht af tot anderen actie ondernemen en doet zelf niets.",
                "Onderneemt enkel actie wanneer er gezegd wordt wat hij/zij moet doen of als de "
                "verantwoordelijke in de buurt is.",
                "Onderneemt spontaan actie bij toewijzing van taken die bij het omschreven "
                "takenpakket horen.",
                "Onderneemt spontaan actie bij taken, ook al horen ze niet strikt genomen bij het "
                "omschreven takenpakket.",
            )
        ),
        IndicatorRow(
            (
                "Ziet geen problemen, problemen worden bijgevolg niet gemeld.",
                "Constateert problemen, maar blijft er passief bij.",
                "Ziet problemen en meldt ze.",
                "Ziet problemen en pakt ze spontaan aan indien mogelijk.",
            )
        ),
        IndicatorRow(
            (
                "Meldt niet wanneer een taak is afgerond.",
                "Meldt zelden wanneer een taak is afgerond.",
                "Meldt spontaan wanneer een taak is afgerond.",
                "Meldt spontaan wanneer een taak is afgerond en vraagt spontaan naar extra taken.",
            )
        ),
    ),
)
SEED_INDICATORS: dict[str, Indicators] = {INITIATIEF.competence: INITIATIEF}


@dataclass(frozen=True)
class OrganisationProfile:
    """TRN-04: the seed's profile minus what the organisation switched off, plus its own."""

    switched_off: frozenset[str] = frozenset()
    own: tuple[Competence, ...] = ()


def profile_competences(profile: OrganisationProfile) -> tuple[Competence, ...]:
    """The competences on the organisation's observation form, by group, the seed's first."""
    kept = [c for c in SEED_COMPETENCES if c.code not in profile.switched_off]
    chosen = kept + list(profile.own)
    return tuple(sorted(chosen, key=lambda c: list(Group).index(c.group)))


def profile_codes(profile: OrganisationProfile) -> frozenset[str]:
    return frozenset(c.code for c in profile_competences(profile))


def profile_refusal(profile: OrganisationProfile) -> tuple[Reason, ...]:
    """Why this profile cannot be saved (TRN-04); empty when it can."""
    refusals: list[Reason] = []
    unknown = sorted(profile.switched_off - SEED_CODES)
    if unknown:
        refusals.append(
            reason(
                "TRN-04", "Onbekende competentie uitgeschakeld: {codes}.", codes=", ".join(unknown)
            )
        )
    labels = {c.label.strip().casefold() for c in SEED_COMPETENCES}
    codes = set(SEED_CODES)
    for own in profile.own:
        if not own.label.strip():
            refusals.append(Reason("TRN-04", "Een eigen competentie heeft een naam."))
            continue
        if own.code in codes or own.label.strip().casefold() in labels:
            refusals.append(
                reason(
                    "TRN-04", "De competentie ‘{label}’ staat al in het profiel.", label=own.label
                )
            )
        codes.add(own.code)
        labels.add(own.label.strip().casefold())
    if not refusals and not profile_competences(profile):
        refusals.append(Reason("TRN-04", "Het profiel houdt minstens één competentie."))
    return tuple(refusals)


def indicator_refusal(indicators: Indicators, codes: Iterable[str]) -> tuple[Reason, ...]:
    """TRN-05: an organisation's indicators belong to a competence of its profile, and each row
    describes the behaviour on all four SAM levels."""
    refusals: list[Reason] = []
    if indicators.competence not in set(codes):
        refusals.append(Reason("TRN-05", "Deze competentie staat niet in het profiel."))
    if not indicators.rows:
        refusals.append(Reason("TRN-05", "Geef minstens één rij gedragsindicatoren."))
    for number, row in enumerate(indicators.rows, start=1):
        empty = [SamLevel(i + 1) for i, text in enumerate(row.levels) if not text.strip()]
        if empty:
            refusals.append(
                reason(
                    "TRN-05",
                    "Rij {number} beschrijft nog niet: {levels}.",
                    number=number,
                    levels=Joined(tuple(SAM_LABELS[level] for level in empty)),
                )
            )
    return tuple(refusals)
