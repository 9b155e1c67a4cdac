"""The POP (LBC-12, LBC-13): versions written by coach or client, finalising, the combined POP."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import User
from koers.lib.refusals import refusal
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
from koers.vouchers.models import (
    Voucher,
)
from koers.vouchers.rules.pop import (
    MalformedPop,
    pop_blocks_finalising,
    pop_facts_from_content,
    pop_is_empty,
    pop_problems,
    pop_title,
)
from koers.vouchers.selectors import pop_facts, pop_plan, pop_requires_actions, pop_vouchers
from koers.vouchers.services.common import lock_voucher


def voucher_plan_check(trajectory, kind: str, content: dict) -> None:
    """LBC-12 for plans written outside the POP page (the generic plan page, `/plans`): a
    voucher's POP keeps its one shape, so that it can never be misread."""
    if kind != PlanKind.DEVELOPMENT:
        return
    voucher = Voucher.objects.filter(trajectory=trajectory).first()
    if voucher is None:
        return
    try:
        _validated_content(voucher, content)
    except ValidationError as exc:
        raise ValidationError(
            {
                "content": [
                    *exc.messages,
                    _("Het POP van een loopbaancheque bewerk je op de POP-pagina van de cheque."),
                ]
            }
        ) from None


@transaction.atomic
def pop_save(*, voucher: Voucher, content: dict, acting_user: User | None, by_client: bool = False):
    """Save a new version of the POP (the client owns it: they may write it through the portal)."""
    voucher = lock_voucher(voucher)
    content = _validated_content(voucher, content)
    plan = pop_plan(voucher)
    if plan is None:
        if voucher.pop_follows_with_voucher_2:
            raise ValidationError(
                {"__all__": [_("Dit gecombineerde POP wordt bij cheque 2 opgemaakt. (LBC-13)")]}
            )
        plan = plan_create(
            trajectory=voucher.trajectory,
            kind=PlanKind.DEVELOPMENT,
            title=pop_title(pop_vouchers(voucher)),
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


def _validated_content(voucher: Voucher, content: dict) -> dict:
    """LBC-12: only POP-shaped, non-empty content becomes a version."""
    try:
        facts = pop_facts_from_content(content, pop_vouchers(voucher))
    except MalformedPop as exc:
        raise ValidationError({"__all__": [f"{exc} (LBC-12)"]}) from None
    if pop_is_empty(facts):
        raise ValidationError(
            {
                "__all__": [
                    _(
                        "Een leeg POP wordt niet bewaard: vul minstens één rubriek of actie in. (LBC-12)"
                    )
                ]
            }
        )
    return content


@transaction.atomic
def pop_finalise(
    *, voucher: Voucher, acting_user: User, synthesis_date: date | None = None
) -> Plan:
    """Finalise the POP in the synthesis conversation (LBC-12) and fix the synthesis date (LBC-18)."""
    voucher = lock_voucher(voucher)
    plan = pop_plan(voucher)
    if plan is None:
        raise ValidationError({"__all__": [_("Er is nog geen POP om te finaliseren. (LBC-12)")]})
    # A new version saved while finalising would be final unseen: the plan is locked, then read.
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    latest = plan.versions.order_by("-number").first()
    required = pop_requires_actions(voucher)
    reasons = pop_problems(
        pop_facts(voucher, latest.content if latest else {}), actions_required=required
    )
    if pop_blocks_finalising(reasons, actions_required=required):
        raise refusal("__all__", *reasons)
    plan.finalised_at = timezone.now()
    save_with_user(plan, acting_user)
    synthesis = synthesis_date or _last_guidance_day(voucher) or timezone.localdate()
    if voucher.synthesis_date is None:
        voucher.synthesis_date = synthesis
        save_with_user(voucher, acting_user)
    first = _combined_first_voucher(voucher)
    if first is not None and first.synthesis_date is None:
        # LBC-13/18: voucher 1 keeps its own synthesis date: its last guidance contact.
        first.synthesis_date = _last_guidance_day(first) or synthesis
        save_with_user(first, acting_user)
    return plan


def _combined_first_voucher(voucher: Voucher) -> Voucher | None:
    """Voucher 1 of a combined POP finalised on voucher 2 (locked), else None."""
    if not voucher.keeps_combined_pop:
        return None
    # Its synthesis date is set only when empty: locked, two finalisings cannot both set it.
    return (
        Voucher.objects.select_for_update()
        .select_related("trajectory")
        .filter(client_id=voucher.client_id, number=1)
        .first()
    )


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
    # Both vouchers locked: combining on one while the other's POP is finalised (or combined
    # the other way) would leave the pair disagreeing about where the POP is (LBC-13).
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
        save_with_user(target, acting_user)
    plan = Plan.objects.filter(trajectory=second.trajectory, kind=PlanKind.DEVELOPMENT).first()
    if plan and not plan.finalised_at:
        plan.title = pop_title((1, 2) if combined else (2,))
        save_with_user(plan, acting_user)
    return next(v for v in pair if v.pk == voucher.pk)
