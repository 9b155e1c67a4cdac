"""TRN-13: a KPI export run as a job (a long period): who asked for what, how far it is, and the
spreadsheet when it is done. A short period is exported at once, but recorded the same way."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.models import Organisation


class KpiExportStatus(models.TextChoices):
    QUEUED = "queued", _("In de wachtrij")
    RUNNING = "running", _("Bezig")
    DONE = "done", _("Klaar")
    FAILED = "failed", _("Mislukt")


class KpiExportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An export holds the figures its requester chose: theirs (and an administrator's)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_administrator:
            return self
        return self.filter(requested_by=user, organisation_id__in=user.organisation_ids())


class KpiExport(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    start = models.DateField(_("van"))
    end = models.DateField(_("tot en met"))
    baseline_start = models.DateField(_("nulmeting van"))
    baseline_end = models.DateField(_("nulmeting tot en met"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    progress = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    content = models.BinaryField(_("bestand"), blank=True, default=b"")
    file_name = models.CharField(max_length=120, blank=True)
    error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = KpiExportQuerySet.as_manager()

    class Meta:
        verbose_name = _("KPI-export")
        verbose_name_plural = _("KPI-exports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"KPI-export {self.start} – {self.end}"

    # No status column (a job is no entity with a state door): where it is follows from what it
    # recorded — an error, a finished file, progress made, or nothing yet.
    @property
    def status(self) -> str:
        if self.error:
            return KpiExportStatus.FAILED
        if self.finished_at is not None:
            return KpiExportStatus.DONE
        return KpiExportStatus.RUNNING if self.progress else KpiExportStatus.QUEUED

    def get_status_display(self) -> str:
        return str(KpiExportStatus(self.status).label)

    @property
    def is_done(self) -> bool:
        return self.status == KpiExportStatus.DONE

    @property
    def is_running(self) -> bool:
        return self.status in (KpiExportStatus.QUEUED, KpiExportStatus.RUNNING)
