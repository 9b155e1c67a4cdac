"""/rulesets: the versions of each programme's rule set, and publishing a new one.

Administrators only, like the page Centrum ▾ Regelsets; both go through
`koers.trajectories.rulesets` (`ruleset_overview`, `ruleset_publish`).
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.trajectories import rulesets
from koers.trajectories.schemas import RulesetIn, RulesetListOut, RulesetVersionOut

# Operation ids are public: they keep the prefix of the module this router came from.
OPERATION_ID_PREFIX = "koers_api_rulesets"

router = Router(tags=["rulesets"])


def _require_admin(user) -> None:
    if not user.has_perm("core.manage_rulesets"):
        raise PermissionDenied


def _version_out(row: rulesets.VersionRow) -> dict:
    published = row.row
    return {
        "version": row.version,
        "valid_from": row.ruleset.valid_from,
        "valid_until": row.ruleset.valid_until,
        "effective_until": row.effective_until,
        "status": row.status,
        "builtin": row.builtin,
        "in_use": row.in_use,
        "based_on": published.based_on if published else None,
        "reason": published.reason if published else "",
        "published_by_id": published.published_by_id if published else None,
        "published_at": published.published_at if published else None,
        "parameters": [
            {"name": p.name, "label": p.label, "value": p.value, "editable": p.editable}
            for p in row.parameters
        ],
    }


def _programme_out(item: rulesets.ProgrammeOverview) -> dict:
    return {
        "programme": item.key,
        "label": str(item.programme.label),
        "in_force": item.in_force.version if item.in_force else None,
        "publishable": not item.programme.not_publishable,
        "not_publishable_reason": str(item.programme.not_publishable),
        "versions": [_version_out(v) for v in item.versions],
    }


@router.get("/rulesets", response={200: RulesetListOut, **ERRORS}, summary="Regelsets")
def list_rulesets(request: HttpRequest):
    """Per programme every version of its rule set (built-in and published), newest first, with
    its status today and how many trajectories it judges. Administrators only."""
    _require_admin(auth_user(request))
    overview = rulesets.ruleset_overview(today=timezone.localdate())
    return {"count": len(overview), "items": [_programme_out(item) for item in overview]}


@router.post(
    "/rulesets", response={201: RulesetVersionOut, **ERRORS}, summary="Nieuwe versie publiceren"
)
def publish_ruleset(request: HttpRequest, payload: RulesetIn):
    """Publish a new version of a programme's rule set: a copy of `based_on` with `parameters`
    changed, valid from `valid_from` (to `valid_until`), with a reason. Refused (422) when a
    parameter is unknown or of the wrong type, when the period would change how a trajectory
    already started is judged, or when it would leave an earlier version in force afterwards.
    A published version is never changed. Administrators only."""
    user = auth_user(request)
    _require_admin(user)
    based_on = payload.based_on
    if not based_on and payload.programme in {p.key for p in rulesets.registered()}:
        based_on = rulesets.default_base(payload.programme, today=payload.valid_from).version
    rulesets.ruleset_publish(
        programme=payload.programme,
        version=payload.version,
        valid_from=payload.valid_from,
        valid_until=payload.valid_until,
        based_on=based_on or "",
        changes=payload.parameters,
        reason=payload.reason,
        acting_user=user,
    )
    overview = rulesets.ruleset_overview(today=timezone.localdate())
    item = next(i for i in overview if i.key == payload.programme)
    row = next(v for v in item.versions if v.version == payload.version.strip())
    return 201, _version_out(row)
