"""Read queries for people. Every one starts from `visible_to(user)`."""

from django.db.models import Prefetch, QuerySet

from koers.core.crypto import blind_index
from koers.core.models import GUIDING_ROLES, Client, Membership, User
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
    return clients.filter(search_name__contains=query)


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
