"""Who sees a billing row (core/access.py's policy): a coach their own rows, centre staff their
centres' rows, an administrator every row. One condition for every billing table."""

from django.db import models
from django.db.models import Q

from koers.core.models import Role


def staff_or_own(user, coach_field: str | None = "coach", centre_field: str = "centre") -> Q | None:
    """The rows `user` may see as a filter; None for all of them (an administrator).

    `coach_field=None`: a row of the whole centre (e.g. an audit), seen by each of its coaches."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.is_administrator:
        return None
    condition = Q(pk__in=[])
    staff_orgs = user.organisation_ids(Role.CENTRE_STAFF)
    if staff_orgs:
        condition |= Q(**{f"{centre_field}_id__in": staff_orgs})
    if coach_field is None:
        return condition | Q(**{f"{centre_field}_id__in": user.organisation_ids(Role.COACH)})
    return condition | Q(**{coach_field: user})


class StaffOrOwnQuerySet(models.QuerySet):
    """`visible_to(user)` for a table with a `coach` and a `centre`."""

    coach_field: str | None = "coach"
    centre_field = "centre"

    def visible_to(self, user):
        condition = staff_or_own(user, self.coach_field, self.centre_field)
        return self if condition is None else self.filter(condition)
