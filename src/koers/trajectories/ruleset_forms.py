"""The form of a new rule-set version: one field per parameter the page may change, prefilled
from the version it copies. The service (`rulesets.ruleset_check`) validates the whole."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput
from koers.lib import rules
from koers.trajectories.rulesets import ProgrammeRuleset

PREFIX = "p_"
# Parameters typed as text and read back by `rules.parameter_from_text`.
TEXT_KINDS = ("int_map", "text_set", "decimal", "decimal_list")


def _field(param: rules.Parameter) -> forms.Field:
    if param.kind == "int":
        return forms.IntegerField(min_value=0)
    if param.kind == "bool":
        return forms.BooleanField(required=False)
    if param.kind == "date":
        return forms.DateField(widget=DateInput())
    if param.kind == "optional_date":
        return forms.DateField(required=False, widget=DateInput())
    if param.kind == "int_map":
        return forms.CharField(max_length=200, help_text=_("Bv. ‘1: 90, 2: 60’."))
    if param.kind == "text_set":
        return forms.CharField(max_length=500, help_text=_("Gescheiden door komma's."))
    if param.kind == "decimal":
        return forms.CharField(max_length=20, help_text=_("Een getal, bv. ‘21’ of ‘90,00’."))
    if param.kind == "decimal_list":
        return forms.CharField(
            max_length=200, help_text=_("Gescheiden door puntkomma's, bv. ‘90,00; 110,00’.")
        )
    return forms.CharField(max_length=200)


class RulesetVersionForm(forms.Form):
    version = forms.CharField(
        label=_("Naam van de nieuwe versie"),
        max_length=40,
        help_text=_("Kleine letters, cijfers en streepjes, bv. 2027-loopbaankrediet."),
    )
    valid_from = forms.DateField(label=_("Geldig vanaf"), widget=DateInput())
    valid_until = forms.DateField(
        label=_("Geldig tot"),
        required=False,
        widget=DateInput(),
        help_text=_("Leeg: tot een volgende versie begint."),
    )
    reason = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Waarom deze versie, en de bron (bv. de mededeling van VDAB)."),
    )
    based_on = forms.CharField(widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args, programme: ProgrammeRuleset, base, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme, self.base = programme, base
        self.fields["based_on"].initial = base.version
        self.params = [p for p in programme.parameters() if p.editable]
        unconfirmed = programme.unconfirmed(base)
        for param in self.params:
            field = _field(param)
            current = getattr(base, param.name)
            field.label = programme.labels.get(param.name, param.name)
            field.initial = (
                rules.parameter_text(param, current) if param.kind in TEXT_KINDS else current
            )
            now = rules.parameter_text(param, current) or "—"
            field.help_text = " ".join(
                str(t)
                for t in (
                    _("In %(v)s: %(now)s.") % {"v": base.version, "now": now},
                    _("Te bevestigen: een voorlopige waarde van Koers.")
                    if param.name in unconfirmed
                    else "",
                    field.help_text,
                )
                if t
            )
            self.fields[PREFIX + param.name] = field

    def parameter_fields(self):
        return [self[PREFIX + p.name] for p in self.params]

    def changes(self) -> dict:
        """The parameters that differ from the base, as JSON (what the API sends too)."""
        changes = {}
        for param in self.params:
            name = PREFIX + param.name
            value = self.cleaned_data.get(name)
            if param.kind in TEXT_KINDS:
                try:
                    value = rules.parameter_from_text(param, value or "")
                except rules.ParameterError as exc:
                    self.add_error(name, exc.message)
                    continue
            elif isinstance(value, date):
                value = value.isoformat()
            if value != rules.to_json(getattr(self.base, param.name)):
                changes[param.name] = value
        return changes

    def service_field(self, key: str) -> str | None:
        """Where a service error goes: "parameters.x" is field p_x."""
        if key.startswith("parameters."):
            key = PREFIX + key.removeprefix("parameters.")
        return key if key in self.fields and key != "based_on" else None
