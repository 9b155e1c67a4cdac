"""Shared by the mediation pages: every service, appointment, sheet and training is looked up
through the access rules (404 otherwise); refusals become messages."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from koers.mediation import models as m
from koers.mediation import selectors


def service_or_404(request, pk: int) -> m.MediationService:
    try:
        return selectors.service_get(user=request.user, pk=pk)
    except m.MediationService.DoesNotExist:
        raise Http404 from None


def report_refusal(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def report_form_errors(request, form) -> None:
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
        service = service_or_404(request, pk)
        try:
            view(request, service)
        except ValidationError as exc:
            report_refusal(request, exc)
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
                report_refusal(request, exc)
                response = None
            return response or redirect("mediation_detail", pk=obj.service_id)

        return wrapper

    return decorate


def can_close_by_vdab(user) -> bool:
    """Only centre staff and administrators record that VDAB closed a service (annex 3/4)."""
    return user.is_administrator or user.is_centre_staff
