"""TRN-08/13: an employer of the company's list, and a typed contact with it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput
from koers.transition import models as m

UNION_CHOICES = [("", _("Niet gekend")), ("yes", _("Ja")), ("no", _("Nee"))]


class EmployerForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    sector = forms.CharField(label=_("Sector"), max_length=200, required=False)
    municipality = forms.CharField(label=_("Gemeente"), max_length=120, required=False)
    contact_name = forms.CharField(label=_("Contactpersoon"), max_length=200, required=False)
    phone = forms.CharField(label=_("Telefoon"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    has_union_delegation = forms.ChoiceField(
        label=_("Vakbondsafvaardiging"), choices=UNION_CHOICES, required=False
    )
    note = forms.CharField(
        label=_("Notitie"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    @classmethod
    def for_employer(cls, employer: m.Employer, data=None):
        union = {True: "yes", False: "no", None: ""}[employer.has_union_delegation]
        initial = {f: getattr(employer, f) for f in cls.base_fields if f != "has_union_delegation"}
        return cls(data, initial=initial | {"has_union_delegation": union})

    def data_out(self) -> dict:
        d = dict(self.cleaned_data)
        d["has_union_delegation"] = {"yes": True, "no": False}.get(d["has_union_delegation"])
        return d


class EmployerContactForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort contact"), choices=m.EmployerContactKind.choices)
    on = forms.DateField(label=_("Datum"), widget=DateInput())
    by = forms.ModelChoiceField(label=_("Door"), queryset=None)
    files = forms.ModelMultipleChoiceField(
        label=_("Werknemers die deelnamen"),
        queryset=m.TransitionFile.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Notitie"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, staff=None, files=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["by"].queryset = staff
        if files is not None:
            self.fields["files"].queryset = files
