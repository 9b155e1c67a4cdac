"""The centre's organisation of intake: coach unavailability (INT-05), the lead-feedback questions
and answers (INT-07), and a coach's private calendar address."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.models import Organisation
from koers.intake.models.leads import Lead


class CoachUnavailability(models.Model):
    """INT-05: a period the coach cannot answer within 24 hours (e.g. holiday)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="coach_unavailabilities"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="unavailabilities"
    )
    starts_at = models.DateTimeField(_("van"))
    ends_at = models.DateTimeField(_("tot"))
    reason = models.CharField(_("reden"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("afwezigheid coach")
        verbose_name_plural = _("afwezigheden coaches")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="unavailability_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"Afwezig {self.coach_id} {self.starts_at:%d/%m/%Y}–{self.ends_at:%d/%m/%Y}"


class FieldKind(models.TextChoices):
    TEXT = "text", _("Tekst")
    YES_NO = "yes_no", _("Ja/nee")
    CHOICE = "choice", _("Keuzelijst")


class FeedbackField(models.Model):
    """INT-07: the centre decides which questions its lead-feedback form asks."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="lead_feedback_fields"
    )
    key = models.SlugField(_("sleutel"), max_length=40)
    label = models.CharField(_("vraag"), max_length=200)
    kind = models.CharField(_("soort"), max_length=8, choices=FieldKind.choices)
    choices = models.TextField(_("keuzes (één per lijn)"), blank=True)
    required = models.BooleanField(_("verplicht"), default=False)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"], name="feedback_field_unique_key"
            )
        ]

    def __str__(self) -> str:
        return self.label

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class LeadFeedback(models.Model):
    """INT-07: filled in right after a contact; several per lead allowed."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="feedback")
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(default=dict)
    submitted_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"Feedback {self.lead_id} {self.submitted_at:%d/%m/%Y}"


class CalendarFeed(models.Model):
    """A coach's private calendar address: whoever knows the token reads the appointments."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Agenda {self.user_id}"
