"""TRN-01/02/15: a worker's transition file — the trajectory of the "transition" programme plus
the referral (who proposed the worker and why, the readiness dialogue, the checks before the
invitation), the job target, the VDAB status and the portfolio (TRN-08)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.models import Client
from koers.trajectories.models import Document, Trajectory
from koers.transition.models.choices import CallOffGround, Proposer, ReferralState, VdabStatus
from koers.transition.models.common import FileQuerySet


class TransitionFileQuerySet(FileQuerySet):
    def visible_to(self, user, path: str = ""):
        return super().visible_to(user, path)


class TransitionFile(models.Model):
    trajectory = models.OneToOneField(
        Trajectory, on_delete=models.CASCADE, related_name="transition"
    )
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="transition_files")
    ruleset_version = models.CharField(_("regelset"), max_length=40)
    # TRN-02/15: the referral. Changed only through `referral_set_state` (services.states).
    referral_state = models.CharField(
        _("stand van de toeleiding"),
        max_length=16,
        choices=ReferralState.choices,
        default=ReferralState.PROPOSED,
    )
    referred_on = models.DateField(_("voorgesteld op"))
    proposed_by = models.CharField(_("voorgesteld door"), max_length=16, choices=Proposer.choices)
    proposer_name = models.CharField(_("naam van wie voorstelt"), max_length=200, blank=True)
    why = models.TextField(_("waarom voorgesteld"), blank=True)
    # TRN-02: the four points of the readiness dialogue, {DialoguePoint: text}.
    dialogue = models.JSONField(_("doorstroomdialoog"), default=dict, blank=True)
    dialogue_held_on = models.DateField(_("dialoog gehouden op"), null=True, blank=True)
    supervisors = models.JSONField(_("begeleiders"), default=list, blank=True)  # names
    job_target = models.CharField(_("jobdoelwit"), max_length=200, blank=True)
    # TRN-15: confirmed by the coach before the invitation.
    basic_dutch_confirmed = models.BooleanField(
        _("voldoende basiskennis Nederlands"), default=False
    )
    no_pretext_confirmed = models.BooleanField(
        _("geen voorwendsel om de samenwerking te beëindigen"), default=False
    )
    pretext_signals = models.JSONField(_("signalen"), default=list, blank=True)
    invited_on = models.DateField(_("uitgenodigd voor intake op"), null=True, blank=True)
    invitation_document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    called_off_on = models.DateField(_("afgeblazen op"), null=True, blank=True)
    call_off_ground = models.CharField(
        _("grond"), max_length=24, choices=CallOffGround.choices, blank=True
    )
    call_off_reason = models.TextField(_("reden"), blank=True)
    # TRN-08: the worker's VDAB status and portfolio pieces on file (PortfolioPiece values).
    vdab_status = models.CharField(
        _("VDAB-status"), max_length=24, choices=VdabStatus.choices, blank=True
    )
    portfolio = models.JSONField(_("portfolio"), default=list, blank=True)
    # TRN-13 KPI 11: the worker left the social-economy company for a training.
    left_for_training_on = models.DateField(
        _("vertrokken naar opleiding op"), null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = TransitionFileQuerySet.as_manager()

    class Meta:
        verbose_name = _("doorstroomdossier")
        verbose_name_plural = _("doorstroomdossiers")
        indexes = [models.Index(fields=["referral_state"], name="transition_referral_state")]

    def __str__(self) -> str:
        return f"Doorstroom — {self.client}"

    @property
    def is_called_off(self) -> bool:
        return self.referral_state == ReferralState.CALLED_OFF


class TransitionSettings(models.Model):
    """Per social-economy company: the PDP's questions (TRN-07: the seed's were an image, so
    they are configurable; empty means the defaults of `rules.plan`)."""

    organisation = models.OneToOneField(
        "core.Organisation", on_delete=models.CASCADE, related_name="transition_settings"
    )
    plan_questions = models.JSONField(_("vragen van het doorstroomplan"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("instellingen doorstroom")
        verbose_name_plural = _("instellingen doorstroom")

    def __str__(self) -> str:
        return f"Instellingen doorstroom — {self.organisation}"
