"""Forms of the coach administration (BIL-05, BIL-06)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput
from koers.core.models import Location


class LocationStartForm(forms.Form):
    location = forms.ModelChoiceField(
        label=_("Locatie van het centrum"),
        queryset=Location.objects.none(),
        required=False,
        empty_label=_("— kies een locatie —"),
    )
    location_name = forms.CharField(
        label=_("Andere locatie"),
        max_length=200,
        required=False,
        help_text=_("Staat de locatie niet in de lijst van het centrum? Geef hier haar naam."),
    )
    started_on = forms.DateField(label=_("Gestart op"), widget=DateInput())

    def __init__(self, *args, locations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if locations is not None:
            self.fields["location"].queryset = locations


class LocationEndForm(forms.Form):
    ended_on = forms.DateField(
        label=_("Laatste dag op deze locatie"), widget=DateInput(), initial=timezone.localdate
    )


class PlanReceiveForm(forms.Form):
    received_on = forms.DateField(
        label=_("Ontvangen op"), widget=DateInput(), initial=timezone.localdate
    )
    note = forms.CharField(label=_("Notitie"), max_length=500, required=False)
    file = forms.FileField(
        label=_("Bestand (niet verplicht)"), required=False, help_text=_("PDF, PNG, JPEG of DOCX.")
    )
