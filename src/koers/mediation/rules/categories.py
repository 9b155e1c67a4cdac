"""MED-12: month-end categories (CATWZ) and the partner's own tender settings."""

from datetime import date

from koers.lib.rules import Reason, reason

MAX_SETTING_MONTHS = 60  # a sanity bound for the partner's own maximum duration


def is_catwz_code(code: str) -> bool:
    """A CATWZ category is a two-digit code (e.g. "00", "50")."""
    return len(code) == 2 and code.isascii() and code.isdigit()


def month_end_refusal(
    *, month_end: date, category: str, passive_given: bool, started_on: date | None
) -> tuple[str, Reason] | None:
    """MED-12: a month-end category belongs to a month of mediation, with a real CATWZ code."""
    if started_on is None:
        return (
            "month_end",
            Reason(
                "MED-12", "De bemiddeling is nog niet gestart: er telt nog geen einde van de maand."
            ),
        )
    if month_end < started_on:
        return (
            "month_end",
            reason(
                "MED-12",
                "Deze maand ligt vóór de start van de bemiddeling ({start}): alleen de maanden "
                "van de bemiddeling tellen.",
                start=f"{started_on:%d/%m/%Y}",
            ),
        )
    if category and not is_catwz_code(category):
        return (
            "category",
            Reason("MED-12", "Een CATWZ-categorie is een code van twee cijfers, bv. 00 of 52."),
        )
    if not category and not passive_given:
        return (
            "category",
            Reason("MED-12", "Geef de CATWZ-categorie, of duid aan of het dossier passief was."),
        )
    return None


def tender_setting_refusals(
    *, maximum_months: int, passive_codes: list[str], minimum_months: int
) -> dict[str, Reason]:
    """The partner's confirmation of the values the seed does not give (MED-12)."""
    errors: dict[str, Reason] = {}
    if not minimum_months <= maximum_months <= MAX_SETTING_MONTHS:
        errors["maximum_months"] = reason(
            "MED-12",
            "De maximale duur ligt tussen {minimum} (de minimumduur) en {maximum} maanden.",
            minimum=minimum_months,
            maximum=MAX_SETTING_MONTHS,
        )
    wrong = [c for c in passive_codes if not is_catwz_code(c)]
    if wrong:
        errors["passive_codes"] = reason(
            "MED-12", "Geen CATWZ-code van twee cijfers: {codes}.", codes=", ".join(wrong)
        )
    elif not passive_codes:
        errors["passive_codes"] = Reason("MED-12", "Geef minstens één passieve CATWZ-code.")
    return errors
