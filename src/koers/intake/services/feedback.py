"""INT-07: the centre's lead-feedback questions and the coach's answers."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import Organisation, User
from koers.intake.models import FeedbackField, FieldKind, Lead, LeadChannel, LeadFeedback
from koers.intake.services.common import lock_lead, must_be_coach

DEFAULT_FEEDBACK_FIELDS = (
    (
        "channel",
        "Kanaal (hoe leerde de persoon ons kennen?)",
        FieldKind.CHOICE,
        "\n".join(str(label) for label in LeadChannel.labels),
        True,
    ),
    ("reached", "Bereikt?", FieldKind.YES_NO, "", True),
    ("outcome", "Uitkomst", FieldKind.CHOICE, "Match\nGeen match\nDoorgegeven\nNiet bereikt", True),
    ("remarks", "Opmerkingen", FieldKind.TEXT, "", False),
)


def _question(
    organisation: Organisation,
    position: int,
    key: str,
    label: str,
    kind: str,
    choices: str,
    required: bool,
) -> FeedbackField:
    return FeedbackField(
        organisation=organisation,
        key=key,
        label=label,
        kind=kind,
        choices=choices,
        required=required,
        position=position,
    )


def feedback_fields(organisation: Organisation) -> list[FeedbackField]:
    """The centre's active questions; the sensible default set the first time (INT-07)."""
    fields = list(FeedbackField.objects.filter(organisation=organisation, is_active=True))
    if fields or FeedbackField.objects.filter(organisation=organisation).exists():
        return fields
    FeedbackField.objects.bulk_create(
        [
            _question(organisation, position, *default)
            for position, default in enumerate(DEFAULT_FEEDBACK_FIELDS)
        ],
        ignore_conflicts=True,  # two first visits at once
    )
    return list(FeedbackField.objects.filter(organisation=organisation, is_active=True))


@transaction.atomic
def feedback_submit(*, lead: Lead, answers: dict, now: datetime, acting_user: User) -> LeadFeedback:
    lead = lock_lead(lead)
    must_be_coach(lead, acting_user)
    clean: dict[str, object] = {}
    errors: dict[str, list[str]] = {}
    for f in feedback_fields(lead.organisation):
        value = answers.get(f.key)
        if f.kind == FieldKind.YES_NO:
            if value in (None, ""):
                value = None
            elif isinstance(value, bool):
                pass
            elif str(value).lower() in ("1", "true", "ja", "yes", "on"):
                value = True
            elif str(value).lower() in ("0", "false", "nee", "no"):
                value = False
            else:
                errors[f.key] = [_("Kies ja of nee.")]
                continue
        else:
            value = str(value or "").strip()
            if f.kind == FieldKind.CHOICE and value and value not in f.choice_list():
                errors[f.key] = [_("Kies een waarde uit de lijst.")]
                continue
            if len(value) > 2000:
                errors[f.key] = [_("Hoogstens 2000 tekens.")]
                continue
        if f.required and value in (None, ""):
            errors[f.key] = [_("Dit veld is verplicht.")]
            continue
        clean[f.key] = value
    if errors:
        raise ValidationError(errors)
    return save_with_user(
        LeadFeedback(lead=lead, coach=acting_user, answers=clean, submitted_at=now), acting_user
    )


def feedback_field_add(
    *, organisation: Organisation, label: str, kind: str, choices: str, required: bool
) -> FeedbackField:
    """A new question at the end of the centre's form; its key is made from the label."""
    key = slugify(label)[:40] or "vraag"
    if FeedbackField.objects.filter(organisation=organisation, key=key).exists():
        raise ValidationError({"label": [_("Deze vraag bestaat al.")]})
    if kind == FieldKind.CHOICE and not choices.strip():
        raise ValidationError({"choices": [_("Geef minstens één keuze.")]})
    position = FeedbackField.objects.filter(organisation=organisation).count()
    question = _question(organisation, position, key, label, kind, choices, required)
    question.save()
    return question


def feedback_field_toggle(*, organisation: Organisation, pk) -> None:
    """Switch a question of the centre on or off (answers given stay)."""
    field = FeedbackField.objects.filter(organisation=organisation, pk=pk).first()
    if field:
        field.is_active = not field.is_active
        field.save(update_fields=["is_active"])
