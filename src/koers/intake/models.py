"""Leads (INT-01..08), coach unavailability (INT-05), lead feedback (INT-07), the centre's branding
and e-mail templates (INT-04, COM-01) and recorded communication checks (COM-02)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.models import Client, Location, Organisation
from koers.core.validators import format_phone
from koers.intake.rules import states
from koers.trajectories.models import Contact, ContactForm, Trajectory


class LeadState(models.TextChoices):
    UNASSIGNED = states.UNASSIGNED, _("Niet toegewezen")
    NEW = states.NEW, _("Nieuw")
    ACKNOWLEDGED = states.ACKNOWLEDGED, _("Bevestigd, bellen gepland")
    MATCHED = states.MATCHED, _("Match: kennismaking gepland")
    NO_MATCH = states.NO_MATCH, _("Geen match")
    CLIENT = states.CLIENT, _("Cliënt")


class LeadChannel(models.TextChoices):
    WEBSITE = "website", _("Website")
    SEARCH = "search", _("Zoekmachine")
    SOCIAL = "social", _("Sociale media")
    WORD_OF_MOUTH = "word_of_mouth", _("Via via (familie, vrienden, collega's)")
    VDAB = "vdab", _("VDAB")
    EMPLOYER = "employer", _("Werkgever")
    EVENT = "event", _("Infosessie of beurs")
    COACH = "coach", _("Zelf aangebracht door de coach")
    OTHER = "other", _("Andere")


class LeadQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Administrators all; centre staff the leads of their centre; a coach the leads assigned
        to them and those they handed over (INT-06: the history stays visible to both)."""
        from koers.core.models import Role

        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_administrator:
            return self
        condition = Q(pk__in=[])
        staff_orgs = user.organisation_ids(Role.CENTRE_STAFF)
        if staff_orgs:
            condition |= Q(organisation_id__in=staff_orgs)
        condition |= Q(coach=user) | Q(
            pk__in=Handover.objects.filter(from_coach=user).values("lead")
        )
        return self.filter(condition)


class Lead(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="leads", verbose_name=_("centrum")
    )
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=100)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telefoon"), max_length=20, help_text=_("Opgeslagen in E.164."))
    postal_code = models.CharField(_("postcode"), max_length=4, blank=True)
    preferred_location = models.ForeignKey(
        Location,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voorkeurslocatie"),
    )
    career_question = models.TextField(_("loopbaanvraag"))
    channel = models.CharField(
        _("hoe leerde je ons kennen"), max_length=20, choices=LeadChannel.choices
    )
    channel_other = models.CharField(_("andere, namelijk"), max_length=200, blank=True)
    consent = models.BooleanField(_("toestemming verwerking gegevens"), default=False)
    arrived_at = models.DateTimeField(_("ontvangen op"), db_index=True)
    # INT-06: a hand-over starts a new 24-hour clock for the receiving coach; `arrived_at` stays.
    clock_started_at = models.DateTimeField(_("klok gestart op"))
    state = models.CharField(
        _("status"), max_length=16, choices=LeadState.choices, default=LeadState.UNASSIGNED
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="leads",
        verbose_name=_("coach"),
    )
    self_brought = models.BooleanField(_("zelf aangebracht door de coach"), default=False)
    routing_reasons = models.JSONField(default=list, blank=True)
    routing_overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    call_at = models.DateTimeField(_("bellen op"), null=True, blank=True)
    acknowledgement_due = models.BooleanField(default=False)
    contacted_at = models.DateTimeField(_("eerste contact"), null=True, blank=True)
    # When the current clock was met (a call or the INT-03 acknowledgement); reset on hand-over.
    clock_met_at = models.DateTimeField(null=True, blank=True)
    nearing_flagged_at = models.DateTimeField(null=True, blank=True)
    late_flagged_at = models.DateTimeField(null=True, blank=True)
    coach_notified_at = models.DateTimeField(null=True, blank=True)
    client = models.ForeignKey(
        Client, on_delete=models.SET_NULL, null=True, blank=True, related_name="leads"
    )
    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.SET_NULL, null=True, blank=True, related_name="leads"
    )
    # A hash of the submitted content: repeated submissions within minutes collapse into one lead.
    fingerprint = models.CharField(max_length=64, db_index=True, blank=True)
    submissions = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["fingerprint", "submissions"])

    objects = LeadQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        ordering = ["-arrived_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "state"], name="lead_org_state"),
            models.Index(fields=["coach", "state"], name="lead_coach_state"),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)

    @property
    def is_open(self) -> bool:
        """Not yet handled: with the centre, new for a coach, or acknowledged (INT-06)."""
        return self.state in states.OPEN_STATES

    @property
    def is_new(self) -> bool:
        return self.state == LeadState.NEW

    @property
    def is_matched(self) -> bool:
        return self.state == LeadState.MATCHED


