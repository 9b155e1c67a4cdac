"""Rewrite a service's deadline rows (`services.deadlines`) after every save or delete of what
they are computed from: the service, a referral appointment, an agreement sheet (issue 14).
Connected in `MediationConfig.ready()`. A referral appointment's contact changes only through
the mediation services, which then save the appointment too (the generic contact form refuses
it, MED-02)."""

from django.db.models.signals import post_delete, post_migrate, post_save

from koers.mediation import models as m
from koers.mediation.services.deadlines import rebuild_all, refresh


def _service_changed(sender, instance: m.MediationService, **kwargs) -> None:
    refresh([instance.pk])


def _part_changed(sender, instance, **kwargs) -> None:
    """A referral appointment or an agreement sheet."""
    refresh([instance.service_id])


def _fill_after_migrate(sender, **kwargs) -> None:
    """The first `migrate` with the table fills it from the open services there are (after
    every migration, so the rules read today's columns); later runs find it filled."""
    if sender.label != "mediation" or m.ServiceDeadline.objects.exists():
        return
    if m.MediationService.objects.exists():
        rebuild_all()


def connect() -> None:
    post_migrate.connect(_fill_after_migrate, dispatch_uid="mediation-deadlines-after-migrate")
    receivers = [
        (_service_changed, m.MediationService),
        (_part_changed, m.FirstAppointment),
        (_part_changed, m.AgreementSheet),
    ]
    for name, signal in (("save", post_save), ("delete", post_delete)):
        for receiver, sender in receivers:
            uid = f"mediation-deadlines-{sender.__name__}-{name}"
            signal.connect(receiver, sender=sender, dispatch_uid=uid)
