"""The coach's work on a lead: the acknowledgement (INT-03), the call (INT-02, INT-06) and the
free introductory conversation after a match (INT-08)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.intake.models.leads import Lead
from koers.trajectories.models import Contact, ContactForm


class AckChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("Sms")


class Acknowledgement(models.Model):
    """INT-03: "request received, I will call you on <date> at <time>"."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="acknowledgements")
    channel = models.CharField(_("via"), max_length=8, choices=AckChannel.choices)
    text = models.TextField(_("bericht"))
    call_at = models.DateTimeField(_("bellen op"))
    sent_at = models.DateTimeField()
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"Bevestiging {self.lead_id} ({self.channel})"


class CallKind(models.TextChoices):
    MATCH = "match", _("Match: eerste sessie gepland")
    NO_MATCH = "no_match", _("Geen match")
    HANDOVER = "handover", _("Doorgeven aan een andere coach")


class CallOutcome(models.Model):
    """INT-02/INT-06: the first call and what came of it."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="calls")
    kind = models.CharField(_("uitkomst"), max_length=12, choices=CallKind.choices)
    called_at = models.DateTimeField(_("gebeld op"))
    note = models.TextField(_("notitie"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-called_at", "-id"]

    def __str__(self) -> str:
        return f"Gesprek {self.lead_id}: {self.kind}"


class Introduction(models.Model):
    """INT-08: the free introductory conversation planned after a match. Never voucher hours:
    when the lead becomes a client with a voucher, it is logged as a contact marked with the
    vouchers app's `IntroductionContact`."""

    lead = models.OneToOneField(Lead, on_delete=models.CASCADE, related_name="introduction")
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    starts_at = models.DateTimeField(_("start"))
    duration_minutes = models.PositiveIntegerField(_("duur (minuten)"), default=30)
    form = models.CharField(
        _("vorm"), max_length=24, choices=ContactForm.choices, default=ContactForm.INDIVIDUAL
    )
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    contact = models.OneToOneField(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="lead_introduction"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0), name="introduction_duration_positive"
            )
        ]

    def __str__(self) -> str:
        return f"Kennismaking {self.lead_id} {self.starts_at:%d/%m/%Y %H:%M}"
