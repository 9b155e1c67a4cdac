from django.conf import settings

# The main menu's entries, and which pages (by URL name) belong to each: one entry lit per page.
# Checked in order, each a prefix of URL names. The client entry holds a client's file and what
# hangs under it (trajectories, vouchers, contacts, plans, documents, assignments).
_CENTRE = {
    "outbox_list",
    "intake_marketing",
    "intake_branding",
    "pop_store",
    "organisation_list",
    "organisation_create",
    "organisation_detail",
    "staff_list",
    "staff_create",
    "import_start",
    "import_preview",
    "ruleset_list",
    "ruleset_new",
    "privacy_",
    "lockout_",
}
_SECTIONS = (
    ("dashboard", ("dashboard", "work_list")),
    ("trajectories", ("trajectory_list", "contact_list")),
    ("centre", tuple(_CENTRE)),
    ("leads", ("intake_",)),
    ("groups", ("group_session",)),
    ("mediation", ("mediation_",)),
    ("transition", ("transition_",)),
    ("billing", ("billing_",)),
    (
        "clients",
        ("client_", "trajectory_", "voucher_", "contact_", "plan_", "document_", "assignment_"),
    ),
)


def nav_section(url_name: str | None) -> str:
    """The main-menu entry a page belongs to ("" for none, e.g. the search page)."""
    name = url_name or ""
    for section, names in _SECTIONS:
        if name.startswith(names):
            return section
    return ""


def navigation(request):
    """What the layout needs on every page: the user's roles, the lit menu entry and the
    language choices."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"LANGUAGE_CHOICES": settings.LANGUAGES}
    match = getattr(request, "resolver_match", None)
    return {
        "LANGUAGE_CHOICES": settings.LANGUAGES,
        "user_roles": user.roles,
        "user_is_staff_or_admin": user.is_administrator or user.is_centre_staff,
        "nav": nav_section(match.url_name if match else ""),
    }
