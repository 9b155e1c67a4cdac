"""Who exported what (issue 16): one row per export of a list, small or large. The filter is kept
without personal data: a search text is personal data (a name, a phone number), so only whether a
search was used is kept. A large export runs as a job; its file is kept here for its requester
for `KOERS_EXPORT_KEEP_DAYS` days, then the sweep empties it (the record stays)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("In de wachtrij")
    RUNNING = "running", _("Bezig")
    DONE = "done", _("Klaar")
    FAILED = "failed", _("Mislukt")
    EXPIRED = "expired", _("Verlopen")


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel"


class ListExportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An export holds the rows its requester could see: it is theirs alone."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(requested_by=user)


class ListExport(models.Model):
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("lijst"), max_length=32)
    format = models.CharField(_("formaat"), max_length=8, choices=ExportFormat.choices)
    # The filter as given, without the search text (`searched` says whether there was one).
    filters = models.JSONField(_("filter"), default=dict, blank=True)
    searched = models.BooleanField(_("met zoekopdracht"), default=False)
    row_count = models.PositiveIntegerField(_("aantal rijen"), default=0)
    status = models.CharField(
        _("status"), max_length=16, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    # Only a job's file is kept (an export at once goes straight to the browser).
    content = models.BinaryField(_("bestand"), blank=True, default=b"")
    error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ListExportQuerySet.as_manager()

    class Meta:
        verbose_name = _("export van een lijst")
        verbose_name_plural = _("exports van lijsten")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "finished_at"], name="listexport_status_done")]

    def __str__(self) -> str:
        return f"{self.kind}.{self.format} ({self.row_count})"

    @property
    def is_running(self) -> bool:
        return self.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)

    @property
    def is_done(self) -> bool:
        return self.status == ExportStatus.DONE

    @property
    def download_name(self) -> str:
        return f"{self.kind}-{self.created_at:%Y-%m-%d}.{self.format}"
