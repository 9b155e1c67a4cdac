"""/vouchers: career vouchers (LBC), with what counts, what is left and what still blocks delivery.

Every voucher is looked up through `Voucher.objects.visible_to(user)` (404 otherwise); every
write goes through `koers.vouchers.services`, whose refusals name the rule (e.g. "(LBC-02)").
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router

from koers.api.errors import ERRORS, FieldNotFound, renamed_fields
from koers.api.lookups import PageQuery, acting_organisation, auth_user, page, staff_member
from koers.api.schemas import Id
from koers.api.voucher_schemas import (
    AftercareIn,
    AftercareListOut,
    AftercareOut,
    CertificateIn,
    ChecklistOut,
    CodeOfConductIn,
    GroupFeedbackIn,
    GroupSessionIn,
    GroupSessionOut,
    GroupSessionPage,
    IntakeIn,
    InterimEvaluationIn,
    PhaseIn,
    PopFinaliseIn,
    PopOut,
    PopVersionIn,
    ScopeResolutionIn,
    VideoConsentIn,
    VoucherCloseIn,
    VoucherContactIn,
    VoucherContactOut,
    VoucherContactPage,
    VoucherDetailOut,
    VoucherDocumentIn,
    VoucherDocumentOut,
    VoucherDocumentPage,
    VoucherIn,
    VoucherPage,
)
from koers.core.models import Client, User
from koers.core.selectors import client_get
from koers.lib.rules import shown
from koers.trajectories.models import Document, TrajectoryStatus
from koers.trajectories.services import ContactData
from koers.vouchers import services
from koers.vouchers.models import GroupSession, Voucher
from koers.vouchers.pdfs import evaluation_letter_generate, voucher_document_generate
from koers.vouchers.rules.intake import missing_intake_topics
from koers.vouchers.rules.pop import pop_problems
from koers.vouchers.selectors import (
    JudgedContact,
    VoucherSummary,
    aftercare_totals,
    voucher_get,
    voucher_summary,
    vouchers_for_user,
)

router = Router(tags=["vouchers"])


# ---- shapes ------------------------------------------------------------------------------------


def voucher_out(voucher: Voucher) -> dict:
    trajectory = voucher.trajectory
    return {
        "id": voucher.pk,
        "number": voucher.number,
        "client_id": voucher.client_id,
        "client_name": voucher.client.full_name,
        "trajectory_id": voucher.trajectory_id,
        "responsible_id": trajectory.responsible_id,
        "ruleset_version": voucher.ruleset_version,
        "status": trajectory.status,
        "phase": trajectory.phase,
        "start_date": trajectory.start_date,
        "end_date": trajectory.end_date,
        "career_question": voucher.career_question,
        "intake_topics": list(voucher.intake_topics),
        "intake_topics_missing": missing_intake_topics(set(voucher.intake_topics)),
        "scope_warnings": voucher.scope_warnings,
        "scope_resolution": voucher.scope_resolution,
        "scope_resolved_at": voucher.scope_resolved_at,
        "scope_resolved_by_id": voucher.scope_resolved_by_id,
        "synthesis_date": voucher.synthesis_date,
        "combined_pop": voucher.combined_pop,
        "pop_checklist_only": voucher.pop_checklist_only,
        "evaluation_invited_on": voucher.evaluation_invited_on,
        "evaluation_reminders_sent": voucher.evaluation_reminders_sent,
        "evaluation_last_sent_on": voucher.evaluation_last_sent_on,
        "evaluation_received_on": voucher.evaluation_received_on,
        "evaluation_correspondence_added_on": voucher.evaluation_correspondence_added_on,
        "aftercare_informed_at": voucher.aftercare_informed_at,
        "video_consent": voucher.video_consent,
        "video_consent_on": voucher.video_consent_on,
        "certificate_issued_at": voucher.certificate_issued_at,
        "certificate_training": voucher.certificate_training,
        "code_of_conduct_handed_on": voucher.code_of_conduct_handed_on,
        "code_of_conduct_handed_how": voucher.code_of_conduct_handed_how,
        "closed_incomplete": voucher.closed_incomplete,
        "closing_reason": voucher.closing_reason,
        "closing_note": voucher.closing_note,
        "closing_open_points": shown(voucher.closing_open_points),
    }


def _hours(summary: VoucherSummary) -> dict:
    return {
        "used_minutes": summary.used_minutes,
        "counted_minutes": summary.counted_minutes,
        "group_minutes": summary.group_minutes,
        "individual_minutes": summary.individual_minutes,
        "left_minutes": summary.left_minutes,
    }


def _detail(user: User, pk: int) -> dict:
    """The voucher as the user may see it now (reloaded: services may have changed it)."""
    voucher = voucher_get(user=user, pk=pk)
    return voucher_out(voucher) | {
        "hours": _hours(voucher_summary(voucher)),
        "aftercare": _aftercare_totals(voucher),
    }


def _aftercare_totals(voucher: Voucher) -> dict:
    totals = aftercare_totals(voucher)
    return {
        "registered_minutes": totals.registered_minutes,
        "within_right_minutes": totals.within_right_minutes,
        "right_minutes": totals.right_minutes,
        "deadline": totals.deadline,
    }


def _contact_out(judged: JudgedContact) -> dict:
    contact = judged.contact
    return {
        "id": contact.pk,
        "staff_id": contact.staff_id,
        "starts_at": contact.starts_at,
        "duration_minutes": contact.duration_minutes,
        "form": contact.form,
        "place": contact.place,
        "outcome": contact.outcome,
        "absence_reason": contact.absence_reason,
        "notes": contact.notes,
        "is_introduction": judged.is_introduction,
        "attendance_original": judged.attendance_original,
        "screenshot": judged.screenshot,
        "counted_minutes": judged.decision.counted_minutes,
        "reasons": [{"rule": r.rule, "message": r.message} for r in judged.decision.reasons],
    }


def _pop_out(voucher: Voucher) -> dict:
    plan = services.pop_plan(voucher)
    versions = list(plan.versions.order_by("-number")) if plan else []
    problems = (
        pop_problems(
            services.pop_facts(voucher, versions[0].content),
            actions_required=services.pop_requires_actions(voucher),
        )
        if versions
        else []
    )
    return {
        "plan_id": plan.pk if plan else None,
        "title": plan.title if plan else None,
        "finalised_at": plan.finalised_at if plan else None,
        "versions": versions,
        "problems": [{"rule": r.rule, "message": r.message} for r in problems],
    }


def _document_out(document: Document) -> dict:
    return {
        "id": document.pk,
        "kind": document.kind,
        "title": str(document.title),
        "status": document.status,
        "original_filename": document.original_filename,
        "contact_id": document.contact_id,
        "download_url": (
            reverse("api:download_document", kwargs={"document_id": document.pk})
            if document.file
            else None
        ),
        "created_at": document.created_at,
    }


# ---- vouchers ----------------------------------------------------------------------------------


@router.get("/vouchers", response={200: VoucherPage, **ERRORS}, summary="Loopbaancheques")
def list_vouchers(
    request: HttpRequest,
    params: PageQuery,
    client: Id | None = None,
    status: TrajectoryStatus | None = None,
):
    """Vouchers you may see, newest first; filter by client id or trajectory status. The hours
    are on the voucher itself (`GET /vouchers/{id}`)."""
    vouchers = vouchers_for_user(user=auth_user(request)).order_by("-trajectory__start_date", "-id")
    if client is not None:
        vouchers = vouchers.filter(client_id=client)
    if status is not None:
        vouchers = vouchers.filter(trajectory__status=status)
    result = page(vouchers, params)
    result["items"] = [voucher_out(v) for v in result["items"]]
    return result


@router.get(
    "/vouchers/{voucher_id}",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Eén loopbaancheque met uren",
)
def get_voucher(request: HttpRequest, voucher_id: Id):
    return _detail(auth_user(request), voucher_id)


@router.post(
    "/vouchers", response={201: VoucherDetailOut, **ERRORS}, summary="Loopbaancheque openen"
)
def create_voucher(request: HttpRequest, payload: VoucherIn):
    """Open voucher 1 or 2 for a client you may see (LBC-01): refused with a 422 on `client_id`
    when the client has used every voucher the rule set allows."""
    user = auth_user(request)
    try:
        client = client_get(user=user, pk=payload.client_id)
    except Client.DoesNotExist:
        raise FieldNotFound("client_id") from None
    organisation = acting_organisation(user, payload.organisation_id)
    responsible_id = payload.responsible_id if payload.responsible_id is not None else user.pk
    responsible = staff_member(organisation, responsible_id)
    with (
        transaction.atomic(),
        renamed_fields(__all__="client_id", responsible="responsible_id"),
    ):
        voucher = services.voucher_open(
            client=client,
            responsible=responsible,
            organisation=organisation,
            start_date=payload.start_date or timezone.localdate(),
            career_question=payload.career_question,
            acting_user=user,
        )
        try:
            detail = _detail(user, voucher.pk)
        except Voucher.DoesNotExist:
            # A coach opening it for a colleague would lose sight of it: refuse (and roll back).
            raise ValidationError(
                {"responsible_id": [_("Met deze verantwoordelijke zou u de cheque niet zien.")]}
            ) from None
    return 201, detail


# ---- contacts ----------------------------------------------------------------------------------


@router.get(
    "/vouchers/{voucher_id}/contacts",
    response={200: VoucherContactPage, **ERRORS},
    summary="Contacten van een cheque, met wat meetelt en waarom",
)
def list_voucher_contacts(request: HttpRequest, voucher_id: Id, params: PageQuery):
    """Every contact in time order with the minutes that count and the rules behind it
    (e.g. LBC-06 for a video call without screenshot, LBC-04 when the group cap cuts a session)."""
    voucher = voucher_get(user=auth_user(request), pk=voucher_id)
    judged = voucher_summary(voucher).contacts
    items = judged[params.offset : params.offset + params.limit]
    return {"count": len(judged), "items": [_contact_out(j) for j in items]}


@router.post(
    "/vouchers/{voucher_id}/contacts",
    response={201: VoucherContactOut, **ERRORS},
    summary="Contact op een cheque registreren",
)
def create_voucher_contact(request: HttpRequest, voucher_id: Id, payload: VoucherContactIn):
    """Log a contact in 30-minute blocks of 30 to 120 minutes (LBC-02). Refused when it overlaps
    another contact, or when a contact in the future is marked as held. The answer says how many
    of its minutes count and why."""
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    data = ContactData(**payload.dict(exclude={"is_introduction"}))
    contact = services.voucher_contact_log(
        voucher=voucher, data=data, acting_user=user, is_introduction=payload.is_introduction
    )
    judged = next(j for j in voucher_summary(voucher).contacts if j.contact.pk == contact.pk)
    return 201, _contact_out(judged)


# ---- checklist, intake, scope, phase -----------------------------------------------------------


@router.get(
    "/vouchers/{voucher_id}/checklist",
    response={200: ChecklistOut, **ERRORS},
    summary="Wat het dossier nog nodig heeft (LBC-11)",
)
def get_voucher_checklist(request: HttpRequest, voucher_id: Id):
    summary = voucher_summary(voucher_get(user=auth_user(request), pk=voucher_id))
    return {
        "complete": summary.complete,
        "items": [
            {
                "key": item.key,
                "label": str(item.label),
                "ok": item.ok,
                "rule": item.reason.rule,
                "message": item.reason.message,
            }
            for item in summary.checklist
        ],
    }


@router.put(
    "/vouchers/{voucher_id}/intake",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Intake: loopbaanvraag en toegelichte onderwerpen",
)
def update_voucher_intake(request: HttpRequest, voucher_id: Id, payload: IntakeIn):
    """LBC-10 topics and the career question; a changed question is checked again for LBC-19."""
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    services.voucher_intake_update(
        voucher=voucher,
        career_question=payload.career_question,
        topics=payload.topics,
        acting_user=user,
    )
    return _detail(user, voucher_id)


@router.post(
    "/vouchers/{voucher_id}/scope-resolution",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Bevestigen dat de vraag loopbaanbegeleiding is (LBC-19)",
)
def resolve_voucher_scope(request: HttpRequest, voucher_id: Id, payload: ScopeResolutionIn):
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    services.voucher_scope_resolve(voucher=voucher, resolution=payload.resolution, acting_user=user)
    return _detail(user, voucher_id)


@router.post(
    "/vouchers/{voucher_id}/phase",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Fase van de cheque wijzigen (LBC-21)",
)
def set_voucher_phase(request: HttpRequest, voucher_id: Id, payload: PhaseIn):
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    services.voucher_set_phase(voucher=voucher, phase=payload.phase, acting_user=user)
    return _detail(user, voucher_id)


# ---- POP ---------------------------------------------------------------------------------------


@router.get(
    "/vouchers/{voucher_id}/pop",
    response={200: PopOut, **ERRORS},
    summary="Het POP van een cheque, met alle versies",
)
def get_voucher_pop(request: HttpRequest, voucher_id: Id):
    """For a combined POP on voucher 1, the one kept on voucher 2 (LBC-13)."""
    return _pop_out(voucher_get(user=auth_user(request), pk=voucher_id))


@router.post(
    "/vouchers/{voucher_id}/pop/versions",
    response={201: PopOut, 200: PopOut, **ERRORS},
    summary="Nieuwe versie van het POP",
)
def add_voucher_pop_version(request: HttpRequest, voucher_id: Id, payload: PopVersionIn):
    """Save the content as the next version (the first one creates the POP). Content equal to
    the latest version adds nothing and answers 200. `problems` lists what an audit would
    object to (LBC-12/13)."""
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    plan = services.pop_plan(voucher)
    latest = (
        plan.versions.order_by("-number").values_list("pk", flat=True).first() if plan else None
    )
    version = services.pop_save(
        voucher=voucher, content=payload.content.model_dump(mode="json"), acting_user=user
    )
    return (200 if version.pk == latest else 201), _pop_out(voucher)


@router.post(
    "/vouchers/{voucher_id}/pop/finalise",
    response={200: PopOut, **ERRORS},
    summary="POP finaliseren in het synthesegesprek",
)
def finalise_voucher_pop(request: HttpRequest, voucher_id: Id, payload: PopFinaliseIn):
    """Refused (422, LBC-12) while required sections are empty; fixes the synthesis date."""
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    services.pop_finalise(voucher=voucher, acting_user=user, synthesis_date=payload.synthesis_date)
    return _pop_out(voucher)


# ---- documents ---------------------------------------------------------------------------------


@router.get(
    "/vouchers/{voucher_id}/documents",
    response={200: VoucherDocumentPage, **ERRORS},
    summary="Documenten van een cheque",
)
def list_voucher_documents(request: HttpRequest, voucher_id: Id, params: PageQuery):
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    documents = (
        Document.objects.visible_to(user)
        .filter(trajectory_id=voucher.trajectory_id)
        .order_by("-created_at", "-id")
    )
    result = page(documents, params)
    result["items"] = [_document_out(d) for d in result["items"]]
    return result


@router.post(
    "/vouchers/{voucher_id}/documents",
    response={201: VoucherDocumentOut, **ERRORS},
    summary="Document van een cheque aanmaken (PDF)",
)
def generate_voucher_document(request: HttpRequest, voucher_id: Id, payload: VoucherDocumentIn):
    """Render the contract, code of conduct, attendance sheet, POP or training certificate in
    the centre's house style (LBC-11, LBC-12, LBC-20)."""
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    document = voucher_document_generate(voucher=voucher, kind=payload.kind, acting_user=user)
    return 201, _document_out(document)