class ReachableWindow(models.Model):
    """INT-01: when the person can be reached in the coming days."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="windows")
    starts_at = models.DateTimeField(_("van"))
    ends_at = models.DateTimeField(_("tot"))

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="reachable_window_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%d/%m/%Y %H:%M}–{self.ends_at:%H:%M}"


class Routing(models.Model):
    """Every routing decision, automatic or by centre staff, with its reasons (INT-01, INT-05)."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="routings")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reasons = models.JSONField(default=list)
    candidates = models.JSONField(default=list)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"Toewijzing {self.lead_id} → {self.coach_id}"


class Handover(models.Model):
    """INT-06: the first coach hands the lead to a colleague who fits the question better."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="handovers")
    from_coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    to_coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("notitie voor de collega"))
    at = models.DateTimeField()
    # The clock as it stood: the original deadline stays visible to both coaches.
    original_deadline = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"Doorgegeven {self.lead_id}: {self.from_coach_id} → {self.to_coach_id}"


class AckChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("Sms")


class Acknowledgement(models.Model):
    """INT-03: "request received, I will call you on <date> at <time>"."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="acknowledgements")
    channel = models.CharField(_("via"), max_length=8, choices=AckChannel.choices)
    text = models.TextField(_("bericht"))
    call_at = models.DateTimeField(_("bellen op"))
    sent_at = models.DateTimeField()
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"Bevestiging {self.lead_id} ({self.channel})"


class CallKind(models.TextChoices):
    MATCH = "match", _("Match: eerste sessie gepland")
    NO_MATCH = "no_match", _("Geen match")
    HANDOVER = "handover", _("Doorgeven aan een andere coach")


class CallOutcome(models.Model):
    """INT-02/INT-06: the first call and what came of it."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="calls")
    kind = models.CharField(_("uitkomst"), max_length=12, choices=CallKind.choices)
    called_at = models.DateTimeField(_("gebeld op"))
    note = models.TextField(_("notitie"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-called_at", "-id"]

    def __str__(self) -> str:
        return f"Gesprek {self.lead_id}: {self.kind}"


class Introduction(models.Model):
    """INT-08: the free introductory conversation planned after a match. Never voucher hours:
    when the lead becomes a client with a voucher, it is logged as a contact marked with the
    vouchers app's `IntroductionContact`."""

    lead = models.OneToOneField(Lead, on_delete=models.CASCADE, related_name="introduction")
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    starts_at = models.DateTimeField(_("start"))
    duration_minutes = models.PositiveIntegerField(_("duur (minuten)"), default=30)
    form = models.CharField(
        _("vorm"), max_length=24, choices=ContactForm.choices, default=ContactForm.INDIVIDUAL
    )
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    contact = models.OneToOneField(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="lead_introduction"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0), name="introduction_duration_positive"
            )
        ]

    def __str__(self) -> str:
        return f"Kennismaking {self.lead_id} {self.starts_at:%d/%m/%Y %H:%M}"


