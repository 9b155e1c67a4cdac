"""The files of large exports are kept `KOERS_EXPORT_KEEP_DAYS` days for their requester; the
periodic sweep then empties them (the record of who exported what stays)."""

from datetime import datetime, timedelta

from django.conf import settings

from koers.core.sweep import sweep_job
from koers.listexports.models import ExportStatus, ListExport


@sweep_job
def list_export_files_expire(now: datetime) -> int:
    """Idempotent: an emptied file is `expired` and is not met again."""
    cutoff = now - timedelta(days=settings.KOERS_EXPORT_KEEP_DAYS)
    return ListExport.objects.filter(status=ExportStatus.DONE, finished_at__lt=cutoff).update(
        status=ExportStatus.EXPIRED, content=b""
    )
