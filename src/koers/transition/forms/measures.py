"""Forms of the work measures (TRN-09..12). Plain forms: the services judge, the forms only parse."""

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput
from koers.transition import models as m
from koers.transition.selectors import measures as sel

YES_NO = [("", _("Nog niet gekend")), ("1", _("Ja")), ("0", _("Nee"))]


def _yes_no(value: str) -> bool | None:
    return {"1": True, "0": False}.get(value)


def _money(label):
    return forms.DecimalField(
        label=label, required=False, min_value=0, max_digits=9, decimal_places=2
    )


class MeasurePlanForm(forms.Form):
    """A new measure of one kind: the common fields plus those of its kind."""

    kind = forms.ChoiceField(label=_("Maatregel"), choices=m.MeasureKind.choices)
    employer = forms.ModelChoiceField(
        label=_("Werkgever (NEC-bedrijf)"), queryset=m.Employer.objects.none(), required=False
    )
    new_employer_name = forms.CharField(
        label=_("Of een nieuwe werkgever"),
        max_length=200,
        required=False,
        help_text=_("Staat het bedrijf nog niet in de lijst? Typ zijn naam."),
    )
    mentor = forms.CharField(
        label=_("Meter / peter bij het bedrijf"), max_length=200, required=False
    )
    task_description = forms.CharField(
        label=_("Taakomschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    planned_start = forms.DateField(label=_("Start"), widget=DateInput())
    planned_end = forms.DateField(
        label=_("Einde"),
        widget=DateInput(),
        required=False,
    )
    follows = forms.ModelChoiceField(
        label=_("Volgt op"),
        queryset=m.Measure.objects.none(),
        required=False,
        empty_label="—",
        help_text=_("Na een BVS of TBS kan een IBO of ACTIVA volgen."),
    )
    # TBS (TRN-10)
    nec_has_union_delegation = forms.ChoiceField(
        label=_("Vakbondsafvaardiging bij het NEC-bedrijf"), choices=YES_NO, required=False
    )
    wage_difference = _money(_("Loonverschil per uur (€)"))
    travel_costs = _money(_("Verplaatsingskosten (€)"))
    # IBO (TRN-11) and ACTIVA (TRN-12)
    sample_contract_on = forms.DateField(
        label=_("Voorbeeldcontract ontvangen op"), widget=DateInput(), required=False
    )
    resignation_signed_on = forms.DateField(
        label=_("Ontslag getekend op"), widget=DateInput(), required=False
    )
    origin = forms.ChoiceField(
        label=_("Herkomst"), choices=[("", "—"), *sel.ORIGIN_CHOICES], required=False
    )
    c4_text = forms.CharField(
        label=_("Tekst op de C4"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    coach_accompanies_rva = forms.ChoiceField(
        label=_("Jobcoach gaat mee naar de RVA"), choices=YES_NO, required=False
    )
    agreed_wage = _money(_("Afgesproken brutoloon (€)"))
    note = forms.CharField(
        label=_("Notitie"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, employers=None, follows=None, **kwargs):
        super().__init__(*args, **kwargs)
        if employers is not None:
            self.fields["employer"].queryset = employers
        if follows is not None:
            self.fields["follows"].queryset = follows

    def data_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("nec_has_union_delegation", "coach_accompanies_rva"):
            data[name] = _yes_no(data[name])
        data["new_employer_name"] = data["new_employer_name"] or ""
        return data


END_HELP = {
    m.MeasureKind.BVS: _("Leeg: 2 weken (de regelset). Langer kan, met een waarschuwing."),
    m.MeasureKind.TBS: _("Hoogstens 3 weken."),
    m.MeasureKind.IBO: _("Minstens 4 weken, hoogstens 6 maanden."),
    m.MeasureKind.ACTIVA: _("Leeg: de 2 jaar van de ACTIVA-voordelen."),
}
KIND_FIELDS = {
    m.MeasureKind.BVS: (),
    m.MeasureKind.TBS: ("nec_has_union_delegation", "wage_difference", "travel_costs"),
    m.MeasureKind.IBO: ("sample_contract_on", "resignation_signed_on"),
    m.MeasureKind.ACTIVA: (
        "origin",
        "c4_text",
        "agreed_wage",
        "resignation_signed_on",
        "coach_accompanies_rva",
    ),
}
COMMON_FIELDS = (
    "employer",
    "new_employer_name",
    "mentor",
    "task_description",
    "planned_start",
    "planned_end",
    "follows",
)


class DocumentsForm(forms.Form):
    """TRN-09..12: the ticks of what is on file, and the facts some requirements are judged by."""

    present = forms.MultipleChoiceField(
        label=_("Op dossier"), required=False, widget=forms.CheckboxSelectMultiple
    )
    nec_has_union_delegation = MeasurePlanForm.base_fields["nec_has_union_delegation"]
    sample_contract_on = MeasurePlanForm.base_fields["sample_contract_on"]
    resignation_signed_on = MeasurePlanForm.base_fields["resignation_signed_on"]
    origin = MeasurePlanForm.base_fields["origin"]
    c4_text = MeasurePlanForm.base_fields["c4_text"]
    coach_accompanies_rva = MeasurePlanForm.base_fields["coach_accompanies_rva"]

    def __init__(self, *args, measure: m.Measure, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        allowed = sel.tickable_keys(measure.kind)
        # In the seed's order of the requirements (the TBS approval as the delegation decides).
        self.fields["present"].choices = [
            (r.key, r.label) for r in rows if r.tickable and r.key in allowed
        ]
        keep = set(KIND_FIELDS[m.MeasureKind(measure.kind)]) & {
            "nec_has_union_delegation",
            "sample_contract_on",
            "resignation_signed_on",
            "origin",
            "c4_text",
            "coach_accompanies_rva",
        }
        for name in list(self.fields):
            if name != "present" and name not in keep:
                del self.fields[name]

    def data_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["present"] = frozenset(data["present"])
        for name in ("nec_has_union_delegation", "coach_accompanies_rva"):
            if name in data:
                data[name] = _yes_no(data[name])
        return data


def documents_initial(measure: m.Measure) -> dict:
    def yn(value):
        return "" if value is None else ("1" if value else "0")

    return {
        "present": list(measure.present or ()),
        "nec_has_union_delegation": yn(measure.nec_has_union_delegation),
        "coach_accompanies_rva": yn(measure.coach_accompanies_rva),
        "sample_contract_on": measure.sample_contract_on,
        "resignation_signed_on": measure.resignation_signed_on,
        "origin": measure.origin,
        "c4_text": measure.c4_text,
    }


class EvaluationForm(forms.Form):
    """TRN-09: an evaluation on the observation form, one SAM level per competence."""

    kind = forms.ChoiceField(label=_("Soort"), choices=m.EvaluationKind.choices)
    on = forms.DateField(label=_("Datum"), widget=DateInput())
    by_phone = forms.BooleanField(label=_("Telefonisch"), required=False)
    remarks = forms.CharField(
        label=_("Opmerkingen"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, competences=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.competences = list(competences)
        levels = [("", "—"), *[(str(v), label) for v, label in sel.sam_choices()]]
        for c in self.competences:
            self.fields[f"level_{c.code}"] = forms.TypedChoiceField(
                label=c.name, choices=levels, required=False, coerce=int, empty_value=None
            )

    def level_fields(self):
        return [self[f"level_{c.code}"] for c in self.competences]

    def levels(self) -> dict[str, int]:
        return {
            c.code: self.cleaned_data[f"level_{c.code}"]
            for c in self.competences
            if self.cleaned_data.get(f"level_{c.code}") is not None
        }


class CancelForm(forms.Form):
    why = forms.CharField(label=_("Waarom geannuleerd"), max_length=500, required=False)
