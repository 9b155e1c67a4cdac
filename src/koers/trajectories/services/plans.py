"""Plans whose content is versioned: every change adds a version, earlier ones stay readable."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import User
from koers.trajectories.models import Plan, PlanKind, PlanVersion, Trajectory

# Programme rules for a plan's content (e.g. a voucher's POP has one shape, LBC-12); they raise
# ValidationError. Every write of a plan version passes them, whichever page or API wrote it.
PlanCheck = Callable[[Trajectory, str, dict], None]
_PROGRAMME_PLAN_CHECKS: dict[str, PlanCheck] = {}


def register_programme_plan_check(programme: str, check: PlanCheck) -> None:
    _PROGRAMME_PLAN_CHECKS[programme] = check


def _programme_plan_check(trajectory: Trajectory, kind: str, content: dict) -> None:
    check = _PROGRAMME_PLAN_CHECKS.get(trajectory.programme)
    if check:
        check(trajectory, kind, content)


@transaction.atomic
def plan_create(
    *, trajectory: Trajectory, kind: str, title: str, content: dict, acting_user: User
) -> Plan:
    if kind not in PlanKind.values:
        raise ValidationError({"kind": [_("Kies een soort plan uit de lijst.")]})
    if not title.strip():
        raise ValidationError({"title": [_("Geef het plan een titel.")]})
    _programme_plan_check(trajectory, kind, content)
    plan = save_with_user(Plan(trajectory=trajectory, kind=kind, title=title.strip()), acting_user)
    save_with_user(
        PlanVersion(plan=plan, number=1, content=content, author=acting_user), acting_user
    )
    return plan


@transaction.atomic
def plan_save_version(
    *, plan: Plan, content: dict, acting_user: User | None, by_client: bool = False
) -> PlanVersion:
    """Add a new version; earlier versions are never changed. A finalised plan is read-only."""
    # Two saves at once would both read the same latest number and collide on the next one
    # (or one would slip in after the plan was finalised).
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.finalised_at:
        raise ValidationError(
            {"__all__": [_("Dit plan is gefinaliseerd en kan niet meer gewijzigd worden.")]}
        )
    _programme_plan_check(plan.trajectory, plan.kind, content)
    latest = plan.versions.aggregate(n=Max("number"))["n"] or 0
    if latest and plan.versions.get(number=latest).content == content:
        return plan.versions.get(number=latest)
    return save_with_user(
        PlanVersion(
            plan=plan,
            number=latest + 1,
            content=content,
            author=acting_user,
            author_is_client=by_client,
        ),
        acting_user,
    )
