"""Use cases for people and organisations. Views, the API, imports and commands call these."""

import hashlib
import secrets
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core import permissions
from koers.core.data import ClientData, OrganisationData, StaffData
from koers.core.history import save_with_user
from koers.core.models import (
    API_TOKEN_DAYS,
    AccessChannel,
    APIToken,
    Client,
    FileAccess,
    Language,
    Location,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    TokenScope,
    User,
)
from koers.core.national_numbers import (  # noqa: F401  (national_number_taken_message: imports)
    NationalNumberTaken,
    check_national_number_unique,
    national_number_taken_message,
    save_client,
)
from koers.core.search import client_search_name
from koers.core.validators import (
    normalize_enterprise_number,
    normalize_national_number,
    normalize_phone,
    validate_postal_code,
)
from koers.core.versions import check_version


def _collect(errors: dict[str, list[str]], key: str, func, *args):
    try:
        return func(*args)
    except ValidationError as exc:
        errors.setdefault(key, []).extend(exc.messages)
        return None


def client_validate(data: ClientData, *, today: date) -> ClientData:
    """Return normalised data (phone in E.164, national number as 11 digits) or raise per field."""
    errors: dict[str, list[str]] = {}
    first, last = data.first_name.strip(), data.last_name.strip()
    if not first:
        errors["first_name"] = [_("Vul een voornaam in.")]
    if not last:
        errors["last_name"] = [_("Vul een achternaam in.")]
    email = data.email.strip().lower()
    if email:
        _collect(errors, "email", validate_email, email)
    phone = (
        _collect(errors, "phone", normalize_phone, data.phone.strip()) if data.phone.strip() else ""
    )
    postal = data.postal_code.strip()
    if postal:
        _collect(errors, "postal_code", validate_postal_code, postal)
    if data.birth_date and data.birth_date > today:
        errors["birth_date"] = [_("De geboortedatum ligt in de toekomst.")]
    if data.birth_date and data.birth_date.year < 1900:
        errors["birth_date"] = [_("De geboortedatum ligt te ver in het verleden.")]
    if data.preferred_language not in Language.values:
        errors["preferred_language"] = [_("Kies een taal uit de lijst.")]
    nn = data.national_number.strip()
    if nn:
        nn = _collect(errors, "national_number", normalize_national_number, nn) or ""
    if errors:
        raise ValidationError(errors)
    return ClientData(
        first_name=first,
        last_name=last,
        birth_date=data.birth_date,
        email=email,
        phone=phone or "",
        street=data.street.strip(),
        postal_code=postal,
        city=data.city.strip(),
        preferred_language=data.preferred_language,
        consent_processing=data.consent_processing,
        consent_contact=data.consent_contact,
        national_number=nn,
    )


def _apply(client: Client, data: ClientData) -> None:
    for name in (
        "first_name",
        "last_name",
        "birth_date",
        "email",
        "phone",
        "street",
        "postal_code",
        "city",
        "preferred_language",
        "consent_contact",
    ):
        setattr(client, name, getattr(data, name))
    if data.consent_processing and not client.consent_processing:
        client.consent_processing_at = timezone.now()
    client.consent_processing = data.consent_processing
    client.search_name = client_search_name(data.first_name, data.last_name)
    client.set_national_number(data.national_number)


@transaction.atomic
def client_create(*, organisation: Organisation, data: ClientData, acting_user: User) -> Client:
    data = client_validate(data, today=timezone.localdate())
    check_national_number_unique(data.national_number, user=acting_user)
    client = Client(organisation=organisation)
    _apply(client, data)
    save_client(client, data, acting_user)
    return client


@transaction.atomic
def client_update(
    *, client: Client, data: ClientData, acting_user: User, expected_version: int | None = None
) -> Client:
    """Save the client's details. With `expected_version` (the version the form or API caller
    started from) a save made after someone else's is refused (`StaleVersion`)."""
    data = client_validate(data, today=timezone.localdate())
    # Locked: two saves of one client at once must not both pass the national-number checks
    # against the old row, and the second must not silently overwrite the first.
    client = Client.objects.select_for_update().get(pk=client.pk)
    check_version(client, expected_version)
    if (
        acting_user is not None
        and data.national_number != client.national_number()
        and not acting_user.has_perm("core.view_national_number")
    ):
        # Who may not read the number may not set or clear it either (page and API alike).
        raise ValidationError(
            {
                "national_number": [
                    _("Met uw rol kunt u het rijksregisternummer niet instellen of wissen.")
                ]
            }
        )
    check_national_number_unique(data.national_number, user=acting_user, exclude_pk=client.pk)
    _apply(client, data)
    client.version += 1
    save_client(client, data, acting_user)
    return client


def file_reads_log(
    *,
    user: User,
    client_ids: list[int | None],
    kind: str,
    object_id: int | None,
    channel: str,
    path: str = "",
) -> None:
    """One access row per client the read object belongs to (`koers.core.access_log`)."""
    FileAccess.objects.bulk_create(
        FileAccess(
            user=user,
            client_id=client_id,
            kind=kind,
            object_id=object_id,
            channel=channel,
            path=path[:200],
        )
        for client_id in client_ids
    )


def file_access_log(
    *, user: User, client: Client, channel: str = AccessChannel.PAGE, kind: str = "client"
) -> None:
    """A read outside the request cycle's declared reads (e.g. an export handed to someone)."""
    file_reads_log(
        user=user, client_ids=[client.pk], kind=kind, object_id=client.pk, channel=channel
    )


