"""TRN-14: the organisation readiness checklist, filled in over time."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.models import Organisation
from koers.transition.models.common import OrganisationQuerySet


class ChecklistFilling(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    filled_on = models.DateField(_("ingevuld op"))
    # One score 0–6 (or null while not scored) per statement of rules.checklist.STATEMENTS.
    scores = models.JSONField(_("scores"), default=list)
    answers = models.JSONField(_("antwoorden op de drie vragen"), default=list, blank=True)
    actions = models.JSONField(_("actieplan"), default=list, blank=True)
    filled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("checklist doorstroomklaar")
        verbose_name_plural = _("checklists doorstroomklaar")
        ordering = ["-filled_on", "-id"]

    def __str__(self) -> str:
        return f"Checklist doorstroomklaar {self.filled_on}"