# ---- aftercare, close, certificate -------------------------------------------------------------


@router.get(
    "/vouchers/{voucher_id}/aftercare",
    response={200: AftercareListOut, **ERRORS},
    summary="Nazorg van een cheque (LBC-18)",
)
def list_voucher_aftercare(request: HttpRequest, voucher_id: Id):
    """Every aftercare registration, the minutes registered and the part within the client's
    right (30 minutes per voucher)."""
    voucher = voucher_get(user=auth_user(request), pk=voucher_id)
    return _aftercare_totals(voucher) | {"items": list(voucher.aftercare.all())}


@router.post(
    "/vouchers/{voucher_id}/aftercare",
    response={201: AftercareOut, **ERRORS},
    summary="Nazorg registreren (LBC-18)",
)
def register_voucher_aftercare(request: HttpRequest, voucher_id: Id, payload: AftercareIn):
    """All aftercare done may be registered, per half hour, up to a year after the synthesis
    conversation (the same date a year later included). The client's right is 30 minutes per
    voucher: `GET /vouchers/{id}/aftercare` shows how much falls within it."""
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    entry = services.aftercare_register(
        voucher=voucher,
        on=payload.on,
        minutes=payload.minutes,
        form=payload.form,
        note=payload.note,
        acting_user=user,
    )
    return 201, entry


