"""TRN-03: the intake (administrative part, STARR notes, decision, feedback, engagement
statement) and the group kick-off."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.models import Organisation
from koers.trajectories.models import Document
from koers.transition.models.choices import Decision
from koers.transition.models.common import FileQuerySet, OrganisationQuerySet
from koers.transition.models.file import TransitionFile


class Intake(models.Model):
    file = models.OneToOneField(TransitionFile, on_delete=models.CASCADE, related_name="intake")
    held_on = models.DateField(_("intake op"), null=True, blank=True)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("jobcoach"),
    )
    second_coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tweede jobcoach"),
    )
    second_coach_independent = models.BooleanField(
        _("tweede jobcoach is onafhankelijk"), default=False
    )
    # Page 1, {field: value}: filled in by the worker (paper or portal), completed by the coach.
    administrative = models.JSONField(_("administratief deel"), default=dict, blank=True)
    administrative_by_worker = models.BooleanField(_("ingevuld door de werknemer"), default=False)
    administrative_via_portal = models.BooleanField(_("ingevuld via het portaal"), default=False)
    administrative_completed = models.BooleanField(_("aangevuld in het gesprek"), default=False)
    language_observation = models.TextField(_("observatie taal en zelfredzaamheid"), blank=True)
    motivation = models.TextField(_("motivatie"), blank=True)
    decision = models.CharField(
        _("beslissing"), max_length=16, choices=Decision.choices, blank=True
    )
    decided_on = models.DateField(_("beslist op"), null=True, blank=True)
    decision_reason = models.TextField(_("toelichting bij de beslissing"), blank=True)
    feedback_worker_on = models.DateField(_("feedback aan de werknemer op"), null=True, blank=True)
    feedback_supervisors_on = models.DateField(
        _("feedback aan de begeleiders op"), null=True, blank=True
    )
    feedback_text = models.TextField(_("feedback"), blank=True)
    engagement_worker_signed_on = models.DateField(
        _("engagementsverklaring getekend door de werknemer"), null=True, blank=True
    )
    engagement_coach_signed_on = models.DateField(
        _("engagementsverklaring getekend door de jobcoach"), null=True, blank=True
    )
    engagement_document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = FileQuerySet.as_manager()

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")

    def __str__(self) -> str:
        return f"Intake — {self.file}"


class StarrNote(models.Model):
    """One STARR note of the in-depth interview, under a competence of the profile."""

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="starr_notes")
    competence = models.CharField(_("competentie"), max_length=60)
    situation = models.TextField(_("situatie"), blank=True)
    task = models.TextField(_("taak"), blank=True)
    action = models.TextField(_("actie"), blank=True)
    result = models.TextField(_("resultaat"), blank=True)
    reflection = models.TextField(_("reflectie"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("STARR-notitie")
        verbose_name_plural = _("STARR-notities")
        ordering = ["intake", "id"]

    def __str__(self) -> str:
        return f"STARR {self.competence}"


class KickOff(models.Model):
    """TRN-03: the selected workers invited as a group, with their instructors and counsellors."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField(_("kick-off op"))
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    note = models.TextField(_("programma"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("kick-off")
        verbose_name_plural = _("kick-offs")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"Kick-off {self.held_on}"


class KickOffInvitee(models.Model):
    kick_off = models.ForeignKey(KickOff, on_delete=models.CASCADE, related_name="invitees")
    file = models.ForeignKey(TransitionFile, on_delete=models.CASCADE, related_name="kick_offs")
    # The worker's instructors and counsellors invited with them (names).
    supervisors_invited = models.JSONField(_("begeleiders uitgenodigd"), default=list, blank=True)

    objects = FileQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kick_off", "file"], name="transition_kick_off_once")
        ]

    def __str__(self) -> str:
        return f"{self.file} — {self.kick_off}"
