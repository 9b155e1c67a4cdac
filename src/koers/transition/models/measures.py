"""TRN-09..12: a work measure (BVS, TBS, IBO, ACTIVA) with its documents and approvals, and its
evaluations on the observation form."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.transition.models.activities import Employer
from koers.transition.models.choices import EvaluationKind, MeasureKind, MeasureState
from koers.transition.models.common import FileQuerySet
from koers.transition.models.file import TransitionFile


class Measure(models.Model):
    file = models.ForeignKey(TransitionFile, on_delete=models.CASCADE, related_name="measures")
    kind = models.CharField(_("maatregel"), max_length=8, choices=MeasureKind.choices)
    # Changed only through `measure_set_state` (services.states).
    state = models.CharField(
        _("status"), max_length=16, choices=MeasureState.choices, default=MeasureState.PLANNED
    )
    employer = models.ForeignKey(
        Employer, on_delete=models.PROTECT, null=True, blank=True, related_name="measures"
    )
    mentor = models.CharField(_("mentor bij het bedrijf"), max_length=200, blank=True)
    task_description = models.TextField(_("taakomschrijving"), blank=True)
    planned_start = models.DateField(_("start"))
    planned_end = models.DateField(_("einde"))
    started_on = models.DateField(_("gestart op"), null=True, blank=True)
    ended_on = models.DateField(_("afgerond op"), null=True, blank=True)
    # The keys of rules.measure_documents.REQUIREMENTS on file.
    present = models.JSONField(_("documenten en toestemmingen"), default=list, blank=True)
    nec_has_union_delegation = models.BooleanField(null=True, blank=True)  # TBS
    origin = models.CharField(_("herkomst"), max_length=8, blank=True)  # ACTIVA: SW / LDE
    c4_text = models.TextField(_("tekst op de C4"), blank=True)
    sample_contract_on = models.DateField(
        _("voorbeeldcontract ontvangen op"), null=True, blank=True
    )
    resignation_signed_on = models.DateField(_("ontslag getekend op"), null=True, blank=True)
    coach_accompanies_rva = models.BooleanField(null=True, blank=True)
    wage_difference = models.DecimalField(
        _("loonverschil per uur"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    travel_costs = models.DecimalField(
        _("verplaatsingskosten"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    agreed_wage = models.DecimalField(
        _("afgesproken brutoloon"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    follows = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="followed_by"
    )
    note = models.TextField(_("notitie"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = FileQuerySet.as_manager()

    class Meta:
        verbose_name = _("maatregel")
        verbose_name_plural = _("maatregelen")
        ordering = ["-planned_start", "-id"]
        indexes = [models.Index(fields=["kind", "started_on"], name="transition_measure_started")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end__gte=models.F("planned_start")),
                name="transition_measure_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.file.client}"


class MeasureEvaluation(models.Model):
    """An interim (usually by phone) or final (on site) evaluation on the observation form:
    a SAM level per competence, {code: level}."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="evaluations")
    kind = models.CharField(_("soort"), max_length=8, choices=EvaluationKind.choices)
    on = models.DateField(_("datum"))
    by_phone = models.BooleanField(_("telefonisch"), default=False)
    levels = models.JSONField(_("niveaus"), default=dict, blank=True)
    remarks = models.TextField(_("opmerkingen"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["measure", "on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.on}"
