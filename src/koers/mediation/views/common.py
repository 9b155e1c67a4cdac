"""Shared by the mediation pages: every service, appointment, sheet and training is looked up
through the access rules (404 otherwise); a rejected form is shown again on the service page, a
refused button action becomes a message."""

from django.http import Http404
from django.shortcuts import redirect

from koers.core.form_pages import FormRejected, object_post
from koers.mediation import models as m
from koers.mediation import selectors

SECTION = "mediation_dashboard"  # the menu item the mediation pages belong to


def service_or_404(request, pk: int) -> m.MediationService:
    try:
        return selectors.service_get(user=request.user, pk=pk)
    except m.MediationService.DoesNotExist:
        raise Http404 from None


def _service_page(request, service: m.MediationService, rejected: FormRejected, about=None):
    # The page's context lives with the page; imported here to keep the modules acyclic.
    from koers.mediation.views.service_page import page_with_rejected_form

    return page_with_rejected_form(request, service, rejected, about=about)


def _back(service_id: int):
    return redirect("mediation_detail", pk=service_id)


# A POST on a service: loaded through the access rules; a rejected form is shown again on the
# service page as typed (core/form_pages.py), a refused button action as a message.
service_action = object_post(
    load=service_or_404,
    page=_service_page,
    back=lambda service: _back(service.pk),
)


def object_action(getter):
    """A POST on something under a service (appointment, sheet, training)."""

    def load(request, pk: int):
        try:
            return getter(user=request.user, pk=pk)
        except (
            m.FirstAppointment.DoesNotExist,
            m.AgreementSheet.DoesNotExist,
            m.TrainingRegistration.DoesNotExist,
        ):
            raise Http404 from None

    return object_post(
        load=load,
        page=lambda request, obj, rejected: _service_page(
            request, service_or_404(request, obj.service_id), rejected, about=obj
        ),
        back=lambda obj: _back(obj.service_id),
    )
