"""Action permissions (django-rules predicates). Row visibility lives in `access.py`."""

import rules

from koers.core import rules as core_rules
from koers.lib.rules import Reason


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and user.is_administrator


@rules.predicate
def is_centre_staff(user) -> bool:
    return user.is_authenticated and user.is_centre_staff


# Seeing the full national register number: those who report to the funder need it.
rules.add_perm("core.view_national_number", is_administrator | is_centre_staff)
# The change history of a client file.
rules.add_perm("core.view_history", is_administrator | is_centre_staff)
# Who read a client's file ("Wie heeft dit dossier ingekeken"), not for coaches.
rules.add_perm("core.view_access_log", is_administrator | is_centre_staff)
# Bulk imports from spreadsheets.
rules.add_perm("core.import_data", is_administrator | is_centre_staff)
# Creating organisations and staff accounts.
rules.add_perm("core.manage_organisations", is_administrator | is_centre_staff)
# Publishing a new version of a programme's rule set (Centrum ▾ Regelsets).
rules.add_perm("core.manage_rulesets", is_administrator)


def role_grant_refusal(user, organisation, role: str) -> Reason | None:
    """Why `user` may not give someone `role` in `organisation` (None: they may)."""
    return core_rules.role_grant_refusal(
        role=role,
        granter_is_administrator=bool(user and user.is_authenticated and user.is_administrator),
        granter_roles_here=user.roles_in(organisation.pk) if user else frozenset(),
    )


def grantable_roles(user, organisation) -> list[str]:
    return core_rules.grantable_roles(
        granter_is_administrator=user.is_administrator,
        granter_roles_here=user.roles_in(organisation.pk),
    )


def programme_refusal(user, organisation, programme: str) -> Reason | None:
    """Why `user` may not open a `programme` trajectory in `organisation` (None: they may)."""
    return core_rules.programme_refusal(
        programme=programme,
        organisation_kind=organisation.kind,
        opener_is_administrator=bool(user and user.is_authenticated and user.is_administrator),
        opener_roles_here=user.roles_in(organisation.pk) if user else frozenset(),
    )


def openable_programmes(user, organisation) -> list[str]:
    return core_rules.openable_programmes(
        organisation_kind=organisation.kind,
        opener_is_administrator=user.is_administrator,
        opener_roles_here=user.roles_in(organisation.pk),
    )
