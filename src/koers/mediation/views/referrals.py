"""The partner's dashboard "klanten opvolgen" and receiving referrals (form, CSV import) — MED-01."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core.forms import apply_errors
from koers.core.imports import normalize_header
from koers.core.models import Organisation, Role
from koers.core.services import ClientData, client_create
from koers.mediation import forms, selectors, services
from koers.mediation import models as m
from koers.mediation.views.common import service_or_404


@login_required
def dashboard(request):
    board = selectors.dashboard(user=request.user)
    return render(
        request,
        "mediation/dashboard.html",
        {
            "board": board,
            "today": timezone.localdate(),
            "section": "mediation_dashboard",
            "confirms_settings": services.settings_organisations(request.user).exists(),
        },
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


@login_required
@require_http_methods(["GET", "POST"])
def referral_edit(request, pk: int):
    """MED-01: complete or correct the referral (e.g. one opened from the client page)."""
    service = service_or_404(request, pk)
    form = forms.ReferralEditForm(
        request.POST or None, initial=forms.ReferralEditForm.initial_for(service)
    )
    if request.method == "POST" and form.is_valid():
        data = services.ReferralData(
            tender=form.cleaned_data["tender"],
            lot=form.cleaned_data["lot"],
            vdab_mediator_name=form.cleaned_data["vdab_mediator_name"],
            vdab_mediator_email=form.cleaned_data["vdab_mediator_email"],
            referral_date=service.referral_date,
            work_points=form.lines("work_points"),
            thresholds=form.lines("thresholds"),
        )
        try:
            services.referral_update(service=service, data=data, acting_user=request.user)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De toeleiding is bijgewerkt."))
            return redirect("mediation_detail", pk=service.pk)
    return render(
        request,
        "mediation/referral_edit.html",
        {
            "form": form,
            "service": service,
            "client": service.client,
            "section": "mediation_dashboard",
        },
    )
