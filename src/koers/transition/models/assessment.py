"""TRN-06/16: an assessment-centre session — tasks over days, candidates, assessors; each
assessor's observations (facts), classified under competences, and proposed levels; the levels
agreed per candidate and competence, and the report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.models import Organisation
from koers.trajectories.models import Document
from koers.transition.models.choices import SamLevel
from koers.transition.models.common import OrganisationQuerySet
from koers.transition.models.file import TransitionFile


class AssessmentSession(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("titel"), max_length=200)
    job_target = models.CharField(_("jobdoelwit"), max_length=200)
    # TRN-06: assessors agree beforehand on what each indicator means.
    indicators_agreed_on = models.DateField(
        _("indicatoren vooraf afgesproken op"), null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessmentsessie")
        verbose_name_plural = _("assessmentsessies")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class AssessmentTask(models.Model):
    """One exercise, on one day, linked to the job target; its purpose explained (TRN-16)."""

    session = models.ForeignKey(AssessmentSession, on_delete=models.CASCADE, related_name="tasks")
    name = models.CharField(_("proef"), max_length=200)
    day = models.DateField(_("dag"))
    purpose = models.TextField(_("doel, uitgelegd aan de deelnemers"), blank=True)
    purpose_explained = models.BooleanField(_("doel uitgelegd"), default=False)
    competences = models.JSONField(_("geobserveerde competenties"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proef")
        verbose_name_plural = _("proeven")
        ordering = ["session", "day", "id"]

    def __str__(self) -> str:
        return self.name


class SessionAssessor(models.Model):
    session = models.ForeignKey(
        AssessmentSession, on_delete=models.CASCADE, related_name="assessors"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="transition_assessor_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.session}"


class SessionCandidate(models.Model):
    """A worker in the session, with the report's findings (TRN-06 "Rapporteren", TRN-16)."""

    session = models.ForeignKey(
        AssessmentSession, on_delete=models.CASCADE, related_name="candidates"
    )
    file = models.ForeignKey(TransitionFile, on_delete=models.PROTECT, related_name="assessments")
    growth_points = models.TextField(_("groeipunten"), blank=True)
    attention_points = models.TextField(_("aandachtspunten"), blank=True)
    compared_with_intake = models.TextField(_("vergelijking met intake en toeleiding"), blank=True)
    fed_back_on = models.DateField(_("teruggekoppeld op"), null=True, blank=True)
    reported_on = models.DateField(_("eindrapport op"), null=True, blank=True)
    report_document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "file"], name="transition_candidate_once")
        ]

    def __str__(self) -> str:
        return f"{self.file.client} — {self.session}"


class Observation(models.Model):
    """WAKKER: noted (facts only), then classified under a competence (blank until then)."""

    session = models.ForeignKey(
        AssessmentSession, on_delete=models.CASCADE, related_name="observations"
    )
    candidate = models.ForeignKey(
        SessionCandidate, on_delete=models.CASCADE, related_name="observations"
    )
    task = models.ForeignKey(
        AssessmentTask, on_delete=models.CASCADE, null=True, blank=True, related_name="observations"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("waarneming"))
    competence = models.CharField(_("competentie"), max_length=60, blank=True)
    noted_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("waarneming")
        verbose_name_plural = _("waarnemingen")
        ordering = ["candidate", "noted_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class LevelProposal(models.Model):
    """One assessor's level for a candidate and competence, before aligning (TRN-06)."""

    candidate = models.ForeignKey(
        SessionCandidate, on_delete=models.CASCADE, related_name="proposals"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    competence = models.CharField(_("competentie"), max_length=60)
    level = models.PositiveSmallIntegerField(_("niveau"), choices=SamLevel.choices)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "assessor", "competence"], name="transition_proposal_once"
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="transition_proposal_sam"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competence}: {self.level}"


class AgreedLevel(models.Model):
    """The one level the assessors agreed per candidate and competence."""

    candidate = models.ForeignKey(
        SessionCandidate, on_delete=models.CASCADE, related_name="agreed_levels"
    )
    competence = models.CharField(_("competentie"), max_length=60)
    level = models.PositiveSmallIntegerField(_("niveau"), choices=SamLevel.choices)
    note = models.TextField(_("toelichting"), blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    agreed_on = models.DateField(_("afgesproken op"))
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "competence"], name="transition_agreed_once"
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="transition_agreed_sam"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competence}: {self.level}"
