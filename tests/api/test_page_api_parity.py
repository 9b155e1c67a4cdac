"""Every state-changing staff page action has an API operation (issue 10: "the API can do what the
pages do").

The test walks the URL configuration for views that accept POST, so a new page action fails here
until it is mapped below: to the API operation that does the same through the same service, to a
short "pending in slice X" list while another slice adds that operation, or — rarely, with the
reason — to the page-only actions (administration, credentials, spreadsheet imports).
"""

import inspect
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from koers.api.api import api as koers_api

# page URL name -> the API operation that does the same ("METHOD /api/v1/path").
API_FOR_PAGE = {
    "client_create": "POST /api/v1/clients",
    "client_update": "PATCH /api/v1/clients/{client_id}",
    "trajectory_create": "POST /api/v1/trajectories",
    "trajectory_status": "POST /api/v1/trajectories/{trajectory_id}/status",
    "contact_create": "POST /api/v1/contacts",
    "contact_update": "PATCH /api/v1/contacts/{contact_id}",
    "assignment_create": "POST /api/v1/assignments",
    "assignment_update": "PATCH /api/v1/assignments/{assignment_id}",
    "plan_create": "POST /api/v1/plans",
    "plan_edit": "POST /api/v1/plans/{plan_id}/versions",
    "document_create": "POST /api/v1/documents",
    "document_status": "POST /api/v1/documents/{document_id}/status",
    "voucher_create": "POST /api/v1/vouchers",
    "voucher_contact_create": "POST /api/v1/vouchers/{voucher_id}/contacts",
    "voucher_intake": "PUT /api/v1/vouchers/{voucher_id}/intake",
    "voucher_scope": "POST /api/v1/vouchers/{voucher_id}/scope-resolution",
    "voucher_phase": "POST /api/v1/vouchers/{voucher_id}/phase",
    "voucher_interim": "POST /api/v1/vouchers/{voucher_id}/interim-evaluations",
    "voucher_pop": "POST /api/v1/vouchers/{voucher_id}/pop/versions",
    "voucher_pop_finalise": "POST /api/v1/vouchers/{voucher_id}/pop/finalise",
    "voucher_document": "POST /api/v1/vouchers/{voucher_id}/documents",
    "voucher_certificate": "POST /api/v1/vouchers/{voucher_id}/certificate",
    "voucher_aftercare": "POST /api/v1/vouchers/{voucher_id}/aftercare",
    "voucher_aftercare_informed": "POST /api/v1/vouchers/{voucher_id}/aftercare-informed",
    "voucher_close": "POST /api/v1/vouchers/{voucher_id}/close",
    "voucher_combined_pop": "POST /api/v1/vouchers/{voucher_id}/combined-pop",
    "voucher_evaluation_received": "POST /api/v1/vouchers/{voucher_id}/evaluation-received",
    "mediation_refer": "POST /api/v1/mediation/referrals",
    "mediation_referral_edit": "PATCH /api/v1/mediation/services/{service_id}",
    "mediation_vdab_close": "POST /api/v1/mediation/services/{service_id}/close-by-vdab",
    "mediation_appointment_new": "POST /api/v1/mediation/services/{service_id}/appointments",
    "mediation_appointment_outcome": "POST /api/v1/mediation/appointments/{appointment_id}/outcome",
    "mediation_appointment_reschedule": (
        "POST /api/v1/mediation/appointments/{appointment_id}/reschedule"
    ),
    "mediation_appointment_invite": (
        "POST /api/v1/mediation/appointments/{appointment_id}/invitation"
    ),
    "mediation_sheet_new": "POST /api/v1/mediation/services/{service_id}/sheets",
    "mediation_sheet_sign": "POST /api/v1/mediation/sheets/{sheet_id}/signatures",
    "mediation_start": "POST /api/v1/mediation/services/{service_id}/start",
    "mediation_contact_new": "POST /api/v1/mediation/services/{service_id}/contacts",
    "mediation_month_end": "POST /api/v1/mediation/services/{service_id}/month-ends",
    "mediation_followup": "POST /api/v1/mediation/services/{service_id}/projectopvolger",
    "mediation_advice": "POST /api/v1/mediation/services/{service_id}/advice",
    "mediation_sheet_pdf": "POST /api/v1/mediation/sheets/{sheet_id}/pdf",
    "mediation_training_new": "POST /api/v1/mediation/services/{service_id}/trainings",
    "mediation_training_cancel": "POST /api/v1/mediation/trainings/{training_id}/cancel",
    "mediation_training_progress": "POST /api/v1/mediation/trainings/{training_id}/progress",
    "mediation_checklist": "PUT /api/v1/mediation/services/{service_id}/checklist",
    "mediation_ibo": "POST /api/v1/mediation/services/{service_id}/ibo",
    "intake_lead_acknowledge": "POST /api/v1/leads/{lead_id}/acknowledgements",
    "intake_lead_call": "POST /api/v1/leads/{lead_id}/calls",
    "intake_lead_feedback": "POST /api/v1/leads/{lead_id}/feedback",
    "intake_lead_convert": "POST /api/v1/leads/{lead_id}/client",
    # The API's route takes an optional coach_id: without it it routes (INT-05), with it assigns.
    "intake_lead_route": "POST /api/v1/leads/{lead_id}/route",
    "intake_lead_assign": "POST /api/v1/leads/{lead_id}/route",
    "intake_unavailability": "POST /api/v1/coach-unavailability",
    "intake_unavailability_delete": "DELETE /api/v1/coach-unavailability/{item_id}",
    "group_session_new": "POST /api/v1/group-sessions",
    "voucher_code_of_conduct": "POST /api/v1/vouchers/{voucher_id}/code-of-conduct",
    "voucher_evaluation_letter": "POST /api/v1/vouchers/{voucher_id}/evaluation-letters",
    "voucher_group_feedback": "POST /api/v1/vouchers/{voucher_id}/group-feedback",
    "voucher_video_consent": "POST /api/v1/vouchers/{voucher_id}/video-consent",
    "mediation_settings": "POST /api/v1/mediation/settings/{organisation_id}/{tender}",
    "ruleset_new": "POST /api/v1/rulesets",
    "privacy_erasure_request": "POST /api/v1/privacy/erasure-requests",
    "privacy_erasure_confirm": "POST /api/v1/privacy/erasure-requests/{request_id}/confirm",
    "privacy_erasure_cancel": "POST /api/v1/privacy/erasure-requests/{request_id}/cancel",
    "billing_hour_entered": "POST /api/v1/billing/hours/{contact_id}/entered",
    "billing_hour_unmark": "DELETE /api/v1/billing/hours/{contact_id}/entered",
    "billing_hours_month": "POST /api/v1/billing/hours/entered",
    "billing_settle": "POST /api/v1/billing/settlements",
    "billing_statement_correct": "POST /api/v1/billing/statements/{statement_id}/corrections",
    "billing_rates": "POST /api/v1/billing/rates",
    "billing_location_start": "POST /api/v1/billing/coach-locations",
    "billing_location_end": "POST /api/v1/billing/coach-locations/{location_id}/end",
    "billing_change_passed_on": "POST /api/v1/billing/location-changes/{change_id}/passed-on",
    "billing_plan_receive": "POST /api/v1/billing/development-plans",
    "billing_batch_new": "POST /api/v1/billing/batches",
    "billing_batch_state": "POST /api/v1/billing/batches/{batch_id}/state",
    "billing_audit_new": "POST /api/v1/billing/audits",
    "billing_aftercare_entered": "POST /api/v1/billing/aftercare/{aftercare_id}/entered",
    "billing_aftercare_unmark": "DELETE /api/v1/billing/aftercare/{aftercare_id}/entered",
    "billing_invoice_issue": "POST /api/v1/billing/statements/{statement_id}/invoice",
    "billing_invoice_credit": "POST /api/v1/billing/invoices/{invoice_id}/credit-note",
    "billing_company": "PUT /api/v1/billing/coach-company",
    "billing_centre_details": "PUT /api/v1/billing/centre-billing-details/{organisation_id}",
    # transition (TRN)
    "transition_propose": "POST /api/v1/transition/referrals",
    "transition_referral_edit": "PUT /api/v1/transition/files/{file_id}/referral",
    "transition_dialogue": "POST /api/v1/transition/files/{file_id}/referral/dialogue",
    "transition_invite": "POST /api/v1/transition/files/{file_id}/referral/invitation",
    "transition_invitation_pdf": "POST /api/v1/transition/files/{file_id}/referral/invitation/pdf",
    "transition_call_off": "POST /api/v1/transition/files/{file_id}/referral/call-off",
    "transition_intake": "PUT /api/v1/transition/files/{file_id}/intake",
    "transition_intake_administrative": "PUT /api/v1/transition/files/{file_id}/intake/administrative",
    "transition_starr_new": "POST /api/v1/transition/files/{file_id}/intake/starr-notes",
    "transition_starr_edit": "PATCH /api/v1/transition/starr-notes/{note_id}",
    "transition_intake_decision": "POST /api/v1/transition/files/{file_id}/intake/decision",
    "transition_intake_feedback": "POST /api/v1/transition/files/{file_id}/intake/feedback",
    "transition_engagement": "POST /api/v1/transition/files/{file_id}/intake/engagement",
    "transition_engagement_pdf": "POST /api/v1/transition/files/{file_id}/intake/engagement/pdf",
    "transition_kick_off_new": "POST /api/v1/transition/kick-offs",
    "transition_profile_competence_add": "POST /api/v1/transition/organisations/{organisation_id}/competences",
    "transition_competence_toggle": "PATCH /api/v1/transition/competences/{competence_id}",
    "transition_competence_edit": "PATCH /api/v1/transition/competences/{competence_id}",
    "transition_indicator_add": "POST /api/v1/transition/competences/{competence_id}/indicators",
    "transition_indicator_edit": "PUT /api/v1/transition/indicators/{indicator_id}",
    "transition_session_new": "POST /api/v1/transition/assessment/sessions",
    "transition_session_task_add": "POST /api/v1/transition/assessment/sessions/{session_id}/tasks",
    "transition_session_candidate_add": "POST /api/v1/transition/assessment/sessions/{session_id}/candidates",
    "transition_session_assessor_add": "POST /api/v1/transition/assessment/sessions/{session_id}/assessors",
    "transition_session_observation_add": "POST /api/v1/transition/assessment/sessions/{session_id}/observations",
    "transition_observation_classify": "POST /api/v1/transition/assessment/observations/{observation_id}/classification",
    "transition_candidate_proposal": "POST /api/v1/transition/assessment/sessions/{session_id}/proposals",
    "transition_candidate_agreed": "POST /api/v1/transition/assessment/candidates/{candidate_id}/agreed-levels",
    "transition_candidate_report": "PUT /api/v1/transition/assessment/candidates/{candidate_id}/report",
    "transition_candidate_report_make": "POST /api/v1/transition/assessment/candidates/{candidate_id}/report/pdf",
    "transition_plan": "POST /api/v1/transition/files/{file_id}/pdp/versions",
    "transition_plan_review": "POST /api/v1/transition/files/{file_id}/pdp/review",
    "transition_plan_pdf": "POST /api/v1/transition/files/{file_id}/pdp/pdf",
    "transition_plan_questions": "PUT /api/v1/transition/organisations/{organisation_id}/plan-questions",
    "transition_activity_add": "POST /api/v1/transition/files/{file_id}/activities",
    "transition_portfolio": "PUT /api/v1/transition/files/{file_id}/portfolio",
    "transition_activity_delete": "POST /api/v1/transition/activities/{activity_id}/removal",
    "transition_employer_new": "POST /api/v1/transition/employers",
    "transition_employer_edit": "PATCH /api/v1/transition/employers/{employer_id}",
    "transition_employer_contact_add": "POST /api/v1/transition/employers/{employer_id}/contacts",
    "transition_measure_new": "POST /api/v1/transition/files/{file_id}/measures",
    "transition_measure_documents": "PUT /api/v1/transition/measures/{measure_id}/documents",
    "transition_measure_start": "POST /api/v1/transition/measures/{measure_id}/start",
    "transition_measure_evaluate": "POST /api/v1/transition/measures/{measure_id}/evaluations",
    "transition_measure_close": "POST /api/v1/transition/measures/{measure_id}/close",
    "transition_measure_cancel": "POST /api/v1/transition/measures/{measure_id}/cancel",
    "transition_measure_checklist": "POST /api/v1/transition/measures/{measure_id}/checklist-pdf",
    "transition_placement_new": "POST /api/v1/transition/placements",
    "transition_followup_add": "POST /api/v1/transition/placements/{placement_id}/records",
    "transition_left_for_training": "PUT /api/v1/transition/files/{file_id}/left-for-training",
    "transition_kpis_export": "POST /api/v1/transition/kpis/exports",
    "transition_checklist_new": "POST /api/v1/transition/checklists",
    "transition_checklist_edit": "PUT /api/v1/transition/checklists/{checklist_id}",
}

