"""Intensive mediation (MED): a service is a trajectory of the "mediation" programme plus these facts."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.models import Client
from koers.trajectories.models import Assignment, Contact, Document, Trajectory


class Tender(models.TextChoices):
    TIBB4 = "TIBB4", "TIBB4"
    TIBB4_OTHER_LANGUAGES = "TIBB4_AT", _("TIBB4 anderstaligen")
    SCRABA = "SCRABA", "SCRABA"
    SAB3 = "SAB3", "SAB3"
    WIJ3 = "WIJ3", "WIJ3"


class ServiceState(models.TextChoices):
    # MED-01: opened from the client form, the API or an import without the referral's details.
    INCOMPLETE = "incomplete", _("Toeleiding onvolledig")
    REFERRED = "referred", _("Nieuwe service - Intensieve bemiddeling")
    FIRST_PRESENT = "first_present", _("Eerste afspraak: aanwezig")
    MEDIATING = "mediating", _("Bemiddeling lopend")
    TO_CLOSE = "to_close", _("Ter afsluiting")
    CLOSED = "closed", _("Afgesloten")
    STOPPED = "stopped", _("Gestopt wegens afwezigheid")


class ClosingReason(models.TextChoices):
    PASSIVE = "passive", _("3× passieve categorie")
    MAX_DURATION = "max_duration", _("Maximale duur")
    ABSENCE = "absence", _("Afwezig op de eerste afspraak")


class ClosingWay(models.TextChoices):
    PARTNER_ADVICE = "partner_advice", _("Manueel door partner (met eindadvies)")
    AUTOMATIC = "automatic", _("Automatisch (zonder eindadvies partner)")
    VDAB = "vdab", _("Afgesloten door VDAB")
    ABSENCE_STOP = "absence_stop", _("Automatisch gestopt wegens afwezigheid")


class Advice(models.TextChoices):
    NO_NEED = "no_need", _("Geen nood aan persoonlijke dienstverlening")
    NEED = "need", _("Nood aan persoonlijke dienstverlening")
    EXHAUSTED = "exhausted", _("Dienstverlening uitgeput")
    REASSESS = "reassess", _("Nieuwe inschatting nodig")


class ReturnTo(models.TextChoices):
    NONE = "none", _("Nee")
    VDAB_MEDIATOR = "vdab_mediator", _("Ja (VDAB-bemiddelaar)")
    CHEF_OE = "chef_oe", _("Ja (Chef OE)")


class ServiceQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(trajectory__in=Trajectory.objects.visible_to(user))


class MediationService(models.Model):
    """MED-01: the service "intensieve bemiddeling" a VDAB mediator referred to the partner."""

    trajectory = models.OneToOneField(
        Trajectory, on_delete=models.CASCADE, related_name="mediation"
    )
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="mediations")
    ruleset_version = models.CharField(_("regelset"), max_length=40)
    # Blank only while the referral is incomplete (MED-01): no placeholder values.
    tender = models.CharField(_("tender"), max_length=16, choices=Tender.choices, blank=True)
    lot = models.CharField(_("perceel"), max_length=60, blank=True)
    vdab_mediator_name = models.CharField(_("VDAB-bemiddelaar"), max_length=200, blank=True)
    vdab_mediator_email = models.EmailField(_("e-mail VDAB-bemiddelaar"), blank=True)
    work_points = models.JSONField(_("werkpunten"), default=list, blank=True)
    thresholds = models.JSONField(_("drempels"), default=list, blank=True)
    referral_date = models.DateField(_("datum toeleiding"))
    state = models.CharField(
        _("status"), max_length=16, choices=ServiceState.choices, default=ServiceState.REFERRED
    )
    ladder_state = models.CharField(max_length=16, default="ordinary_1")
    present_on = models.DateField(_("aanwezig op de eerste afspraak"), null=True, blank=True)
    mediation_started_on = models.DateField(_("start bemiddeling"), null=True, blank=True)
    closing_reason = models.CharField(
        _("reden afsluiting"), max_length=16, choices=ClosingReason.choices, blank=True
    )
    closing_due_on = models.DateField(_("ter afsluiting sinds"), null=True, blank=True)
    advice_deadline = models.DateField(_("eindadvies uiterlijk"), null=True, blank=True)
    closing_way = models.CharField(
        _("wijze van afsluiten"), max_length=16, choices=ClosingWay.choices, blank=True
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    advice = models.CharField(_("eindadvies"), max_length=16, choices=Advice.choices, blank=True)
    advice_remark = models.TextField(_("opmerking bij het eindadvies"), blank=True)
    advice_mail = models.BooleanField(_("mail eindadvies"), default=False)
    advice_print = models.BooleanField(_("print eindadvies"), default=False)
    advice_given_at = models.DateTimeField(null=True, blank=True)
    advice_document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    returned_to = models.CharField(
        _("bemiddeling terug bij VDAB"),
        max_length=16,
        choices=ReturnTo.choices,
        default=ReturnTo.NONE,
    )
    returned_reasons = models.JSONField(default=list, blank=True)
    vdab_signal = models.CharField(_("signaal aan VDAB"), max_length=200, blank=True)
    file_checklist = models.JSONField(default=dict, blank=True)  # MED-08: {"cv": true, ...}
    file_checklist_extra = models.JSONField(default=dict, blank=True)  # {"label": bool}
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("service intensieve bemiddeling")
        verbose_name_plural = _("services intensieve bemiddeling")
        indexes = [models.Index(fields=["state"], name="mediation_state")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="closed") | Q(closed_at__isnull=False),
                name="mediation_closed_has_moment",
            ),
            models.CheckConstraint(
                condition=Q(advice="") | ~Q(closing_reason="max_duration") | ~Q(advice="reassess"),
                name="mediation_no_reassess_after_max_duration",
            ),
        ]

    def __str__(self) -> str:
        return f"Intensieve bemiddeling {self.get_tender_display()} — {self.client}"

    @property
    def is_open(self) -> bool:
        return self.state not in (ServiceState.CLOSED, ServiceState.STOPPED)

    @property
    def referral_missing(self) -> list[str]:
        """MED-01: what the referral still lacks before it is a "Nieuwe service"."""
        labels = {
            "tender": _("tender"),
            "lot": _("perceel"),
            "vdab_mediator_name": _("naam VDAB-bemiddelaar"),
            "vdab_mediator_email": _("e-mail VDAB-bemiddelaar"),
        }
        return [str(label) for name, label in labels.items() if not getattr(self, name).strip()]

    @property
    def partner_is_mediator(self) -> bool:
        """MED-04: from "present" on, until the red bar goes (MED-15/16)."""
        return self.present_on is not None


class AppointmentKind(models.TextChoices):
    ORDINARY = "ordinary", _("Gewone afspraak")
    REGISTERED = "registered", _("Aangetekende afspraak")


class AppointmentOutcome(models.TextChoices):
    PRESENT = "present", _("Aanwezig")
    ABSENT = "absent", _("Afwezig")


class AbsenceReason(models.TextChoices):
    NONE = "none", _("Geen reden")
    VALID = "valid", _("Geldige reden")
    INVALID = "invalid", _("Ongeldige reden")


class SendBy(models.TextChoices):
    LETTER = "letter", _("Brief")
    EMAIL = "email", _("E-mail")


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


class TrainingKind(models.TextChoices):
    OWN = "own", _("Eigen opleiding")
    REQUESTED = "requested", _("Aangevraagde opleiding")


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


class FollowUpReason(models.TextChoices):
    LOST_STATUS = "lost_status", _("Onttering")
    EARLY_STOP = "early_stop", _("Vervroegde stopzetting")
    OTHER = "other", _("Andere vraag")


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
