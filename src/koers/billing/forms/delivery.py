"""The billing pages' forms (BIL-01: a batch, its state, an audit)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.billing.models import BatchState
from koers.core.forms import DateInput
from koers.core.models import Organisation


class BatchForm(forms.Form):
    """The dossiers of a new batch; `confirm` is the second step (after seeing the selection)."""

    dossiers = forms.TypedMultipleChoiceField(
        label=_("Dossiers"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één afgerond dossier voor de zending.")},
    )
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, choices: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossiers"].choices = choices


class BatchStateForm(forms.Form):
    state = forms.ChoiceField(label=_("Status"), choices=BatchState.choices)
    why = forms.CharField(label=_("Opmerking"), max_length=500, required=False)
    confirm = forms.BooleanField(
        label=_("Ik bevestig: dit kan niet ongedaan gemaakt worden."),
        error_messages={"required": _("Vink aan dat je dit bevestigt.")},
    )


class AuditForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Centrum"), queryset=Organisation.objects.none())
    deadline = forms.DateField(label=_("Uiterste datum"), widget=DateInput())
    note = forms.CharField(label=_("Toelichting"), max_length=200, required=False)

    def __init__(self, *args, organisation_ids: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = Organisation.objects.filter(pk__in=organisation_ids)
        if len(organisation_ids) == 1:
            field.initial = organisation_ids[0]
