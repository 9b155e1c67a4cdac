"""Reads of the outbox: who may see which messages, and the page of those that keep failing."""

from django.db.models import QuerySet

from koers.core.models import Role, User
from koers.outbox.models import OutboxMessage


def may_see_outbox(user: User) -> bool:
    return user.is_authenticated and (user.is_administrator or user.is_centre_staff)


def messages_visible_to(user: User) -> QuerySet[OutboxMessage]:
    """Administrators see every message; centre staff those of their own organisations."""
    if not user.is_authenticated:
        return OutboxMessage.objects.none()
    if user.is_administrator:
        return OutboxMessage.objects.all()
    return OutboxMessage.objects.filter(
        organisation_id__in=user.organisation_ids(Role.CENTRE_STAFF)
    )


def troubled_messages(user: User, *, limit: int = 200) -> dict[str, list[OutboxMessage]]:
    """What staff must look at: messages given up (newest first), and unsent ones that already
    failed at least once (still being retried)."""
    visible = messages_visible_to(user).defer("body", "html")
    return {
        "failed": list(visible.filter(failed_at__isnull=False).order_by("-failed_at")[:limit]),
        "retrying": list(
            visible.unsent().filter(attempts__gt=0).order_by("next_attempt_at")[:limit]
        ),
    }