# Owned by another slice that adds the operation; the integrator empties this list when merging.
PENDING_IN_SLICE: dict[str, tuple[str, str]] = {}

# Page actions that stay on the pages, and why.
PAGE_ONLY = {
    "outbox_retry": "centre staff resend a failed e-mail or SMS; the outbox is operations, not data",
    "token_create": "an API key is made by a signed-in person on the page, never by a key",
    "token_revoke": "idem: managing one's own API keys",
    "import_start": "spreadsheet upload with a preview; the API creates the same rows one by one",
    "import_confirm": "idem: confirms the previewed spreadsheet import",
    "mediation_import": "idem for VDAB referral spreadsheets; the API has POST referrals",
    "organisation_create": "administration of the organisation register (beheer)",
    "organisation_detail": "idem: adding a location to an organisation",
    "organisation_mfa": "idem: asking a second factor of all staff (needs a verified session)",
    "organisation_worklist": "idem: the centre's number of days after which a trajectory stalls",
    "lockout_release": "lifting a login lock-out; an API key must not unlock accounts",
    "staff_create": "creating staff accounts and passwords (beheer); the API lists staff",
    "intake_calendar": "renews one's private calendar-feed link (a credential)",
    "intake_branding": "a centre's house style for the public form (beheer)",
    "intake_feedback_fields": "a centre's feedback questions (beheer)",
    "intake_communication": "a centre's e-mail texts (beheer)",
    "set_language": "one's own interface language (a browser preference; stored on the person)",
}

