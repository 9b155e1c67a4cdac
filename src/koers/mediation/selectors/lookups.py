"""Looking up a service and what hangs under it, always through `visible_to(user)` (404 otherwise)."""

from django.db.models import QuerySet

from koers.core.models import User
from koers.mediation import models as m


def service_get(*, user: User, pk: int) -> m.MediationService:
    return (
        m.MediationService.objects.visible_to(user)
        .select_related(
            "client", "trajectory", "trajectory__responsible", "trajectory__organisation"
        )
        .get(pk=pk)
    )


def services_for_user(*, user: User) -> QuerySet[m.MediationService]:
    return m.MediationService.objects.visible_to(user).select_related(
        "client", "trajectory", "trajectory__responsible"
    )


def service_visible(user: User, pk: int) -> bool:
    return services_for_user(user=user).filter(pk=pk).exists()


def appointment_get(*, user: User, pk: int) -> m.FirstAppointment:
    return m.FirstAppointment.objects.select_related("contact", "service").get(
        pk=pk, service__in=m.MediationService.objects.visible_to(user)
    )


def sheet_get(*, user: User, pk: int) -> m.AgreementSheet:
    return m.AgreementSheet.objects.select_related("service").get(
        pk=pk, service__in=m.MediationService.objects.visible_to(user)
    )


def training_get(*, user: User, pk: int) -> m.TrainingRegistration:
    return m.TrainingRegistration.objects.select_related("service").get(
        pk=pk, service__in=m.MediationService.objects.visible_to(user)
    )


def can_close_by_vdab(user: User) -> bool:
    """Only centre staff and administrators record that VDAB closed a service (annex 3/4)."""
    return user.is_administrator or user.is_centre_staff
