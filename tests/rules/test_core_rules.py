"""Who may grant which role and who may open which programme where: every combination.

Pure rules (`koers.core.rules`), so no database; the tables below are written out by hand so that
they check the rule rather than repeat it.
"""

import pytest

from koers.core import rules

ROLES = ["administrator", "centre_staff", "coach", "mediator", "job_coach"]
KINDS = [
    "career_centre",
    "subcontractor",
    "mediation_partner",
    "social_economy",
    "employer",
    "funder",
]
PROGRAMMES = ["voucher", "mediation", "transition"]

# The granter's single role in the organisation of the new membership -> the roles they may grant.
GRANTS = {
    "administrator": set(ROLES),
    "centre_staff": {"centre_staff", "coach", "mediator", "job_coach"},
    "coach": set(),
    "mediator": set(),
    "job_coach": set(),
    None: set(),  # staff elsewhere, nothing here
}


def test_the_rules_know_the_same_codes_as_the_models():
    from koers.core.models import OrganisationKind, Role
    from koers.trajectories.models import Programme

    assert set(rules.ROLE_RANK) == set(Role.values) == set(ROLES)
    assert set(rules.MANDATES) == set(OrganisationKind.values) == set(KINDS)
    assert set(rules.GUIDE_FOR) == set(Programme.values) == set(PROGRAMMES)


@pytest.mark.parametrize("granter", list(GRANTS))
@pytest.mark.parametrize("role", ROLES)
def test_role_grants_every_role_by_every_role(granter, role):
    reason = rules.role_grant_refusal(
        role=role,
        granter_is_administrator=granter == "administrator",
        granter_roles_here=frozenset({granter} if granter else set()),
    )
    assert (reason is None) == (role in GRANTS[granter])
    if reason is not None:
        assert reason.message


@pytest.mark.parametrize("granter", ["centre_staff", "coach", "mediator", "job_coach", None])
def test_only_an_administrator_grants_the_administrator_role(granter):
    reason = rules.role_grant_refusal(
        role="administrator",
        granter_is_administrator=False,
        granter_roles_here=frozenset({granter} if granter else set()),
    )
    assert reason is not None
    if granter == "centre_staff":
        assert reason.message == "Alleen een beheerder kan de rol beheerder toekennen."


def test_an_administrator_anywhere_grants_everything_everywhere():
    """Administrator is a role of the installation: it counts in every organisation."""
    for role in ROLES:
        assert (
            rules.role_grant_refusal(
                role=role, granter_is_administrator=True, granter_roles_here=frozenset()
            )
            is None
        )


def test_centre_staff_with_another_role_grant_as_centre_staff():
    assert rules.grantable_roles(
        granter_is_administrator=False, granter_roles_here=frozenset({"centre_staff", "coach"})
    ) == ["coach", "mediator", "job_coach", "centre_staff"]


def test_no_roles_outside_the_list():
    reason = rules.role_grant_refusal(
        role="koning", granter_is_administrator=True, granter_roles_here=frozenset()
    )
    assert reason is not None


# Organisation kind -> the programmes it has the mandate for.
MANDATE = {
    "career_centre": {"voucher"},
    "subcontractor": set(),
    "mediation_partner": {"mediation"},
    "social_economy": {"transition"},
    "employer": set(),
    "funder": set(),
}
# Who opens a programme within a mandated organisation, beside centre staff and administrators.
GUIDE = {"voucher": "coach", "mediation": "mediator", "transition": "job_coach"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("programme", PROGRAMMES)
@pytest.mark.parametrize("kind", KINDS)
def test_programme_per_role_and_organisation_kind(role, programme, kind):
    reason = rules.programme_refusal(
        programme=programme,
        organisation_kind=kind,
        opener_is_administrator=role == "administrator",
        opener_roles_here=frozenset({role}),
    )
    allowed = programme in MANDATE[kind] and role in {
        "administrator",
        "centre_staff",
        GUIDE[programme],
    }
    assert (reason is None) == allowed, (role, programme, kind)
    if programme not in MANDATE[kind]:
        assert "buiten haar opdracht" in reason.message


def test_a_mediator_of_a_mediation_partner_opens_no_voucher():
    reason = rules.programme_refusal(
        programme="voucher",
        organisation_kind="mediation_partner",
        opener_is_administrator=False,
        opener_roles_here=frozenset({"mediator"}),
    )
    assert reason.message == (
        "Een traject loopbaancheques kan niet bij een bemiddelingspartner: "
        "dat valt buiten haar opdracht."
    )


def test_a_job_coach_of_a_career_centre_opens_no_voucher():
    assert (
        rules.openable_programmes(
            organisation_kind="career_centre",
            opener_is_administrator=False,
            opener_roles_here=frozenset({"job_coach"}),
        )
        == []
    )


def test_nobody_opens_a_programme_in_an_organisation_where_they_have_no_role():
    assert rules.programme_refusal(
        programme="voucher",
        organisation_kind="career_centre",
        opener_is_administrator=False,
        opener_roles_here=frozenset(),
    )
