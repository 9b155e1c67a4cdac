"""/me and /staff: who you are, and the colleagues whose ids go in `responsible_id`, `coach_id`, …"""

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user, page
from koers.api.schemas import Id
from koers.core.models import Membership, Role, User
from koers.core.selectors import staff_for_user
from koers.workplace.schemas import MeOut, StaffPage

# Operation ids are public: these kept the prefix of their first home, koers/api/staff.py.
OPERATION_ID_PREFIX = "koers_api_staff"
router = Router(tags=["staff"])


def _membership_out(membership: Membership) -> dict:
    return {
        "organisation_id": membership.organisation_id,
        "organisation_name": membership.organisation.name,
        "role": membership.role,
        "role_label": str(Role(membership.role).label),
    }


def staff_out(user: User, memberships: list[Membership]) -> dict:
    return {
        "id": user.pk,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "name": str(user),
        "email": user.email,
        "memberships": [_membership_out(m) for m in memberships],
    }


@router.get("/me", response={200: MeOut, **ERRORS}, summary="Wie ben ik")
def me(request: HttpRequest):
    """The user of the token (or session), with their active roles per organisation."""
    user = auth_user(request)
    memberships = (
        user.memberships.filter(is_active=True)
        .select_related("organisation")
        .order_by("organisation__name", "role")
    )
    return staff_out(user, list(memberships)) | {
        "username": user.username,
        "is_administrator": user.is_administrator,
    }


@router.get("/staff", response={200: StaffPage, **ERRORS}, summary="Medewerkers")
def list_staff(
    request: HttpRequest,
    params: PageQuery,
    organisation: Id | None = None,
    role: Role | None = None,
):
    """Active colleagues in the organisations you work for (all, for an administrator), by name;
    filter by organisation id or role. Name, e-mail and roles only, as on the staff pages."""
    users = staff_for_user(user=auth_user(request), organisation_id=organisation, role=role)
    result = page(users, params)
    result["items"] = [staff_out(u, u.visible_memberships) for u in result["items"]]
    return result