# Views that are not staff pages: sign-in, the client portal, the public registration form.
NOT_STAFF_MODULES = ("koers.core.auth_views", "koers.portal.", "koers.intake.views.public")


def _patterns(resolver: URLResolver):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace:  # admin, api
                continue
            yield from _patterns(entry)
        elif isinstance(entry, URLPattern) and entry.name:
            yield entry.name, entry.callback


def _functions(view) -> list:
    """The view and every function it wraps (decorators keep theirs in closures)."""
    seen, todo = [], [view]
    while todo:
        function = todo.pop()
        if not inspect.isfunction(function) or function in seen:
            continue
        seen.append(function)
        todo.append(getattr(function, "__wrapped__", None))
        for cell in function.__closure__ or ():
            try:
                todo.append(cell.cell_contents)
            except ValueError:  # an empty cell
                continue
    return seen


def _accepts_post(view) -> bool:
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return hasattr(view_class, "post") and "post" in view_class.http_method_names
    allowed = None
    for function in _functions(view):
        cells = zip(function.__code__.co_freevars, function.__closure__ or (), strict=False)
        for name, cell in cells:
            if name == "request_method_list":  # require_POST, require_http_methods
                allowed = (
                    set(cell.cell_contents)
                    if allowed is None
                    else allowed & set(cell.cell_contents)
                )
    if allowed is not None:
        return "POST" in allowed
    # No method decorator: the view reads the POST itself.
    return any(
        re.search(r"request\.(POST|FILES)|[\"']POST[\"']", inspect.getsource(f))
        for f in _functions(view)
        if f.__module__.startswith("koers.")
    )


