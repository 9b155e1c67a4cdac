"""/privacy/: the retention preview, erasure on request (four eyes) and the subject-access ZIP.
Administrators only; for anybody else these pages do not exist (404). Thin glue around
`koers.privacy.selectors` and the services (`erasure`, `exports`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from koers.core.form_pages import REJECTED_STATUS
from koers.core.forms import apply_errors
from koers.privacy import selectors
from koers.privacy.erasure import erasure_cancel, erasure_confirm, erasure_request
from koers.privacy.exports import subject_export
from koers.privacy.forms import SubjectForm


def _admin_or_404(request) -> None:
    try:
        selectors.require_privacy_admin(request.user)
    except ObjectDoesNotExist:
        raise Http404 from None


def _home(request, *, erase_form=None, export_form=None, status=200):
    context = selectors.privacy_overview(user=request.user, now=timezone.now())
    context["erase_form"] = erase_form or SubjectForm(prefix="erase")
    context["export_form"] = export_form or SubjectForm(prefix="export")
    return render(request, "privacy/home.html", context, status=status)


@login_required
@require_GET
def privacy_home(request):
    _admin_or_404(request)
    return _home(request)


@login_required
@require_POST
def privacy_erasure_request(request):
    _admin_or_404(request)
    form = SubjectForm(request.POST, prefix="erase")
    if form.is_valid():
        try:
            asked = erasure_request(
                kind=form.cleaned_data["subject_kind"],
                subject_id=form.cleaned_data["subject_id"],
                acting_user=request.user,
                now=timezone.now(),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Het verzoek staat klaar: een tweede beheerder bevestigt."))
            return redirect("privacy_erasure_detail", pk=asked.pk)
    return _home(request, erase_form=form, status=REJECTED_STATUS)


def _request_or_404(request, pk: int):
    _admin_or_404(request)
    try:
        return selectors.erasure_request_get(request.user, pk)
    except ObjectDoesNotExist:
        raise Http404 from None


@login_required
@require_GET
def privacy_erasure_detail(request, pk: int):
    erasure = _request_or_404(request, pk)
    mine = erasure.requested_by_id == request.user.pk
    return render(request, "privacy/erasure.html", {"erasure": erasure, "mine": mine})


def _act(request, pk: int, service, done: str):
    erasure = _request_or_404(request, pk)
    try:
        service(request_id=erasure.pk, acting_user=request.user, now=timezone.now())
    except ValidationError as exc:
        errors = [m for messages_ in exc.message_dict.values() for m in messages_]
        context = {"erasure": erasure, "mine": erasure.requested_by_id == request.user.pk}
        context["errors"] = errors
        return render(request, "privacy/erasure.html", context, status=REJECTED_STATUS)
    messages.success(request, done)
    return redirect("privacy_erasure_detail", pk=erasure.pk)


@login_required
@require_POST
def privacy_erasure_confirm(request, pk: int):
    return _act(request, pk, erasure_confirm, _("De gegevens van deze persoon zijn gewist."))


@login_required
@require_POST
def privacy_erasure_cancel(request, pk: int):
    return _act(request, pk, erasure_cancel, _("Het verzoek is ingetrokken."))


@login_required
@require_GET
def privacy_export(request):
    """The ZIP of one person (?export-subject_kind=client&export-subject_id=…); logged."""
    _admin_or_404(request)
    form = SubjectForm(request.GET, prefix="export")
    if not form.is_valid():
        return _home(request, export_form=form, status=REJECTED_STATUS)
    try:
        export = subject_export(
            kind=form.cleaned_data["subject_kind"],
            subject_id=form.cleaned_data["subject_id"],
            acting_user=request.user,
            now=timezone.now(),
        )
    except ObjectDoesNotExist:
        form.add_error("subject_id", _("Deze persoon bestaat niet of u mag hem niet zien."))
        return _home(request, export_form=form, status=REJECTED_STATUS)
    response = HttpResponse(export.content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response
