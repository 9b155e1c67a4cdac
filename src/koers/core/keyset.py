"""Keyset pagination (issue 14): the page after (or before) a row, found by the ordering key,
so that a deep page reads what the first page reads (an index range), never OFFSET rows.

The cursor is the primary key of the row at the page edge; its ordering key is looked up in the
same queryset (so a cursor the user may not see, or that no longer matches, is `CursorNotFound`
and reveals nothing about where such a row would sort). The ordering must end in the primary
key, so that it is total.
"""

from dataclasses import dataclass
from math import ceil

from django.db.models import Q, QuerySet


class CursorNotFound(Exception):
    """The cursor row is not (or no longer) in the queryset."""


def _lookup(field: str, *, backwards: bool, strict: bool) -> str:
    """The comparison that moves along `field` (`-name`: descending) in the reading direction."""
    forward = field.startswith("-") == backwards  # towards larger values
    return f"{field.lstrip('-')}__{'g' if forward else 'l'}{'t' if strict else 'te'}"


def _beyond(ordering: tuple[str, ...], values: tuple, *, backwards: bool) -> Q:
    """Rows strictly after (`backwards`: before) `values` in `ordering`, written as
    `f1 >= v1 AND (f1 > v1 OR (f1 = v1 AND (f2 > v2 OR ...)))`: an index on the ordering serves
    the first term as a range, where a bare OR would make the database read from the start."""
    condition = None
    for field, value in reversed(list(zip(ordering, values, strict=True))):
        strictly = Q(**{_lookup(field, backwards=backwards, strict=True): value})
        same = Q(**{field.lstrip("-"): value})
        condition = strictly if condition is None else strictly | (same & condition)
    return Q(**{_lookup(ordering[0], backwards=backwards, strict=False): values[0]}) & condition


def _reversed(ordering: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f[1:] if f.startswith("-") else f"-{f}" for f in ordering)


def keyset_slice(
    queryset: QuerySet,
    *,
    ordering: tuple[str, ...],
    size: int,
    after: int | None = None,
    before: int | None = None,
) -> tuple[list, bool, bool]:
    """Up to `size` rows in `ordering`: the first ones, those after the row with pk `after`, or
    those before the row with pk `before`. Returns (rows, has_previous, has_next)."""
    if ordering[-1].lstrip("-") not in ("pk", "id"):
        raise ValueError("a keyset ordering ends in the primary key")
    cursor = after if after is not None else before
    if cursor is None:
        rows = list(queryset.order_by(*ordering)[: size + 1])
        return rows[:size], False, len(rows) > size
    names = [f.lstrip("-") for f in ordering]
    values = queryset.filter(pk=cursor).values_list(*names).first()
    if values is None:
        raise CursorNotFound(cursor)
    backwards = after is None
    beyond = queryset.filter(_beyond(ordering, values, backwards=backwards))
    if not backwards:
        rows = list(beyond.order_by(*ordering)[: size + 1])
        return rows[:size], True, len(rows) > size
    rows = list(beyond.order_by(*_reversed(ordering))[: size + 1])
    return rows[:size][::-1], len(rows) > size, True


@dataclass(frozen=True)
class CursorPage:
    """One page of a list for a template: its rows, the total and where it stands. `number` is
    only shown (a keyset page carries it in its link); the rows come from the cursor."""

    object_list: list
    count: int
    number: int
    size: int
    has_previous: bool
    has_next: bool
    capped: bool = False  # the count stopped at `count_cap`: there are more (shown "more than")

    @property
    def num_pages(self) -> int:
        return max(1, ceil(self.count / self.size))

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.size + 1 if self.object_list else 0

    @property
    def end_index(self) -> int:
        return self.start_index + len(self.object_list) - 1 if self.object_list else 0

    @property
    def next_cursor(self) -> int | None:
        return self.object_list[-1].pk if self.has_next else None

    @property
    def previous_cursor(self) -> int | None:
        return self.object_list[0].pk if self.has_previous else None


def cursor_page(
    queryset: QuerySet,
    *,
    ordering: tuple[str, ...],
    size: int,
    number: int = 1,
    after: int | None = None,
    before: int | None = None,
    count_cap: int | None = None,
) -> CursorPage:
    """A page by cursor (`after`/`before` the row with that pk, shown as page `number`), or,
    without a cursor, page `number` by OFFSET (links and bookmarks from before the cursors; the
    links this page makes are cursors). An unknown cursor gives the first page. With
    `count_cap` the count reads at most that many rows (one query, as the exact count): a long
    list says "more than" instead of counting every row."""
    if count_cap is None:
        count, capped = queryset.count(), False
    else:
        found = queryset.order_by()[: count_cap + 1].count()
        count, capped = min(found, count_cap), found > count_cap
    pages = max(1, ceil(count / size))
    if after is not None or before is not None:
        try:
            rows, has_previous, has_next = keyset_slice(
                queryset, ordering=ordering, size=size, after=after, before=before
            )
        except CursorNotFound:
            return cursor_page(queryset, ordering=ordering, size=size, count_cap=count_cap)
        if not has_previous:
            number = 1
        elif not has_next and not capped:
            number = pages
        else:
            number = max(number, 2) if capped else min(max(number, 2), pages - 1)
        return CursorPage(rows, count, number, size, has_previous, has_next, capped)
    number = min(max(number, 1), pages)
    offset = (number - 1) * size
    rows = list(queryset.order_by(*ordering)[offset : offset + size + 1])
    return CursorPage(rows[:size], count, number, size, number > 1, len(rows) > size, capped)
