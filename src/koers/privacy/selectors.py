"""What the privacy pages and API read: the retention preview, the runs, the erasure requests
(each list from `visible_to(user)`: administrators only)."""

from datetime import datetime

from django.core.exceptions import ObjectDoesNotExist

from koers.privacy.models import ErasureRequest, RetentionRun
from koers.privacy.retention import retention_preview

RECENT = 20


def require_privacy_admin(user) -> None:
    """Not an administrator: the privacy pages do not exist for this user (404, not 403)."""
    if not user.has_perm("privacy.manage_personal_data"):
        raise ObjectDoesNotExist


def erasure_requests(user):
    return ErasureRequest.objects.visible_to(user).select_related(
        "requested_by", "confirmed_by", "cancelled_by"
    )


def erasure_request_get(user, pk: int) -> ErasureRequest:
    return erasure_requests(user).get(pk=pk)


def privacy_overview(*, user, now: datetime) -> dict:
    """The home page: what the next retention run touches, the last runs, the requests."""
    require_privacy_admin(user)
    requests = erasure_requests(user)
    return {
        "preview": retention_preview(now),
        "runs": list(RetentionRun.objects.all()[:RECENT]),
        "pending": list(requests.pending()),
        "done": list(requests.exclude(pk__in=requests.pending().values("pk"))[:RECENT]),
    }
