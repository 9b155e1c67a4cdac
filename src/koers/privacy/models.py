"""The privacy records: erasure requests (four eyes), retention runs, exports and reveals of a
full national number. None of them holds personal data: ids, who (staff), when, counts."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SubjectKindChoice(models.TextChoices):
    CLIENT = "client", _("cliënt")
    LEAD = "lead", _("aanvraag")


class ErasureRequestQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ErasureRequestQuerySet":
        # Erasure is an administrator's task (`privacy.manage_personal_data`); nobody else sees one.
        return self if user.is_administrator else self.none()

    def pending(self) -> "ErasureRequestQuerySet":
        return self.filter(confirmed_at__isnull=True, cancelled_at__isnull=True)


class ErasureRequest(models.Model):
    """Art. 17: one administrator asks, a second one confirms, then the person is erased.

    What happened is read from the timestamps (asked, confirmed and carried out, or cancelled);
    the subject is kept by id only, so the record itself holds no personal data.
    """

    subject_kind = models.CharField(_("soort"), max_length=16, choices=SubjectKindChoice.choices)
    subject_id = models.PositiveBigIntegerField(_("nummer"))
    organisation_id = models.PositiveBigIntegerField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Rows erased per model label ("core.Client": 1, …) and files deleted.
    counts = models.JSONField(default=dict, blank=True)
    files_deleted = models.PositiveIntegerField(default=0)

    objects = ErasureRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("verzoek tot wissen")
        verbose_name_plural = _("verzoeken tot wissen")
        ordering = ["-requested_at", "-id"]
        constraints = [
            # Four eyes: the confirming administrator is never the one who asked.
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True) | ~Q(confirmed_by=models.F("requested_by")),
                name="erasure_confirmed_by_another",
            ),
            # One open request per person at a time.
            models.UniqueConstraint(
                fields=["subject_kind", "subject_id"],
                condition=Q(confirmed_at__isnull=True, cancelled_at__isnull=True),
                name="erasure_one_open_per_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_kind} {self.subject_id}"

    @property
    def is_pending(self) -> bool:
        return self.confirmed_at is None and self.cancelled_at is None

    @property
    def is_carried_out(self) -> bool:
        return self.confirmed_at is not None


class RetentionRun(models.Model):
    """One run of the retention sweep: when, and how many subjects per kind it erased."""

    started_at = models.DateTimeField(db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # {"lead_not_converted": 12, …}: subjects erased per retention kind in this run.
    counts = models.JSONField(default=dict, blank=True)
    # Kinds that had more due than one batch: the next run goes on.
    more_due = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("bewaartermijnronde")
        verbose_name_plural = _("bewaartermijnrondes")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M}"


class SubjectExport(models.Model):
    """Art. 15/20: who downloaded everything about which person, when."""

    subject_kind = models.CharField(max_length=16, choices=SubjectKindChoice.choices)
    subject_id = models.PositiveBigIntegerField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(db_index=True)
    channel = models.CharField(max_length=8, default="web")

    class Meta:
        verbose_name = _("inzage-export")
        verbose_name_plural = _("inzage-exports")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.subject_kind} {self.subject_id} @ {self.at:%Y-%m-%d %H:%M}"


class NationalNumberReveal(models.Model):
    """Every time a full national register number was shown to someone (Belgian law restricts
    its use): who, whose (client id), when, where (page, form, API)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    client_id = models.PositiveBigIntegerField(db_index=True)
    at = models.DateTimeField(db_index=True)
    where = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("inzage rijksregisternummer")
        verbose_name_plural = _("inzages rijksregisternummer")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.client_id} ({self.where})"


class ErasedSubject(models.Model):
    """A subject already erased (on request or by a retention rule): the sweep skips it, so a
    second run, a late run or two workers at once erase nothing twice."""

    kind = models.CharField(max_length=16)
    subject_id = models.PositiveBigIntegerField()
    at = models.DateTimeField()
    # The retention kind that erased it, or "request" (an `ErasureRequest`).
    reason = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "subject_id"], name="erased_subject_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject_id}"
