"""The centre's own settings around intake: the house style and the wording of the e-mails
(INT-04, COM-01), the lead-feedback questions (INT-07) and the communication check (COM-01,
COM-02)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core.models import Organisation
from koers.intake import forms, selectors, services
from koers.intake.views.common import accepted

BRANDING_FIELDS = ("sender_name", "sender_email", "address", "signature")


def _staff_org(request) -> Organisation:
    """The centre a staff page is about (404 for anyone who is not centre staff)."""
    orgs = selectors.staff_organisations(request.user)
    if not orgs:
        raise Http404
    wanted = request.GET.get("centrum") or request.POST.get("centrum")
    return next((o for o in orgs if str(o.pk) == wanted), orgs[0])


def _save_branding(request, org: Organisation, form) -> bool:
    data = form.cleaned_data
    saved = accepted(
        form,
        lambda: services.branding_update(
            organisation=org,
            logo=data["logo"],
            voucher_logo=data["voucher_logo"],
            acting_user=request.user,
            **{k: data[k] for k in BRANDING_FIELDS},
        ),
    )
    if saved:
        messages.success(request, _("De huisstijl is bewaard."))
    return saved


def _template_forms(request, page: selectors.BrandingPage) -> list:
    return [
        (
            label,
            forms.TemplateForm(
                request.POST if request.POST.get("kind") == kind else None,
                initial={"kind": kind, "subject": subject, "body": body},
                prefix=kind,
            ),
        )
        for kind, label, subject, body in page.templates
    ]


def _save_template(request, org: Organisation, template_forms: list) -> bool:
    for _label, form in template_forms:
        if (
            form.is_bound
            and form.is_valid()
            and accepted(
                form,
                lambda form=form: services.template_save(
                    organisation=org, acting_user=request.user, **form.cleaned_data
                ),
            )
        ):
            messages.success(request, _("De e-mail is bewaard."))
            return True
    return False


@login_required
@require_http_methods(["GET", "POST"])
def branding(request):
    """INT-04 / COM-01: the centre's identity on every e-mail, and the wording of the e-mails."""
    org = _staff_org(request)
    page = selectors.branding_page(org)
    posted = request.POST if request.POST.get("form") == "branding" else None
    form = forms.BrandingForm(posted, request.FILES or None, initial=page.initial)
    template_forms = _template_forms(request, page)
    if request.method == "POST":
        if posted and form.is_valid() and _save_branding(request, org, form):
            return redirect("intake_branding")
        if _save_template(request, org, template_forms):
            return redirect("intake_branding")
    context = {"org": org, "form": form, "current": page.current, "has_address": page.has_address}
    extra = {"placeholders": page.placeholders, "defaults": page.defaults}
    return render(
        request, "intake/branding.html", {**context, **extra, "template_forms": template_forms}
    )


@login_required
@require_http_methods(["GET", "POST"])
def feedback_fields(request):
    """INT-07: the centre's questions on the lead-feedback form."""
    org = _staff_org(request)
    services.feedback_fields(org)  # the default questions, the first time
    form = forms.FeedbackFieldForm(request.POST if "label" in request.POST else None)
    if request.method == "POST":
        if request.POST.get("toggle"):
            services.feedback_field_toggle(organisation=org, pk=request.POST["toggle"])
            return redirect("intake_feedback_fields")
        if form.is_valid() and accepted(
            form, lambda: services.feedback_field_add(organisation=org, **form.cleaned_data)
        ):
            return redirect("intake_feedback_fields")
    fields = selectors.centre_feedback_fields(org)
    return render(
        request, "intake/feedback_fields.html", {"form": form, "fields": fields, "org": org}
    )


def _record_check(request, scope: selectors.CommunicationScope, form, now) -> bool:
    """COM-02: centre staff record the check; the service judges the text (COM-01)."""
    data = form.cleaned_data
    subject = next((c for c in scope.coaches if str(c.pk) == data["subject"]), None)
    recorded = accepted(
        form,
        lambda: services.communication_check_record(
            organisation=scope.organisation,
            source=data["source"],
            text=data["text"],
            subject=subject,
            note=data["note"],
            now=now,
            acting_user=request.user,
        ),
    )
    if recorded:
        messages.success(request, _("De controle is geregistreerd (COM-02)."))
    return recorded


@login_required
@require_http_methods(["GET", "POST"])
def communication(request):
    """COM-01: paste a text, see whether vouchers are mentioned without the working name close by.
    Centre staff can record the check (COM-02); anyone with a role can try a text."""
    scope = selectors.communication_scope(request.user)
    if scope is None:
        raise Http404
    form = forms.CommunicationForm(request.POST or None, coaches=scope.coaches)
    result = None
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        recording = request.POST.get("record") and scope.can_record
        if recording and _record_check(request, scope, form, now):
            return redirect("intake_communication")
        result = selectors.communication_result(scope.organisation, form.cleaned_data["text"], now)
    checks = selectors.communication_checks(scope.staff_organisations)
    context = {"form": form, "result": result, "checks": checks, "org": scope.organisation}
    return render(request, "intake/communication.html", {**context, "can_record": scope.can_record})
