"""/facturatie/uren/ (BIL-02), /facturatie/afrekeningen/ (BIL-03), /facturatie/tarieven/
(BIL-04). Pages are assembled by the selectors; every write goes through a service."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.billing.forms.hours import (
    CorrectionForm,
    HourEnteredForm,
    MonthEnteredForm,
    RateForm,
    SettleForm,
)
from koers.billing.models import Statement
from koers.billing.selectors import hours as selectors
from koers.billing.selectors.aftercare import coach_aftercare
from koers.billing.selectors.invoices import statement_invoices
from koers.billing.services import hours as services
from koers.core.form_pages import REJECTED_STATUS, FormRejected, distinct_ids, submitted


def _hours_page(request, status=200, **forms):
    today = timezone.localdate()
    overview = selectors.coach_hours(
        user=request.user,
        today=today,
        to_enter_page=request.GET.get("to_enter"),
        entered_page=request.GET.get("entered"),
    )
    aftercare = coach_aftercare(user=request.user, today=today)  # BIL-02: never billable
    context = {"overview": overview, "aftercare": aftercare, "month_form": MonthEnteredForm()}
    # The rows compare their id with these: a name missing from the context is an exception
    # caught in each comparison of each row (issue 14: rendering is this page's cost).
    context.update({"mark_contact_id": None, "aftercare_id": None}, **forms)
    return render(request, "billing/hours.html", distinct_ids(context), status=status)


@login_required
def billing_hours(request):
    return _hours_page(request)


@login_required
@require_POST
def billing_hour_entered(request, pk: int):
    form = HourEnteredForm(request.POST)
    try:
        with submitted(form, "mark_form") as data:
            services.hour_mark_entered(
                contact_id=pk,
                entered_on=data["entered_on"],
                acting_user=request.user,
                today=timezone.localdate(),
            )
    except FormRejected as rejected:
        return _hours_page(request, REJECTED_STATUS, mark_contact_id=pk, **rejected.forms())
    messages.success(request, _("Het uur is gemarkeerd als ingegeven bij VDAB."))
    return redirect("billing_hours")


@login_required
@require_POST
def billing_hours_month(request):
    form = MonthEnteredForm(request.POST)
    try:
        with submitted(form, "month_form") as data:
            done = services.hours_mark_month_entered(
                month=selectors.parse_month(data["month"]),
                entered_on=data["entered_on"],
                acting_user=request.user,
                today=timezone.localdate(),
            )
    except FormRejected as rejected:
        return _hours_page(request, REJECTED_STATUS, **rejected.forms())
    messages.success(request, _("%(n)d uren gemarkeerd als ingegeven bij VDAB.") % {"n": len(done)})
    return redirect("billing_hours")


@login_required
@require_POST
def billing_hour_unmark(request, pk: int):
    try:
        services.hour_unmark(contact_id=pk, acting_user=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("De ingave bij VDAB is teruggenomen."))
    return redirect("billing_hours")


def _statements_page(request, status=200, settle_form=None):
    context = selectors.statements_page(
        user=request.user, page=request.GET.get("page"), today=timezone.localdate()
    )
    if settle_form is None and context["centres"]:
        initial = {"month": str(context["previous_month"])}
        settle_form = SettleForm(centres=selectors.staff_centres(request.user), initial=initial)
    context["settle_form"] = settle_form
    return render(request, "billing/statements.html", context, status=status)


@login_required
def billing_statements(request):
    return _statements_page(request)


@login_required
@require_POST
def billing_settle(request):
    form = SettleForm(request.POST, centres=selectors.staff_centres(request.user))
    try:
        with submitted(form, "settle_form") as data:
            done = services.statement_settle(
                centre=data["centre"],
                month=selectors.parse_month(data["month"]),
                acting_user=request.user,
                today=timezone.localdate(),
            )
    except FormRejected as rejected:
        return _statements_page(request, REJECTED_STATUS, rejected.form)
    messages.success(request, _("%(n)d afrekening(en) klaar.") % {"n": len(done)})
    return redirect("billing_statements")


def _statement_page(request, pk: int, status=200, correction_form=None):
    try:
        view = selectors.statement_view(user=request.user, pk=pk)
    except Statement.DoesNotExist:
        raise Http404 from None
    if correction_form is None and view.can_correct:
        correction_form = CorrectionForm(lines=view.lines)
    context = {"view": view, "statement": view.statement, "correction_form": correction_form}
    context["invoices"] = statement_invoices(user=request.user, statement=view.statement)
    return render(request, "billing/statement_detail.html", context, status=status)


@login_required
def billing_statement(request, pk: int):
    return _statement_page(request, pk)


@login_required
@require_POST
def billing_statement_correct(request, pk: int):
    statement = get_object_or_404(selectors.statements_for(request.user), pk=pk)
    form = CorrectionForm(request.POST, lines=statement.lines.all())
    try:
        with submitted(form, "correction_form") as data:
            services.statement_correct(
                statement_id=pk,
                line_id=data["line"],
                minutes=data["minutes"],
                note=data["note"],
                acting_user=request.user,
            )
    except FormRejected as rejected:
        return _statement_page(request, pk, REJECTED_STATUS, rejected.form)
    messages.success(request, _("De correctie staat op de afrekening."))
    return redirect("billing_statement", pk=pk)


def _rate_form(request, data=None):
    centres = selectors.staff_centres(request.user)
    return RateForm(
        data,
        centres=centres,
        coaches=selectors.coaches_of(centres),
        allowed=selectors.allowed_rates(timezone.localdate()),
    )


@login_required
@require_http_methods(["GET", "POST"])
def billing_rates(request):
    form = _rate_form(request, request.POST or None)
    status = 200
    if request.method == "POST":
        try:
            with submitted(form, "form") as data:
                services.coach_rate_set(
                    centre=data["centre"],
                    coach_id=data["coach"].pk,
                    rate=Decimal(data["rate"]),
                    valid_from=data["valid_from"],
                    valid_until=data["valid_until"],
                    acting_user=request.user,
                )
            messages.success(request, _("Het uurtarief is ingesteld."))
            return redirect("billing_rates")
        except FormRejected:
            status = REJECTED_STATUS
    context = selectors.rates_page(
        user=request.user, page=request.GET.get("page"), today=timezone.localdate()
    )
    return render(request, "billing/rates.html", {**context, "form": form}, status=status)
