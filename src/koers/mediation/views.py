"""Mediation pages: the partner's dashboard "klanten opvolgen", referrals and the service page.

Every service, appointment, sheet and training is looked up through the access rules: otherwise 404.
"""

import csv
import io
from datetime import date, time
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.core.forms import apply_errors
from koers.core.imports import normalize_header
from koers.core.models import Organisation, Role
from koers.core.services import ClientData, client_create
from koers.mediation import forms, pdfs, selectors, services
from koers.mediation import models as m
from koers.mediation.rules.closing import CITIZEN_TEXTS, advice_options
from koers.mediation.rules.ladder import TERMINAL, LadderState
from koers.trajectories.models import ContactOutcome
from koers.trajectories.services import ContactData


def _service(request, pk: int) -> m.MediationService:
    try:
        return selectors.service_get(user=request.user, pk=pk)
    except m.MediationService.DoesNotExist:
        raise Http404 from None


def _report(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def service_action(view):
    """A POST on a service: load it through the access rules, report a refusal as a message."""

    @wraps(view)
    @login_required
    @require_POST
    def wrapper(request, pk: int):
        service = _service(request, pk)
        try:
            view(request, service)
        except ValidationError as exc:
            _report(request, exc)
        return redirect("mediation_detail", pk=service.pk)

    return wrapper


def object_action(getter):
    """A POST on something under a service (appointment, sheet, training)."""

    def decorate(view):
        @wraps(view)
        @login_required
        @require_POST
        def wrapper(request, pk: int):
            try:
                obj = getter(user=request.user, pk=pk)
            except (
                m.FirstAppointment.DoesNotExist,
                m.AgreementSheet.DoesNotExist,
                m.TrainingRegistration.DoesNotExist,
            ):
                raise Http404 from None
            try:
                response = view(request, obj)
            except ValidationError as exc:
                _report(request, exc)
                response = None
            return response or redirect("mediation_detail", pk=obj.service_id)

        return wrapper

    return decorate


# ---- dashboard and referrals ---------------------------------------------------------------------


@login_required
def dashboard(request):
    board = selectors.dashboard(user=request.user)
    return render(
        request,
        "mediation/dashboard.html",
        {"board": board, "today": timezone.localdate(), "section": "mediation_dashboard"},
    )


def _acting_organisation(user) -> Organisation | None:
    orgs = user.organisation_ids(Role.MEDIATOR, Role.CENTRE_STAFF)
    if not orgs and user.is_administrator:
        orgs = user.organisation_ids()
    return Organisation.objects.filter(pk__in=orgs).order_by("pk").first()


def _refer(*, user, organisation, form_data: dict, starts_at, duration: int, place: str):
    client = client_create(
        organisation=organisation,
        data=ClientData(
            first_name=form_data["first_name"],
            last_name=form_data["last_name"],
            email=form_data.get("email", ""),
            phone=form_data.get("phone", ""),
            street=form_data.get("street", ""),
            postal_code=form_data.get("postal_code", ""),
            city=form_data.get("city", ""),
        ),
        acting_user=user,
    )
    return services.mediation_refer(
        client=client,
        responsible=user,
        organisation=organisation,
        data=services.ReferralData(
            tender=form_data["tender"],
            lot=form_data["lot"],
            vdab_mediator_name=form_data["vdab_mediator_name"],
            vdab_mediator_email=form_data["vdab_mediator_email"],
            referral_date=form_data["referral_date"],
            work_points=form_data["work_points"],
            thresholds=form_data["thresholds"],
        ),
        first_appointment=services.AppointmentData(
            starts_at=starts_at, duration_minutes=duration, place=place
        ),
        acting_user=user,
    )


@login_required
@require_http_methods(["GET", "POST"])
def refer(request):
    organisation = _acting_organisation(request.user)
    if organisation is None:
        raise Http404
    form = forms.ReferralForm(
        request.POST or None, initial={"referral_date": timezone.localdate(), "tender": "TIBB4"}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["work_points"] = form.lines("work_points")
        data["thresholds"] = form.lines("thresholds")
        try:
            with transaction.atomic():
                service = _refer(
                    user=request.user,
                    organisation=organisation,
                    form_data=data,
                    starts_at=form.starts_at(),
                    duration=form.cleaned_data["duration_minutes"],
                    place=form.cleaned_data["place"],
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De toeleiding is geregistreerd."))
            return redirect("mediation_detail", pk=service.pk)
    return render(
        request,
        "mediation/referral_form.html",
        {"form": form, "organisation": organisation, "section": "mediation_dashboard"},
    )


IMPORT_COLUMNS = {
    "voornaam": "first_name",
    "achternaam": "last_name",
    "email": "email",
    "telefoon": "phone",
    "straat": "street",
    "postcode": "postal_code",
    "gemeente": "city",
    "tender": "tender",
    "perceel": "lot",
    "vdabbemiddelaar": "vdab_mediator_name",
    "vdabemail": "vdab_mediator_email",
    "toeleiding": "referral_date",
    "werkpunten": "work_points",
    "drempels": "thresholds",
    "eersteafspraak": "first_appointment",
    "adres": "place",
}
REQUIRED_COLUMNS = (
    "voornaam",
    "achternaam",
    "tender",
    "perceel",
    "vdabbemiddelaar",
    "vdabemail",
    "toeleiding",
    "eersteafspraak",
    "adres",
)


def _parse_row(raw: dict) -> tuple[dict, object]:
    from datetime import datetime

    data = {IMPORT_COLUMNS[k]: (v or "").strip() for k, v in raw.items() if k in IMPORT_COLUMNS}
    try:
        data["referral_date"] = datetime.strptime(data["referral_date"], "%d/%m/%Y").date()  # noqa: DTZ007 - a date
        starts_at = timezone.make_aware(
            datetime.strptime(data.pop("first_appointment"), "%d/%m/%Y %H:%M")  # noqa: DTZ007
        )
    except ValueError as exc:
        raise ValidationError(
            _("Datum als dd/mm/jjjj en eerste afspraak als dd/mm/jjjj uu:mm.")
        ) from exc
    tenders = {normalize_header(label): value for value, label in m.Tender.choices}
    data["tender"] = tenders.get(normalize_header(data["tender"]), data["tender"])
    data["work_points"] = [w for w in data.get("work_points", "").split("|") if w.strip()]
    data["thresholds"] = [w for w in data.get("thresholds", "").split("|") if w.strip()]
    return data, starts_at


@login_required
@require_http_methods(["GET", "POST"])
def referral_import(request):
    """A CSV of referrals (all rows or none), e.g. exported from VDAB's partner dashboard."""
    organisation = _acting_organisation(request.user)
    if organisation is None:
        raise Http404
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["file"].read().decode("utf-8-sig", errors="replace")
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        reader.fieldnames = [normalize_header(h) for h in reader.fieldnames or []]
        missing = [c for c in REQUIRED_COLUMNS if c not in reader.fieldnames]
        if missing:
            errors.append(_("Kolommen ontbreken: %(cols)s") % {"cols": ", ".join(missing)})
        else:
            created = 0
            try:
                with transaction.atomic():
                    for number, raw in enumerate(reader, start=2):
                        try:
                            data, starts_at = _parse_row(raw)
                            _refer(
                                user=request.user,
                                organisation=organisation,
                                form_data=data,
                                starts_at=starts_at,
                                duration=60,
                                place=data.get("place", ""),
                            )
                            created += 1
                        except ValidationError as exc:
                            errors.extend(f"Rij {number}: {msg}" for msg in exc.messages)
                    if errors:
                        raise ValidationError(errors)
            except ValidationError:
                pass
            else:
                messages.success(request, _("%(n)d toeleidingen geïmporteerd.") % {"n": created})
                return redirect("mediation_dashboard")
    return render(
        request,
        "mediation/import.html",
        {
            "form": form,
            "errors": errors,
            "columns": list(IMPORT_COLUMNS),
            "section": "mediation_dashboard",
        },
    )


# ---- the service page ----------------------------------------------------------------------------


def _detail_context(request, service: m.MediationService) -> dict:
    now = timezone.now()
    today = timezone.localdate(now)
    appointments = list(service.first_appointments.select_related("contact").order_by("number"))
    pending = next((a for a in appointments if not a.outcome), None)
    ladder_state = LadderState(service.ladder_state)
    sheets = list(service.sheets.select_related("document").order_by("-number"))
    for sheet in sheets:
        sheet.rows = [
            (a["title"], date.fromisoformat(a["deadline"])) for a in sheet.content["assignments"]
        ]
    trajectory = service.trajectory
    contacts = list(
        trajectory.contacts.filter(first_appointment__isnull=True)
        .select_related("staff", "mediation_check")
        .order_by("-starts_at")
    )
    appointment_initial = {
        "date": today,
        "start_time": time(9, 0),
        "duration_minutes": 60,
        "place": appointments[-1].contact.place if appointments else "",
        "covering_text": services.covering_text_default(trajectory.organisation),
    }
    due = services.closing_facts(service, today) if service.mediation_started_on else None
    options = advice_options(service.closing_reason) if service.state == "to_close" else ()
    return {
        "service": service,
        "client": service.client,
        "trajectory": trajectory,
        "red_bar": services.red_bar(service, now),
        "appointments": appointments,
        "pending": pending,
        "can_plan_first": ladder_state not in TERMINAL and pending is None and service.is_open,
        "next_step": services.replan_deadline(service, today),
        "sheets": sheets,
        "countdown": services.first_sheet_status(service, today)
        if service.present_on and not any(s.number == 1 for s in sheets)
        else None,
        "start_refusals": services.start_refusals(service, now)
        if service.present_on and not service.mediation_started_on
        else [],
        "upcoming": services.next_contacts(service, now),
        "contacts": contacts,
        "month_ends": list(service.month_ends.order_by("-month_end")),
        "closing_due": due,
        "trainings": list(service.trainings.all()),
        "checklist": services.file_checklist(service),
        "followups": list(service.followup_contacts.all()),
        "advice_options": [(o.value, m.Advice(o.value).label, CITIZEN_TEXTS[o]) for o in options],
        "documents": list(trajectory.documents.order_by("-created_at")[:20]),
        "appointment_form": forms.AppointmentForm(initial=appointment_initial),
        "reschedule_form": forms.RescheduleForm(initial=appointment_initial),
        "outcome_form": forms.OutcomeForm(),
        "invitation_form": forms.InvitationForm(),
        "sheet_form": forms.SheetForm(work_points=service.work_points, initial={"made_on": today}),
        "sign_form": forms.SignForm(initial={"partner_on": today, "participant_on": today}),
        "contact_form": forms.MediationContactForm(
            initial={
                "date": today,
                "start_time": appointment_initial["start_time"],
                "duration_minutes": 60,
                "outcome": ContactOutcome.PLANNED,
            }
        ),
        "month_end_form": forms.MonthEndForm(),
        "training_form": forms.TrainingForm(),
        "checklist_form": forms.ChecklistForm(
            initial={
                **service.file_checklist,
                "extra": "\n".join(
                    f"{'+ ' if ok else ''}{k}" for k, ok in service.file_checklist_extra.items()
                ),
            }
        ),
        "advice_form": forms.AdviceForm(options=options),
        "followup_form": forms.FollowUpForm(initial={"on": today}),
        "ibo_form": forms.IboForm(),
        "today": today,
        "section": "mediation_dashboard",
    }


@login_required
def detail(request, pk: int):
    service = _service(request, pk)
    return render(request, "mediation/service_detail.html", _detail_context(request, service))


def _appointment_data(form) -> services.AppointmentData:
    return services.AppointmentData(
        starts_at=form.starts_at(),
        duration_minutes=form.cleaned_data["duration_minutes"],
        place=form.cleaned_data["place"],
        send_by=form.cleaned_data.get("send_by") or m.SendBy.LETTER,
        covering_text=form.cleaned_data.get("covering_text", ""),
        comment=form.cleaned_data.get("comment", ""),
    )


@service_action
def appointment_new(request, service):
    form = forms.AppointmentForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form)
    appointment = services.first_appointment_plan(
        service=service, data=_appointment_data(form), acting_user=request.user, now=timezone.now()
    )
    messages.success(
        request,
        _("%(kind)s %(n)d is gepland.")
        % {"kind": appointment.get_kind_display(), "n": appointment.number},
    )
    if appointment.replan_warning:
        messages.warning(request, appointment.replan_warning)


@object_action(selectors.appointment_get)
def appointment_outcome(request, appointment):
    form = forms.OutcomeForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form)
    step = services.first_appointment_record(
        appointment=appointment,
        present=form.cleaned_data["present"],
        reason=form.cleaned_data["absence_reason"],
        comment=form.cleaned_data["comment"],
        acting_user=request.user,
        now=timezone.now(),
    )
    for reason in step.reasons:
        (messages.warning if step.stops else messages.success)(
            request, f"{reason.message} ({reason.rule})"
        )
    if step.stops:
        # The partner lost access at once (MED-03): back to the dashboard.
        return redirect("mediation_dashboard")
    return None


@object_action(selectors.appointment_get)
def appointment_reschedule(request, appointment):
    form = forms.RescheduleForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form)
    services.first_appointment_reschedule(
        appointment=appointment,
        data=_appointment_data(form),
        mediator_unavailable=form.cleaned_data["mediator_unavailable"],
        acting_user=request.user,
        now=timezone.now(),
    )
    messages.success(request, _("Het contact is opnieuw ingepland."))


