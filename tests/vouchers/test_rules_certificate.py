"""LBC-20: the training certificate (rules/certificate.py)."""

from datetime import date

import pytest

from koers.vouchers.rules.certificate import academic_year_start, certificate_refusal


# LBC-20 certificate ----------------------------------------------------------------------------
def _cert(**kw):
    base = {
        "already_issued": False,
        "training_named_in_pop": True,
        "guidance_started_on": date(2026, 3, 1),
        "benefit_academic_year_start": date(2026, 9, 1),
        "only_to_obtain_benefit": False,
    }
    base.update(kw)
    return certificate_refusal(**base)


def test_lbc_20_certificate_allowed():
    assert _cert() is None


@pytest.mark.parametrize(
    "change",
    [
        {"already_issued": True},
        {"training_named_in_pop": False},
        {"guidance_started_on": date(2026, 10, 1)},
        {"only_to_obtain_benefit": True},
    ],
)
def test_lbc_20_certificate_refused_with_reason(change):
    reason = _cert(**change)
    assert reason is not None and reason.rule == "LBC-20"


def test_lbc_20_academic_year_starts_first_of_september():
    assert academic_year_start(date(2026, 8, 31)) == date(2025, 9, 1)
    assert academic_year_start(date(2026, 9, 1)) == date(2026, 9, 1)
