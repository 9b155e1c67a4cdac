"""Organisations, locations, staff users and their roles, clients, and the access log."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core import crypto
from koers.core.access import ClientQuerySet
from koers.core.api_tokens import (  # noqa: F401  (the core app's models, re-exported)
    API_TOKEN_DAYS,
    APIToken,
    TokenScope,
    api_token_default_expiry,
)
from koers.core.recovery_codes import RecoveryCode, RecoveryCodeDevice  # noqa: F401
from koers.core.search import SEARCH_NAME_LENGTH
from koers.core.validators import (
    format_enterprise_number,
    format_national_number,
    format_phone,
    mask_national_number,
    validate_postal_code,
)


class OrganisationKind(models.TextChoices):
    CAREER_CENTRE = "career_centre", _("Loopbaancentrum")
    SUBCONTRACTOR = "subcontractor", _("Onderaannemer")
    MEDIATION_PARTNER = "mediation_partner", _("Bemiddelingspartner")
    SOCIAL_ECONOMY = "social_economy", _("Sociale-economiebedrijf")
    EMPLOYER = "employer", _("Werkgever")
    FUNDER = "funder", _("Financier")


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    working_name = models.CharField(
        _("werknaam"),
        max_length=200,
        blank=True,
        help_text=_("De naam waaronder het centrum naar buiten treedt."),
    )
    kind = models.CharField(_("soort"), max_length=32, choices=OrganisationKind.choices)
    enterprise_number = models.CharField(_("ondernemingsnummer"), max_length=10, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    # Administrators and whoever sees full national numbers always need a second factor; this asks
    # it of everyone who works here (enrolment at their next login).
    staff_mfa_required = models.BooleanField(
        _("tweestapsverificatie verplicht voor alle medewerkers"), default=False
    )
    # The dashboards' "stilgevallen": an open trajectory with no contact (held or planned) in this
    # many days. The centre's own choice (issue 16), not a funder's number.
    stalled_after_days = models.PositiveSmallIntegerField(
        _("stilgevallen na zoveel dagen zonder contact"),
        default=30,
        validators=[MinValueValidator(7), MaxValueValidator(365)],
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise_number"],
                condition=~Q(enterprise_number=""),
                name="organisation_enterprise_number_unique",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def enterprise_number_display(self) -> str:
        return format_enterprise_number(self.enterprise_number) if self.enterprise_number else ""


class Location(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="locations"
    )
    name = models.CharField(_("naam"), max_length=200)
    street = models.CharField(_("straat en nummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=4, validators=[validate_postal_code])
    city = models.CharField(_("gemeente"), max_length=100)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["organisation__name", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.postal_code} {self.city})"


class Role(models.TextChoices):
    CENTRE_STAFF = "centre_staff", _("Centrummedewerker")
    COACH = "coach", _("Loopbaanbegeleider")
    MEDIATOR = "mediator", _("Bemiddelaar")
    JOB_COACH = "job_coach", _("Jobcoach")
    ADMINISTRATOR = "administrator", _("Beheerder")


# Roles that guide clients themselves: they see the clients of their own trajectories.
GUIDING_ROLES = frozenset({Role.COACH, Role.MEDIATOR, Role.JOB_COACH})


class User(AbstractUser):
    """A staff member. Roles come from memberships; the own company is for subcontractors."""

    company = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="own_staff",
        verbose_name=_("eigen bedrijf"),
        help_text=_("Voor een onderaannemer: het eigen bedrijf waaronder de coach factureert."),
    )
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    # The interface and e-mail language of this person; never taken from the browser.
    language = models.CharField(
        _("taal"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        ordering = ["first_name", "last_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def _active_memberships(self) -> list[tuple[int, str]]:
        # Read once per request-bound user object: access checks ask for roles several times.
        cached = getattr(self, "_memberships_cache", None)
        if cached is None:
            cached = list(
                self.memberships.filter(is_active=True).values_list("organisation_id", "role")
            )
            self._memberships_cache = cached
        return cached

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(role for _org, role in self._active_memberships())

    @property
    def is_administrator(self) -> bool:
        return self.is_superuser or Role.ADMINISTRATOR in self.roles

    @property
    def is_centre_staff(self) -> bool:
        return Role.CENTRE_STAFF in self.roles

    def roles_in(self, organisation_id: int | None) -> frozenset[str]:
        """The user's active roles in one organisation."""
        return frozenset(role for org, role in self._active_memberships() if org == organisation_id)

    def organisation_ids(self, *roles: str) -> list[int]:
        """Ids of the organisations where the user holds one of `roles` (any role if none given)."""
        return sorted(
            {org for org, role in self._active_memberships() if not roles or role in roles}
        )


