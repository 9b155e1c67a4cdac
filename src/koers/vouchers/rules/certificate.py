"""LBC-20: the training certificate ("Attest opleiding in het kader van het POP")."""

from datetime import date

from koers.lib.rules import Reason


def academic_year_start(day: date) -> date:
    """Flemish academic years start on 1 September (our reading; the seed gives no date)."""
    return date(day.year if day.month >= 9 else day.year - 1, 9, 1)


def certificate_refusal(
    *,
    already_issued: bool,
    training_named_in_pop: bool,
    guidance_started_on: date,
    benefit_academic_year_start: date,
    only_to_obtain_benefit: bool,
) -> Reason | None:
    """Why the certificate may not be issued, or None."""
    if already_issued:
        return Reason(
            "LBC-20",
            "Het attest wordt maar één keer afgeleverd; het geldt voor alle inschrijvingsjaren.",
        )
    if not training_named_in_pop:
        return Reason("LBC-20", "De opleiding moet uitdrukkelijk in het POP staan.")
    if guidance_started_on > benefit_academic_year_start:
        return Reason(
            "LBC-20",
            "De begeleiding startte na het begin van het academiejaar waarvoor het voordeel gevraagd wordt.",
        )
    if only_to_obtain_benefit:
        return Reason(
            "LBC-20",
            "De begeleiding werd enkel gestart om opleidingscheques, -krediet of -verlof te krijgen, zonder andere loopbaanvraag.",
        )
    return None
