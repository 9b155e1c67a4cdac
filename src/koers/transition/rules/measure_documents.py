"""The documents and approvals each measure needs, as seed 003 lists them (TRN-09..12): before it
starts and before it is closed; a start or a closing without them is refused, naming what is missing.

Pure: no Django, no clock.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from koers.lib.rules import Joined, Phrase, Reason, phrase, reason
from koers.transition.rules.measure_kinds import MEASURE_LABELS, MeasureKind

# TRN-12: the text on the C4, exactly as seed 003 writes it.
ACTIVA_C4_TEXT = (
    "ontslag in onderlinge toestemming omwille van doorstroom naar een arbeidscontract in het NEC "
    "met betere arbeidsomstandigheden."
)

# TRN-12: who may have an ACTIVA plan: workers from a social workshop or the local service economy.
ACTIVA_ORIGINS: Mapping[str, Phrase] = MappingProxyType(
    {"SW": phrase("Sociale Werkplaats (SW)"), "LDE": phrase("Lokale Diensten Economie (LDE)")}
)


class Moment(StrEnum):
    START = "start"  # needed before the measure starts
    CLOSE = "close"  # needed before it is closed (evaluations, statements)


@dataclass(frozen=True)
class Requirement:
    """A document or approval a measure needs. It is met when any key of `met_by` is recorded."""

    key: str
    label: Phrase
    rule: str
    moment: Moment = Moment.START
    met_by: frozenset[str] = frozenset()

    def met(self, present: frozenset[str]) -> bool:
        return bool((self.met_by or {self.key}) & present)


def _r(key: str, label: Phrase, rule: str, moment: Moment = Moment.START, *alt: str) -> Requirement:
    return Requirement(key, label, rule, moment, frozenset({key, *alt}) if alt else frozenset())


# The documents and approvals per measure, as the seed lists them (pages 20–23).
REQUIREMENTS: Mapping[str, tuple[Requirement, ...]] = MappingProxyType(
    {
        MeasureKind.BVS: (  # TRN-09
            _r("bvs_agreement", phrase("Overeenkomst BVS"), "TRN-09"),
            _r("social_inspection_permission", phrase("Toestemming Sociale Inspectie"), "TRN-09"),
            _r(
                "task_description",
                phrase("Duidelijke taakomschrijving in de overeenkomst"),
                "TRN-09",
            ),
            _r(
                "insurance_broker_check",
                phrase("Overeenkomst voorgelegd aan de verzekeringsmakelaar"),
                "TRN-09",
            ),
            _r(
                "mentor_named",
                phrase("Meter / peter aangeduid door het NEC-stagebedrijf"),
                "TRN-09",
            ),
            _r(
                "interim_evaluation",
                phrase("Tussentijdse evaluatie (veelal telefonisch)"),
                "TRN-09",
                Moment.CLOSE,
            ),
            _r(
                "final_evaluation",
                phrase("Eindevaluatie ter plaatse in het observatieschema"),
                "TRN-09",
                Moment.CLOSE,
            ),
        ),
        MeasureKind.TBS: (  # TRN-10
            _r("tbs_agreement", phrase("TBS-overeenkomst"), "TRN-10"),
            _r(
                "tbs_inspection_request",
                phrase("Formulier ‘aanvraag toestemming TBS aan sociale inspectie’"),
                "TRN-10",
            ),
            _r("social_inspection_permission", phrase("Toestemming Sociale Inspectie"), "TRN-10"),
            # Approval of the unions / works council, or of the joint committee where the NEC
            # company has no union delegation: `requirements` picks the one that applies.
            _r(
                "union_approval",
                phrase(
                    "Goedkeuring van de vakbonden / ondernemingsraad of, zonder "
                    "vakbondsafvaardiging, van het paritair comité"
                ),
                "TRN-10",
                Moment.START,
                "joint_committee_approval",
            ),
            _r("tbs_standard_form", phrase("TBS Standaard Formulier"), "TRN-10"),
            _r("tbs_basic_contract", phrase("TBS Basiscontract"), "TRN-10"),
            _r(
                "wage_difference_agreed",
                phrase("Afspraak: het NEC-bedrijf betaalt het loonverschil en de vervoerskosten"),
                "TRN-10",
            ),
            _r(
                "tbs_performance_statement_1",
                phrase("TBS Prestatiestaat 1"),
                "TRN-10",
                Moment.CLOSE,
            ),
            _r(
                "tbs_performance_statement_2",
                phrase("TBS Prestatiestaat 2"),
                "TRN-10",
                Moment.CLOSE,
            ),
            _r(
                "tbs_travel_costs", phrase("TBS Kostenstaat verplaatsingen"), "TRN-10", Moment.CLOSE
            ),
        ),
        MeasureKind.IBO: (  # TRN-11
            _r(
                "vdab_ibo_permission",
                phrase("Toestemming van de regionale IBO-dienst van VDAB"),
                "TRN-11",
            ),
            _r("rva_permission", phrase("Toestemming van de regionale RVA-directie"), "TRN-11"),
            _r("ibo_agreement", phrase("IBO-overeenkomst opgemaakt door VDAB"), "TRN-11"),
            _r("training_plan", phrase("Opleidingsplan van het NEC-bedrijf"), "TRN-11"),
            _r(
                "sample_contract",
                phrase("Voorbeeldcontract of engagementsverklaring van de toekomstige werkgever"),
                "TRN-11",
            ),
            _r("resignation", phrase("Ontslag in onderling overleg bij het SEC-bedrijf"), "TRN-11"),
            _r(
                "c4_rva_agreement",
                phrase("C4 met het voorafgaandelijk akkoord van de RVA"),
                "TRN-11",
            ),
        ),
        MeasureKind.ACTIVA: (  # TRN-12
            _r(
                "activa_eligible",
                phrase(
                    "Afkomstig uit een Sociale Werkplaats (SW) of Lokale Diensten Economie (LDE)"
                ),
                "TRN-12",
            ),
            _r(
                "resignation",
                phrase("Ontslag in onderlinge toestemming bij het SEC-bedrijf"),
                "TRN-12",
            ),
            _r("c4_activa_text", phrase("C4 met de tekst ‘{text}’", text=ACTIVA_C4_TEXT), "TRN-12"),
            _r(
                "activa_contract",
                phrase(
                    "Arbeidscontract (eventueel onder voorbehoud van het ACTIVA-plan) of formele "
                    "intentieverklaring voor een contract van onbepaalde duur"
                ),
                "TRN-12",
                Moment.START,
                "activa_intent_statement",
            ),
            _r("agreed_wage_stated", phrase("Vermelding van het overeengekomen loon"), "TRN-12"),
            _r(
                "rva_application",
                phrase("Aanvraag ACTIVA-werkkaart ingediend bij de RVA"),
                "TRN-12",
            ),
        ),
    }
)


@dataclass(frozen=True)
class MeasureFacts:
    """What is recorded for one measure. `present` holds the keys of the documents and approvals
    on file; the other fields are the facts some requirements are judged from."""

    present: frozenset[str] = frozenset()
    nec_has_union_delegation: bool | None = None  # TBS: which approval is needed
    origin: str | None = None  # ACTIVA: "SW" or "LDE"
    c4_text: str | None = None  # ACTIVA: the text on the C4
    sample_contract_on: date | None = None  # IBO: when the future employer's document came
    resignation_signed_on: date | None = None  # IBO / ACTIVA
    coach_accompanies_rva: bool | None = None  # ACTIVA: advice, not a condition


def _c4_matches(text: str | None) -> bool:
    def norm(value: str) -> str:
        return " ".join(value.strip().strip("'‘’\"").rstrip(".").split()).casefold()

    return text is not None and norm(text) == norm(ACTIVA_C4_TEXT)


def _derived_present(kind: str, facts: MeasureFacts) -> frozenset[str]:
    """The recorded keys, plus what the other facts prove (ACTIVA eligibility, the C4 text)."""
    present = set(facts.present)
    if kind == MeasureKind.ACTIVA:
        present.discard("activa_eligible")  # judged from the origin, never ticked by hand
        if facts.origin in ACTIVA_ORIGINS:
            present.add("activa_eligible")
        present.discard("c4_activa_text")
        if _c4_matches(facts.c4_text):
            present.add("c4_activa_text")
    return frozenset(present)


def requirements(kind: str, facts: MeasureFacts | None = None) -> tuple[Requirement, ...]:
    """The requirements of a measure for these facts: a TBS at a company with (or without) a union
    delegation needs the unions' (or the joint committee's) approval."""
    reqs = REQUIREMENTS[MeasureKind(kind)]
    delegation = facts.nec_has_union_delegation if facts else None
    if kind != MeasureKind.TBS or delegation is None:
        return reqs
    if delegation:
        approval = _r(
            "union_approval", phrase("Goedkeuring van de vakbonden / ondernemingsraad"), "TRN-10"
        )
    else:
        approval = _r(
            "joint_committee_approval",
            phrase("Goedkeuring van het paritair comité van de sector van het NEC-bedrijf"),
            "TRN-10",
        )
    return tuple(approval if r.key == "union_approval" else r for r in reqs)


def missing(kind: str, facts: MeasureFacts, moment: Moment) -> tuple[Requirement, ...]:
    present = _derived_present(kind, facts)
    wanted = (Moment.START,) if moment == Moment.START else (Moment.START, Moment.CLOSE)
    return tuple(r for r in requirements(kind, facts) if r.moment in wanted and not r.met(present))


def missing_for_start(kind: str, facts: MeasureFacts) -> tuple[Requirement, ...]:
    """TRN-09..12: what must still be on file before the measure may start."""
    return missing(kind, facts, Moment.START)


def missing_for_close(kind: str, facts: MeasureFacts) -> tuple[Requirement, ...]:
    """TRN-09, TRN-10: what must be on file before the measure is closed (evaluations, statements)."""
    return missing(kind, facts, Moment.CLOSE)


def _listed(gaps: tuple[Requirement, ...]) -> Joined:
    return Joined(tuple(r.label for r in gaps), "; ")


def start_refusal(kind: str, facts: MeasureFacts) -> Reason | None:
    """TRN-09..12: a start is refused while a document or approval is missing, naming them all;
    an IBO whose resignation was signed before the employer's sample contract is refused too."""
    gaps = missing_for_start(kind, facts)
    if gaps:
        return reason(
            gaps[0].rule,
            "{measure} kan niet starten; nog niet in orde: {missing}.",
            measure=MEASURE_LABELS[kind],
            missing=_listed(gaps),
        )
    if kind == MeasureKind.IBO and facts.resignation_signed_on:
        return resignation_refusal(kind, facts, facts.resignation_signed_on)
    return None