class CoachUnavailability(models.Model):
    """INT-05: a period the coach cannot answer within 24 hours (e.g. holiday)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="coach_unavailabilities"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="unavailabilities"
    )
    starts_at = models.DateTimeField(_("van"))
    ends_at = models.DateTimeField(_("tot"))
    reason = models.CharField(_("reden"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("afwezigheid coach")
        verbose_name_plural = _("afwezigheden coaches")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="unavailability_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"Afwezig {self.coach_id} {self.starts_at:%d/%m/%Y}–{self.ends_at:%d/%m/%Y}"


class FieldKind(models.TextChoices):
    TEXT = "text", _("Tekst")
    YES_NO = "yes_no", _("Ja/nee")
    CHOICE = "choice", _("Keuzelijst")


class FeedbackField(models.Model):
    """INT-07: the centre decides which questions its lead-feedback form asks."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="lead_feedback_fields"
    )
    key = models.SlugField(_("sleutel"), max_length=40)
    label = models.CharField(_("vraag"), max_length=200)
    kind = models.CharField(_("soort"), max_length=8, choices=FieldKind.choices)
    choices = models.TextField(_("keuzes (één per lijn)"), blank=True)
    required = models.BooleanField(_("verplicht"), default=False)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"], name="feedback_field_unique_key"
            )
        ]

    def __str__(self) -> str:
        return self.label

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class LeadFeedback(models.Model):
    """INT-07: filled in right after a contact; several per lead allowed."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="feedback")
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(default=dict)
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"Feedback {self.lead_id} {self.submitted_at:%d/%m/%Y}"


def logo_upload_to(instance: "CentreBranding", filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"branding/{instance.organisation_id}/{secrets.token_hex(8)}.{ext}"


class CentreBranding(models.Model):
    """INT-04 / COM-01: the centre's name, address, logo and signature on every e-mail."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="branding"
    )
    sender_name = models.CharField(_("naam afzender"), max_length=200, blank=True)
    sender_email = models.EmailField(_("e-mailadres van het centrum"), blank=True)
    address = models.TextField(_("adres"), blank=True)
    signature = models.TextField(_("e-mailhandtekening"), blank=True)
    logo = models.FileField(_("logo"), upload_to=logo_upload_to, blank=True)
    logo_content_type = models.CharField(max_length=40, blank=True)
    # COM-01: the voucher logo (as VDAB supplies it to the centre) stands next to the centre's
    # logo wherever vouchers are mentioned. Koers does not ship VDAB's logo itself.
    voucher_logo = models.FileField(
        _("logo van de loopbaancheque (VDAB)"), upload_to=logo_upload_to, blank=True
    )
    voucher_logo_content_type = models.CharField(max_length=40, blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Huisstijl {self.organisation}"


class TemplateKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Bevestiging van de inschrijving")
    ACKNOWLEDGEMENT = "acknowledgement", _("Aanvraag ontvangen, we bellen op … (INT-03)")
    HANDOVER = "handover", _("Een collega neemt contact op (INT-06)")
    INTRODUCTION = "introduction", _("Uitnodiging kennismakingsgesprek")


class EmailTemplate(models.Model):
    """A centre's wording of a message; placeholders like {voornaam} are filled in."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="email_templates"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=TemplateKind.choices)
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind"], name="email_template_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.organisation_id})"


class CommunicationCheck(models.Model):
    """COM-02: the centre checked how a coach or subcontractor communicates about vouchers."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="communication_checks"
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("coach"),
    )
    source = models.CharField(_("bron (website, post, mailing …)"), max_length=300)
    text = models.TextField(_("tekst"))
    ok = models.BooleanField()
    findings = models.JSONField(default=list)
    note = models.TextField(_("opvolging"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField()

    class Meta:
        ordering = ["-checked_at"]

    def __str__(self) -> str:
        return f"Controle {self.source} {self.checked_at:%d/%m/%Y}"


class CalendarFeed(models.Model):
    """A coach's private calendar address: whoever knows the token reads the appointments."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Agenda {self.user_id}"
