"""Forms of the trajectory pages. They parse; the services validate and save."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput, ResponsibleChoiceMixin
from koers.trajectories.contact_fields import CONTACT_FIELDS, ContactData, max_length
from koers.trajectories.models import (
    AssignmentStatus,
    ContactForm,
    ContactOutcome,
    DocumentKind,
    DocumentStatus,
    PlanKind,
    Programme,
)
from koers.trajectories.services.assignments import AssignmentData


class TimeInput(forms.TimeInput):
    """Text in 24-hour uu:mm: the native time picker shows AM/PM on some browsers."""

    def __init__(self, attrs=None):
        attrs = {"placeholder": _("uu:mm"), "inputmode": "numeric", "size": 6, **(attrs or {})}
        super().__init__(attrs=attrs, format="%H:%M")


class ContactEntryForm(forms.Form):
    # The services speak of `starts_at`; the form splits it into a date and a start time.
    error_fields = {"starts_at": "date"}

    date = forms.DateField(label=_("Datum"), widget=DateInput())
    start_time = forms.TimeField(label=_("Beginuur"), widget=TimeInput())
    duration_minutes = forms.IntegerField(
        label=_("Duur (minuten)"),
        min_value=1,
        initial=60,
        widget=forms.NumberInput(attrs={"step": 1, "min": 1}),
        error_messages={"min_value": _("De duur moet groter zijn dan 0 minuten.")},
    )
    form = forms.ChoiceField(label=_("Vorm"), choices=ContactForm.choices)
    place = forms.CharField(label=_("Plaats"), max_length=max_length("place"), required=False)
    outcome = forms.ChoiceField(label=_("Uitkomst"), choices=ContactOutcome.choices)
    absence_reason = forms.CharField(
        label=_("Reden afwezigheid"), max_length=max_length("absence_reason"), required=False
    )
    notes = forms.CharField(
        label=_("Verslag"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def contact_data(self) -> ContactData:
        """The cleaned form as the services take it."""
        cleaned = self.cleaned_data
        named = {name: cleaned[name] for name in CONTACT_FIELDS if name != "starts_at"}
        return ContactData(starts_at=self.starts_at(), **named)

    def starts_at(self) -> datetime:
        return timezone.make_aware(
            datetime.combine(self.cleaned_data["date"], self.cleaned_data["start_time"])
        )

    @classmethod
    def initial_now(cls) -> dict:
        """A new contact starts now (to the minute), in local time."""
        now = timezone.localtime()
        return {"date": now.date(), "start_time": now.time().replace(second=0, microsecond=0)}

    @classmethod
    def initial_for(cls, contact) -> dict:
        local = timezone.localtime(contact.starts_at)
        named = ContactData.of(contact).values()
        del named["starts_at"]
        return {
            "date": local.date(),
            "start_time": local.time().replace(second=0, microsecond=0),
            **named,
        }


class TrajectoryForm(ResponsibleChoiceMixin, forms.Form):
    programme = forms.ChoiceField(
        label=_("Programma"),
        choices=[("", "—")] + list(Programme.choices),
        error_messages={"required": _("Kies een programma.")},
    )
    title = forms.CharField(label=_("Titel (optioneel)"), max_length=200, required=False)
    start_date = forms.DateField(label=_("Startdatum"), widget=DateInput())

    def __init__(self, *args, responsibles=None, organisations=None, programmes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_responsible_field(responsibles)
        if programmes is not None:
            # Only what the organisation's mandate and the user's role allow (`core/rules.py`).
            self.fields["programme"].choices = [("", "—")] + [
                (value, label) for value, label in Programme.choices if value in programmes
            ]
        if organisations is not None and len(organisations) > 1:
            self.fields["organisation"] = forms.ChoiceField(
                label=_("Organisatie"), choices=[(str(o.pk), o.name) for o in organisations]
            )


class AssignmentForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Omschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DateInput())
    status = forms.ChoiceField(
        label=_("Status"), choices=AssignmentStatus.choices, initial=AssignmentStatus.OPEN
    )
    evaluation = forms.CharField(
        label=_("Evaluatie"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def assignment_data(self) -> AssignmentData:
        """The cleaned form as the services take it."""
        return AssignmentData(**self.cleaned_data)

    @classmethod
    def initial_for(cls, assignment) -> dict:
        return AssignmentData.of(assignment).__dict__


class PlanForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort"), choices=PlanKind.choices)
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)
    content = forms.CharField(
        label=_("Inhoud"), required=False, widget=forms.Textarea(attrs={"rows": 14})
    )


class PlanEditForm(forms.Form):
    content = forms.CharField(
        label=_("Inhoud"), required=False, widget=forms.Textarea(attrs={"rows": 18})
    )

    @staticmethod
    def text_of(version) -> str:
        """The text a plan version holds (a version of another shape shows as empty)."""
        if version is None or not isinstance(version.content, dict):
            return ""
        return version.content.get("text", "")


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)
    file = forms.FileField(
        label=_("Bestand"),
        required=False,
        help_text=_(
            "PDF, PNG, JPEG of DOCX. Zonder bestand wordt het document als ontbrekend geregistreerd."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.png,.jpg,.jpeg,.docx,application/pdf,image/png,image/jpeg"}
        ),
    )

    def __init__(self, *args, contacts=(), **kwargs):
        super().__init__(*args, **kwargs)
        # A proof that belongs to one contact (a video call's screenshot, LBC-06) is linked to it.
        self.fields["contact"] = forms.TypedChoiceField(
            label=_("Bij contact (optioneel)"),
            choices=[("", "—")]
            + [
                (c.pk, f"{timezone.localtime(c.starts_at):%d/%m/%Y %H:%M} · {c.get_form_display()}")
                for c in contacts
            ],
            coerce=int,
            empty_value=None,
            required=False,
        )


class DocumentStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=DocumentStatus.choices)
