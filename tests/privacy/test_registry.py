"""Every model with personal data has a shredder (issue 15, GDPR): decided mechanically, so a
new model or a new programme fails here until it says how its rows are exported and erased."""

import re

import pytest
from django.apps import apps
from django.db import models

from koers.privacy import registry

# A field whose name reads like a person's data (and is text, a date, a file or JSON).
PERSONAL_NAME = re.compile(
    r"(^|_)(name|email|phone|birth|birth_date|national|address|street|notes?|remarks?|comment"
    r"|text|question|motivation|reflection|situation)($|_)"
)
PERSONAL_TYPES = (
    models.CharField,
    models.TextField,
    models.DateField,
    models.FileField,
    models.JSONField,
)
SUBJECTS = {"core.Client", "intake.Lead"}

# Models that look personal but hold no client's or lead's data, each with the reason.
ALLOWED_WITHOUT_SHREDDER = {
    # Staff accounts and their memberships: the staff member's own data, managed (and
    # deactivated) on the staff pages; not a subject of a client's or lead's erasure.
    "core.User": "staff",
    "core.APIToken": "a staff member's key: its name is a label",
    "core.RecoveryCodeDevice": "a staff member's recovery codes (digests): its name is a label",
    # Organisations and their places: business data of a legal person.
    "core.Organisation": "organisation",
    "core.Location": "organisation",
    "intake.CentreBranding": "the centre's own sender, address and logo",
    "transition.Employer": "an employer and its contact person: business contact data",
    "transition.AssessmentTask": "a task of a session, named by the coach",
    "transition.Competence": "the centre's competence framework",
    "transition.KickOff": "a kick-off meeting: place and agenda, invitees are KickOffInvitee",
    "transition.KpiExport": "aggregated figures, no person",
    # A coach's own data for billing: the coach is a staff member (subcontractor).
    "billing.CoachLocation": "staff",
    "billing.DevelopmentPlan": "staff: the coach's development plan",
    "billing.CoachCompany": "staff: the coach's company",
    "billing.CentreBillingDetails": "organisation",
    "billing.Audit": "an audit of a centre, its note is about the batch",
    "billing.Invoice": "issued to a coach's company; its lines carry the client (InvoiceLine)",
    "intake.CommunicationCheck": "a staff member's outgoing text checked for house style",
}


def _reaches_subject(model, depth: int = 6, seen=None) -> bool:
    """True when a chain of foreign keys (and many-to-many) leads to a client or a lead."""
    seen = seen or set()
    if model._meta.label in SUBJECTS:
        return True
    if depth == 0 or model in seen:
        return False
    seen = seen | {model}
    for field in model._meta.get_fields():
        if field.is_relation and (field.many_to_one or field.one_to_one or field.many_to_many):
            if getattr(field, "auto_created", False) and not field.concrete:
                continue
            target = field.related_model
            if target is not None and _reaches_subject(target, depth - 1, seen):
                return True
    return False


def _personal_fields(model) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, PERSONAL_TYPES) and PERSONAL_NAME.search(f.name)
    ]


def _koers_models():
    for model in apps.get_models():
        if model.__module__.startswith("koers.") and not model.__name__.startswith("Historical"):
            yield model


def _personal_models():
    return {m._meta.label for m in _koers_models() if _reaches_subject(m) or _personal_fields(m)}


def test_every_model_with_personal_data_has_a_shredder_or_a_reason():
    shredded = {s.label for s in registry.shredders()}
    missing = _personal_models() - shredded - set(ALLOWED_WITHOUT_SHREDDER)
    assert sorted(missing) == []


def test_allow_list_names_only_personal_looking_models_without_a_shredder():
    shredded = {s.label for s in registry.shredders()}
    assert sorted(shredded & set(ALLOWED_WITHOUT_SHREDDER)) == []
    assert sorted(set(ALLOWED_WITHOUT_SHREDDER) - _personal_models()) == []


@pytest.mark.parametrize("shredder", registry.shredders(), ids=lambda s: s.label)
def test_every_personal_looking_field_is_erased_or_kept_on_purpose(shredder):
    handled = set(shredder.erase) | set(shredder.replace) | set(shredder.files)
    handled |= set(shredder.kept_fields)
    if shredder.delete:
        return
    assert sorted(set(_personal_fields(shredder.model)) - handled) == []


@pytest.mark.parametrize("shredder", registry.shredders(), ids=lambda s: s.label)
def test_every_shredder_reaches_a_client_or_a_lead(shredder):
    assert {"client", "lead"} & set(shredder.paths) or shredder.query is not None


def test_subject_kinds_are_client_and_lead():
    assert sorted(registry.subject_kinds()) == ["client", "lead"]
