"""The files of large exports are kept `KOERS_EXPORT_KEEP_DAYS` days for their requester; the
periodic sweep then empties them (the record of who exported what stays)."""

from datetime import datetime, timedelta

from django.conf import settings

from koers.core.sweep import sweep_job
from koers.listexports.models import ExportStatus, ListExport
from koers.listexports.services import list_export_set_state

EXPIRE_BATCH = 500  # per run: the next run takes the rest


@sweep_job
def list_export_files_expire(now: datetime) -> int:
    """Idempotent: an emptied file is `expired` and is not met again."""
    cutoff = now - timedelta(days=settings.KOERS_EXPORT_KEEP_DAYS)
    due = ListExport.objects.filter(status=ExportStatus.DONE, finished_at__lt=cutoff)
    done = 0
    for export in due.defer("content").order_by("pk")[:EXPIRE_BATCH]:
        list_export_set_state(export, ExportStatus.EXPIRED, content=b"")
        done += 1
    return done
