"""Every time a full national register number is shown, one `NationalNumberReveal` row.

Belgian law (the law of 8 August 1983 on the national register, art. 8) restricts who may use
the number and for what; Koers shows it in full only to roles with `core.view_national_number`
and records each showing here. Kept below the core in the layers (it imports only Django and
the privacy models) so the core's own pages can call it.
"""

from django.utils import timezone

from koers.privacy.models import NationalNumberReveal


def record_reveal(*, user, client_id: int, where: str) -> NationalNumberReveal:
    """Record that `user` was shown the full number of client `client_id` on `where`."""
    return NationalNumberReveal.objects.create(
        user=user, client_id=client_id, at=timezone.now(), where=where
    )


def record_reveals(*, user, client_ids: list[int], where: str) -> None:
    """One row per client whose full number a list showed (one query for the whole page)."""
    now = timezone.now()
    NationalNumberReveal.objects.bulk_create(
        NationalNumberReveal(user=user, client_id=pk, at=now, where=where) for pk in client_ids
    )
