"""MED-05..MED-12: what the file of a service holds (sheets, month-end categories, trainings,
checks, contacts with the projectopvolger) and the partner's tender settings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.mediation.models.choices import FollowUpReason, Tender, TrainingKind
from koers.mediation.models.service import MediationService
from koers.trajectories.models import Assignment, Contact, Document


class AgreementSheet(models.Model):
    """MED-05/MED-07: an agreement sheet; its content is a snapshot of what was agreed."""

    service = models.ForeignKey(MediationService, on_delete=models.CASCADE, related_name="sheets")
    number = models.PositiveSmallIntegerField(_("nummer"))
    made_on = models.DateField(_("datum"))
    # {"work_points": [...], "assignments": [{title, what, deadline, remark}],
    #  "next_contacts": [{starts_at, type, mediator, address}], "services_remark": ""}
    content = models.JSONField(default=dict)
    assignments = models.ManyToManyField(Assignment, blank=True, related_name="+")
    signed_by_partner_on = models.DateField(_("ondertekend door partner"), null=True, blank=True)
    signed_by_participant_on = models.DateField(
        _("ondertekend door deelnemer"), null=True, blank=True
    )
    document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "number"]
        constraints = [
            models.UniqueConstraint(fields=["service", "number"], name="agreement_sheet_number")
        ]

    def __str__(self) -> str:
        return f"Afsprakenblad {self.number} van {self.made_on:%d/%m/%Y}"

    @property
    def signed(self) -> bool:
        return bool(self.signed_by_partner_on and self.signed_by_participant_on)


class MonthEndCategory(models.Model):
    """MED-12: the file's category on the last day of a month (entered or imported)."""

    service = models.ForeignKey(
        MediationService, on_delete=models.CASCADE, related_name="month_ends"
    )
    month_end = models.DateField(_("laatste dag van de maand"))
    category = models.CharField(_("categorie (CATWZ)"), max_length=8, blank=True)
    passive = models.BooleanField(_("passief"))
    # True when `passive` was derived from the CATWZ code (and so from the partner's passive codes)
    # rather than given explicitly (MED-12).
    passive_by_code = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["service", "month_end"]
        constraints = [
            models.UniqueConstraint(fields=["service", "month_end"], name="month_end_once")
        ]

    def __str__(self) -> str:
        return f"{self.month_end:%m/%Y} {'passief' if self.passive else 'actief'}"


class TenderSetting(models.Model):
    """MED-12: the values the seed does not give, per partner organisation and tender: the maximum
    duration and the passive CATWZ codes. Prefilled from the rule set; they drive "ter afsluiting",
    automatic closing, immediate access loss and the Chef OE return only once the partner's
    administrator confirmed them."""

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="mediation_settings"
    )
    tender = models.CharField(_("tender"), max_length=16, choices=Tender.choices)
    maximum_months = models.PositiveSmallIntegerField(_("maximale duur (maanden)"))
    passive_codes = models.JSONField(_("passieve CATWZ-codes"), default=list)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bevestigd door"),
    )
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("instelling per tender")
        verbose_name_plural = _("instellingen per tender")
        ordering = ["organisation", "tender"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "tender"], name="mediation_tender_setting_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.get_tender_display()}"

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None


class TrainingRegistration(models.Model):
    """MED-11: a step "Opleiding" under "competentieversterking"."""

    service = models.ForeignKey(
        MediationService, on_delete=models.CASCADE, related_name="trainings"
    )
    kind = models.CharField(_("soort"), max_length=16, choices=TrainingKind.choices)
    title = models.CharField(_("opleiding"), max_length=200)
    code = models.CharField(_("opleidingscode"), max_length=20)
    is_bvs = models.BooleanField(_("beroepsverkennende stage (BVS)"), default=False)
    organiser = models.CharField(_("organisator"), max_length=200, blank=True)
    organiser_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    organiser_is_vdab = models.BooleanField(_("VDAB-opleiding"), default=False)
    work_point = models.CharField(_("werkpunt"), max_length=200, blank=True)
    summary = models.TextField(_("samenvatting"), blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    started = models.BooleanField(_("gestart"), default=False)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    competences_updated_on = models.DateField(_("competenties bijgewerkt"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})"

    @property
    def is_requested(self) -> bool:
        return self.kind == TrainingKind.REQUESTED


class ContactCheck(models.Model):
    """MED-09: at every contact the mediator checks residence status and work permit."""

    contact = models.OneToOneField(
        Contact, on_delete=models.CASCADE, related_name="mediation_check"
    )
    residence_status_checked = models.BooleanField(_("verblijfsstatuut gecontroleerd"))
    work_permit_checked = models.BooleanField(_("arbeidskaart gecontroleerd"))
    note = models.CharField(_("opmerking"), max_length=300, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Controle verblijf/arbeidskaart {self.contact_id}"


class ProjectFollowUpContact(models.Model):
    """MED-12: on "onttering" or early termination the partner contacts the projectopvolger."""

    service = models.ForeignKey(
        MediationService, on_delete=models.CASCADE, related_name="followup_contacts"
    )
    on = models.DateField(_("datum"))
    reason = models.CharField(_("reden"), max_length=16, choices=FollowUpReason.choices)
    projectopvolger = models.CharField(_("projectopvolger"), max_length=200)
    note = models.TextField(_("verslag"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on"]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} {self.on}"
