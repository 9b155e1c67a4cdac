"""Opening a voucher (LBC-01), its intake (LBC-10), scope guard (LBC-19), phases (LBC-21), closing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import Client, Organisation, User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason, reason_to_json
from koers.trajectories.models import (
    Programme,
    Trajectory,
    TrajectoryStatus,
)
from koers.trajectories.rulesets import NoRulesetInForce, ruleset_in_force, versions
from koers.trajectories.services import (
    programme_open_check,
    trajectory_open,
)
from koers.vouchers.models import (
    ClosingReason,
    Voucher,
)
from koers.vouchers.rules.entitlement import voucher_entitlement
from koers.vouchers.rules.intake import INTAKE_TOPICS
from koers.vouchers.rules.phases import Phase, can_move
from koers.vouchers.selectors import closing_facts, ruleset_of, scope_payload
from koers.vouchers.services.common import lock_voucher


@transaction.atomic
def voucher_open(
    *,
    client: Client,
    responsible: User,
    organisation: Organisation,
    start_date: date,
    career_question: str = "",
    acting_user: User,
) -> Voucher:
    """LBC-01: open voucher 1 or 2 for a client, judged by the rule set in force on `start_date`."""
    # Only a career centre opens vouchers, by its centre staff or coaches (`core/rules.py`).
    programme_open_check(
        acting_user=acting_user,
        organisation=organisation,
        programme=Programme.VOUCHER,
        field="__all__",
    )
    # Two vouchers opened at once for one client would both count the same earlier vouchers and
    # take the same number (LBC-01): the client row is locked while the number is chosen.
    client = Client.objects.select_for_update().get(pk=client.pk)
    started = list(
        Voucher.objects.filter(client=client).values_list("trajectory__start_date", flat=True)
    )
    try:
        ruleset = ruleset_in_force(Programme.VOUCHER, start_date)
    except NoRulesetInForce as exc:
        # Until an administrator publishes the next version (Centrum ▾ Regelsets).
        raise ValidationError({"start_date": [exc.message]}) from exc
    entitlement = voucher_entitlement(
        started_on=started, today=start_date, rulesets=versions(Programme.VOUCHER)
    )
    if not entitlement.allowed:
        raise refusal("__all__", entitlement.reason)
    trajectory = trajectory_open(
        client=client,
        programme=Programme.VOUCHER,
        responsible=responsible,
        organisation=organisation,
        start_date=start_date,
        title=f"Loopbaancheque {entitlement.next_number}",
        acting_user=acting_user,
    )
    trajectory.phase = Phase.INTAKE
    trajectory.save(update_fields=["phase"])
    voucher = Voucher(
        trajectory=trajectory,
        client=client,
        number=entitlement.next_number,
        ruleset_version=ruleset.version,
        career_question=career_question.strip(),
        scope_warnings=scope_payload(career_question, ruleset),
    )
    return save_with_user(voucher, acting_user)


@transaction.atomic
def voucher_intake_update(
    *, voucher: Voucher, career_question: str, topics: list[str], acting_user: User
) -> Voucher:
    """LBC-10 checklist and the career question; LBC-19 warnings are recomputed when it changes."""
    voucher = lock_voucher(voucher)
    unknown = set(topics) - set(INTAKE_TOPICS)
    if unknown:
        raise ValidationError({"topics": [_("Onbekend onderwerp van de intake.")]})
    question = career_question.strip()
    if question != voucher.career_question:
        voucher.scope_warnings = scope_payload(question, ruleset_of(voucher))
        voucher.scope_resolution, voucher.scope_resolved_at, voucher.scope_resolved_by = (
            "",
            None,
            None,
        )
    voucher.career_question = question
    voucher.intake_topics = [key for key in INTAKE_TOPICS if key in topics]
    return save_with_user(voucher, acting_user)


@transaction.atomic
def voucher_scope_resolve(*, voucher: Voucher, resolution: str, acting_user: User) -> Voucher:
    """LBC-19: the coach explicitly confirms (with a reason) that the question is career guidance."""
    voucher = lock_voucher(voucher)
    if not voucher.scope_warnings:
        raise ValidationError({"resolution": [_("Er is geen waarschuwing om op te lossen.")]})
    if len(resolution.strip()) < 10:
        raise ValidationError(
            {
                "resolution": [
                    _(
                        "Leg in een zin uit waarom dit loopbaanbegeleiding is (of wat het centrum zei)."
                    )
                ]
            }
        )
    voucher.scope_resolution = resolution.strip()
    voucher.scope_resolved_at = timezone.now()
    voucher.scope_resolved_by = acting_user
    return save_with_user(voucher, acting_user)


@transaction.atomic
def voucher_set_phase(*, voucher: Voucher, phase: str, acting_user: User) -> Voucher:
    """LBC-21: phases move forward (deepening and assignments may alternate)."""
    # Two phase changes at once would each be judged against the phase they read (LBC-21).
    trajectory = Trajectory.objects.select_for_update().get(pk=voucher.trajectory_id)
    if not can_move(trajectory.phase, phase):
        raise ValidationError(
            {"phase": [_("Deze fase kan niet volgen op de huidige fase. (LBC-21)")]}
        )
    trajectory.phase = phase
    save_with_user(trajectory, acting_user)
    voucher.trajectory = trajectory
    return voucher


@transaction.atomic
def voucher_close(
    *, voucher: Voucher, acting_user: User, reason: str = "", note: str = ""
) -> Voucher:
    """End the voucher: the evaluation invitation follows from the sweep (LBC-15).

    The dossier points still open are recorded. Closing before the guidance hours or the
    individual minimum are reached ends the voucher early: it needs a reason (the client
    stopped, moved, ...) and the voucher stays "afgesloten, onvolledig".
    """
    from koers.trajectories.services import trajectory_set_status

    voucher = lock_voucher(voucher)
    closing = closing_facts(voucher)
    early = closing.early
    reason = reason.strip()
    note = note.strip()
    if early is not None:
        if reason not in ClosingReason.values:
            # With the rule that makes it end early (LBC-01 or LBC-03): "sentence (rule)".
            choose = Reason(
                early.rule,
                "De cheque stopt vroeger dan gepland: kies de reden (bv. de cliënt stopte of verhuisde).",
            )
            raise refusal("reason", choose)
        if reason == ClosingReason.OTHER and not note:
            raise ValidationError({"note": [_("Licht de andere reden toe.")]})
    trajectory_set_status(
        trajectory=voucher.trajectory,
        status=TrajectoryStatus.CLOSED,
        acting_user=acting_user,
        by_programme=True,
    )
    voucher = lock_voucher(voucher)  # again: closing the trajectory saved it
    voucher.closed_incomplete = early is not None
    voucher.closing_reason = reason if early is not None else ""
    voucher.closing_note = note if early is not None else ""
    voucher.closing_open_points = [
        {"key": item.key, "label": str(item.label), **reason_to_json(item.reason)}
        for item in closing.open_points
    ]
    save_with_user(voucher, acting_user)
    if voucher.trajectory.phase in (
        "",
        Phase.INTAKE,
        Phase.DEEPENING,
        Phase.ASSIGNMENTS,
        Phase.SYNTHESIS,
    ):
        Trajectory.objects.filter(pk=voucher.trajectory_id).update(phase=Phase.EVALUATION)
    return voucher
