"""The funder's numbers for intensive mediation, versioned by validity dates (RULESET in domain.md)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from koers.lib.rules import VersionedRuleset, in_force


class Tender(StrEnum):
    """MED-01: the five tenders of seed 004."""

    TIBB4 = "TIBB4"
    TIBB4_OTHER_LANGUAGES = "TIBB4_AT"
    SCRABA = "SCRABA"
    SAB3 = "SAB3"
    WIJ3 = "WIJ3"


TENDER_LABELS: Mapping[str, str] = MappingProxyType(
    {
        Tender.TIBB4: "TIBB4",
        Tender.TIBB4_OTHER_LANGUAGES: "TIBB4 anderstaligen",
        Tender.SCRABA: "SCRABA",
        Tender.SAB3: "SAB3",
        Tender.WIJ3: "WIJ3",
    }
)


@dataclass(frozen=True)
class TenderParams:
    """Per tender: minimum months of mediation, maximum duration, whether 3× passive closes it."""

    minimum_months: int  # MED-12 (6) / MED-13 (18)
    # The seed does not give the maximum duration (MED-12). Our default: 12 months of mediation,
    # twice the minimum, the usual length of a VDAB mediation tender lot. A funder changes it here.
    maximum_months: int
    closes_on_passive: bool  # MED-13: WIJ3 never closes on 3× passive
    project_end: date | None = None  # MED-13: WIJ3 closes at the end of the projects


def _tenders(**overrides: TenderParams) -> Mapping[str, TenderParams]:
    regular = TenderParams(minimum_months=6, maximum_months=12, closes_on_passive=True)
    table = {
        Tender.TIBB4: regular,
        Tender.TIBB4_OTHER_LANGUAGES: regular,
        Tender.SCRABA: regular,
        Tender.SAB3: regular,
        Tender.WIJ3: TenderParams(
            minimum_months=18,
            maximum_months=18,
            closes_on_passive=False,
            project_end=date(2020, 11, 30),
        ),
    }
    table.update(overrides)
    return MappingProxyType(table)


@dataclass(frozen=True)
class Ruleset(VersionedRuleset):
    tenders: Mapping[str, TenderParams] = field(default_factory=_tenders)
    passive_month_ends: int = 3  # MED-12
    advice_window_months: int = 1  # MED-14, MED-16
    first_sheet_days: int = 15  # MED-05
    replan_target_days: int = 7  # MED-03 (a target: warn, never block)
    letter_max_pages: int = 12  # MED-02
    bvs_training_code: str = "953030"  # MED-11
    # CATWZ codes that count as passive (MED-12). The seed names none; the import carries a flag too.
    passive_codes: frozenset[str] = frozenset({"50", "51", "52", "53", "54", "55", "56", "57"})

    def tender(self, tender: str) -> TenderParams:
        return self.tenders[tender]


RULESETS: tuple[Ruleset, ...] = (
    Ruleset(version="2019-seed-004", valid_from=date(2019, 1, 1), valid_until=None),
)


def ruleset_for(day: date, rulesets: Iterable[Ruleset] = RULESETS) -> Ruleset:
    return in_force(day, rulesets, "mediation")


def ruleset_by_version(version: str, rulesets: Iterable[Ruleset] = RULESETS) -> Ruleset:
    return next(r for r in rulesets if r.version == version)


# How an administrator reads each parameter on the rule-set page (Centrum ▾ Regelsets).
PARAMETER_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "tenders": "Per tender: minimum en maximum duur, afsluiten na 3× passief (MED-12, MED-13)",
        "passive_month_ends": "Passieve maandeinden na elkaar (MED-12)",
        "advice_window_months": "Maanden voor het eindadvies (MED-14, MED-16)",
        "first_sheet_days": "Dagen voor het eerste afsprakenblad (MED-05)",
        "replan_target_days": "Streefdoel herplannen in dagen (MED-03)",
        "letter_max_pages": "Maximum pagina's per brief (MED-02)",
        "bvs_training_code": "Opleidingscode BVS (MED-11)",
        "passive_codes": "Passieve CATWZ-codes (MED-12)",
    }
)


def tenders_text(tenders: Mapping[str, TenderParams]) -> str:
    """The per-tender table in a sentence, for the rule-set page."""
    parts = []
    for tender, params in tenders.items():
        text = (
            f"{TENDER_LABELS.get(tender, tender)}: {params.minimum_months}–"
            f"{params.maximum_months} maanden, "
            + ("sluit na 3× passief" if params.closes_on_passive else "sluit niet na 3× passief")
        )
        if params.project_end:
            text += f", projecten tot {params.project_end:%d/%m/%Y}"
        parts.append(text)
    return "; ".join(parts)
