"""Who may grant which role, and which organisation may open which programme. Pure: no Django.

Roles, organisation kinds and programmes are their plain codes (`Role`, `OrganisationKind` and
`Programme` in the models carry the same values; a test keeps them in step).
"""

from koers.lib.rules import Reason, phrase, reason

ADMINISTRATOR = "administrator"
CENTRE_STAFF = "centre_staff"
COACH = "coach"
MEDIATOR = "mediator"
JOB_COACH = "job_coach"

# A role's rank: nobody grants a role ranked above the highest role they hold themselves.
ROLE_RANK: dict[str, int] = {
    COACH: 1,
    MEDIATOR: 1,
    JOB_COACH: 1,
    CENTRE_STAFF: 2,
    ADMINISTRATOR: 3,
}


def role_grant_refusal(
    *, role: str, granter_is_administrator: bool, granter_roles_here: frozenset[str]
) -> Reason | None:
    """Why a user may not grant `role` in an organisation, or None if they may.

    `granter_roles_here` are the granter's active roles in the organisation of the new membership.
    Only an administrator grants the administrator role; otherwise one must be centre staff of
    that organisation, and nobody grants a role above their own.
    """
    if role not in ROLE_RANK:
        return Reason("ROLES", "Kies een rol uit de lijst.")
    if granter_is_administrator:
        return None
    if role == ADMINISTRATOR:
        return Reason("ROLES", "Alleen een beheerder kan de rol beheerder toekennen.")
    if CENTRE_STAFF not in granter_roles_here:
        return Reason(
            "ROLES",
            "Je kan alleen rollen toekennen in een organisatie waar je centrummedewerker bent.",
        )
    own_rank = max(ROLE_RANK.get(r, 0) for r in granter_roles_here)
    if ROLE_RANK[role] > own_rank:
        return Reason("ROLES", "Je kan geen rol toekennen die hoger is dan je eigen rol.")
    return None


def grantable_roles(
    *, granter_is_administrator: bool, granter_roles_here: frozenset[str]
) -> list[str]:
    """The roles a user may grant in an organisation, in the order of `ROLE_RANK`."""
    return [
        role
        for role in ROLE_RANK
        if role_grant_refusal(
            role=role,
            granter_is_administrator=granter_is_administrator,
            granter_roles_here=granter_roles_here,
        )
        is None
    ]


VOUCHER = "voucher"
MEDIATION = "mediation"
TRANSITION = "transition"
PROGRAMME_NAMES = {
    VOUCHER: phrase("loopbaancheques"),
    MEDIATION: phrase("intensieve bemiddeling"),
    TRANSITION: phrase("doorstroom uit de sociale economie"),
}

# The mandate of an organisation kind: the programmes its trajectories may belong to. A
# subcontractor works under a centre's mandate (its coaches are members of the centre), an
# employer or a funder guides nobody.
MANDATES: dict[str, frozenset[str]] = {
    "career_centre": frozenset({VOUCHER}),
    "subcontractor": frozenset(),
    "mediation_partner": frozenset({MEDIATION}),
    "social_economy": frozenset({TRANSITION}),
    "employer": frozenset(),
    "funder": frozenset(),
}
KIND_NAMES = {
    "career_centre": phrase("een loopbaancentrum"),
    "subcontractor": phrase("een onderaannemer"),
    "mediation_partner": phrase("een bemiddelingspartner"),
    "social_economy": phrase("een sociale-economiebedrijf"),
    "employer": phrase("een werkgever"),
    "funder": phrase("een financier"),
}
# Who opens a trajectory in an organisation: its centre staff, or a guide with the programme's role.
GUIDE_FOR: dict[str, str] = {VOUCHER: COACH, MEDIATION: MEDIATOR, TRANSITION: JOB_COACH}


def programme_refusal(
    *,
    programme: str,
    organisation_kind: str,
    opener_is_administrator: bool,
    opener_roles_here: frozenset[str],
) -> Reason | None:
    """Why a user may not open a `programme` trajectory in an organisation, or None if they may.

    The organisation's kind decides the programmes (a career centre opens vouchers, a mediation
    partner mediation, a social-economy company transition); within it, its centre staff and the
    programme's own guide (coach, mediator, job coach) open them; an administrator opens any
    programme the organisation has the mandate for.
    """
    if programme not in GUIDE_FOR:
        return Reason("PROGRAMMES", "Kies een programma uit de lijst.")
    name = PROGRAMME_NAMES[programme]
    if programme not in MANDATES.get(organisation_kind, frozenset()):
        kind = KIND_NAMES.get(organisation_kind, phrase("deze organisatie"))
        return reason(
            "PROGRAMMES",
            "Een traject {name} kan niet bij {kind}: dat valt buiten haar opdracht.",
            name=name,
            kind=kind,
        )
    if opener_is_administrator or CENTRE_STAFF in opener_roles_here:
        return None
    if GUIDE_FOR[programme] in opener_roles_here:
        return None
    return reason(
        "PROGRAMMES",
        "Met jouw rol in deze organisatie kan je geen traject {name} openen.",
        name=name,
    )


def openable_programmes(
    *, organisation_kind: str, opener_is_administrator: bool, opener_roles_here: frozenset[str]
) -> list[str]:
    return [
        programme
        for programme in GUIDE_FOR
        if programme_refusal(
            programme=programme,
            organisation_kind=organisation_kind,
            opener_is_administrator=opener_is_administrator,
            opener_roles_here=opener_roles_here,
        )
        is None
    ]
