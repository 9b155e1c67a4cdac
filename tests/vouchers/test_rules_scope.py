"""LBC-19: career questions that look like something else (rules/scope.py)."""

from datetime import date

import pytest

from koers.vouchers.rules import ruleset_for
from koers.vouchers.rules.scope import scope_warnings

RULES = ruleset_for(date(2024, 6, 1))


# LBC-19 scope ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "exclusion"),
    [
        ("Ik zit thuis met een burn-out en wil herstellen", "burnout"),
        ("Ik zoek therapie voor mijn rouwverwerking", "therapy"),
        ("Welke studie moet mijn zoon kiezen? Studiekeuze", "study_advice"),
        ("Ik ben ontslagen en de werkgever betaalt outplacement", "outplacement"),
        ("Hoe bereid ik mijn pensioen voor?", "end_of_career"),
        ("Ik wil mijn businessplan laten nakijken", "business_coaching"),
    ],
)
def test_lbc_19_excluded_questions_raise_a_warning_with_the_risk(question, exclusion):
    warnings = scope_warnings(question, RULES)
    assert exclusion in [w.exclusion for w in warnings]
    assert all(w.reason.rule == "LBC-19" for w in warnings)
    assert "€ 1.020" in warnings[0].reason.message


def test_lbc_19_plain_career_question_raises_nothing():
    assert (
        scope_warnings(
            "Ik werk twintig jaar als boekhouder en zoek meer contact met mensen.", RULES
        )
        == []
    )
