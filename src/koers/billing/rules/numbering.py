"""BIL-04: invoice numbers per seller company, without gaps or duplicates.

Belgian VAT law asks one continuous series per issuer; Koers keeps one series per coach company,
document kind (invoices, credit notes) and calendar year: "2026-0001", credit notes "CN2026-0001".
Here the pure part: the next number of a series and its text. Allocating it is the issuing
service's job, inside the transaction that issues the invoice (a locked series row), so that a
failed issue leaves no gap and two coaches issuing at once get no duplicate.

Pure: no Django.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from koers.lib.rules import Reason, reason

PREFIXES = {"invoice": "", "credit_note": "CN"}
_NUMBER = re.compile(r"^(?P<prefix>CN)?(?P<year>\d{4})-(?P<seq>\d{4,})$")


@dataclass(frozen=True, order=True)
class Series:
    """One numbering series: a seller company (its enterprise number), a kind and a year."""

    seller: str
    kind: str
    year: int


def format_number(series: Series, sequence: int) -> str:
    if sequence < 1:
        raise ValueError("sequence numbers start at 1")
    return f"{PREFIXES[series.kind]}{series.year}-{sequence:04d}"


def parse_number(text: str) -> tuple[str, int, int] | None:
    """(kind, year, sequence) of a number Koers wrote, or None."""
    match = _NUMBER.match(text)
    if not match:
        return None
    kind = "credit_note" if match["prefix"] else "invoice"
    return kind, int(match["year"]), int(match["seq"])


def series_refusal(used: Iterable[int]) -> Reason | None:
    """BIL-04: the numbers used in a series run 1, 2, 3 … without gaps or duplicates."""
    numbers = sorted(used)
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    if duplicates:
        return reason(
            "BIL-04",
            "Factuurnummer {numbers} komt meer dan eens voor in deze reeks.",
            numbers=", ".join(map(str, duplicates)),
        )
    missing = sorted(set(range(1, len(numbers) + 1)) - set(numbers))
    if missing:
        return reason(
            "BIL-04",
            "De nummering van deze reeks heeft een gat: {numbers} ontbreekt.",
            numbers=", ".join(map(str, missing)),
        )
    return None


def next_sequence(used: Iterable[int]) -> int:
    """The next number of a series whose used numbers are gapless (ValueError otherwise: a series
    with a gap is a fault to look at, never to paper over)."""
    used = list(used)
    refused = series_refusal(used)
    if refused:
        raise ValueError(refused.message)
    return len(used) + 1


def allocate(issued: dict[Series, list[int]], series: Series) -> str:
    """The pure allocator: take the next number of `series` in `issued` (changed in place) and
    return its text. The issuing service does the same on a locked row."""
    sequence = next_sequence(issued.get(series, []))
    issued.setdefault(series, []).append(sequence)
    return format_number(series, sequence)