@object_action(selectors.appointment_get)
def appointment_invite(request, appointment):
    uploads = request.FILES.getlist("attachments")
    document = pdfs.invitation_send(
        appointment=appointment, attachments=uploads, acting_user=request.user
    )
    messages.success(request, _("De uitnodiging is klaar: %(title)s.") % {"title": document.title})


@service_action
def sheet_new(request, service):
    form = forms.SheetForm(request.POST, work_points=service.work_points)
    if not form.is_valid():
        return _form_errors(request, form)
    sheet = services.sheet_create(
        service=service,
        made_on=form.cleaned_data["made_on"],
        work_points=form.cleaned_data["work_points"],
        assignments=form.assignments(),
        services_remark=form.cleaned_data["services_remark"],
        acting_user=request.user,
        now=timezone.now(),
    )
    messages.success(request, _("%(sheet)s is opgemaakt.") % {"sheet": sheet})


@object_action(selectors.sheet_get)
def sheet_sign(request, sheet):
    form = forms.SignForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form)
    services.sheet_sign(
        sheet=sheet,
        partner_on=form.cleaned_data["partner_on"],
        participant_on=form.cleaned_data["participant_on"],
        acting_user=request.user,
    )
    messages.success(request, _("De handtekeningen zijn geregistreerd."))


