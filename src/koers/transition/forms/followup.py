"""Forms of the transition and its follow-up (TRN-17). Plain forms: the services judge."""

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput
from koers.transition import models as m


class PlacementForm(forms.Form):
    destination = forms.ChoiceField(label=_("Naar"), choices=m.Destination.choices)
    first_day = forms.DateField(label=_("Eerste dag"), widget=DateInput())
    employer = forms.ModelChoiceField(
        label=_("Werkgever"), queryset=m.Employer.objects.none(), required=False
    )
    new_employer_name = forms.CharField(
        label=_("Of een nieuwe werkgever"), max_length=200, required=False
    )
    measure = forms.ModelChoiceField(
        label=_("Na de maatregel"), queryset=m.Measure.objects.none(), required=False
    )
    note = forms.CharField(
        label=_("Notitie"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, employers=None, measures=None, **kwargs):
        super().__init__(*args, **kwargs)
        if employers is not None:
            self.fields["employer"].queryset = employers
        if measures is not None:
            self.fields["measure"].queryset = measures


class FollowupForm(forms.Form):
    day = forms.DateField(label=_("Datum"), widget=DateInput())
    checkpoint = forms.ChoiceField(
        label=_("Meetpunt"), choices=m.Checkpoint.choices, required=False
    )
    status = forms.ChoiceField(label=_("Stand"), choices=m.FollowupStatus.choices)
    employer_name = forms.CharField(
        label=_("Nieuwe werkgever"),
        max_length=200,
        required=False,
        help_text=_("Alleen als de werknemer van werkgever veranderde."),
    )
    note = forms.CharField(
        label=_("Notitie"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class LeftForTrainingForm(forms.Form):
    left_for_training_on = forms.DateField(
        label=_("Vertrokken naar een opleiding op"),
        widget=DateInput(),
        required=False,
        help_text=_("Leeg maken wist een verkeerde registratie."),
    )