def _state_changing_pages() -> set[str]:
    return {
        name
        for name, view in _patterns(get_resolver())
        if view.__module__.startswith("koers.")
        and not view.__module__.startswith(NOT_STAFF_MODULES)
        and _accepts_post(view)
    }


def _operations() -> set[str]:
    document = koers_api.get_openapi_schema(path_prefix="/api/v1")
    return {
        f"{method.upper()} {path}"
        for path, operations in document["paths"].items()
        for method in operations
    }


PAGES = _state_changing_pages()


def test_the_walker_finds_the_post_actions_of_every_staff_area():
    for known in ("client_create", "mediation_start", "voucher_close", "intake_lead_call"):
        assert known in PAGES
    # GET-only pages are not actions.
    assert not PAGES & {"client_detail", "mediation_detail", "staff_list", "document_download"}


def test_every_state_changing_page_action_is_mapped():
    mapped = set(API_FOR_PAGE) | set(PENDING_IN_SLICE) | set(PAGE_ONLY)
    unmapped = PAGES - mapped
    assert not unmapped, (
        f"page actions without an API operation: {sorted(unmapped)} — add the operation and map "
        "it in API_FOR_PAGE"
    )
    stale = mapped - PAGES
    assert not stale, f"these pages no longer exist or no longer POST: {sorted(stale)}"


@pytest.mark.parametrize("page", sorted(API_FOR_PAGE))
def test_page_action_has_its_api_operation(page):
    assert API_FOR_PAGE[page] in _operations()


def test_pending_operations_of_other_slices_are_not_there_yet():
    landed = {page: op for page, (_slice, op) in PENDING_IN_SLICE.items() if op in _operations()}
    assert not landed, f"these landed: move them to API_FOR_PAGE: {landed}"


# Read pages with their API twin (issue 16): not actions, so not in API_FOR_PAGE's walk.
API_FOR_READ_PAGE = {"search": "GET /api/v1/search"}


@pytest.mark.parametrize("page", sorted(API_FOR_READ_PAGE))
def test_read_page_has_its_api_operation(page):
    assert API_FOR_READ_PAGE[page] in _operations()
