"""The "mogelijk dubbel" step of a new client: files the user may already see of the same
person, by national number (its blind index) or by name and birth date.

Only files the user may see are named: a match outside them would tell the user that a person
is known elsewhere. Such a match by national number is still refused when saving (without
saying where)."""

from django.core.exceptions import ValidationError
from django.db.models import Q

from koers.core.crypto import blind_index
from koers.core.data import ClientData
from koers.core.models import Client, User
from koers.core.search import client_search_name
from koers.core.validators import normalize_national_number

LIMIT = 5


def _national_number_index(value: str) -> str:
    try:
        return blind_index(normalize_national_number(value.strip())) if value.strip() else ""
    except ValidationError:
        return ""  # the save refuses it next to the field


def possible_duplicates(
    *, user: User, data: ClientData, by_national_number: bool = True
) -> list[Client]:
    """Up to five visible clients that may be the person in `data`. Without `by_national_number`
    only by name and birth date (the API, where a taken number has its own answer)."""
    same = Q()
    if by_national_number and (index := _national_number_index(data.national_number)):
        same |= Q(national_number_index=index)
    if data.birth_date and data.first_name.strip() and data.last_name.strip():
        name = client_search_name(data.first_name.strip(), data.last_name.strip())
        same |= Q(search_name=name, birth_date=data.birth_date)
    if not same:
        return []
    visible = Client.objects.visible_to(user).filter(same).select_related("organisation")
    return list(visible.order_by("-created_at", "-id")[:LIMIT])
