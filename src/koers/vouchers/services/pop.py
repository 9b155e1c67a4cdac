"""The POP (LBC-12, LBC-13): versions written by coach or client, finalising, the combined POP."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.models import User
from koers.trajectories.models import (
    Contact,
    ContactForm,
    ContactOutcome,
    Plan,
    PlanKind,
)
from koers.trajectories.services import (
    plan_create,
    plan_save_version,
)
from koers.vouchers import rules
from koers.vouchers.models import (
    Voucher,
    VoucherSettings,
)
from koers.vouchers.rules.pop import pop_blocks_finalising, pop_problems, pop_title
from koers.vouchers.services.common import lock_voucher, save_voucher


def pop_plan(voucher: Voucher) -> Plan | None:
    """The POP of this voucher; for a combined POP, the one on voucher 2 (LBC-13)."""
    plan = Plan.objects.filter(trajectory=voucher.trajectory, kind=PlanKind.DEVELOPMENT).first()
    if plan is None and voucher.number == 1 and voucher.combined_pop:
        partner = (
            Voucher.objects.filter(client=voucher.client, number=2)
            .select_related("trajectory")
            .first()
        )
        if partner:
            plan = Plan.objects.filter(
                trajectory=partner.trajectory, kind=PlanKind.DEVELOPMENT
            ).first()
    return plan


def _pop_vouchers(voucher: Voucher) -> tuple[int, ...]:
    return (1, 2) if voucher.combined_pop and voucher.number == 2 else (voucher.number,)


@transaction.atomic
def pop_save(*, voucher: Voucher, content: dict, acting_user: User | None, by_client: bool = False):
    """Save a new version of the POP (the client owns it: they may write it through the portal)."""
    voucher = lock_voucher(voucher)
    plan = pop_plan(voucher)
    if plan is None:
        if voucher.number == 1 and voucher.combined_pop:
            raise ValidationError(
                {"__all__": [_("Dit gecombineerde POP wordt bij cheque 2 opgemaakt. (LBC-13)")]}
            )
        plan = plan_create(
            trajectory=voucher.trajectory,
            kind=PlanKind.DEVELOPMENT,
            title=pop_title(_pop_vouchers(voucher)),
            content=content,
            acting_user=acting_user,
        )
        version = plan.versions.get()
        if by_client:
            version.author_is_client = True
            version.save(update_fields=["author_is_client"])
        return version
    return plan_save_version(
        plan=plan, content=content, acting_user=acting_user, by_client=by_client
    )


def pop_facts(voucher: Voucher, content: dict) -> rules.pop.PopFacts:
    from koers.vouchers.rules.pop import Action, PopFacts

    actions = []
    for raw in content.get("actions", []):
        by_when = raw.get("by_when") or None
        if isinstance(by_when, str):
            try:
                by_when = date.fromisoformat(by_when)
            except ValueError:
                by_when = None
        actions.append(
            Action(
                what=raw.get("what", ""),
                by_when=by_when,
                by_whom=raw.get("by_whom", ""),
                voucher=int(raw["voucher"]) if str(raw.get("voucher", "")).isdigit() else None,
            )
        )
    covered = {int(k): v for k, v in (content.get("covered") or {}).items() if str(k).isdigit()}
    return PopFacts(
        sections=content.get("sections", {}),
        actions=tuple(actions),
        style=content.get("style", "action"),
        vouchers=_pop_vouchers(voucher),
        covered=covered,
    )


def pop_requires_actions(voucher: Voucher) -> bool:
    settings_row = VoucherSettings.objects.filter(
        organisation_id=voucher.trajectory.organisation_id
    ).first()
    return bool(settings_row and settings_row.pop_requires_actions)


@transaction.atomic
def pop_finalise(
    *, voucher: Voucher, acting_user: User, synthesis_date: date | None = None
) -> Plan:
    """Finalise the POP in the synthesis conversation (LBC-12) and fix the synthesis date (LBC-18)."""
    voucher = lock_voucher(voucher)
    plan = pop_plan(voucher)
    if plan is None:
        raise ValidationError({"__all__": [_("Er is nog geen POP om te finaliseren. (LBC-12)")]})
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    latest = plan.versions.order_by("-number").first()
    required = pop_requires_actions(voucher)
    reasons = pop_problems(
        pop_facts(voucher, latest.content if latest else {}), actions_required=required
    )
    if pop_blocks_finalising(reasons, actions_required=required):
        raise ValidationError({"__all__": [f"{r.message} ({r.rule})" for r in reasons]})
    plan.finalised_at = timezone.now()
    plan._history_user = acting_user
    plan.save()
    synthesis = synthesis_date or _last_guidance_day(voucher) or timezone.localdate()
    for target in [voucher, *_combined_partners(voucher)]:
        if target.synthesis_date is None:
            target.synthesis_date = synthesis
            save_voucher(target, acting_user)
    return plan


def _combined_partners(voucher: Voucher) -> list[Voucher]:
    """LBC-18: with a combined POP each voucher keeps its own synthesis date (its last contact)."""
    if not (voucher.combined_pop and voucher.number == 2):
        return []
    first = Voucher.objects.filter(client=voucher.client, number=1).first()
    if first and first.synthesis_date is None:
        first.synthesis_date = _last_guidance_day(first)
        return [first] if first.synthesis_date else []
    return []


def _last_guidance_day(voucher: Voucher) -> date | None:
    last = (
        Contact.objects.filter(trajectory=voucher.trajectory, outcome=ContactOutcome.HELD)
        .exclude(form__in=[ContactForm.PHONE, ContactForm.WRITTEN, ContactForm.ONLINE_TOOL])
        .order_by("-starts_at")
        .values_list("starts_at", flat=True)
        .first()
    )
    return timezone.localtime(last).date() if last else None


@transaction.atomic
def voucher_combine_pop(*, voucher: Voucher, combined: bool, acting_user: User) -> Voucher:
    """LBC-13: one POP for both vouchers, kept on voucher 2 and noted on voucher 1."""
    pair = list(
        Voucher.objects.select_for_update().filter(client_id=voucher.client_id).order_by("number")
    )
    if [v.number for v in pair] != [1, 2]:
        raise ValidationError(
            {"combined_pop": [_("Een gecombineerd POP kan pas met een tweede cheque. (LBC-13)")]}
        )
    first, second = pair
    own_first = Plan.objects.filter(trajectory=first.trajectory, kind=PlanKind.DEVELOPMENT).first()
    if combined and own_first and own_first.finalised_at:
        raise ValidationError(
            {"combined_pop": [_("Cheque 1 heeft al een gefinaliseerd POP. (LBC-13)")]}
        )
    for target in pair:
        target.combined_pop = combined
        save_voucher(target, acting_user)
    plan = Plan.objects.filter(trajectory=second.trajectory, kind=PlanKind.DEVELOPMENT).first()
    if plan and not plan.finalised_at:
        plan.title = pop_title((1, 2) if combined else (2,))
        plan._history_user = acting_user
        plan.save()
    return next(v for v in pair if v.pk == voucher.pk)
