"""TRN-08: a worker's application action, and the portfolio with the VDAB status."""

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput
from koers.transition import models as m
from koers.transition.rules import actions as rules

TRAINING_CHOICES = [("", "—")] + [(t.key, str(t.label)) for t in rules.TRAININGS]
FORM_CHOICES = [("", "—")] + list(m.TrainingForm.choices)
PORTFOLIO_CHOICES = [(p.value, str(rules.PORTFOLIO_LABELS[p])) for p in rules.PortfolioPiece]


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort"), choices=m.ActivityKind.choices)
    on = forms.DateField(label=_("Datum"), widget=DateInput())
    training = forms.ChoiceField(label=_("Training"), choices=TRAINING_CHOICES, required=False)
    training_form = forms.ChoiceField(label=_("Vorm"), choices=FORM_CHOICES, required=False)
    employer = forms.ModelChoiceField(
        label=_("Werkgever"), queryset=m.Employer.objects.none(), required=False
    )
    vacancy = forms.CharField(label=_("Vacature"), max_length=300, required=False)
    note = forms.CharField(
        label=_("Notitie"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, employers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if employers is not None:
            self.fields["employer"].queryset = employers


class ActivityDeleteForm(forms.Form):
    why = forms.CharField(label=_("Waarom schrappen?"), max_length=100)


class PortfolioForm(forms.Form):
    portfolio = forms.MultipleChoiceField(
        label=_("Portfolio"),
        choices=PORTFOLIO_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    vdab_status = forms.ChoiceField(
        label=_("VDAB-status"), choices=m.VdabStatus.choices, required=False
    )
