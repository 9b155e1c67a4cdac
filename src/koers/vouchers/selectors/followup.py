"""Reads after the sessions and around the voucher: aftercare (LBC-18), group feedback (LBC-05),
and whether the client's page offers a new voucher (LBC-01)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Sum

from koers.core import permissions
from koers.core.models import User
from koers.trajectories.models import Contact, ContactForm, ContactOutcome, Programme
from koers.trajectories.rulesets import ruleset_missing, versions
from koers.vouchers.models import GroupParticipant, Voucher
from koers.vouchers.rules.aftercare import aftercare_deadline, aftercare_within_right
from koers.vouchers.rules.entitlement import Entitlement, voucher_entitlement
from koers.vouchers.rules.evaluation import EvaluationStep, evaluation_next_step, next_letter_on
from koers.vouchers.selectors.common import ruleset_of


@dataclass(frozen=True)
class AftercareTotals:
    """LBC-18: what was registered, how much of it is within the client's right, until when."""

    registered_minutes: int
    within_right_minutes: int
    right_minutes: int
    deadline: date | None

    @property
    def beyond_right_minutes(self) -> int:
        return self.registered_minutes - self.within_right_minutes


def aftercare_totals(voucher: Voucher) -> AftercareTotals:
    ruleset = ruleset_of(voucher)
    registered = voucher.aftercare.aggregate(total=Sum("minutes"))["total"] or 0
    return AftercareTotals(
        registered_minutes=registered,
        within_right_minutes=aftercare_within_right(registered, ruleset),
        right_minutes=ruleset.aftercare_minutes,
        deadline=aftercare_deadline(voucher.synthesis_date, ruleset)
        if voucher.synthesis_date
        else None,
    )


@dataclass(frozen=True)
class GroupFeedbackRow:
    """LBC-05: a group session of this voucher, where its insights were fed back (or the choice)."""

    participation: GroupParticipant
    candidates: list[Contact]


def group_feedback_candidates(participation: GroupParticipant) -> list[Contact]:
    """LBC-05: the held individual or video sessions on the same voucher from the session on."""
    return list(
        Contact.objects.filter(
            trajectory_id=participation.voucher.trajectory_id,
            outcome=ContactOutcome.HELD,
            form__in=[ContactForm.INDIVIDUAL, ContactForm.VIDEO, ContactForm.TOOL_INTERPRETATION],
            starts_at__gte=participation.session.starts_at,
        )
        .exclude(introduction__isnull=False)
        .order_by("starts_at", "id")
    )


def group_feedback_rows(voucher: Voucher) -> list[GroupFeedbackRow]:
    participations = GroupParticipant.objects.filter(voucher=voucher).select_related(
        "session", "contact", "feedback_contact", "voucher"
    )
    return [
        GroupFeedbackRow(p, [] if p.feedback_contact_id else group_feedback_candidates(p))
        for p in participations.order_by("session__starts_at", "id")
    ]


@dataclass(frozen=True)
class VoucherOffer:
    """What the client's page offers: "+ Loopbaancheque", or why a new voucher is not possible."""

    can_open: bool
    why_not: str = ""  # the reason's sentence, in the reader's language
    rule: str = "LBC-01"


def entitlement_today(client, today: date) -> tuple[str | None, Entitlement | None]:
    """LBC-01 for a client today: the message when no rule set is in force (it names the last
    version and who can publish the next one), else the entitlement to a next voucher."""
    started = list(
        Voucher.objects.filter(client=client).values_list("trajectory__start_date", flat=True)
    )
    missing = ruleset_missing(Programme.VOUCHER, today)
    if missing:
        return missing, None
    return None, voucher_entitlement(
        started_on=started, today=today, rulesets=versions(Programme.VOUCHER)
    )


def voucher_offer(*, user: User, client, today) -> VoucherOffer | None:
    """None when this user opens no vouchers for this client's organisation at all (a mediator,
    a job coach, another organisation's mandate): then nothing is offered."""
    if permissions.programme_refusal(user, client.organisation, Programme.VOUCHER):
        return None
    missing, entitlement = entitlement_today(client, today)
    if missing:
        return VoucherOffer(False, missing)
    if entitlement.allowed:
        return VoucherOffer(True)
    return VoucherOffer(False, entitlement.reason.message, entitlement.reason.rule)


def evaluation_step(voucher: Voucher, today: date) -> EvaluationStep | None:
    """LBC-15: the invitation, reminder or filed correspondence due today, if any."""
    return evaluation_next_step(
        ended_on=voucher.trajectory.end_date,
        invited_on=voucher.evaluation_invited_on,
        reminders_sent=voucher.evaluation_reminders_sent,
        last_sent_on=voucher.evaluation_last_sent_on,
        received=voucher.evaluation_received_on is not None,
        correspondence_added=voucher.evaluation_correspondence_added_on is not None,
        today=today,
        ruleset=ruleset_of(voucher),
    )


def evaluation_letter_step(voucher: Voucher, today: date) -> EvaluationStep | None:
    """LBC-15, paper route: the letter due today for a client without an e-mail address."""
    if voucher.client.email:
        return None
    step = evaluation_step(voucher, today)
    return step if step in (EvaluationStep.INVITE, EvaluationStep.REMIND) else None


def evaluation_next_letter_on(voucher: Voucher) -> date | None:
    """LBC-15: the first day the next paper reminder is due."""
    return next_letter_on(last_sent_on=voucher.evaluation_last_sent_on, ruleset=ruleset_of(voucher))
