"""INT-05: a coach's absences, recorded by the coach or the centre's staff; routing skips an
absent coach."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import Organisation, User
from koers.intake.models import CoachUnavailability
from koers.intake.selectors import centre_coaches, is_centre_staff


@transaction.atomic
def unavailability_add(
    *,
    coach: User,
    organisation: Organisation,
    starts_at: datetime,
    ends_at: datetime,
    reason: str,
    acting_user: User,
) -> CoachUnavailability:
    if acting_user.pk != coach.pk and not is_centre_staff(acting_user, organisation.pk):
        raise ValidationError({"coach": [_("Je kan alleen je eigen afwezigheid doorgeven.")]})
    if not centre_coaches(organisation).filter(pk=coach.pk).exists():
        raise ValidationError({"coach": [_("Deze coach werkt niet voor dit centrum.")]})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": [_("Het einde ligt vóór het begin.")]})
    if len(reason) > 200:
        raise ValidationError({"reason": [_("Hoogstens 200 tekens.")]})
    return save_with_user(
        CoachUnavailability(
            organisation=organisation,
            coach=coach,
            starts_at=starts_at,
            ends_at=ends_at,
            reason=reason.strip(),
            created_by=acting_user,
        ),
        acting_user,
    )


@transaction.atomic
def unavailability_delete(*, item: CoachUnavailability, acting_user: User) -> None:
    if acting_user.pk != item.coach_id and not is_centre_staff(acting_user, item.organisation_id):
        raise ValidationError({"__all__": [_("Je kan alleen je eigen afwezigheid schrappen.")]})
    # The history keeps the deleted period and who deleted it (issue 15: no delete without trace).
    item._history_user = acting_user
    item.delete()