@router.post(
    "/vouchers/{voucher_id}/close",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Cheque afsluiten",
)
def close_voucher(request: HttpRequest, voucher_id: Id, payload: VoucherCloseIn | None = None):
    """Close the trajectory; the evaluation invitation follows (LBC-15). With the hours or the
    individual minimum not reached the voucher ends early: `reason` is required (422 otherwise)
    and it stays "afgesloten, onvolledig" (`closed_incomplete`). The open dossier points are kept
    in `closing_open_points`."""
    user = auth_user(request)
    payload = payload or VoucherCloseIn()
    services.voucher_close(
        voucher=voucher_get(user=user, pk=voucher_id),
        acting_user=user,
        reason=payload.reason,
        note=payload.note,
    )
    return _detail(user, voucher_id)


@router.post(
    "/vouchers/{voucher_id}/code-of-conduct",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Gedragscode overhandigd of gemaild (LBC-11)",
)
def record_code_of_conduct(request: HttpRequest, voucher_id: Id, payload: CodeOfConductIn):
    """Record how and when the code of conduct reached the client; generating its PDF alone does
    not count."""
    user = auth_user(request)
    services.code_of_conduct_handed_over(
        voucher=voucher_get(user=user, pk=voucher_id),
        how=payload.how,
        on=payload.on,
        acting_user=user,
    )
    return _detail(user, voucher_id)


