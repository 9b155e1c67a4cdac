"""Action permissions (django-rules predicates). Row visibility lives in `access.py`."""

import rules


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
# Bulk imports from spreadsheets.
rules.add_perm("core.import_data", is_administrator | is_centre_staff)
# Creating organisations and staff accounts.
rules.add_perm("core.manage_organisations", is_administrator | is_centre_staff)
# Publishing a new version of a programme's rule set (Centrum ▾ Regelsets).
rules.add_perm("core.manage_rulesets", is_administrator)
