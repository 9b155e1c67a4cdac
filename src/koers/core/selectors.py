"""Read queries for people. Every one starts from `visible_to(user)`."""

from django.db.models import QuerySet

from koers.core.crypto import blind_index
from koers.core.models import GUIDING_ROLES, Client, User
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
