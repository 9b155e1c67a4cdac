"""BIL-01: delivery batches of complete dossiers, and audits (docs/billing.md)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.billing.models.visibility import StaffOrOwnQuerySet
from koers.billing.rules import delivery as rules
from koers.core.models import Organisation
from koers.trajectories.models import Trajectory


class BatchQuerySet(StaffOrOwnQuerySet):
    centre_field = "organisation"


class AuditQuerySet(StaffOrOwnQuerySet):
    coach_field = None  # an audit is the whole centre's: each of its coaches sees it
    centre_field = "organisation"


class BatchState(models.TextChoices):
    # The states of `koers.billing.rules.delivery` (the transition table lives there).
    PREPARED = rules.PREPARED, _("Klaargezet")
    HANDED_IN = rules.HANDED_IN, _("Ingeleverd")
    POSTED = rules.POSTED, _("Verstuurd per post")
    RECEIVED = rules.RECEIVED, _("Ontvangen")


class DeliveryBatch(models.Model):
    """A coach's delivery of original dossiers to the centre (BIL-01)."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="delivery_batches",
        verbose_name=_("coach"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="delivery_batches",
        verbose_name=_("centrum"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    # Changed only through `batch_set_state` (the door: table checked, move recorded).
    state = models.CharField(
        _("status"), max_length=16, choices=BatchState.choices, default=BatchState.PREPARED
    )
    history = HistoricalRecords()

    objects = BatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("zending van dossiers")
        verbose_name_plural = _("zendingen van dossiers")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "state"], name="batch_org_state")]

    def __str__(self) -> str:
        return f"{_('Zending')} {self.pk} — {self.coach}"

    @property
    def is_prepared(self) -> bool:
        return self.state == BatchState.PREPARED

    @property
    def awaits_receipt(self) -> bool:
        """Handed in or "verstuurd per post": staff still confirm receipt."""
        return self.state in (BatchState.HANDED_IN, BatchState.POSTED)

    @property
    def is_posted(self) -> bool:
        return self.state == BatchState.POSTED

    @property
    def is_received(self) -> bool:
        return self.state == BatchState.RECEIVED

    def next_states(self) -> list[str]:
        return sorted(rules.BATCH_TRANSITIONS.get(self.state, ()))


class BatchDossier(models.Model):
    """A dossier (a trajectory) in a batch: a trajectory is delivered at most once."""

    batch = models.ForeignKey(DeliveryBatch, on_delete=models.CASCADE, related_name="dossiers")
    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="+")
    voucher = models.CharField(_("cheque"), max_length=20)  # as on the cover sheet
    client_name = models.CharField(_("cliënt"), max_length=201)
    closed_on = models.DateField(_("afgerond op"))

    class Meta:
        verbose_name = _("dossier in een zending")
        verbose_name_plural = _("dossiers in een zending")
        ordering = ["batch", "closed_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["trajectory"], name="dossier_delivered_once"),
        ]

    def __str__(self) -> str:
        return f"{self.client_name} — {self.voucher}"


class Audit(models.Model):
    """An audit: every completed dossier of the centre's coaches must be in by the deadline."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="audits", verbose_name=_("centrum")
    )
    deadline = models.DateField(_("uiterste datum"))
    note = models.CharField(_("toelichting"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit")
        verbose_name_plural = _("audits")
        ordering = ["-deadline", "-id"]

    def __str__(self) -> str:
        return f"{_('Audit')} {self.organisation} — {self.deadline:%d/%m/%Y}"
