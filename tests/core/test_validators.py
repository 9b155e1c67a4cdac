"""Belgian identifiers and contact data: validated by python-stdnum and phonenumbers."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from koers.core import crypto
from koers.core.validators import (
    format_phone,
    mask_national_number,
    normalize_enterprise_number,
    normalize_national_number,
    normalize_phone,
    validate_postal_code,
)


@pytest.mark.parametrize("value", ["85.07.30-033.28", "85073003328", " 850730 033 28 "])
def test_valid_national_number_is_normalised_to_11_digits(value):
    assert normalize_national_number(value) == "85073003328"


@pytest.mark.parametrize("value", ["85073003327", "1234", "abcdefghijk", "85.07.30-033.2"])
def test_invalid_national_number_is_refused_in_dutch(value):
    with pytest.raises(ValidationError, match="geen geldig rijksregisternummer"):
        normalize_national_number(value)


def test_mask_shows_only_the_check_digits():
    assert mask_national_number("85073003328") == "••.••.••-•••.28"


@pytest.mark.parametrize("value", ["0403.170.701", "BE0403170701", "0403 170 701"])
def test_valid_enterprise_number(value):
    assert normalize_enterprise_number(value) == "0403170701"


def test_invalid_enterprise_number():
    with pytest.raises(ValidationError, match="geen geldig ondernemingsnummer"):
        normalize_enterprise_number("0403.170.702")


@pytest.mark.parametrize(
    ("value", "e164"),
    [
        ("0470 12 34 56", "+32470123456"),
        ("+32 9 264 11 11", "+3292641111"),
        ("+31 6 12345678", "+31612345678"),
    ],
)
def test_phone_numbers_stored_in_e164(value, e164):
    assert normalize_phone(value) == e164


@pytest.mark.parametrize("value", ["12", "0470", "not a phone", "+32 123"])
def test_invalid_phone_numbers_are_refused(value):
    with pytest.raises(ValidationError, match="geen geldig telefoonnummer"):
        normalize_phone(value)


def test_phone_display_is_national_for_belgium():
    assert format_phone("+32470123456") == "0470 12 34 56"


@pytest.mark.parametrize("value", ["1000", "9000", "3500", "9999"])
def test_valid_postal_codes(value):
    validate_postal_code(value)


@pytest.mark.parametrize("value", ["0999", "999", "10000", "AB12", ""])
def test_invalid_postal_codes(value):
    with pytest.raises(ValidationError, match="vier cijfers"):
        validate_postal_code(value)


@given(st.text(min_size=1, max_size=40))
def test_encryption_round_trips_any_text(text):
    assert crypto.decrypt(crypto.encrypt(text)) == text


def test_blind_index_is_deterministic_and_not_the_value():
    assert crypto.blind_index("85073003328") == crypto.blind_index("85073003328")
    assert crypto.blind_index("85073003328") != crypto.blind_index("85073003329")
    assert "85073003328" not in crypto.blind_index("85073003328")
