"""Application actions and trainings (TRN-08): the kinds seed 003 lists (phase 2.2 "Sollicitatie-
ACTIE" and 2.3 "Jobhunting"), the kinds of employer contact (market development), the worker's
portfolio and the VDAB status the coach changes.

Pure: no Django. Labels are Dutch as the seed writes them; each is a `phrase` so it is translated.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from koers.lib.rules import Joined, Phrase, Reason, phrase, reason


class ActionKind(StrEnum):
    """TRN-08: the four ways of working towards a job."""

    TRAINING = "training"  # individual and collective application trainings
    JOB_CENTER_I = "job_center_1"  # the worker searches, with coaching
    JOB_CENTER_II = "job_center_2"  # workers search vacancies for each other in pairs
    JOB_SEARCH = "job_search"  # the coach searches and creates vacancies, also live in coaching
    MARKET_DEVELOPMENT = "market_development"  # prospecting, company visits, job days, fairs


ACTION_LABELS: Mapping[str, Phrase] = MappingProxyType(
    {
        ActionKind.TRAINING: phrase("Sollicitatietraining"),
        ActionKind.JOB_CENTER_I: phrase("Job center I: Exploreren van verschillende jobkanalen"),
        ActionKind.JOB_CENTER_II: phrase("Job center II: Vacaturesearch voor elkaar"),
        ActionKind.JOB_SEARCH: phrase("Job-search"),
        ActionKind.MARKET_DEVELOPMENT: phrase("Marktbewerking"),
    }
)

# TRN-08: job-center II ends in plenary with the coaching questions of the PDP.
JOB_CENTER_II_QUESTIONS: tuple[Phrase, ...] = (
    phrase("Wat ga je concreet doen?"),
    phrase("Wat heb je hierbij nodig?"),
)


class TrainingForm(StrEnum):
    """TRN-08: DOne mixed individual and collective trainings."""

    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"


TRAINING_FORM_LABELS: Mapping[str, Phrase] = MappingProxyType(
    {TrainingForm.INDIVIDUAL: phrase("Individueel"), TrainingForm.COLLECTIVE: phrase("Collectief")}
)


@dataclass(frozen=True)
class Training:
    key: str
    label: Phrase
    duration: Phrase | None = None  # as the seed gives it ("1 dag", "1/2 dag")


# TRN-08: the trainings of seed 003 (page 16–17), in its order; an organisation adds its own.
TRAININGS: tuple[Training, ...] = (
    Training("application_training", phrase("Sollicitatietraining: Solliciteren kan je leren!")),
    Training("cv", phrase("Je CV")),
    Training("job_channels", phrase("Job center I: Exploreren van verschillende jobkanalen")),
    Training("motivation_letter", phrase("Scoren met je motivatiebrief!")),
    Training("stoefboek", phrase("Stoefboek")),
    Training("psychotechnical_tests", phrase("Voorbereiding op psychotechnische selectieproeven")),
    Training(
        "bus_driver_exam",
        phrase("Voorbereiding op het examen van buschauffeur bij De Lijn (tram en bus)"),
    ),
    Training("hoekenwerk", phrase("Hoekenwerk"), phrase("1 dag")),
    Training(
        "job_center_2", phrase("Job center II: Vacaturesearch voor elkaar"), phrase("1/2 dag")
    ),
    Training("workshop", phrase("Workshop")),  # domain.md TRN-08 names workshops too
)
TRAINING_KEYS = frozenset(t.key for t in TRAININGS)

# TRN-08: what the small groups of a "hoekenwerk" day work on.
HOEKENWERK_PARTS: tuple[Phrase, ...] = (
    phrase("Voorstelling aan de groep van je eigen profiel in drie zinnen."),
    phrase("Sollicitatiespel (Randstad)"),
    phrase("Persoonlijke eigenschappen op de werkvloer: Axenroos."),
    phrase("PDP-schema & -actieplan tot een succesvol sollicitatiegesprek."),
)


class EmployerContactKind(StrEnum):
    """TRN-08 market development, TRN-13 the employer contacts the KPIs count."""

    WORKER_COMPANY_VISIT = "worker_company_visit"  # KPI 13
    PHONE_PROSPECTING = "phone_prospecting"  # KPI 14
    COACH_PROSPECTING_VISIT = "coach_prospecting_visit"  # KPI 15
    COMPANY_PRESENTATION = "company_presentation"  # KPI 16
    JOB_DAY = "job_day"
    JOB_FAIR = "job_fair"


EMPLOYER_CONTACT_LABELS: Mapping[str, Phrase] = MappingProxyType(
    {
        EmployerContactKind.WORKER_COMPANY_VISIT: phrase(
            "Bedrijfsbezoek - voorstelling aan doelgroep medewerker"
        ),
        EmployerContactKind.PHONE_PROSPECTING: phrase("Telefonische prospectie"),
        EmployerContactKind.COACH_PROSPECTING_VISIT: phrase(
            "Bedrijfsbezoek - voorstel project en prospectie"
        ),
        EmployerContactKind.COMPANY_PRESENTATION: phrase("Bedrijfsvoorstelling"),
        EmployerContactKind.JOB_DAY: phrase("Jobdag"),
        EmployerContactKind.JOB_FAIR: phrase("Jobbeurs"),
    }
)


class PortfolioPiece(StrEnum):
    """TRN-08: each worker's portfolio for the NEC."""

    CV = "cv"
    MOTIVATION_LETTER = "motivation_letter"
    STOEFBOEK = "stoefboek"


