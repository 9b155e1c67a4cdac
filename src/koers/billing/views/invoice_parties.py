"""BIL-04 pages for the parties of an invoice: the coach's company (the seller, "Mijn gegevens ›
Onderneming") and the centre's legal billing entity (the buyer, "Facturatiegegevens", centre
staff). A refused field comes back next to its input with what was typed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms.models import model_to_dict
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.billing.forms.invoices import CentreBillingDetailsForm, CoachCompanyForm
from koers.billing.selectors import invoices as sel
from koers.billing.services import invoice_parties as services
from koers.core.form_pages import REJECTED_STATUS, FormRejected, submitted
from koers.core.models import Role


@login_required
@require_http_methods(["GET", "POST"])
def billing_company(request):
    if Role.COACH not in request.user.roles:
        raise Http404
    company = sel.coach_company(request.user)
    initial = model_to_dict(company, fields=services.COMPANY_FIELDS) if company else {}
    form = CoachCompanyForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        try:
            with submitted(form, "form") as data:
                services.coach_company_save(acting_user=request.user, **data)
            messages.success(request, _("De gegevens van je onderneming zijn bewaard."))
            return redirect("billing_company")
        except FormRejected:
            status = REJECTED_STATUS
    context = {"form": form, "company": company}
    return render(request, "billing/invoice_company.html", context, status=status)


def _details_initial(page) -> dict:
    centre = page.centre
    initial = {"centre": centre.pk, "legal_name": centre.name}
    initial["enterprise_number"] = centre.enterprise_number
    if page.details:
        initial |= model_to_dict(page.details, fields=services.DETAILS_FIELDS)
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def billing_centre_details(request):
    chosen = request.POST.get("centre") or request.GET.get("centre")
    page = sel.billing_details_page(user=request.user, centre_id=chosen)
    if page.centre is None:
        raise Http404
    centres = sel.billing_centres(request.user)
    form = CentreBillingDetailsForm(
        request.POST or None, centres=centres, initial=_details_initial(page)
    )
    status = 200
    if request.method == "POST":
        try:
            with submitted(form, "form") as data:
                services.centre_billing_details_save(acting_user=request.user, **data)
            messages.success(request, _("De facturatiegegevens van het centrum zijn bewaard."))
            return redirect(reverse("billing_centre_details") + f"?centre={page.centre.pk}")
        except FormRejected:
            status = REJECTED_STATUS
    context = {"page": page, "form": form}
    return render(request, "billing/invoice_centre_details.html", context, status=status)
