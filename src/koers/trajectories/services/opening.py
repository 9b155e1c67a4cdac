"""Opening a trajectory: the mandate check, the programme's own opener, a client with their first."""

from collections.abc import Callable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core import permissions
from koers.core.history import save_with_user
from koers.core.models import Client, Organisation, User
from koers.core.states import record_state
from koers.trajectories.models import Programme, Trajectory, TrajectoryStatus


def programme_open_check(
    *, acting_user: User | None, organisation: Organisation, programme: str, field="programme"
) -> None:
    """The organisation's mandate decides the programmes, and within it centre staff or the
    programme's own guide open them (`core/rules.py`). Every opening (pages, API, import, lead
    conversion, referral) passes through `trajectory_open`, which calls this.
    `acting_user=None` is the command line."""
    if acting_user is None:
        return
    reason = permissions.programme_refusal(acting_user, organisation, programme)
    if reason is not None:
        raise ValidationError({field: [reason.message]})


@transaction.atomic
def trajectory_open(
    *,
    client: Client,
    programme: str,
    responsible: User,
    organisation: Organisation,
    start_date: date,
    end_date: date | None = None,
    title: str = "",
    acting_user: User,
) -> Trajectory:
    """Open a trajectory, active from the start; its first status is recorded (from nothing)."""
    if programme not in Programme.values:
        raise ValidationError({"programme": [_("Kies een programma uit de lijst.")]})
    programme_open_check(acting_user=acting_user, organisation=organisation, programme=programme)
    if not responsible.is_active:
        raise ValidationError({"responsible": [_("Deze medewerker is niet actief.")]})
    if end_date and end_date < start_date:
        raise ValidationError({"end_date": [_("De einddatum ligt vóór de startdatum.")]})
    trajectory = Trajectory(
        client=client,
        programme=programme,
        responsible=responsible,
        organisation=organisation,
        start_date=start_date,
        end_date=end_date,
        title=title.strip(),
        status=TrajectoryStatus.ACTIVE,
    )
    save_with_user(trajectory, acting_user)
    record_state(trajectory, "status", "", trajectory.status, acting_user=acting_user)
    return trajectory


# Programme apps that need more than a bare trajectory (a voucher number, a referral, ...) register
# how their trajectories are opened; the core stays free of their rules.
_PROGRAMME_OPENERS: dict[str, Callable[..., Trajectory]] = {}


def register_programme_opener(programme: str, opener: Callable[..., Trajectory]) -> None:
    _PROGRAMME_OPENERS[programme] = opener


def programme_open(
    *,
    client: Client,
    programme: str,
    responsible: User,
    organisation: Organisation,
    start_date: date,
    title: str = "",
    acting_user: User,
) -> Trajectory:
    """Open a trajectory the way its programme wants; every entry point (pages, API, import) uses this."""
    if programme in Programme.values:  # before the programme's own checks, named on `programme`
        programme_open_check(
            acting_user=acting_user, organisation=organisation, programme=programme
        )
    opener = _PROGRAMME_OPENERS.get(programme, trajectory_open)
    kwargs = {
        "client": client,
        "responsible": responsible,
        "organisation": organisation,
        "start_date": start_date,
        "title": title,
        "acting_user": acting_user,
    }
    if opener is trajectory_open:
        kwargs["programme"] = programme
    return opener(**kwargs)


@transaction.atomic
def client_register_with_trajectory(
    *,
    organisation: Organisation,
    data,
    programme: str,
    responsible: User,
    acting_user: User,
    start_date: date | None = None,
) -> tuple[Client, Trajectory]:
    """A coach registers a new client and opens their first trajectory, all or nothing.

    A coach only sees clients through their trajectories; without one the new client would vanish
    from their list the moment it is saved.
    """
    from koers.core.services import client_create, client_validate

    # Report the programme and the client's own errors together, so the form shows them all.
    errors: dict[str, list[str]] = {}
    if programme not in Programme.values:
        errors["programme"] = [_("Kies het programma van het traject.")]
    try:
        client_validate(data, today=timezone.localdate())
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    client = client_create(organisation=organisation, data=data, acting_user=acting_user)
    trajectory = programme_open(
        client=client,
        programme=programme,
        responsible=responsible,
        organisation=organisation,
        start_date=start_date or timezone.localdate(),
        acting_user=acting_user,
    )
    return client, trajectory
