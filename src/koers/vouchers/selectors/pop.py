"""Reads of the POP (LBC-12, LBC-13): which plan is the voucher's, its facts, what it still lacks."""

from dataclasses import dataclass

from koers.lib.rules import Reason
from koers.trajectories.models import Plan, PlanKind, PlanVersion
from koers.vouchers.models import Voucher, VoucherSettings
from koers.vouchers.rules.pop import PopFacts, pop_facts_from_content, pop_problems


def pop_plan(voucher: Voucher) -> Plan | None:
    """The POP of this voucher; for a combined POP, the one on voucher 2 (LBC-13)."""
    plan = Plan.objects.filter(trajectory=voucher.trajectory, kind=PlanKind.DEVELOPMENT).first()
    if plan is None and voucher.pop_follows_with_voucher_2:
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


def pop_plans(vouchers: list[Voucher]) -> dict[int, Plan]:
    """`pop_plan` of many vouchers, by voucher id, in at most three queries."""
    own = {
        p.trajectory_id: p
        for p in Plan.objects.filter(
            trajectory_id__in=[v.trajectory_id for v in vouchers], kind=PlanKind.DEVELOPMENT
        ).order_by("created_at", "id")  # the newest wins, as in pop_plan
    }
    plans = {v.pk: own[v.trajectory_id] for v in vouchers if v.trajectory_id in own}
    waiting = [v for v in vouchers if v.pk not in plans and v.pop_follows_with_voucher_2]
    if waiting:
        partners = {
            p.client_id: p.trajectory_id
            for p in Voucher.objects.filter(
                client_id__in={v.client_id for v in waiting}, number=2
            ).order_by("-id")
        }
        partner_plans = {
            p.trajectory_id: p
            for p in Plan.objects.filter(
                trajectory_id__in=partners.values(), kind=PlanKind.DEVELOPMENT
            ).order_by("created_at", "id")  # the newest wins, as in pop_plan
        }
        for v in waiting:
            plan = partner_plans.get(partners.get(v.client_id))
            if plan is not None:
                plans[v.pk] = plan
    return plans


def pop_vouchers(voucher: Voucher) -> tuple[int, ...]:
    """The vouchers this voucher's POP covers: (1, 2) for a combined POP kept on voucher 2."""
    return (1, 2) if voucher.keeps_combined_pop else (voucher.number,)


def pop_facts(voucher: Voucher, content: dict) -> PopFacts:
    """The stored content read strictly: malformed content raises `MalformedPop` (it cannot be
    stored through `pop_save`, so this only fires on data written around the services)."""
    return pop_facts_from_content(content, pop_vouchers(voucher))


def pop_requires_actions(voucher: Voucher) -> bool:
    settings_row = VoucherSettings.objects.filter(
        organisation_id=voucher.trajectory.organisation_id
    ).first()
    return bool(settings_row and settings_row.pop_requires_actions)


def pop_latest(plan: Plan | None) -> PlanVersion | None:
    return plan.versions.order_by("-number").first() if plan else None


@dataclass(frozen=True)
class PopState:
    """The voucher's POP as a page or the API shows it: the plan, its newest version, and what
    an audit would object to in that version (LBC-12/13)."""

    plan: Plan | None
    latest: PlanVersion | None
    problems: list[Reason]
    actions_required: bool

    @property
    def finalised(self) -> bool:
        return bool(self.plan and self.plan.finalised_at)


def pop_state(voucher: Voucher) -> PopState:
    plan = pop_plan(voucher)
    latest = pop_latest(plan)
    required = pop_requires_actions(voucher)
    problems = (
        pop_problems(pop_facts(voucher, latest.content), actions_required=required)
        if latest
        else []
    )
    return PopState(plan, latest, problems, required)
