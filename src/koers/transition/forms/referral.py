"""TRN-02/15: the forms of the referral pages (propose, edit, dialogue, invitation, call off)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput
from koers.transition import models as m
from koers.transition.selectors import referral as sel


def lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class _Who(forms.Form):
    proposed_by = forms.ChoiceField(
        label=_("Wie stelt de werknemer voor?"),
        choices=[("", "—"), *m.Proposer.choices],
        required=False,
    )
    proposer_name = forms.CharField(
        label=_("Naam van wie voorstelt"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld de werkleider of instructeur."),
    )
    why = forms.CharField(
        label=_("Waarom is de werknemer doorstroomklaar?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    job_target = forms.CharField(label=_("Jobdoelwit"), max_length=200, required=False)
    supervisors = forms.CharField(
        label=_("Begeleiders op de werkvloer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Instructeurs, werkleiders, ploegbazen: één naam per regel."),
    )


class ProposeForm(_Who):
    """A worker of the company, or a new one (first and last name)."""

    organisation = forms.ModelChoiceField(label=_("Bedrijf"), queryset=None, empty_label=None)
    client = forms.ModelChoiceField(
        label=_("Werknemer"),
        queryset=None,
        required=False,
        empty_label=_("— een nieuwe werknemer —"),
    )
    first_name = forms.CharField(
        label=_("Voornaam (nieuwe werknemer)"), max_length=100, required=False
    )
    last_name = forms.CharField(
        label=_("Achternaam (nieuwe werknemer)"), max_length=100, required=False
    )
    referred_on = forms.DateField(label=_("Voorgesteld op"), widget=DateInput())

    field_order = ["organisation", "client", "first_name", "last_name", "referred_on"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        companies = sel.proposing_organisations(user)
        self.fields["organisation"].queryset = companies
        self.fields["client"].queryset = sel.proposable_clients(
            user, companies.values_list("pk", flat=True)
        )

    def clean(self):
        cleaned = super().clean()
        client = cleaned.get("client")
        organisation = cleaned.get("organisation")
        if client is None and not (cleaned.get("first_name") and cleaned.get("last_name")):
            self.add_error("client", _("Kies een werknemer of geef de naam van een nieuwe."))
        if client is not None and organisation and client.organisation_id != organisation.pk:
            self.add_error("client", _("Deze werknemer hoort niet bij het gekozen bedrijf."))
        return cleaned


class ReferralEditForm(_Who):
    @classmethod
    def initial_for(cls, file: m.TransitionFile) -> dict:
        return {
            "proposed_by": file.proposed_by,
            "proposer_name": file.proposer_name,
            "why": file.why,
            "job_target": file.job_target,
            "supervisors": "\n".join(file.supervisors or []),
        }


class DialogueForm(forms.Form):
    """TRN-02: the four questions of the readiness dialogue, as the seed asks them."""

    held_on = forms.DateField(label=_("Dialoog gehouden op"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, question in sel.DIALOGUE_QUESTIONS:
            self.fields[key] = forms.CharField(
                label=question, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )

    def answers(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(key, "") for key, _q in sel.DIALOGUE_QUESTIONS}

    @classmethod
    def initial_for(cls, file: m.TransitionFile, today) -> dict:
        return {"held_on": file.dialogue_held_on or today, **(file.dialogue or {})}


class InvitationForm(forms.Form):
    """TRN-15: the coach's checks, then (or later) the official invitation to intake."""

    basic_dutch_confirmed = forms.BooleanField(
        label=_("De werknemer heeft voldoende basiskennis Nederlands."), required=False
    )
    no_pretext_confirmed = forms.BooleanField(
        label=_("Het traject is geen voorwendsel om de samenwerking te beëindigen."),
        required=False,
    )
    pretext_signals = forms.MultipleChoiceField(
        label=_("Signalen die wijzen op een voorwendsel"),
        choices=sel.PRETEXT_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    invited_on = forms.DateField(label=_("Uitgenodigd op"), widget=DateInput())

    @classmethod
    def initial_for(cls, file: m.TransitionFile, today) -> dict:
        return {
            "basic_dutch_confirmed": file.basic_dutch_confirmed,
            "no_pretext_confirmed": file.no_pretext_confirmed,
            "pretext_signals": list(file.pretext_signals or []),
            "invited_on": today,
        }


class CallOffForm(forms.Form):
    ground = forms.ChoiceField(
        label=_("Grond"), choices=[("", "—"), *m.CallOffGround.choices], required=False
    )
    reason = forms.CharField(
        label=_("Reden"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    called_off_on = forms.DateField(label=_("Afgeblazen op"), widget=DateInput())
