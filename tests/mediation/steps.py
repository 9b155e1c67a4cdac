"""Steps the mediation service tests share: present with a first sheet, started, passive months."""

from datetime import date, timedelta

from django.forms.models import model_to_dict
from django.utils import timezone

from koers.mediation import models as m
from koers.mediation import services
from koers.mediation.services import SheetAssignment
from koers.trajectories.models import Contact
from koers.trajectories.services import ContactData, contact_log

from .conftest import at, record


def _present_with_sheet(service, mediator, signed=True):
    record(service, mediator, present=True)
    contact_log(
        trajectory=service.trajectory,
        data=ContactData(starts_at=at(-7), duration_minutes=60, place="Kantoor"),
        acting_user=mediator,
        programme_checked=True,
    )
    sheet = services.sheet_create(
        service=service,
        made_on=timezone.localdate() - timedelta(days=105),
        work_points=["Zoektocht naar werk"],
        assignments=[SheetAssignment("Zoek passende vacatures", "4 per week", date(2030, 3, 28))],
        services_remark="",
        acting_user=mediator,
        now=timezone.now(),
    )
    if signed:
        services.sheet_sign(
            sheet=sheet,
            partner_on=sheet.made_on,
            participant_on=sheet.made_on,
            acting_user=mediator,
        )
    return sheet


def _snapshot(service):
    service.refresh_from_db()
    return model_to_dict(service), m.FirstAppointment.objects.count(), Contact.objects.count()


def _started(service, mediator, months_ago_days=200):
    _present_with_sheet(service, mediator)
    services.mediation_start(service=service, acting_user=mediator, now=timezone.now())
    m.MediationService.objects.filter(pk=service.pk).update(
        mediation_started_on=timezone.localdate() - timedelta(days=months_ago_days)
    )
    service.refresh_from_db()
    return service


def _passive_three(service, mediator):
    from koers.mediation.rules.closing import previous_month_ends

    for end in previous_month_ends(timezone.localdate(), 3):
        services.month_end_record(
            service=service, month_end=end, category="52", acting_user=mediator
        )
    service.refresh_from_db()
