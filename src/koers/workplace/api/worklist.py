"""/worklist: the dashboard's "what needs me now" (issue 16), as on the page: per source that
applies to the user, its first items and how many there are; /worklist/items?kind=<key> pages through one."""

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.workplace import worklist
from koers.workplace.schemas import WorkGroupOut, WorkListOut

router = Router(tags=["worklist"])


def _group_out(group: worklist.WorkGroup, today) -> dict:
    return {
        "key": group.source.key,
        "title": str(group.source.title),
        "rule": group.source.rule,
        "count": group.count,
        "items": [
            {
                "what": i.what,
                "who": i.who,
                "url": i.url,
                "due": i.due,
                "rule": i.rule,
                "detail": i.detail,
                "state": i.state(today),
            }
            for i in group.items
        ],
    }


@router.get("/worklist", response={200: WorkListOut, **ERRORS}, summary="Werklijst")
def work_list(request: HttpRequest):
    """The dashboard's work list: per kind of work that is the user's, the first items (with
    their deadline, rule and the page to act on) and the number behind it."""
    today = timezone.localdate()
    groups = worklist.work_groups(auth_user(request), today, timezone.now())
    return {"groups": [_group_out(g, today) for g in groups]}


@router.get(
    "/worklist/items", response={200: WorkGroupOut, **ERRORS}, summary="Werklijst: één soort"
)
def work_list_kind(request: HttpRequest, kind: str = "", page: Id = 1):
    """Every item of one kind of work, 25 per page (`page` from 1)."""
    today = timezone.localdate()
    group = worklist.work_page(auth_user(request), kind, today, timezone.now(), page)
    if group is None:
        raise Http404  # not a kind of work, or not this user's
    return _group_out(group, today)
