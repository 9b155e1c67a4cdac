"""MED-02: the referral appointments ("eerste afspraak voor bemiddeling bij partner")."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.mediation.models.choices import (
    AbsenceReason,
    AppointmentKind,
    AppointmentOutcome,
    SendBy,
)
from koers.mediation.models.service import MediationService
from koers.trajectories.models import Contact, Document


class FirstAppointment(models.Model):
    """MED-02: a referral appointment ("eerste afspraak voor bemiddeling bij partner")."""

    service = models.ForeignKey(
        MediationService, on_delete=models.CASCADE, related_name="first_appointments"
    )
    number = models.PositiveSmallIntegerField(_("afspraak"))
    kind = models.CharField(_("type"), max_length=16, choices=AppointmentKind.choices)
    contact = models.OneToOneField(
        Contact, on_delete=models.PROTECT, related_name="first_appointment"
    )
    outcome = models.CharField(
        _("uitkomst"), max_length=16, choices=AppointmentOutcome.choices, blank=True
    )
    absence_reason = models.CharField(
        _("reden van afwezigheid"), max_length=16, choices=AbsenceReason.choices, blank=True
    )
    comment = models.TextField(_("commentaar"), blank=True)
    rescheduled = models.PositiveSmallIntegerField(_("herinpland"), default=0)
    send_by = models.CharField(_("versturen via"), max_length=8, choices=SendBy.choices, blank=True)
    covering_text = models.TextField(_("begeleidende tekst"), blank=True)
    letter_pages = models.PositiveSmallIntegerField(default=0)
    letter_document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    replan_warning = models.CharField(max_length=300, blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "number"]
        constraints = [
            models.UniqueConstraint(fields=["service", "number"], name="first_appointment_number"),
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=3), name="first_appointment_at_most_three"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    @property
    def is_registered(self) -> bool:
        return self.kind == AppointmentKind.REGISTERED

    @property
    def is_present(self) -> bool:
        return self.outcome == AppointmentOutcome.PRESENT

    @property
    def is_absent(self) -> bool:
        return self.outcome == AppointmentOutcome.ABSENT