PORTFOLIO_LABELS: Mapping[str, Phrase] = MappingProxyType(
    {
        PortfolioPiece.CV: phrase("CV"),
        PortfolioPiece.MOTIVATION_LETTER: phrase("Motivatiebrief"),
        PortfolioPiece.STOEFBOEK: phrase("Stoefboek"),
    }
)


def portfolio_missing(present: Iterable[str]) -> tuple[PortfolioPiece, ...]:
    """TRN-08: the portfolio pieces the worker does not have yet, in the seed's order."""
    have = set(present)
    return tuple(p for p in PortfolioPiece if p not in have)


def portfolio_reminder(present: Iterable[str]) -> Reason | None:
    """TRN-08: a reminder (never a block) naming the pieces still missing."""
    gaps = portfolio_missing(present)
    if not gaps:
        return None
    return reason(
        "TRN-08",
        "Het portfolio is nog niet volledig; ontbreekt: {missing}.",
        missing=Joined(tuple(PORTFOLIO_LABELS[p] for p in gaps)),
    )


class VdabStatus(StrEnum):
    """TRN-08: the worker's status at VDAB; the coach moves it from working to working and looking
    for work, so that VDAB sends matching vacancies automatically."""

    WORKING = "working"
    WORKING_AND_SEEKING = "working_and_seeking"


VDAB_STATUS_LABELS: Mapping[str, Phrase] = MappingProxyType(
    {
        VdabStatus.WORKING: phrase("werkend"),
        VdabStatus.WORKING_AND_SEEKING: phrase("werkend en op zoek naar werk"),
    }
)


def vdab_status_reminder(status: str | None) -> Reason | None:
    """TRN-08: once application actions start, remind the coach while the status is not yet
    "werkend en op zoek naar werk" (unknown counts as not yet)."""
    if status == VdabStatus.WORKING_AND_SEEKING:
        return None
    return reason(
        "TRN-08",
        "Pas de VDAB-status van de doelgroepwerknemer aan van ‘werkend’ naar ‘werkend en op zoek "
        "naar werk’: zo krijgt hij automatisch passende jobs toegestuurd.",
    )


def training_refusal(key: str, form: str, known: Iterable[str] = TRAINING_KEYS) -> Reason | None:
    """TRN-08: a training is one the organisation knows (the seed's list and its own), given
    individually or collectively."""
    if form not in set(TrainingForm):
        return reason("TRN-08", "Kies individueel of collectief.")
    if key not in set(known):
        return reason("TRN-08", "Onbekende training: ‘{key}’.", key=key)
    return None
