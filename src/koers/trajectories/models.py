"""What every programme shares: trajectory, contact, assignment, plan (versioned), document.

Programme rules (vouchers, mediation, transition) live in their own apps and build on these.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.access import VisibleQuerySet
from koers.core.models import Client, Organisation
from koers.trajectories import rules


class Programme(models.TextChoices):
    VOUCHER = "voucher", _("Loopbaancheque")
    MEDIATION = "mediation", _("Intensieve bemiddeling")
    TRANSITION = "transition", _("Doorstroom sociale economie")


class TrajectoryStatus(models.TextChoices):
    # The states of `koers.trajectories.rules` (the transition table lives there).

    PLANNED = rules.PLANNED, _("Gepland")
    ACTIVE = rules.ACTIVE, _("Lopend")
    CLOSED = rules.CLOSED, _("Afgesloten")
    CANCELLED = rules.CANCELLED, _("Stopgezet")


# The states in which a trajectory still runs (contacts can be added): for queries such as
# `status__in=OPEN_STATUSES`, so that pages ask the model and not the rule module.
OPEN_STATUSES = rules.OPEN_STATUSES


class Trajectory(models.Model):
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="trajectories")
    programme = models.CharField(_("programma"), max_length=16, choices=Programme.choices)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="trajectories",
        verbose_name=_("verantwoordelijke"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="trajectories",
        verbose_name=_("organisatie"),
    )
    # Changed only through `trajectory_set_status` (the door: table checked, move recorded).
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=TrajectoryStatus.choices,
        default=TrajectoryStatus.PLANNED,
    )
    # Programme apps define their own phases; the core only stores the current one.
    phase = models.CharField(_("fase"), max_length=40, blank=True)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    start_date = models.DateField(_("startdatum"))
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    # From this moment only administrators still see the trajectory: e.g. a mediation partner
    # loses access to the file when the service closes (MED-15, MED-16).
    access_until = models.DateTimeField(_("toegang tot"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = VisibleQuerySet.as_manager()

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="trajectory_end_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["responsible", "status"], name="trajectory_responsible_status"),
            # Also the open trajectories per coach of a centre, one status at a time, in
            # responsible order without a sort (the centre dashboard's coaches, issue 14).
            models.Index(
                fields=["organisation", "status", "responsible"], name="trajectory_org_status"
            ),
            # Access (core/access.py): a user's clients read from their trajectories only
            # (covering), and the files closed to an organisation found by range.
            models.Index(
                fields=["responsible", "client", "access_until"],
                name="trajectory_responsible_client",
            ),
            models.Index(fields=["organisation", "access_until"], name="trajectory_org_access"),
            # The centre dashboard's trajectories per programme and status: an index-only read.
            models.Index(
                fields=["organisation", "programme", "status", "access_until"],
                name="trajectory_org_programme",
            ),
            # A centre's voucher trajectories in the list's order (`lists.TRAJECTORY_ORDER`): the
            # voucher list and its dossier filter read a page from it without sorting the centre.
            # Partial, so a read that does not name the programme (the stalled vouchers, with a
            # start-date bound) never takes it (decisions.md, the index tried and dropped).
            models.Index(
                fields=["organisation", "-start_date", "-id"],
                condition=Q(programme=Programme.VOUCHER),
                name="trajectory_voucher_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_programme_display()} — {self.client}"

    @property
    def is_open(self) -> bool:
        """Planned or active: contacts can still be added."""
        return self.status in rules.OPEN_STATUSES

    def next_statuses(self) -> list[str]:
        """The states the transition table allows from the current one, in a fixed order."""
        return sorted(rules.TRAJECTORY_TRANSITIONS.get(self.status, ()))


class ContactForm(models.TextChoices):
    INDIVIDUAL = "individual", _("Individueel, face-to-face")
    GROUP = "group", _("Groep")
    VIDEO = "video", _("Videogesprek")
    PHONE = "phone", _("Telefoon")
    WRITTEN = "written", _("Chat / e-mail")
    ONLINE_TOOL = "online_tool", _("Online tool (afname)")
    TOOL_INTERPRETATION = "tool_interpretation", _("Bespreking resultaten online tool")


class ContactOutcome(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    HELD = "held", _("Gehouden")
    ABSENT = "absent", _("Afwezig")
    RESCHEDULED = "rescheduled", _("Verplaatst")
    CANCELLED = "cancelled", _("Geannuleerd")


class Contact(models.Model):
    """An appointment (planned) or a session (held): when, how long, in what form, with what outcome."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="contacts")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="contacts",
        verbose_name=_("medewerker"),
    )
    starts_at = models.DateTimeField(_("start"))
    duration_minutes = models.PositiveIntegerField(_("duur (minuten)"))
    form = models.CharField(
        _("vorm"), max_length=24, choices=ContactForm.choices, default=ContactForm.INDIVIDUAL
    )
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    outcome = models.CharField(
        _("uitkomst"), max_length=16, choices=ContactOutcome.choices, default=ContactOutcome.PLANNED
    )
    absence_reason = models.CharField(_("reden afwezigheid"), max_length=200, blank=True)
    notes = models.TextField(_("verslag"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = VisibleQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0), name="contact_duration_positive"
            ),
        ]
        indexes = [
            models.Index(fields=["trajectory", "starts_at"], name="contact_trajectory_start"),
            models.Index(fields=["staff", "starts_at"], name="contact_staff_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_form_display()} {self.starts_at:%d/%m/%Y %H:%M}"

    @property
    def is_planned(self) -> bool:
        return self.outcome == ContactOutcome.PLANNED


class AssignmentStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Uitgevoerd")
    NOT_DONE = "not_done", _("Niet uitgevoerd")
    CANCELLED = "cancelled", _("Geschrapt")


class Assignment(models.Model):
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="assignments")
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=AssignmentStatus.choices, default=AssignmentStatus.OPEN
    )
    evaluation = models.TextField(_("evaluatie"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = VisibleQuerySet.as_manager()

    class Meta:
        verbose_name = _("opdracht")
        verbose_name_plural = _("opdrachten")
        ordering = ["deadline", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == AssignmentStatus.OPEN


class PlanKind(models.TextChoices):
    DEVELOPMENT = "development", _("Persoonlijk ontwikkelingsplan (POP)")
    TRANSITION = "transition", _("Persoonlijk doorstroomplan (PDP)")
    AGREEMENT = "agreement", _("Afsprakenblad")


class Plan(models.Model):
    """A plan whose content is versioned: every save adds a PlanVersion, earlier ones stay readable."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="plans")
    kind = models.CharField(_("soort"), max_length=16, choices=PlanKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    finalised_at = models.DateTimeField(_("gefinaliseerd op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = VisibleQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plannen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class PlanVersion(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    # Sections as {"key": "text"}; programme apps define which keys a kind of plan has.
    content = models.JSONField(default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    author_is_client = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"


class DocumentKind(models.TextChoices):
    CONTRACT = "contract", _("Overeenkomst")
    CODE_OF_CONDUCT = "code_of_conduct", _("Deontologische code")
    ATTENDANCE = "attendance", _("Bewijs van deelname")
    SCREENSHOT = "screenshot", _("Screenshot videogesprek")
    PLAN = "plan", _("Plan (POP/PDP/afsprakenblad)")
    CERTIFICATE = "certificate", _("Attest")
    CORRESPONDENCE = "correspondence", _("Correspondentie")
    OTHER = "other", _("Ander document")


class DocumentStatus(models.TextChoices):
    # The states of `koers.trajectories.rules` (the transition table lives there).

    MISSING = rules.MISSING, _("Ontbreekt")
    GENERATED = rules.GENERATED, _("Aangemaakt")
    SIGNED = rules.SIGNED, _("Ondertekend")
    ORIGINAL_RECEIVED = rules.ORIGINAL_RECEIVED, _("Origineel ontvangen")


def stored_extension(content_type: str) -> str:
    """The extension a stored file gets: from the type read from its content, never from the
    name the client chose (an HTML/PDF polyglot called `.html` is stored as `.pdf`)."""
    return settings.KOERS_UPLOAD_TYPES.get(content_type, "bin")


def document_upload_to(instance: "Document", filename: str) -> str:
    # The stored name never contains the client's name: only ids and a random part.
    from uuid import uuid4

    ext = stored_extension(instance.content_type)
    return f"documents/{instance.trajectory_id}/{uuid4().hex}.{ext}"


class Document(models.Model):
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("soort"), max_length=24, choices=DocumentKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    # Changed only through `document_set_status` (the door: table checked, move recorded).
    status = models.CharField(
        _("status"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.MISSING
    )
    file = models.FileField(_("bestand"), upload_to=document_upload_to, blank=True)
    original_filename = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size_bytes = models.PositiveIntegerField(default=0)
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="documents"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = VisibleQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-created_at"]
        indexes = [
            # A trajectory's own documents, not a contact's proof (`contact IS NULL`): with a
            # proof per contact, SQLite took the contact's index for the NULLs and read every
            # loose document of the database (issue 14: the voucher page, 29 + 46 ms).
            models.Index(fields=["trajectory", "contact"], name="document_trajectory_contact"),
        ]

    def __str__(self) -> str:
        return self.title

    def download_name(self) -> str:
        """The name a download gets: the name it came with, the extension of its real type."""
        stem = self.original_filename.rsplit(".", 1)[0] if self.original_filename else ""
        return f"{stem or self.kind}.{stored_extension(self.content_type)}"


class RulesetVersion(models.Model):
    """A version of a programme's rule set published by an administrator (Centrum ▾ Regelsets).

    The versions built into the code (the seeds) are not rows; `koers.trajectories.rulesets`
    serves both. A row is never changed once saved: a trajectory stores the version it was opened
    under, so the version must keep judging it the same way. `parameters` holds every parameter
    of the version (JSON), checked against the programme's rule-set dataclass."""

    programme = models.CharField(_("programma"), max_length=20)
    version = models.CharField(_("versie"), max_length=40)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot"), null=True, blank=True)
    parameters = models.JSONField(_("parameters"))
    based_on = models.CharField(_("gebaseerd op"), max_length=40)
    reason = models.TextField(_("reden"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gepubliceerd door"),
    )
    published_at = models.DateTimeField(_("gepubliceerd op"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("versie van een regelset")
        verbose_name_plural = _("versies van regelsets")
        ordering = ["programme", "published_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "version"], name="ruleset_version_unique_per_programme"
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme} {self.version}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A published rule-set version is never changed; publish a new one.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("A published rule-set version is never deleted.")