@router.post(
    "/vouchers/{voucher_id}/evaluation-letters",
    response={201: VoucherDocumentOut, **ERRORS},
    summary="Uitnodiging of herinnering voor de evaluatie op papier (LBC-15)",
)
def print_evaluation_letter(request: HttpRequest, voucher_id: Id):
    """For a client without an e-mail address: the invitation or reminder due now, as a PDF letter
    filed as correspondence and recorded as sent. Refused (422) when nothing is due yet."""
    user = auth_user(request)
    document = evaluation_letter_generate(
        voucher=voucher_get(user=user, pk=voucher_id), acting_user=user
    )
    return 201, _document_out(document)


@router.post(
    "/vouchers/{voucher_id}/certificate",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Attest opleiding uitreiken (LBC-20)",
)
def issue_voucher_certificate(request: HttpRequest, voucher_id: Id, payload: CertificateIn):
    """Once, only for a training named in the POP and guidance that started before the
    academic year; the PDF follows with `POST /vouchers/{id}/documents` (kind certificate)."""
    user = auth_user(request)
    services.certificate_issue(
        voucher=voucher_get(user=user, pk=voucher_id),
        training=payload.training,
        benefit_academic_year_start=payload.benefit_academic_year_start,
        only_to_obtain_benefit=payload.only_to_obtain_benefit,
        acting_user=user,
    )
    return _detail(user, voucher_id)


