"""Reads for the client portal: only the signed-in client's own appointments, tasks and vouchers."""

from datetime import datetime

from koers.core.models import Client
from koers.trajectories.models import Assignment, AssignmentStatus, Contact, ContactOutcome
from koers.vouchers.models import Voucher


def portal_home(client: Client, now: datetime) -> dict:
    """The client's next planned appointments, open assignments and vouchers."""
    appointments = (
        Contact.objects.filter(
            trajectory__client=client, starts_at__gte=now, outcome=ContactOutcome.PLANNED
        )
        .select_related("staff")
        .order_by("starts_at")[:20]
    )
    assignments = Assignment.objects.filter(
        trajectory__client=client, status=AssignmentStatus.OPEN
    ).order_by("deadline")[:20]
    vouchers = Voucher.objects.filter(client=client).select_related("trajectory").order_by("number")
    return {
        "client": client,
        "appointments": appointments,
        "assignments": assignments,
        "vouchers": vouchers,
    }


def own_voucher(client: Client, pk: int) -> Voucher | None:
    """One of the client's own vouchers (None for anyone else's)."""
    return Voucher.objects.filter(client=client, pk=pk).select_related("trajectory").first()


def evaluated_voucher(pk: int) -> Voucher | None:
    """The voucher an evaluation link names, with its centre."""
    return Voucher.objects.filter(pk=pk).select_related("trajectory__organisation").first()
