"""TRN-08/13: the company's employer list (search, pagination), an employer's page with its
typed contacts, the workers' activities and measures with it; create, edit, add a contact."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.core.form_pages import REJECTED_STATUS, FormRejected, object_post, submitted
from koers.transition.forms.employers import EmployerContactForm, EmployerForm
from koers.transition.selectors import employers as sel
from koers.transition.services import employers as services


@login_required
@require_GET
def transition_employers(request):
    query = request.GET.get("q", "")
    page = sel.employer_list(user=request.user, query=query, page=request.GET.get("page", 1))
    return render(request, "transition/employers/list.html", {"page": page, "query": query})


def _contact_form(request, employer, data=None):
    return EmployerContactForm(
        data,
        staff=sel.staff_of(employer.organisation_id),
        files=sel.files_for_contact(request.user, employer.organisation_id),
        initial={"by": request.user.pk},
    )


def _detail(request, employer, rejected: FormRejected | None = None):
    p = sel.employer_page(user=request.user, pk=employer.pk)
    form = rejected.form if rejected else _contact_form(request, employer)
    status = REJECTED_STATUS if rejected else 200
    context = {"p": p, "contact_form": form}
    return render(request, "transition/employers/detail.html", context, status=status)


@login_required
@require_GET
def transition_employer(request, pk: int):
    return _detail(request, sel.employer_get(user=request.user, pk=pk))


@login_required
@require_http_methods(["GET", "POST"])
def transition_employer_new(request):
    organisation = sel.member_organisations(request.user).order_by("pk").first()
    if organisation is None:
        raise Http404
    form = EmployerForm(request.POST or None)
    if request.method == "POST":
        try:
            with submitted(form, "form"):
                employer = services.employer_create(
                    organisation=organisation, data=form.data_out(), acting_user=request.user
                )
        except FormRejected:
            return _form_page(request, form, None, REJECTED_STATUS)
        messages.success(request, _("De werkgever is toegevoegd."))
        return redirect("transition_employer", pk=employer.pk)
    return _form_page(request, form, None)


def _form_page(request, form, employer, status=200):
    context = {"form": form, "employer": employer}
    return render(request, "transition/employers/form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def transition_employer_edit(request, pk: int):
    employer = sel.employer_get(user=request.user, pk=pk)
    form = EmployerForm.for_employer(employer, request.POST or None)
    if request.method == "POST":
        try:
            with submitted(form, "form"):
                services.employer_update(
                    employer=employer, data=form.data_out(), acting_user=request.user
                )
        except FormRejected:
            return _form_page(request, form, employer, REJECTED_STATUS)
        messages.success(request, _("De werkgever is bijgewerkt."))
        return redirect("transition_employer", pk=employer.pk)
    return _form_page(request, form, employer)


@object_post(
    load=lambda request, pk: sel.employer_get(user=request.user, pk=pk),
    page=_detail,
    back=lambda employer: redirect("transition_employer", pk=employer.pk),
)
def transition_employer_contact_add(request, employer):
    form = _contact_form(request, employer, request.POST)
    with submitted(form, "contact_form") as data:
        services.employer_contact_add(
            employer=employer,
            data=services.ContactData(
                kind=data["kind"],
                on=data["on"],
                by=data["by"],
                files=list(data["files"]),
                note=data["note"],
            ),
            acting_user=request.user,
        )
    messages.success(request, _("Het werkgeverscontact is genoteerd."))
    return redirect("transition_employer", pk=employer.pk)