@router.post(
    "/vouchers/{voucher_id}/aftercare-informed",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Cliënt ingelicht over nazorg (LBC-18)",
)
def voucher_aftercare_informed(request: HttpRequest, voucher_id: Id):
    user = auth_user(request)
    services.aftercare_informed(voucher=voucher_get(user=user, pk=voucher_id), acting_user=user)
    return _detail(user, voucher_id)


@router.post(
    "/vouchers/{voucher_id}/interim-evaluations",
    response={201: VoucherDetailOut, **ERRORS},
    summary="Tussentijdse evaluatie (LBC-16)",
)
def add_interim_evaluation(request: HttpRequest, voucher_id: Id, payload: InterimEvaluationIn):
    user = auth_user(request)
    services.interim_evaluation_add(
        voucher=voucher_get(user=user, pk=voucher_id),
        held_on=payload.held_on,
        going_as_wished=payload.going_as_wished,
        would_change=payload.would_change,
        acting_user=user,
    )
    return 201, _detail(user, voucher_id)


# ---- e-coaching consent (LBC-06) ---------------------------------------------------------------


@router.post(
    "/vouchers/{voucher_id}/video-consent",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Akkoord of vraag voor e-coaching noteren (LBC-06)",
)
def record_video_consent(request: HttpRequest, voucher_id: Id, payload: VideoConsentIn):
    """A video call counts only with the client's consent or at their request (and with its
    screenshot). An empty value withdraws it."""
    user = auth_user(request)
    services.video_consent_record(
        voucher=voucher_get(user=user, pk=voucher_id),
        consent=payload.video_consent,
        on=payload.on or timezone.localdate(),
        acting_user=user,
    )
    return _detail(user, voucher_id)


# ---- group sessions (LBC-04, LBC-05) -----------------------------------------------------------


def _group_session_out(session: GroupSession, visible: set[int]) -> dict:
    return {
        "id": session.pk,
        "organisation_id": session.organisation_id,
        "coach_id": session.coach_id,
        "theme": session.theme,
        "method": session.method,
        "starts_at": session.starts_at,
        "duration_minutes": session.duration_minutes,
        "place": session.place,
        "aims_at_reflection": session.aims_at_reflection,
        "part_of_other_service": session.part_of_other_service,
        "participants": [p for p in session.participants.all() if p.voucher_id in visible],
    }


