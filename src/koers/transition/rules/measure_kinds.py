"""The employment measures of seed 003 (TRN-09..12) and their numbers: BVS and TBS towards the
regular labour market (phase 2.4), IBO and ACTIVA in it (phase 3.1), what each may lead to.

Pure: no Django. `measures` is the public face; this module is what the others build on.
"""

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from koers.lib.rules import Phrase, phrase


@dataclass(frozen=True)
class MeasureRules:
    """The seed's numbers for the measures and the follow-up (RULESET in domain.md). The
    integrator folds these fields into `TransitionRuleset`; the defaults are seed 003's."""

    bvs_weeks: int = 2  # TRN-09: default and maximum; beyond it warns
    bvs_training_code: str = "953030"  # TRN-09 / MED-11 (seed 004): how VDAB registers a BVS
    tbs_max_weeks: int = 3  # TRN-10: beyond it is refused
    ibo_min_weeks: int = 4  # TRN-11
    ibo_max_months: int = 6  # TRN-11
    activa_min_years: int = 2  # TRN-12: the advantages last at least this long
    activa_reduction_per_quarter_eur: int = 1000  # TRN-12: off employer contributions
    activa_work_allowance_eur: int = 500  # TRN-12: paid by the RVA, deducted from the wage
    rva_payment_max_days: int = 14  # TRN-11: resignation → RVA pays, at most
    followup_first_weeks: int = 2  # TRN-17: first checkpoint after the transition
    followup_second_months: int = 6  # TRN-17: second checkpoint
    # TRN-17: the seed gives no reminder lead or grace. TO CONFIRM BY A PERSON.
    followup_reminder_days: int = 3
    followup_grace_days: int = 7


class MeasureKind(StrEnum):
    BVS = "bvs"  # TRN-09
    TBS = "tbs"  # TRN-10
    IBO = "ibo"  # TRN-11
    ACTIVA = "activa"  # TRN-12


# The seed's own names (its table of contents, pages 20–23).
MEASURE_LABELS: Mapping[str, Phrase] = MappingProxyType(
    {
        MeasureKind.BVS: phrase("Beroeps Verkennende Stage (BVS)"),
        MeasureKind.TBS: phrase("Ter Beschikking Stelling (TBS)"),
        MeasureKind.IBO: phrase("Individuele Beroepsopleiding binnen de Onderneming (IBO)"),
        MeasureKind.ACTIVA: phrase("ACTIVA-plan"),
    }
)

# TRN-01: BVS and TBS belong to phase 2.4 (DOOR-stroom), IBO and ACTIVA to 3.1 (UIT-stroom).
MEASURE_PHASE: Mapping[str, str] = MappingProxyType(
    {
        MeasureKind.BVS: "2.4",
        MeasureKind.TBS: "2.4",
        MeasureKind.IBO: "3.1",
        MeasureKind.ACTIVA: "3.1",
    }
)

# TRN-13: BVS and TBS count as company internships; an IBO or an ACTIVA contract (regular work)
# is a transition.
INTERNSHIPS = frozenset({MeasureKind.BVS, MeasureKind.TBS})
TRANSITIONS = frozenset({MeasureKind.IBO, MeasureKind.ACTIVA})

# TRN-09, TRN-10: both may lead to an open-ended contract with an ACTIVA work card, or an IBO.
LEADS_TO: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        MeasureKind.BVS: frozenset({MeasureKind.ACTIVA, MeasureKind.IBO}),
        MeasureKind.TBS: frozenset({MeasureKind.ACTIVA, MeasureKind.IBO}),
        MeasureKind.IBO: frozenset(),
        MeasureKind.ACTIVA: frozenset(),
    }
)

# TRN-09..12: who pays the worker during the measure, as the seed says it.
MEASURE_PAY: Mapping[str, str] = MappingProxyType(
    {
        MeasureKind.BVS: "De kandidaat blijft tijdens de BVS betaald door het SEC-bedrijf; "
        "een BVS is dus gratis voor het NEC-stagebedrijf.",
        MeasureKind.TBS: "De kandidaat blijft op de payroll van het SEC-bedrijf; het NEC-bedrijf "
        "betaalt het verschil in loon voor die functie en de vervoerskosten.",
        MeasureKind.IBO: "De kandidaat ontvangt werkloosheidsuitkeringen van RVA en een IBO-premie "
        "van VDAB; het NEC-bedrijf betaalt een productiviteitspremie aan VDAB.",
        MeasureKind.ACTIVA: "Het NEC-bedrijf betaalt het loon; het krijgt € 1.000 RSZ-vermindering "
        "per kwartaal en trekt de werkuitkering van € 500 van de RVA af van de loonkost.",
    }
)

# The rule each measure comes from.
MEASURE_RULE: Mapping[str, str] = MappingProxyType(
    {
        MeasureKind.BVS: "TRN-09",
        MeasureKind.TBS: "TRN-10",
        MeasureKind.IBO: "TRN-11",
        MeasureKind.ACTIVA: "TRN-12",
    }
)

DEFAULT_RULES = MeasureRules()


def add_months(day: date, months: int) -> date:
    """Calendar months; the 31st becomes the last day of a shorter month."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
