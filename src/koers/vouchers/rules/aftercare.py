"""LBC-18: aftercare, 30 minutes per voucher in half hours, up to a year after the synthesis."""

from datetime import date, timedelta

from koers.lib.rules import Reason, reason
from koers.vouchers.rules.ruleset import Ruleset


def aftercare_refusal(
    *, used_minutes: int, minutes: int, on: date, synthesis_date: date | None, ruleset: Ruleset
) -> Reason | None:
    """Why this aftercare registration is refused, or None when it may be registered."""
    if synthesis_date is None:
        return Reason("LBC-18", "Nazorg kan pas na het synthesegesprek.")
    if minutes <= 0 or minutes % ruleset.block_minutes:
        return Reason("LBC-18", "Nazorg wordt per half uur geregistreerd.")
    if on < synthesis_date:
        return Reason("LBC-18", "Nazorg ligt na het synthesegesprek.")
    if on > aftercare_deadline(synthesis_date, ruleset):
        return Reason("LBC-18", "Nazorg kan tot één jaar na het synthesegesprek.")
    if used_minutes + minutes > ruleset.aftercare_minutes:
        left = max(ruleset.aftercare_minutes - used_minutes, 0)
        return reason(
            "LBC-18",
            "Per loopbaancheque is er maximaal {maximum} minuten nazorg; nog {left} minuten over.",
            maximum=ruleset.aftercare_minutes,
            left=left,
        )
    return None


def aftercare_deadline(synthesis_date: date, ruleset: Ruleset) -> date:
    return synthesis_date + timedelta(days=ruleset.aftercare_window_days)
