"""The transition models' choices: each value is a rule module's constant, each label the Dutch name."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.transition.rules import actions, competences, followup, intake, measure_kinds, referral
from koers.transition.rules import measure_states as ms


class ReferralState(models.TextChoices):
    PROPOSED = referral.ReferralState.PROPOSED, _("Voorgesteld")
    DIALOGUE = referral.ReferralState.DIALOGUE, _("In dialoog")
    INVITED = referral.ReferralState.INVITED, _("Uitgenodigd voor intake")
    INTAKE = referral.ReferralState.INTAKE, _("Intake gehouden")
    CALLED_OFF = referral.ReferralState.CALLED_OFF, _("Afgeblazen")


class Proposer(models.TextChoices):
    WORKER = referral.Proposer.WORKER, _("De doelgroepwerknemer zelf")
    SUPERVISOR = (
        referral.Proposer.SUPERVISOR,
        _("Een begeleider (instructeur, werkleider, ploegbaas)"),
    )
    COACH = referral.Proposer.COACH, _("De jobcoach")
    OTHER = referral.Proposer.OTHER, _("Iemand anders")


class CallOffGround(models.TextChoices):
    LACK_OF_ENGAGEMENT = (
        referral.CallOffGround.LACK_OF_ENGAGEMENT,
        _("Onvoldoende engagement en inzet voor een reguliere job"),
    )
    WORKER_WITHDRAWS = referral.CallOffGround.WORKER_WITHDRAWS, _("De werknemer ziet ervan af")
    OTHER = referral.CallOffGround.OTHER, _("Andere reden")


class Decision(models.TextChoices):
    START = intake.Decision.START, _("Start doorstroomtraject")
    NO_START = intake.Decision.NO_START, _("Geen start")


class CompetenceGroup(models.TextChoices):
    CORE = competences.Group.CORE, _("Kerncompetenties")
    ADDITIONAL = competences.Group.ADDITIONAL, _("Bijkomende competenties")
    EXTRA = competences.Group.EXTRA, _("Extra")


class SamLevel(models.IntegerChoices):
    INSUFFICIENT = competences.SamLevel.ONVOLDOENDE, _("onvoldoende")
    MODERATE = competences.SamLevel.MATIG, _("matig")
    GOOD = competences.SamLevel.GOED, _("goed")
    VERY_GOOD = competences.SamLevel.ZEER_GOED, _("zeer goed")


class ActivityKind(models.TextChoices):
    """TRN-08 and the KPIs of TRN-13 that follow from a worker's activities."""

    TRAINING = actions.ActionKind.TRAINING, _("Sollicitatietraining")
    JOB_CENTER_I = actions.ActionKind.JOB_CENTER_I, _("Job center I")
    JOB_CENTER_II = actions.ActionKind.JOB_CENTER_II, _("Job center II")
    JOB_SEARCH = actions.ActionKind.JOB_SEARCH, _("Job-search")
    APPLICATION = "application", _("Sollicitatieactie")
    VACANCY_DISCUSSED = "vacancy_discussed", _("Vacature besproken")
    JOB_INTERVIEW = "job_interview", _("Sollicitatiegesprek")


class TrainingForm(models.TextChoices):
    INDIVIDUAL = actions.TrainingForm.INDIVIDUAL, _("Individueel")
    COLLECTIVE = actions.TrainingForm.COLLECTIVE, _("Collectief")


class EmployerContactKind(models.TextChoices):
    WORKER_COMPANY_VISIT = (
        actions.EmployerContactKind.WORKER_COMPANY_VISIT,
        _("Bedrijfsbezoek door werknemers (voorstelling)"),
    )
    PHONE_PROSPECTING = actions.EmployerContactKind.PHONE_PROSPECTING, _("Telefonische prospectie")
    COACH_PROSPECTING_VISIT = (
        actions.EmployerContactKind.COACH_PROSPECTING_VISIT,
        _("Bedrijfsbezoek door de jobcoach (projectvoorstelling en prospectie)"),
    )
    COMPANY_PRESENTATION = (
        actions.EmployerContactKind.COMPANY_PRESENTATION,
        _("Bedrijfspresentatie bij ons"),
    )
    JOB_DAY = actions.EmployerContactKind.JOB_DAY, _("Jobdag")
    JOB_FAIR = actions.EmployerContactKind.JOB_FAIR, _("Jobbeurs")


class VdabStatus(models.TextChoices):
    NONE = "", _("Niet opgegeven")
    WORKING = actions.VdabStatus.WORKING, _("Werkend")
    WORKING_AND_SEEKING = actions.VdabStatus.WORKING_AND_SEEKING, _("Werkend en werkzoekend")


class MeasureKind(models.TextChoices):
    BVS = measure_kinds.MeasureKind.BVS, _("Beroeps Verkennende Stage (BVS)")
    TBS = measure_kinds.MeasureKind.TBS, _("Ter Beschikking Stelling (TBS)")
    IBO = measure_kinds.MeasureKind.IBO, _("Individuele Beroepsopleiding (IBO)")
    ACTIVA = measure_kinds.MeasureKind.ACTIVA, _("ACTIVA-plan")


class MeasureState(models.TextChoices):
    PLANNED = ms.MeasureState.PLANNED, _("Gepland")
    RUNNING = ms.MeasureState.RUNNING, _("Lopend")
    ENDED = ms.MeasureState.ENDED, _("Afgerond")
    CANCELLED = ms.MeasureState.CANCELLED, _("Geannuleerd")


class EvaluationKind(models.TextChoices):
    INTERIM = "interim", _("Tussentijdse evaluatie")
    FINAL = "final", _("Eindevaluatie")


class Destination(models.TextChoices):
    WORK = followup.Destination.WORK, _("Regulier werk")
    IBO = followup.Destination.IBO, _("IBO")


class Checkpoint(models.TextChoices):
    NONE = "", _("Tussentijds")
    FIRST = followup.Checkpoint.FIRST, _("Eerste meetpunt")
    SECOND = followup.Checkpoint.SECOND, _("Tweede meetpunt")


class FollowupStatus(models.TextChoices):
    IN_WORK = followup.FollowupStatus.IN_WORK, _("Nog aan het werk")
    IN_IBO = followup.FollowupStatus.IN_IBO, _("Nog in de IBO")
    STOPPED = followup.FollowupStatus.STOPPED, _("Gestopt")