class Membership(models.Model):
    """A user's role in an organisation; a subcontracting coach works under a centre this way."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rol"), max_length=32, choices=Role.choices)
    location = models.ForeignKey(
        Location, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("vaste locatie")
    )
    is_active = models.BooleanField(_("actief"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} @ {self.organisation}"


class Language(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    FRENCH = "fr", _("Frans")
    ENGLISH = "en", _("Engels")
    GERMAN = "de", _("Duits")
    OTHER = "other", _("Andere")


class Client(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="clients",
        verbose_name=_("organisatie"),
    )
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=100)
    birth_date = models.DateField(_("geboortedatum"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("telefoon"), max_length=20, blank=True, help_text=_("Opgeslagen in E.164.")
    )
    street = models.CharField(_("straat en nummer"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postcode"), max_length=4, blank=True, validators=[validate_postal_code]
    )
    city = models.CharField(_("gemeente"), max_length=100, blank=True)
    preferred_language = models.CharField(
        _("voorkeurstaal"), max_length=8, choices=Language.choices, default=Language.DUTCH
    )
    consent_processing = models.BooleanField(_("toestemming verwerking gegevens"), default=False)
    consent_processing_at = models.DateTimeField(null=True, blank=True)
    consent_contact = models.BooleanField(_("toestemming contact per e-mail/sms"), default=False)
    # Encrypted at rest; `national_number_index` is a keyed hash for exact search.
    national_number_encrypted = models.TextField(blank=True, editable=False)
    national_number_index = models.CharField(
        max_length=64, blank=True, editable=False, db_index=True
    )
    # "first last" in lower case without accents (`core.search`), for the indexed name search.
    search_name = models.CharField(max_length=SEARCH_NAME_LENGTH, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking: an edit form (or an API `If-Match`) carries the version it started
    # from, and `client_update` refuses the save when someone else saved in between.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["search_name"])

    objects = ClientQuerySet.as_manager()

    class Meta:
        verbose_name = _("cliënt")
        verbose_name_plural = _("cliënten")
        ordering = ["last_name", "first_name", "id"]
        indexes = [
            models.Index(fields=["last_name", "first_name", "id"], name="client_name_order"),
            # The centre's "recent clients" reads the newest first without sorting them all.
            models.Index(fields=["-created_at"], name="client_created_desc"),
        ]
        constraints = [
            # One client per national register number (its blind index), across organisations;
            # the service checks first, this catches two saves at once (issue 15).
            models.UniqueConstraint(
                fields=["national_number_index"],
                condition=~Q(national_number_index=""),
                name="client_national_number_once",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)

    @property
    def has_national_number(self) -> bool:
        return bool(self.national_number_encrypted)

    def national_number(self) -> str:
        """The 11 digits in clear; callers must have checked `can_see_national_number`."""
        return (
            crypto.decrypt(self.national_number_encrypted) if self.national_number_encrypted else ""
        )

    def national_number_formatted(self) -> str:
        digits = self.national_number()
        return format_national_number(digits) if digits else ""

    def national_number_masked(self) -> str:
        return (
            mask_national_number(self.national_number()) if self.national_number_encrypted else ""
        )

    def set_national_number(self, digits: str) -> None:
        if digits:
            self.national_number_encrypted = crypto.encrypt(digits)
            self.national_number_index = crypto.blind_index(digits)
        else:
            self.national_number_encrypted = ""
            self.national_number_index = ""


class AccessChannel(models.TextChoices):
    PAGE = "page", _("pagina")
    API = "api", _("API")
    DOWNLOAD = "download", _("download")


class FileAccess(models.Model):
    """Who read what of which file, when (UTC), through which channel. Kept for GDPR
    accountability; written only by `koers.core.access_log` (one middleware for every read).

    `kind` and `object_id` say what was read (e.g. "voucher" 12); `client` is empty for a lead
    that is no client yet (then kind "lead" and its id say whose file it was)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, null=True, blank=True, related_name="accesses"
    )
    opened_at = models.DateTimeField(default=timezone.now, db_index=True)
    channel = models.CharField(max_length=8, choices=AccessChannel.choices)
    kind = models.CharField(max_length=24)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    # The path only (ids, never the query string, which may hold a searched name).
    path = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("inzage dossier")
        verbose_name_plural = _("inzages dossier")
        ordering = ["-opened_at"]
        indexes = [
            models.Index(fields=["client", "-opened_at"], name="file_access_client_newest"),
            models.Index(fields=["kind", "object_id"], name="file_access_object"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.client_id} {self.kind} @ {self.opened_at:%Y-%m-%d %H:%M}"


class StateChange(models.Model):
    """One recorded move of a status field: from, to, when, who and why (shown as the history).

    Written only by `koers.core.states.set_state`, the door every `<entity>_set_state` uses.
    """

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=40)
    from_state = models.CharField(max_length=40, blank=True)
    to_state = models.CharField(max_length=40)
    at = models.DateTimeField()
    by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    why = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "field", "at"])]

    def __str__(self) -> str:
        return f"{self.field}: {self.from_state or '—'} → {self.to_state}"
