"""The answers of the voucher endpoints, as dicts their schemas (`koers.vouchers.schemas`) check,
and the one way an endpoint changes a voucher and answers with it."""

from django.http import HttpRequest
from django.urls import reverse

from koers.api.lookups import PageQuery, auth_user, page
from koers.core.models import User
from koers.trajectories.models import Document
from koers.vouchers import selectors
from koers.vouchers.models import GroupSession, Voucher
from koers.vouchers.selectors import JudgedContact, VoucherSummary

# The voucher's own fields, answered as stored.
_VOUCHER_FIELDS = (
    "number",
    "client_id",
    "trajectory_id",
    "ruleset_version",
    "career_question",
    "scope_warnings",
    "scope_resolution",
    "scope_resolved_at",
    "scope_resolved_by_id",
    "synthesis_date",
    "combined_pop",
    "pop_checklist_only",
    "evaluation_invited_on",
    "evaluation_reminders_sent",
    "evaluation_last_sent_on",
    "evaluation_received_on",
    "evaluation_correspondence_added_on",
    "aftercare_informed_at",
    "video_consent",
    "video_consent_on",
    "certificate_issued_at",
    "certificate_training",
    "code_of_conduct_handed_on",
    "code_of_conduct_handed_how",
    "closed_incomplete",
    "closing_reason",
    "closing_note",
)
_TRAJECTORY_FIELDS = ("responsible_id", "status", "phase", "start_date", "end_date")
_HOURS_FIELDS = (
    "used_minutes",
    "counted_minutes",
    "group_minutes",
    "individual_minutes",
    "left_minutes",
)
_AFTERCARE_FIELDS = ("registered_minutes", "within_right_minutes", "right_minutes", "deadline")
_CONTACT_FIELDS = (
    "staff_id",
    "starts_at",
    "duration_minutes",
    "form",
    "place",
    "outcome",
    "absence_reason",
    "notes",
)
_SESSION_FIELDS = (
    "organisation_id",
    "coach_id",
    "theme",
    "method",
    "starts_at",
    "duration_minutes",
    "place",
    "aims_at_reflection",
    "part_of_other_service",
)


def _fields(obj, names: tuple[str, ...]) -> dict:
    return {name: getattr(obj, name) for name in names}


def voucher_out(voucher: Voucher) -> dict:
    return (
        _fields(voucher, _VOUCHER_FIELDS)
        | _fields(voucher.trajectory, _TRAJECTORY_FIELDS)
        | {
            "id": voucher.pk,
            "client_name": voucher.client.full_name,
            "intake_topics": list(voucher.intake_topics),
            "intake_topics_missing": selectors.intake_topics_missing(voucher),
            "closing_open_points": selectors.closing_open_points(voucher),
        }
    )


def hours_out(summary: VoucherSummary) -> dict:
    return _fields(summary, _HOURS_FIELDS)


def aftercare_totals_out(voucher: Voucher) -> dict:
    return _fields(selectors.aftercare_totals(voucher), _AFTERCARE_FIELDS)


def detail_out(user: User, pk: int) -> dict:
    """The voucher as the user may see it now (reloaded: services may have changed it)."""
    voucher = selectors.voucher_get(user=user, pk=pk)
    return voucher_out(voucher) | {
        "hours": hours_out(selectors.voucher_summary(voucher)),
        "aftercare": aftercare_totals_out(voucher),
    }


def changed(request: HttpRequest, voucher_id: int, write, **fields) -> dict:
    """`write(voucher=…, acting_user=…, **fields)` on the voucher the caller may see (404
    otherwise), then the voucher as it is now."""
    user = auth_user(request)
    write(voucher=selectors.voucher_get(user=user, pk=voucher_id), acting_user=user, **fields)
    return detail_out(user, voucher_id)


def contact_out(judged: JudgedContact) -> dict:
    return _fields(judged.contact, _CONTACT_FIELDS) | {
        "id": judged.contact.pk,
        "is_introduction": judged.is_introduction,
        "attendance_original": judged.attendance_original,
        "screenshot": judged.screenshot,
        "counted_minutes": judged.decision.counted_minutes,
        "reasons": [r.as_dict() for r in judged.decision.reasons],
    }


def pop_out(voucher: Voucher) -> dict:
    pop = selectors.pop_state(voucher)
    plan = pop.plan
    return {
        "plan_id": plan.pk if plan else None,
        "title": plan.title if plan else None,
        "finalised_at": plan.finalised_at if plan else None,
        "versions": list(plan.versions.order_by("-number")) if plan else [],
        "problems": [r.as_dict() for r in pop.problems],
    }


def document_out(document: Document) -> dict:
    url = reverse("api:download_document", kwargs={"document_id": document.pk})
    return {
        "id": document.pk,
        "kind": document.kind,
        "title": str(document.title),
        "status": document.status,
        "original_filename": document.original_filename,
        "contact_id": document.contact_id,
        "download_url": url if document.file else None,
        "created_at": document.created_at,
    }


def group_session_out(session: GroupSession, visible: set[int]) -> dict:
    participants = [p for p in session.participants.all() if p.voucher_id in visible]
    return _fields(session, _SESSION_FIELDS) | {"id": session.pk, "participants": participants}


def paged(rows, params: PageQuery, shape_all) -> dict:
    """One page of `rows` as `{"count", "items"}`, the page's rows shaped by `shape_all(rows)`."""
    result = page(rows, params)
    result["items"] = shape_all(list(result["items"]))
    return result


def session_out(user: User, session: GroupSession) -> dict:
    """A group session with only the participants whose voucher the user may see."""
    return group_session_out(session, selectors.visible_voucher_ids(user, [session]))
