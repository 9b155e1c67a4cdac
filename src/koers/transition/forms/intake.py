"""TRN-03: the forms of the intake pages (holding, page 1, STARR, decision, feedback,
engagement statement, kick-off)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput
from koers.transition import models as m
from koers.transition.selectors import intake as sel
from koers.transition.selectors.intake_facts import ADMINISTRATIVE_FIELDS


class _CoachChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class HoldForm(forms.Form):
    held_on = forms.DateField(label=_("Intakegesprek op"), widget=DateInput(), required=False)
    second_coach = _CoachChoice(
        label=_("Tweede jobcoach"),
        queryset=None,
        required=False,
        empty_label=_("— geen tweede jobcoach —"),
    )
    second_coach_independent = forms.BooleanField(
        label=_("De tweede jobcoach is onafhankelijk (geen eigen begeleider van de werknemer)."),
        required=False,
    )
    motivation = forms.CharField(
        label=_("Motivatie (diepte-interview)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, file: m.TransitionFile, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["second_coach"].queryset = sel.second_coach_choices(file)

    @classmethod
    def initial_for(cls, intake: m.Intake | None, today) -> dict:
        if intake is None:
            return {"held_on": today}
        return {
            "held_on": intake.held_on,
            "second_coach": intake.second_coach_id,
            "second_coach_independent": intake.second_coach_independent,
            "motivation": intake.motivation,
        }


class AdministrativeForm(forms.Form):
    """Page 1 of the intake form, as the worker fills it in (paper or portal)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in ADMINISTRATIVE_FIELDS:
            long = key in ("education", "work_experience")
            widget = forms.Textarea(attrs={"rows": 3}) if long else forms.TextInput()
            self.fields[key] = forms.CharField(
                label=_(label), max_length=2000, required=False, widget=widget
            )

    def answers(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(key, "") for key, _label in ADMINISTRATIVE_FIELDS}


class CoachAdministrativeForm(AdministrativeForm):
    by_worker = forms.BooleanField(
        label=_("Ingevuld door de werknemer zelf (op papier)"), required=False
    )
    completed = forms.BooleanField(label=_("Overlopen en aangevuld in het gesprek"), required=False)
    language_observation = forms.CharField(
        label=_("Observatie: taalvaardigheid en zelfredzaamheid"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    @classmethod
    def initial_for(cls, intake: m.Intake | None) -> dict:
        if intake is None:
            return {}
        return {
            **(intake.administrative or {}),
            "by_worker": intake.administrative_by_worker,
            "completed": intake.administrative_completed,
            "language_observation": intake.language_observation,
        }


class StarrForm(forms.Form):
    competence = forms.ChoiceField(label=_("Competentie"), choices=())

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"].choices = [("", "—"), *sel.competence_choices(organisation_id)]
        for key, label, prompts in sel.STARR_PARTS:
            self.fields[key] = forms.CharField(
                label=label,
                required=False,
                help_text=" ".join(prompts),
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @classmethod
    def initial_for(cls, note: m.StarrNote) -> dict:
        return {
            key: getattr(note, key) for key in ("competence", *(p for p, _l, _q in sel.STARR_PARTS))
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Beslissing"), choices=m.Decision.choices, widget=forms.RadioSelect
    )
    decided_on = forms.DateField(label=_("Beslist op"), widget=DateInput())
    reason = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class FeedbackForm(forms.Form):
    worker_on = forms.DateField(
        label=_("Teruggekoppeld aan de werknemer op"), widget=DateInput(), required=False
    )
    supervisors_on = forms.DateField(
        label=_("Teruggekoppeld aan de begeleiders op"), widget=DateInput(), required=False
    )
    text = forms.CharField(
        label=_("Feedback over de selectie"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    @classmethod
    def initial_for(cls, intake: m.Intake) -> dict:
        return {
            "worker_on": intake.feedback_worker_on,
            "supervisors_on": intake.feedback_supervisors_on,
            "text": intake.feedback_text,
        }


class EngagementForm(forms.Form):
    worker_on = forms.DateField(
        label=_("Getekend door de werknemer op"), widget=DateInput(), required=False
    )
    coach_on = forms.DateField(
        label=_("Getekend door de jobcoach op"), widget=DateInput(), required=False
    )


class _FileChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj.client)


class KickOffForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Bedrijf"), queryset=None, empty_label=None)
    held_on = forms.DateField(label=_("Kick-off op"), widget=DateInput())
    place = forms.CharField(label=_("Plaats"), max_length=200, required=False)
    note = forms.CharField(
        label=_("Programma"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Kennismaking met collega-doorstromers, de aanpak, engagementen en verwachtingen."
        ),
    )
    files = _FileChoice(
        label=_("Geselecteerde werknemers"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    supervisors_invited = forms.BooleanField(
        label=_("Hun begeleiders (instructeurs, werkleiders) worden mee uitgenodigd."),
        required=False,
        initial=True,
    )

    def __init__(self, *args, user, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["files"].queryset = sel.selectable_files(user)