@object_action(selectors.sheet_get)
def sheet_pdf(request, sheet):
    mail = request.POST.get("mail") == "1"
    pdfs.sheet_pdf(sheet=sheet, acting_user=request.user, mail=mail)
    messages.success(
        request,
        _("Het afsprakenblad is gemaild.")
        if mail
        else _("Het afsprakenblad staat klaar om te printen."),
    )


@service_action
def start(request, service):
    services.mediation_start(service=service, acting_user=request.user, now=timezone.now())
    messages.success(request, _("Het bemiddelingsproces is gestart. (MED-06)"))


@service_action
def contact_new(request, service):
    form = forms.MediationContactForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form)
    services.mediation_contact_log(
        service=service,
        data=ContactData(
            starts_at=form.starts_at(),
            duration_minutes=form.cleaned_data["duration_minutes"],
            form=form.cleaned_data["form"],
            place=form.cleaned_data["place"],
            outcome=form.cleaned_data["outcome"],
            absence_reason=form.cleaned_data["absence_reason"],
            notes=form.cleaned_data["notes"],
        ),
        residence_status_checked=form.cleaned_data["residence_status_checked"],
        work_permit_checked=form.cleaned_data["work_permit_checked"],
        note=form.cleaned_data["check_note"],
        acting_user=request.user,
    )
    messages.success(request, _("Het contact is geregistreerd."))