def close_refusal(kind: str, facts: MeasureFacts) -> Reason | None:
    """TRN-09, TRN-10: closing is refused while an evaluation or statement is missing."""
    gaps = missing_for_close(kind, facts)
    if not gaps:
        return None
    return reason(
        gaps[0].rule,
        "{measure} kan niet afgesloten worden; nog niet in orde: {missing}.",
        measure=MEASURE_LABELS[kind],
        missing=_listed(gaps),
    )


def resignation_refusal(kind: str, facts: MeasureFacts, signing_day: date) -> Reason | None:
    """TRN-11: for an IBO the worker resigns from the SEC company only once the future employer
    has given a sample contract or engagement statement (the worker gives up an open-ended job)."""
    if kind != MeasureKind.IBO:
        return None
    got = facts.sample_contract_on
    if got is None and "sample_contract" in facts.present:
        return None  # on file without a date: nothing to compare
    if got is not None and got <= signing_day:
        return None
    return reason(
        "TRN-11",
        "Laat het ontslag pas tekenen na een voorbeeldcontract of engagementsverklaring van de "
        "toekomstige werkgever (ontslag op {day}).",
        day=f"{signing_day:%d/%m/%Y}",
    )


def start_warnings(kind: str, facts: MeasureFacts) -> tuple[Reason, ...]:
    """Seed advice that warns, never blocks."""
    if kind == MeasureKind.ACTIVA and facts.coach_accompanies_rva is False:
        return (
            reason(
                "TRN-12",
                "Vergezel de kandidaat bij de aanvraag van de ACTIVA-werkkaart, zodat hij niet "
                "zonder of met een te lage ACTIVA-categorie blijft.",
            ),
        )
    return ()
