"""BIL-04: invoice numbers per seller company without gaps or duplicates (the pure allocator)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.billing.rules.numbering import (
    Series,
    allocate,
    format_number,
    next_sequence,
    parse_number,
    series_refusal,
)

A = Series("0512345684", "invoice", 2026)


def test_bil_04_numbers_are_formatted_per_kind_and_year():
    assert format_number(A, 1) == "2026-0001"
    assert format_number(Series("0512345684", "credit_note", 2026), 12) == "CN2026-0012"
    assert parse_number("CN2026-0012") == ("credit_note", 2026, 12)
    assert parse_number("2026-10000") == ("invoice", 2026, 10000)
    assert parse_number("F-1") is None
    with pytest.raises(ValueError):
        format_number(A, 0)


def test_bil_04_next_number_follows_the_last_one():
    assert next_sequence([]) == 1
    assert next_sequence([2, 1, 3]) == 4


def test_bil_04_a_series_with_a_gap_or_a_duplicate_is_refused():
    assert "gat: 2 ontbreekt" in series_refusal([1, 3]).message
    assert "3 komt meer dan eens" in series_refusal([1, 2, 3, 3]).message
    assert series_refusal([1, 2]) is None
    with pytest.raises(ValueError):
        next_sequence([1, 3])


@given(st.lists(st.sampled_from(["0512345684", "0798765405"]), max_size=60), st.booleans())
def test_bil_04_property_interleaved_issuing_leaves_no_gaps_and_no_duplicates(sellers, credit):
    issued: dict[Series, list[int]] = {}
    numbers = []
    for seller in sellers:
        kind = "credit_note" if credit and len(numbers) % 3 == 0 else "invoice"
        numbers.append((seller, allocate(issued, Series(seller, kind, 2026))))
    assert len(set(numbers)) == len(numbers)
    for series, used in issued.items():
        assert used == list(range(1, len(used) + 1))
        texts = sorted(
            n for s, n in numbers if s == series.seller and parse_number(n)[0] == series.kind
        )
        assert texts == sorted(format_number(series, i) for i in used)
