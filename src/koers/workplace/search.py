"""The search box in the header (issue 16): one query, results grouped by kind.

`search(user=…, query=…)` reads what the query can be, then asks each kind only what fits it:
- clients: a name (every word a substring, accents and case ignored: `core.search`), an exact
  e-mail (case ignored), a phone number in any spelling (normalised to E.164 with phonenumbers,
  Belgian by default, and compared with the stored E.164), an exact national number through its
  blind index (only a valid one: a part of a number finds nothing);
- leads: name, e-mail or phone the same way, starting from `intake.selectors.leads_for_user`;
- trajectories: by number ("123" or "#123").
Every kind starts from what the user may see (`visible_to`, `leads_for_user`). A group holds at
most `GROUP_SIZE` rows and the number of all matches: at most two queries per kind, whatever
the amount of data. Every lookup is served by an index (`workplace/migrations/0001…`), also
the e-mail and phone ones: no scan of all clients.

The query is personal data (a name, a national number): it is never logged or stored.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.core.crypto import blind_index
from koers.core.models import Client, User
from koers.core.search import name_condition
from koers.core.validators import normalize_national_number, normalize_phone
from koers.intake.selectors import leads_for_user
from koers.lib.text import search_text
from koers.trajectories.models import Trajectory
from koers.workplace.lead_search import lead_name_filter
from koers.workplace.selectors import CLIENT_ORDER

GROUP_SIZE = 8
MIN_LENGTH = 2
MAX_LENGTH = 100
MAX_ID = 2**63 - 1
CLIENTS, LEADS, TRAJECTORIES = "clients", "leads", "trajectories"
TITLES = {CLIENTS: _("Cliënten"), LEADS: _("Aanvragen"), TRAJECTORIES: _("Trajecten")}
_NUMBERISH = re.compile(r"^\+?[\d\s./()-]+$")
_TRAJECTORY = re.compile(r"^#?\s*(\d{1,19})$")


@dataclass(frozen=True)
class Terms:
    """What a query can be. Empty strings for what it cannot be."""

    text: str
    words: tuple[str, ...] = ()  # for a name search: the query has letters and no "@"
    email: str = ""
    phone: str = ""  # E.164
    national_number: str = ""  # 11 digits, a valid national register or BIS number
    trajectory_id: int | None = None

    @property
    def too_short(self) -> bool:
        return len(self.text) < MIN_LENGTH and self.trajectory_id is None


def read_terms(query: str) -> Terms:
    text = " ".join(query.split())[:MAX_LENGTH]
    if "@" in text:
        return Terms(text=text, email=text.lower()) if " " not in text else Terms(text=text)
    found = _TRAJECTORY.match(text)
    trajectory_id = int(found.group(1)) if found and 0 < int(found.group(1)) <= MAX_ID else None
    if text.startswith("#"):
        return Terms(text=text, trajectory_id=trajectory_id)
    words = tuple(search_text(text).split()) if any(ch.isalpha() for ch in text) else ()
    if not _NUMBERISH.match(text):
        return Terms(text=text, words=words)
    return Terms(
        text=text,
        phone=_valid(normalize_phone, text),
        national_number=_valid(normalize_national_number, text) if "+" not in text else "",
        trajectory_id=trajectory_id,
    )


def _valid(normalise, text: str) -> str:
    try:
        return normalise(text)
    except ValidationError:
        return ""


@dataclass(frozen=True)
class Group:
    kind: str
    items: list
    count: int
    more_url: str = ""  # the full list, when the group shows only part of it

    @property
    def title(self) -> str:
        return str(TITLES[self.kind])


@dataclass(frozen=True)
class SearchResult:
    query: str
    too_short: bool
    groups: list[Group] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(g.count for g in self.groups)


def client_matches(*, user: User, terms: Terms) -> QuerySet[Client] | None:
    """The clients the user may see that match; None when the query cannot match a client."""
    condition = Q()
    if terms.words:
        condition |= name_condition(" ".join(terms.words))
    if terms.email:
        condition |= Q(email_lower=terms.email)
    if terms.phone:
        condition |= Q(phone=terms.phone)
    if terms.national_number:
        condition |= Q(national_number_index=blind_index(terms.national_number))
    if not condition:
        return None
    clients = Client.objects.visible_to(user).alias(email_lower=Lower("email"))
    return (
        clients.filter(condition)
        .select_related("organisation")
        .only(
            "first_name", "last_name", "birth_date", "email", "phone", "city", "organisation__name"
        )
        .order_by(*CLIENT_ORDER)
    )


def lead_matches(*, user: User, terms: Terms):
    """The leads the user may see that match; None when the query cannot match a lead."""
    condition = Q()
    leads = leads_for_user(user=user).prefetch_related(None).alias(email_lower=Lower("email"))
    if terms.words:
        # Through an index on both databases (`workplace.lead_search`).
        leads, name_match = lead_name_filter(leads, terms.words)
        condition |= name_match
    if terms.email:
        condition |= Q(email_lower=terms.email)
    if terms.phone:
        condition |= Q(phone=terms.phone)
    if not condition:
        return None
    return leads.filter(condition).select_related("coach").order_by("-arrived_at", "-pk")


def trajectory_matches(*, user: User, terms: Terms):
    if terms.trajectory_id is None:
        return None
    return (
        Trajectory.objects.visible_to(user)
        .filter(pk=terms.trajectory_id)
        .select_related("client", "responsible")
    )


MATCHES = {CLIENTS: client_matches, LEADS: lead_matches, TRAJECTORIES: trajectory_matches}


def _more_url(kind: str, text: str) -> str:
    if kind == CLIENTS:
        return reverse("client_list") + "?" + urlencode({"q": text})
    return reverse("search") + "?" + urlencode({"q": text, "groep": kind})


def _group(kind: str, matches: QuerySet, text: str, size: int) -> Group:
    """At most `size` rows; the count only when there are more (one query more)."""
    items = list(matches[: size + 1])
    if len(items) <= size:
        return Group(kind=kind, items=items, count=len(items))
    return Group(
        kind=kind, items=items[:size], count=matches.count(), more_url=_more_url(kind, text)
    )


def search(*, user: User, query: str, size: int = GROUP_SIZE) -> SearchResult:
    """The grouped results of the header's search box (clients, leads, trajectories)."""
    terms = read_terms(query)
    if terms.too_short:
        return SearchResult(query=terms.text, too_short=True)
    groups = []
    for kind, matches_for in MATCHES.items():
        matches = matches_for(user=user, terms=terms)
        if matches is not None:
            group = _group(kind, matches, terms.text, size)
            if group.count:
                groups.append(group)
    return SearchResult(query=terms.text, too_short=False, groups=groups)


def search_group_page(*, user: User, query: str, kind: str, number: str | None) -> Page | None:
    """All matches of one kind, by page of 25 (the "alle N resultaten" link)."""
    terms = read_terms(query)
    matches_for = MATCHES.get(kind)
    if terms.too_short or matches_for is None:
        return None
    matches = matches_for(user=user, terms=terms)
    return None if matches is None else Paginator(matches, 25).get_page(number)