@service_action
def month_end(request, service):
    form = forms.MonthEndForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form)
    passive = {"1": True, "0": False}.get(form.cleaned_data["passive"])
    services.month_end_record(
        service=service,
        month_end=form.cleaned_data["month_end"],
        category=form.cleaned_data["category"],
        passive=passive,
        acting_user=request.user,
    )
    messages.success(request, _("De categorie van het einde van de maand is bewaard."))


@service_action
def training_new(request, service):
    form = forms.TrainingForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form)
    services.training_register(
        service=service, data=services.TrainingData(**form.cleaned_data), acting_user=request.user
    )
    messages.success(request, _("De opleiding is geregistreerd."))


@object_action(selectors.training_get)
def training_cancel(request, training):
    services.training_cancel(training=training, acting_user=request.user, now=timezone.now())
    messages.success(request, _("De aanvraag is geannuleerd."))


@object_action(selectors.training_get)
def training_progress(request, training):
    services.training_progress(
        training=training,
        acting_user=request.user,
        started=request.POST.get("started") == "1" or None,
        competences_updated_on=timezone.localdate()
        if request.POST.get("competences") == "1"
        else None,
    )
    messages.success(request, _("Bewaard."))


@service_action
def checklist(request, service):
    form = forms.ChecklistForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form)
    services.checklist_update(
        service=service,
        ticked={k: v for k, v in form.cleaned_data.items() if k != "extra"},
        extra=form.extra_items(),
        acting_user=request.user,
    )
    messages.success(request, _("De checklist van het dossier is bewaard."))