def organisation_validate(data: OrganisationData) -> OrganisationData:
    errors: dict[str, list[str]] = {}
    name = data.name.strip()
    if not name:
        errors["name"] = [_("Vul een naam in.")]
    if data.kind not in OrganisationKind.values:
        errors["kind"] = [_("Kies een soort organisatie uit de lijst.")]
    number = data.enterprise_number.strip()
    if number:
        number = _collect(errors, "enterprise_number", normalize_enterprise_number, number) or ""
    email = data.email.strip().lower()
    if email:
        _collect(errors, "email", validate_email, email)
    phone = (
        _collect(errors, "phone", normalize_phone, data.phone.strip()) if data.phone.strip() else ""
    )
    if errors:
        raise ValidationError(errors)
    return OrganisationData(
        name=name,
        kind=data.kind,
        working_name=data.working_name.strip(),
        enterprise_number=number,
        email=email,
        phone=phone or "",
    )


@transaction.atomic
def organisation_create(*, data: OrganisationData, acting_user: User | None) -> Organisation:
    data = organisation_validate(data)
    if (
        data.enterprise_number
        and Organisation.objects.filter(enterprise_number=data.enterprise_number).exists()
    ):
        raise ValidationError(
            {"enterprise_number": [_("Er bestaat al een organisatie met dit ondernemingsnummer.")]}
        )
    organisation = Organisation(**data.__dict__)
    save_with_user(organisation, acting_user)
    return organisation


def organisation_require_mfa(
    *, organisation: Organisation, required: bool, acting_user: User
) -> Organisation:
    """Ask a second factor of all staff here (from their next login); the history names who."""
    if organisation.staff_mfa_required != required:
        organisation.staff_mfa_required = required
        save_with_user(organisation, acting_user, update_fields=["staff_mfa_required"])
    return organisation


def organisation_set_stalled_days(
    *, organisation: Organisation, days: int, acting_user: User
) -> Organisation:
    """After how many days without a contact an open trajectory shows as "stilgevallen" on the
    dashboards of this centre (issue 16); the history names who changed it."""
    organisation.stalled_after_days = days
    organisation.full_clean(validate_unique=False, validate_constraints=False)
    save_with_user(organisation, acting_user, update_fields=["stalled_after_days"])
    return organisation


@transaction.atomic
def staff_create(*, data: StaffData, acting_user: User | None) -> User:
    errors: dict[str, list[str]] = {}
    username = data.username.strip()
    if not username:
        errors["username"] = [_("Vul een gebruikersnaam in.")]
    elif User.objects.filter(username__iexact=username).exists():
        errors["username"] = [_("Deze gebruikersnaam is al in gebruik.")]
    email = data.email.strip().lower()
    if email:
        _collect(errors, "email", validate_email, email)
    roles = list(dict.fromkeys(r for r in data.roles if r))
    unknown = [r for r in roles if r not in Role.values]
    if not roles or unknown:
        errors["roles"] = [_("Kies minstens één geldige rol.")]
    elif acting_user is not None and data.organisation is not None:
        # Only an administrator grants the administrator role; nobody grants a role above their
        # own or in an organisation where they are not staff (`core/rules.py`). Form, import and
        # API all come through here. `acting_user=None` is the command line (the demo's first user).
        refusals = {
            reason.message
            for role in roles
            if (reason := permissions.role_grant_refusal(acting_user, data.organisation, role))
        }
        if refusals:
            errors["roles"] = sorted(refusals)
    if data.organisation is None:
        errors["organisation"] = [_("Kies een organisatie.")]
    if errors:
        raise ValidationError(errors)
    user = User(
        username=username,
        first_name=data.first_name.strip(),
        last_name=data.last_name.strip(),
        email=email,
    )
    user.company = data.company
    # Without a password the account gets a random one nobody knows: the new colleague chooses
    # their own through "Wachtwoord vergeten?" (Django sends reset links only to usable passwords).
    user.set_password(data.password or secrets.token_urlsafe(32))
    save_with_user(user, acting_user)
    for role in roles:
        Membership.objects.create(user=user, organisation=data.organisation, role=role)
    return user


def api_token_create(
    *, user: User, name: str, scope: str = TokenScope.READ_WRITE, days: int = API_TOKEN_DAYS
) -> tuple[APIToken, str]:
    """Create a token valid for `days`; the clear key is returned once and never stored."""
    key = secrets.token_urlsafe(32)
    token = APIToken.objects.create(
        user=user,
        name=name or "API",
        key_hash=hashlib.sha256(key.encode()).hexdigest(),
        prefix=key[:8],
        scope=scope,
        expires_at=timezone.now() + timedelta(days=days),
    )
    return token, key


def api_token_lookup(key: str) -> APIToken | None:
    """The live token for `key` (not revoked, not expired, its user active), noted as used."""
    digest = hashlib.sha256(key.encode()).hexdigest()
    now = timezone.now()
    token = (
        APIToken.objects.select_related("user")
        .filter(key_hash=digest, revoked_at__isnull=True, expires_at__gt=now, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    APIToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def api_token_user(key: str) -> User | None:
    token = api_token_lookup(key)
    return token.user if token else None


@transaction.atomic
def location_add(
    *,
    organisation: Organisation,
    name: str,
    street: str,
    postal_code: str,
    city: str,
    acting_user: User,
) -> Location:
    """A place where the organisation works (BIL-05: VDAB must know each coach's locations)."""
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = [_("Geef de locatie een naam.")]
    if not city.strip():
        errors["city"] = [_("Vul de gemeente in.")]
    _collect(errors, "postal_code", validate_postal_code, postal_code.strip())
    if errors:
        raise ValidationError(errors)
    location = Location(
        organisation=organisation,
        name=name.strip(),
        street=street.strip(),
        postal_code=postal_code.strip(),
        city=city.strip(),
    )
    save_with_user(location, acting_user)
    return location
