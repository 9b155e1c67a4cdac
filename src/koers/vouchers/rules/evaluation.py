"""LBC-15: the client's evaluation after a voucher, with up to two reminders."""

from datetime import date, timedelta
from enum import StrEnum

from koers.vouchers.rules.ruleset import Ruleset


class EvaluationStep(StrEnum):
    INVITE = "invite"
    REMIND = "remind"
    ADD_CORRESPONDENCE = "add_correspondence"  # after the last reminder went unanswered


def evaluation_next_step(
    *,
    ended_on: date | None,
    invited_on: date | None,
    reminders_sent: int,
    last_sent_on: date | None,
    received: bool,
    correspondence_added: bool,
    today: date,
    ruleset: Ruleset,
) -> EvaluationStep | None:
    """What is due today, if anything. Idempotent: once a step is recorded it is not due again."""
    if received or ended_on is None or correspondence_added:
        return None
    if invited_on is None:
        return EvaluationStep.INVITE
    interval = timedelta(days=ruleset.evaluation_reminder_interval_days)
    if last_sent_on is not None and today < last_sent_on + interval:
        return None
    if reminders_sent < ruleset.evaluation_reminders:
        return EvaluationStep.REMIND
    return EvaluationStep.ADD_CORRESPONDENCE


def next_letter_on(*, last_sent_on: date | None, ruleset: Ruleset) -> date | None:
    """The first day the next reminder is due (the paper route shows it to the coach)."""
    if last_sent_on is None:
        return None
    return last_sent_on + timedelta(days=ruleset.evaluation_reminder_interval_days)