def _group_sessions(user: User):
    """Sessions with at least one participant whose voucher the user may see."""
    visible = Voucher.objects.visible_to(user).values("pk")
    return (
        GroupSession.objects.filter(participants__voucher__in=visible)
        .distinct()
        .prefetch_related("participants")
        .order_by("-starts_at", "-id")
    )


def _visible_voucher_ids(user: User, sessions: list[GroupSession]) -> set[int]:
    """Of these sessions' participants, the vouchers the user may see (one query, page-sized)."""
    voucher_ids = {p.voucher_id for s in sessions for p in s.participants.all()}
    return set(
        Voucher.objects.visible_to(user).filter(pk__in=voucher_ids).values_list("pk", flat=True)
    )


@router.get(
    "/group-sessions",
    response={200: GroupSessionPage, **ERRORS},
    summary="Groepssessies (LBC-05)",
)
def list_group_sessions(request: HttpRequest, params: PageQuery):
    """Group sessions with a participant you may see, newest first; only those participants."""
    user = auth_user(request)
    result = page(_group_sessions(user), params)
    sessions = list(result["items"])
    visible = _visible_voucher_ids(user, sessions)
    result["items"] = [_group_session_out(s, visible) for s in sessions]
    return result


@router.get(
    "/group-sessions/{session_id}",
    response={200: GroupSessionOut, **ERRORS},
    summary="Eén groepssessie (LBC-05)",
)
def get_group_session(request: HttpRequest, session_id: Id):
    user = auth_user(request)
    session = _group_sessions(user).get(pk=session_id)
    return _group_session_out(session, _visible_voucher_ids(user, [session]))


@router.post(
    "/group-sessions",
    response={201: GroupSessionOut, **ERRORS},
    summary="Groepssessie registreren (LBC-04, LBC-05)",
)
def create_group_session(request: HttpRequest, payload: GroupSessionIn):
    """One session, one group contact on each participant's voucher (you are the coach), as on
    the page. Refused (422, LBC-05) unless the theme aims only at reflection on career
    competences, it is no part of another service, no two participants share an employer, and
    each participant chose freely, discussed the link with their career question and knows they
    may stop and switch to individual sessions. A session counts on a voucher once its insights
    are fed back in an individual session (`POST /vouchers/{id}/group-feedback`); the cap is
    LBC-04's."""
    user = auth_user(request)
    members = []
    for participant in payload.participants:
        try:
            voucher = voucher_get(user=user, pk=participant.voucher_id)
        except Voucher.DoesNotExist:
            raise FieldNotFound("participants") from None
        members.append(
            services.GroupMember(
                voucher=voucher,
                employer=participant.employer,
                free_choice=participant.free_choice,
                linked_to_question=participant.linked_to_question,
                may_stop_and_switch=participant.may_stop_and_switch,
            )
        )
    if not members:
        raise ValidationError({"participants": [_("Kies minstens twee deelnemers.")]})
    with transaction.atomic(), renamed_fields(members="participants"):
        session = services.group_session_create(
            organisation=members[0].voucher.trajectory.organisation,
            coach=user,
            theme=payload.theme,
            method=payload.method,
            starts_at=payload.starts_at,
            duration_minutes=payload.duration_minutes,
            place=payload.place,
            outcome=payload.outcome,
            members=members,
            aims_at_reflection=payload.aims_at_reflection,
            part_of_other_service=payload.part_of_other_service,
            acting_user=user,
        )
    session = GroupSession.objects.prefetch_related("participants").get(pk=session.pk)
    return 201, _group_session_out(session, _visible_voucher_ids(user, [session]))


@router.post(
    "/vouchers/{voucher_id}/group-feedback",
    response={200: VoucherContactOut, **ERRORS},
    summary="Terugkoppeling van een groepssessie noteren (LBC-05)",
)
def record_group_feedback(request: HttpRequest, voucher_id: Id, payload: GroupFeedbackIn):
    """The insights of a group session were fed back in this held individual session; the answer
    is the group contact with what now counts."""
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    services.group_feedback_record(
        voucher=voucher,
        group_contact_id=payload.group_contact_id,
        feedback_contact_id=payload.feedback_contact_id,
        acting_user=user,
    )
    judged = next(
        j for j in voucher_summary(voucher).contacts if j.contact.pk == payload.group_contact_id
    )
    return _contact_out(judged)
