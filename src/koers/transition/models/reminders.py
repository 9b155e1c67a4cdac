"""TRN-17: a follow-up reminder sent for one checkpoint of a transition, so the sweep sends it once."""

from django.conf import settings
from django.db import models

from koers.transition.models.followup import Placement


class FollowupReminder(models.Model):
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="reminders")
    checkpoint = models.CharField(max_length=8)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "checkpoint"], name="transition_followup_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"Herinnering {self.checkpoint} — {self.placement_id}"
