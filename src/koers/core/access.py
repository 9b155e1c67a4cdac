"""Who may see what: the one place where row-level access is decided.

Every client-bearing queryset offers `visible_to(user)`; every list, detail, export and API
endpoint starts from it. The policy:
- an administrator sees everything;
- centre staff see every client and trajectory of the organisations where they are staff;
- a coach, mediator or job coach sees the trajectories they are responsible for, their clients,
  and what hangs under those trajectories (contacts, assignments, plans, documents);
- a trajectory whose `access_until` has passed is seen by administrators only.
A user with several roles sees the union.
"""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone


def _nothing() -> Q:
    return Q(pk__in=[])


def trajectory_condition(user, prefix: str = "") -> Q | None:
    """A Q over trajectories (reached through `prefix`) that `user` may see; None means all."""
    from koers.core.models import GUIDING_ROLES, Role

    if not user.is_authenticated or not user.is_active:
        return _nothing()
    if user.is_administrator:
        return None
    condition = _nothing()
    staff_orgs = user.organisation_ids(Role.CENTRE_STAFF)
    if staff_orgs:
        condition |= Q(**{f"{prefix}organisation_id__in": staff_orgs})
    if user.roles & GUIDING_ROLES:
        condition |= Q(**{f"{prefix}responsible": user})
    # A trajectory whose access ended (a closed mediation service) is gone for everyone but admins.
    still_open = Q(**{f"{prefix}access_until__isnull": True}) | Q(
        **{f"{prefix}access_until__gt": timezone.now()}
    )
    return condition & still_open


def trajectory_parts(user) -> list[Q] | None:
    """`trajectory_condition` as disjoint conditions whose union it is (None: all): for centre
    staff who also guide, their organisations' trajectories, and their own elsewhere. A count
    over each part is an index range; over the one OR, SQLite fetched every row of the
    organisation, or walked the whole table in the grouping's order (issue 14)."""
    from koers.core.models import GUIDING_ROLES, Role

    condition = trajectory_condition(user)
    if condition is None:
        return None
    if not (user.is_authenticated and user.is_active):
        return [condition]
    staff_orgs = user.organisation_ids(Role.CENTRE_STAFF)
    if not staff_orgs:
        return [condition]
    still_open = Q(access_until__isnull=True) | Q(access_until__gt=timezone.now())
    in_orgs = Q(organisation_id__in=staff_orgs)
    parts = [in_orgs & still_open]
    if user.roles & GUIDING_ROLES:
        parts.append(Q(responsible=user) & ~in_orgs & still_open)
    return parts


def client_condition(user) -> Q | None:
    """A Q over clients that `user` may see; None means all.

    Planned from the user's side (issue 14), never a subquery per client of the whole table:
    - a coach, mediator or job coach: the clients of their own trajectories, an `id IN (...)`
      over the trajectory's responsible index, so the database reads their clients by key;
    - centre staff: their organisations' clients, which they see nearly all of anyway, minus
      the few whose file was closed; only for a client outside that (another organisation's
      client with a trajectory of theirs) the trajectories are looked up, per such client.
    """
    from koers.core.models import Role

    if not user.is_authenticated or not user.is_active:
        return _nothing()
    if user.is_administrator:
        return None
    trajectory = apps.get_model("trajectories", "Trajectory")
    visible = trajectory.objects.filter(trajectory_condition(user))
    staff_orgs = user.organisation_ids(Role.CENTRE_STAFF)
    if not staff_orgs:
        return Q(pk__in=visible.values("client_id"))
    # Staff see their organisation's clients, except one whose file was closed to the
    # organisation (an ended mediation service); another visible trajectory still shows it.
    ended = trajectory.objects.filter(
        organisation_id__in=staff_orgs, access_until__lte=timezone.now()
    ).values("client_id")
    # First in the OR, so the correlated lookup runs only for the rows it does not decide.
    return (Q(organisation_id__in=staff_orgs) & ~Q(pk__in=ended)) | Q(
        Exists(visible.filter(client=OuterRef("pk")))
    )


class VisibleQuerySet(models.QuerySet):
    """For the trajectory and everything that hangs under it through a `trajectory` field."""

    def visible_to(self, user):
        is_trajectory = self.model._meta.label == "trajectories.Trajectory"
        condition = trajectory_condition(user, "" if is_trajectory else "trajectory__")
        return self if condition is None else self.filter(condition)

    def visible_parts(self, user) -> list:
        """What `visible_to` answers, as disjoint querysets (`trajectory_parts`), for counts
        that add up over them. Trajectories only."""
        parts = trajectory_parts(user)
        return [self] if parts is None else [self.filter(part) for part in parts]


class ClientQuerySet(models.QuerySet):
    def visible_to(self, user):
        condition = client_condition(user)
        return self if condition is None else self.filter(condition)
