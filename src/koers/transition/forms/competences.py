"""TRN-04/05: the forms of the competence profile."""

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.transition import models as m


class CompetenceAddForm(forms.Form):
    """TRN-04: the organisation's own competence."""

    name = forms.CharField(label=_("Naam"), max_length=200)
    group = forms.ChoiceField(label=_("Groep"), choices=m.CompetenceGroup.choices)
    definition = forms.CharField(
        label=_("Definitie"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CompetenceEditForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200, required=False)
    definition = forms.CharField(
        label=_("Definitie"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ActiveForm(forms.Form):
    active = forms.BooleanField(required=False)


def _level(label):
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 2}), required=False)


class IndicatorForm(forms.Form):
    """TRN-05: one behaviour on the four SAM levels (every level is described: the rule says so)."""

    insufficient = _level(_("Onvoldoende"))
    moderate = _level(_("Matig"))
    good = _level(_("Goed"))
    very_good = _level(_("Zeer goed"))
