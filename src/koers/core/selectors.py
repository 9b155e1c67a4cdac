"""Read queries for people. Every one starts from `visible_to(user)`."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet

from koers.core.crypto import blind_index
from koers.core.data import ClientData
from koers.core.models import (
    GUIDING_ROLES,
    Client,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    User,
)
from koers.core.search import name_condition
from koers.core.validators import normalize_national_number


def client_search(*, user: User, query: str = "") -> QuerySet[Client]:
    """Clients the user may see, filtered by name, e-mail, phone or exact national number."""
    clients = Client.objects.visible_to(user).select_related("organisation")
    query = " ".join(query.split()).lower()
    if not query:
        return clients
    digits = "".join(ch for ch in query if ch.isdigit())
    if len(digits) == 11:
        try:
            return clients.filter(
                national_number_index=blind_index(normalize_national_number(digits))
            )
        except Exception:  # noqa: BLE001, S110 - not a valid national number: search as text
            pass
    if "@" in query:
        return clients.filter(email__icontains=query)
    if digits and len(digits) >= 6 and len(digits) == len(query.replace(" ", "").replace("+", "")):
        return clients.filter(phone__contains=digits.lstrip("0"))
    return clients.filter(name_condition(query, using=clients.db))


def client_get(*, user: User, pk: int) -> Client:
    """The client if visible to the user; raises Client.DoesNotExist otherwise (a 404 upstream)."""
    return Client.objects.visible_to(user).select_related("organisation").get(pk=pk)


def guiding_staff(*, client: Client) -> QuerySet[User]:
    """Who can be responsible for a trajectory of this client: guiding staff of its centre."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__is_active=True,
            memberships__organisation_id=client.organisation_id,
            memberships__role__in=list(GUIDING_ROLES),
        )
        .distinct()
        .order_by("first_name", "last_name")
    )


def staff_for_user(
    *, user: User, organisation_id: int | None = None, role: str | None = None
) -> QuerySet[User]:
    """The colleagues a user may see: active users with an active role in an organisation the user
    works for (any organisation for an administrator), optionally of one organisation or role.

    Each comes with `visible_memberships`: their active roles in those organisations only, never
    where they work elsewhere.
    """
    memberships = Membership.objects.filter(is_active=True)
    if not user.is_administrator:
        memberships = memberships.filter(organisation_id__in=user.organisation_ids())
    if organisation_id is not None:
        memberships = memberships.filter(organisation_id=organisation_id)
    if role is not None:
        memberships = memberships.filter(role=role)
    return (
        User.objects.filter(is_active=True, pk__in=memberships.values("user_id"))
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=memberships.select_related("organisation").order_by(
                    "organisation__name", "role"
                ),
                to_attr="visible_memberships",
            )
        )
        .order_by("first_name", "last_name", "pk")
    )


def client_data_from(client: Client) -> ClientData:
    """The current values of a client, e.g. to start an edit form or a partial API update."""
    return ClientData(
        first_name=client.first_name,
        last_name=client.last_name,
        birth_date=client.birth_date,
        email=client.email,
        phone=client.phone,
        street=client.street,
        postal_code=client.postal_code,
        city=client.city,
        preferred_language=client.preferred_language,
        consent_processing=client.consent_processing,
        consent_contact=client.consent_contact,
        national_number=client.national_number(),
    )


def staff_organisation_ids(user: User) -> list[int] | None:
    """Organisations whose overview the user sees; None means all (administrator)."""
    if user.is_administrator:
        return None
    return user.organisation_ids(Role.CENTRE_STAFF)


def client_organisations(user: User) -> list[Organisation]:
    """Where a new client of this user belongs: the user's centres (career centres first)."""
    organisations = list(
        Organisation.objects.filter(
            memberships__user=user, memberships__is_active=True, is_active=True
        )
        .distinct()
        .order_by("name")
    )
    if not organisations and user.is_administrator:
        organisations = list(
            Organisation.objects.filter(kind=OrganisationKind.CAREER_CENTRE, is_active=True)
        )
    organisations.sort(key=lambda o: o.kind != OrganisationKind.CAREER_CENTRE)
    return organisations


def managed_organisations(user: User) -> QuerySet[Organisation]:
    """The active organisations whose staff the user manages (all for an administrator)."""
    org_ids = staff_organisation_ids(user)
    organisations = Organisation.objects.filter(is_active=True).order_by("name")
    return organisations if org_ids is None else organisations.filter(pk__in=org_ids)


def subcontractors() -> QuerySet[Organisation]:
    """The companies a coach can work for as a subcontractor."""
    return Organisation.objects.filter(
        kind=OrganisationKind.SUBCONTRACTOR, is_active=True
    ).order_by("name")


def organisation_rows() -> QuerySet[Organisation]:
    """The organisation register with its number of locations and staff."""
    return Organisation.objects.annotate(
        location_count=Count("locations", distinct=True),
        staff_count=Count("memberships__user", distinct=True),
    ).order_by("name")


@dataclass(frozen=True)
class OrganisationPage:
    organisation: Organisation
    locations: QuerySet
    memberships: QuerySet[Membership]
    manages: bool


def organisation_page(*, user: User, organisation: Organisation) -> OrganisationPage:
    """The organisation register is shared; who works where is only shown to those who manage it."""
    managed = staff_organisation_ids(user)
    manages = managed is None or organisation.pk in managed
    memberships = (
        Membership.objects.filter(organisation=organisation)
        .select_related("user", "location")
        .order_by("user__first_name", "user__last_name", "role")
        if manages
        else Membership.objects.none()
    )
    return OrganisationPage(organisation, organisation.locations.all(), memberships, manages)


def staff_memberships(*, user: User) -> QuerySet[Membership]:
    """The memberships of the organisations the user manages, people in alphabetical order."""
    org_ids = staff_organisation_ids(user)
    memberships = Membership.objects.select_related("user", "organisation").order_by(
        "user__first_name", "user__last_name", "organisation__name"
    )
    if org_ids is not None:
        memberships = memberships.filter(organisation_id__in=org_ids)
    return memberships
