"""services/categories_and_trainings.py: the checklist, IBO, trainings and the projectopvolger
(MED-08, MED-10, MED-11, MED-12)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from koers.mediation import selectors, services

from .steps import _started

pytestmark = pytest.mark.django_db


def test_med_08_checklist_and_med_10_ibo(service, mediator):
    service = services.checklist_update(
        service=service, ticked={"cv": True}, extra={"Rijbewijs": False}, acting_user=mediator
    )
    items = selectors.file_checklist(service)
    assert {i.key: i.ok for i in items}["cv"] is True
    assert {i.key: i.ok for i in items}["contact"] is True
    assignment = services.ibo_note(
        service=service, employer="Bakkerij Peeters", acting_user=mediator
    )
    assert "eigen VDAB-account" in assignment.description


def test_med_11_trainings(service, mediator, mailoutbox, django_capture_on_commit_callbacks):
    _started(service, mediator)
    with pytest.raises(ValidationError, match="953030"):
        services.training_register(
            service=service,
            data=services.TrainingData(kind="own", title="BVS", code="1", is_bvs=True),
            acting_user=mediator,
        )
    services.training_register(
        service=service,
        data=services.TrainingData(kind="own", title="BVS magazijn", code="953030", is_bvs=True),
        acting_user=mediator,
    )
    with django_capture_on_commit_callbacks(execute=True):
        external = services.training_register(
            service=service,
            data=services.TrainingData(
                kind="requested",
                title="Heftruck",
                code="H123",
                organiser="Syntra",
                organiser_email="opleiding@syntra.example",
            ),
            acting_user=mediator,
        )
    assert mailoutbox[-1].to == ["opleiding@syntra.example"]
    vdab = services.training_register(
        service=service,
        data=services.TrainingData(
            kind="requested",
            title="Lassen",
            code="L1",
            organiser="VDAB",
            organiser_email="lassen@vdab.example",
            organiser_is_vdab=True,
        ),
        acting_user=mediator,
    )
    with pytest.raises(ValidationError, match="seintje"):
        services.training_cancel(training=vdab, acting_user=mediator, now=timezone.now())
    services.training_cancel(training=external, acting_user=mediator, now=timezone.now())
    external.refresh_from_db()
    assert external.cancelled_at is not None


def test_med_12_projectopvolger_contact(service, mediator):
    contact = services.followup_contact_record(
        service=service,
        on=timezone.localdate(),
        reason="lost_status",
        projectopvolger="Pieter",
        note="Onttering gemeld",
        acting_user=mediator,
    )
    assert contact.get_reason_display() == "Onttering"
