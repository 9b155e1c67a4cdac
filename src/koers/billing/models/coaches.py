"""Coach administration (BIL-05, BIL-06): where each coach works, the changes staff pass on to
VDAB, the yearly personal development plan, and the reminders already sent."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.billing.models.visibility import StaffOrOwnQuerySet
from koers.billing.rules import coaches as rules
from koers.trajectories.models import stored_extension


class CoachLocation(models.Model):
    """BIL-05: a location where a coach works, from `started_on` (to `ended_on`, if it ended)."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="coach_locations"
    )
    centre = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="coach_locations"
    )
    # The centre's location when it fits; else a free name (e.g. a partner's office).
    location = models.ForeignKey(
        "core.Location",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coach_locations",
        verbose_name=_("locatie van het centrum"),
    )
    location_name = models.CharField(_("andere locatie"), max_length=200, blank=True)
    started_on = models.DateField(_("gestart op"))
    ended_on = models.DateField(_("gestopt op"), null=True, blank=True)
    reported_on = models.DateField(_("gemeld op"))
    history = HistoricalRecords()

    objects = StaffOrOwnQuerySet.as_manager()

    class Meta:
        verbose_name = _("locatie van een coach")
        verbose_name_plural = _("locaties van coaches")
        ordering = ["started_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="coach_location_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(location__isnull=False) | ~Q(location_name=""),
                name="coach_location_named",
            ),
            models.UniqueConstraint(
                fields=["coach", "location"],
                condition=Q(ended_on__isnull=True, location__isnull=False),
                name="coach_location_one_open_per_location",
            ),
            models.UniqueConstraint(
                fields=["coach", "location_name"],
                condition=Q(ended_on__isnull=True, location__isnull=True),
                name="coach_location_one_open_per_name",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.coach} @ {self.name}"

    @property
    def name(self) -> str:
        return self.location.name if self.location_id else self.location_name

    @property
    def is_open(self) -> bool:
        return self.ended_on is None

    def as_rule(self) -> rules.CoachLocation:
        return rules.CoachLocation(self.name, self.started_on, self.ended_on, self.reported_on)


class ChangeKind(models.TextChoices):
    STARTED = "started", _("Nieuwe locatie")
    ENDED = "ended", _("Locatie gestopt")


class LocationChangeQuerySet(models.QuerySet):
    def visible_to(self, user):
        locations = CoachLocation.objects.visible_to(user)
        return self.filter(coach_location__in=locations.values("pk"))


class LocationChange(models.Model):
    """BIL-05: a start or an end of a coach's location, and when staff passed it on to VDAB."""

    coach_location = models.ForeignKey(
        CoachLocation, on_delete=models.CASCADE, related_name="changes"
    )
    kind = models.CharField(max_length=16, choices=ChangeKind.choices)
    on = models.DateField(_("datum"))
    passed_on_at = models.DateTimeField(_("doorgegeven aan VDAB op"), null=True, blank=True)
    passed_on_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    objects = LocationChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("locatiewijziging")
        verbose_name_plural = _("locatiewijzigingen")
        ordering = ["on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["coach_location", "kind"], name="location_change_once_per_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on}"

    @property
    def is_passed_on(self) -> bool:
        return self.passed_on_at is not None

    @property
    def is_start(self) -> bool:
        return self.kind == ChangeKind.STARTED


class PlanTemplate(models.TextChoices):
    FIRST_TIME = rules.FIRST_TIME, _("Sjabloon eerste keer")
    RETURNING = rules.RETURNING, _("Sjabloon terugkerende coach")


def plan_upload_to(instance: "DevelopmentPlan", filename: str) -> str:
    # The stored name never contains the coach's name: only ids and a random part.
    from uuid import uuid4

    ext = stored_extension(instance.content_type)
    return f"development-plans/{instance.coach_id}/{instance.year}-{uuid4().hex}.{ext}"


class DevelopmentPlan(models.Model):
    """BIL-06: the coach's personal development plan of one year, as received by the centre."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="development_plans"
    )
    centre = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="development_plans"
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    # Decided by rules.coaches.plan_status when the plan is received.
    template = models.CharField(_("sjabloon"), max_length=16, choices=PlanTemplate.choices)
    received_on = models.DateField(_("ontvangen op"))
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.CharField(_("notitie"), max_length=500, blank=True)
    # Optional: the plan itself, checked like every upload (type by content, size).
    file = models.FileField(_("bestand"), upload_to=plan_upload_to, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    history = HistoricalRecords()

    objects = StaffOrOwnQuerySet.as_manager()

    class Meta:
        verbose_name = _("ontwikkelingsplan")
        verbose_name_plural = _("ontwikkelingsplannen")
        ordering = ["-year", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["coach", "year"], name="development_plan_once_a_year"),
        ]

    def __str__(self) -> str:
        return f"{self.coach} {self.year}"


class CoachReminder(models.Model):
    """One reminder mailed by the sweep (BIL-05, BIL-06): recorded so it is never sent twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(max_length=100)  # "plan:2026", "change:17"
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="coach_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id} {self.key}"
