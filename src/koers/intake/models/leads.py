"""Leads (INT-01..06): the registration, its reachable moments, its routing and hand-overs."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.models import Client, Location, Organisation
from koers.core.validators import format_phone
from koers.intake.rules import states
from koers.trajectories.models import Trajectory


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
    history = HistoricalRecords()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"Doorgegeven {self.lead_id}: {self.from_coach_id} → {self.to_coach_id}"
