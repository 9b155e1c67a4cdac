"""TRN-17: a transition (first day of regular work or of the IBO) and its follow-up records."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.transition.models.activities import Employer
from koers.transition.models.choices import Checkpoint, Destination, FollowupStatus
from koers.transition.models.common import FileQuerySet
from koers.transition.models.file import TransitionFile
from koers.transition.models.measures import Measure


class Placement(models.Model):
    """The transition itself: the worker's move to regular work or an IBO."""

    file = models.ForeignKey(TransitionFile, on_delete=models.CASCADE, related_name="placements")
    destination = models.CharField(_("naar"), max_length=8, choices=Destination.choices)
    first_day = models.DateField(_("eerste dag"))
    employer = models.ForeignKey(
        Employer, on_delete=models.PROTECT, null=True, blank=True, related_name="placements"
    )
    employer_name = models.CharField(_("werkgever"), max_length=200, blank=True)
    measure = models.ForeignKey(
        Measure, on_delete=models.SET_NULL, null=True, blank=True, related_name="placements"
    )
    note = models.TextField(_("notitie"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = FileQuerySet.as_manager()

    class Meta:
        verbose_name = _("doorstroom")
        verbose_name_plural = _("doorstromen")
        ordering = ["-first_day", "-id"]
        indexes = [models.Index(fields=["first_day"], name="transition_placement_first_day")]

    def __str__(self) -> str:
        return f"{self.get_destination_display()} — {self.first_day}"


class FollowupRecord(models.Model):
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="records")
    day = models.DateField(_("datum"))
    checkpoint = models.CharField(
        _("meetpunt"), max_length=8, choices=Checkpoint.choices, blank=True
    )
    status = models.CharField(_("stand"), max_length=8, choices=FollowupStatus.choices)
    employer_name = models.CharField(_("werkgever"), max_length=200, blank=True)
    note = models.TextField(_("notitie"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opvolging")
        verbose_name_plural = _("opvolgingen")
        ordering = ["placement", "day", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "checkpoint"],
                condition=~models.Q(checkpoint=""),
                name="transition_checkpoint_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} — {self.day}"
