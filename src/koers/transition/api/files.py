"""/transition/files: the job coach's workers and one worker's file (TRN-01).

Every file is looked up through `TransitionFile.objects.visible_to(user)` (404 otherwise); every
write goes through `koers.transition.services`, whose refusals name the rule and change nothing.
"""

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user, page
from koers.api.schemas import Id
from koers.transition import models as m
from koers.transition.schemas import TransitionFileListOut, TransitionFileOut
from koers.transition.selectors import files as sel

OPERATION_ID_PREFIX = "koers_api_transition_files"

router = Router(tags=["transition"])


def file_out(file: m.TransitionFile) -> dict:
    phase = file.trajectory.phase
    return {
        "id": file.pk,
        "trajectory_id": file.trajectory_id,
        "client_id": file.client_id,
        "client_name": str(file.client),
        "responsible_id": file.trajectory.responsible_id,
        "phase": phase,
        "phase_label": sel.phase_label(phase),
        "referral_state": file.referral_state,
        "referred_on": file.referred_on,
        "proposed_by": file.proposed_by,
        "job_target": file.job_target,
        "ruleset_version": file.ruleset_version,
    }


@router.get(
    "/transition/files",
    response={200: TransitionFileListOut, **ERRORS},
    summary="Doorstroomdossiers",
)
def list_transition_files(request: HttpRequest, params: PageQuery):
    files = sel.files_visible_to(auth_user(request)).order_by("pk")
    found = page(files, params)
    return {"count": found["count"], "items": [file_out(f) for f in found["items"]]}


@router.get(
    "/transition/files/{file_id}",
    response={200: TransitionFileOut, **ERRORS},
    summary="Doorstroomdossier (TRN-01)",
)
def get_transition_file(request: HttpRequest, file_id: Id):
    return file_out(sel.file_get(user=auth_user(request), pk=file_id))
