"""Staff mails from the billing sweep (issue 16): they come from the centre's address (its house
style, `centre_sender`), say in plain words what is waiting and link to the page in Koers."""

from collections.abc import Iterable, Sequence

from koers.core.models import Membership, Organisation, Role
from koers.outbox.services import mail_queue
from koers.trajectories.centre_mail import centre_sender


def coach_centres(coach_ids: Iterable[int]) -> dict[int, Organisation]:
    """Each coach's centre (the oldest active coach membership), in one query: the centre a mail
    to the coach comes from."""
    centres: dict[int, Organisation] = {}
    memberships = (
        Membership.objects.filter(user_id__in=list(coach_ids), role=Role.COACH, is_active=True)
        .select_related("organisation")
        .order_by("pk")
    )
    for membership in memberships:
        centres.setdefault(membership.user_id, membership.organisation)
    return centres


def staff_mail(
    *, kind: str, organisation: Organisation | None, to: Sequence[str], subject: str, body: str
) -> None:
    """Queue a staff mail from the centre (the default sender when the centre has no address)."""
    mail_queue(
        kind=kind,
        organisation=organisation,
        sender=centre_sender(organisation) if organisation else "",
        to=to,
        subject=subject,
        body=body,
    )
