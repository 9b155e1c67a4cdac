"""Coach administration pages (BIL-05, BIL-06): staff's overview of the coaches, and the coach's
own locations and development plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from koers.billing.forms.coaches import LocationEndForm, LocationStartForm, PlanReceiveForm
from koers.billing.selectors import coaches as sel
from koers.billing.services import coaches as services
from koers.core.form_pages import REJECTED_STATUS, FormRejected, object_post, submitted


def _staff_only(request) -> None:
    if not (request.user.is_administrator or request.user.is_centre_staff):
        raise Http404


def _coaches_page(request, coach=None, rejected: FormRejected | None = None):
    _staff_only(request)
    page = sel.coaches_page(
        user=request.user, page_number=request.GET.get("page"), today=timezone.localdate()
    )
    context = page.context() | {"plan_form": PlanReceiveForm(), "rejected_coach": coach}
    if rejected:
        context["rejected_form"] = rejected.form
    return render(
        request, "billing/coaches.html", context, status=REJECTED_STATUS if rejected else 200
    )


@login_required
@require_GET
def billing_coaches(request):
    return _coaches_page(request)


def _back_to_coaches(_obj):
    return redirect("billing_coaches")


@object_post(
    load=lambda request, pk: sel.change_get(user=request.user, pk=pk),
    page=lambda request, change, rejected: _coaches_page(request, rejected=rejected),
    back=_back_to_coaches,
)
def billing_change_passed_on(request, change):
    services.location_change_passed_on(change=change, acting_user=request.user)
    messages.success(request, _("Genoteerd: de wijziging is doorgegeven aan VDAB."))


@object_post(
    load=lambda request, pk: sel.coach_get(user=request.user, pk=pk),
    page=_coaches_page,
    back=_back_to_coaches,
)
def billing_plan_receive(request, coach):
    form = PlanReceiveForm(request.POST, request.FILES)
    with submitted(form, "plan_form") as data:
        services.development_plan_receive(
            coach=coach, year=timezone.localdate().year, acting_user=request.user, **data
        )
    messages.success(request, _("Het ontwikkelingsplan is als ontvangen genoteerd."))


def _my_page(request, location=None, rejected: FormRejected | None = None):
    page = sel.my_details_page(user=request.user, today=timezone.localdate())
    context = page.context() | {
        "start_form": LocationStartForm(locations=page.centre_locations),
        "end_form": LocationEndForm(),
        "blank_end_form": LocationEndForm(),
        "rejected_location": location,
    }
    if rejected:
        context[rejected.name] = rejected.form
    status = REJECTED_STATUS if rejected else 200
    return render(request, "billing/my_details.html", context, status=status)


@login_required
@require_GET
def billing_my_details(request):
    return _my_page(request)


@login_required
@require_POST
def billing_location_start(request):
    form = LocationStartForm(request.POST, locations=sel.centre_locations(request.user))
    try:
        with submitted(form, "start_form") as data:
            services.coach_location_start(coach=request.user, acting_user=request.user, **data)
    except FormRejected as rejected:
        return _my_page(request, rejected=rejected)
    messages.success(request, _("De nieuwe locatie is gemeld aan het centrum."))
    return redirect("billing_my_details")


@object_post(
    load=lambda request, pk: sel.location_get(user=request.user, pk=pk),
    page=_my_page,
    back=lambda _obj: redirect("billing_my_details"),
)
def billing_location_end(request, location):
    form = LocationEndForm(request.POST)
    with submitted(form, "end_form") as data:
        services.coach_location_end(coach_location=location, acting_user=request.user, **data)
    messages.success(request, _("Het einde van de locatie is gemeld aan het centrum."))


@login_required
@require_GET
def billing_plan_download(request, pk: int):
    plan = sel.plan_get(user=request.user, pk=pk)
    if not plan.file:
        raise Http404
    try:
        handle = plan.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = f"ontwikkelingsplan-{plan.year}.{plan.file.name.rsplit('.', 1)[-1]}"
    content_type = plan.content_type or "application/octet-stream"
    return FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