@service_action
def ibo(request, service):
    form = forms.IboForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form)
    services.ibo_note(
        service=service, employer=form.cleaned_data["employer"], acting_user=request.user
    )
    messages.success(request, _("De IBO staat als actie in het traject. (MED-10)"))


@service_action
def followup(request, service):
    form = forms.FollowUpForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form)
    services.followup_contact_record(service=service, acting_user=request.user, **form.cleaned_data)
    messages.success(request, _("Het contact met de projectopvolger is geregistreerd."))


@login_required
@require_POST
def advice(request, pk: int):
    service = _service(request, pk)
    options = advice_options(service.closing_reason) if service.state == "to_close" else ()
    form = forms.AdviceForm(request.POST, options=options)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("mediation_detail", pk=service.pk)
    try:
        service = services.advice_give(
            service=service,
            option=form.cleaned_data["advice"],
            remark=form.cleaned_data["remark"],
            mail=form.cleaned_data["mail"],
            printed=form.cleaned_data["printed"],
            acting_user=request.user,
            now=timezone.now(),
        )
    except ValidationError as exc:
        _report(request, exc)
        return redirect("mediation_detail", pk=service.pk)
    document = pdfs.advice_pdf(service=service, acting_user=request.user)
    messages.success(
        request,
        _(
            "Het eindadvies is gegeven en de service is afgesloten. U hebt nog toegang tot het dossier "
            "tot morgen (MED-15)."
        ),
    )
    if form.cleaned_data["printed"]:
        return redirect("document_download", pk=document.pk)
    return redirect("mediation_detail", pk=service.pk)
