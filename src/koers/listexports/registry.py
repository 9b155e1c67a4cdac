"""The list exports: each list page of Koers declares one `ListKind` (in `kinds.py`), and the page
links, the download, the job and `GET /api/v1/exports/{kind}` follow.

A kind says which query-string keys it reads (the page's own filter names), its columns (Dutch, as
a coach reads them; never the national number), the rows the user may see for those filters (a
queryset that starts from `visible_to(user)`), and how a chunk of those rows becomes table rows
(a bounded number of queries per chunk, whatever the chunk's size).
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from koers.core.models import User
from koers.lib.exports import Column

SEARCH = "q"  # the search text: personal data, never stored (only that there was one)
CHUNK = 500  # rows read at a time; a job says how far it is after each chunk

Filters = Mapping[str, str]


@dataclass(frozen=True)
class ListKind:
    kind: str  # "clients": the URL's and the API's name
    title: Callable[[], str]  # the sheet's title, in the reader's language
    params: tuple[str, ...]  # the query-string keys the list page filters on
    columns: Callable[[], Sequence[Column]]
    queryset: Callable[[User, Filters], QuerySet]  # from visible_to(user), ordered
    rows: Callable[[User, list], Iterable[Sequence[Any]]]  # a chunk of objects -> table rows

    def filters(self, given: Mapping[str, Any]) -> dict[str, str]:
        """The filter this kind reads from a query string (first value, trimmed, bounded)."""
        values = {}
        for name in self.params:
            value = given.get(name)
            if value is None or str(value).strip() == "":
                continue
            values[name] = str(value).strip()[:100]
        return values


_KINDS: dict[str, ListKind] = {}


def register_list(kind: ListKind) -> None:
    _KINDS[kind.kind] = kind


def list_kind(kind: str) -> ListKind | None:
    return _KINDS.get(kind)


def list_kinds() -> dict[str, ListKind]:
    return dict(_KINDS)


def stored_filters(filters: Filters) -> tuple[dict[str, str], bool]:
    """What the record keeps of a filter: everything but the search text, and whether there was
    one (a name or phone number typed in the search box is personal data)."""
    kept = {k: v for k, v in filters.items() if k != SEARCH}
    return kept, bool(filters.get(SEARCH))
