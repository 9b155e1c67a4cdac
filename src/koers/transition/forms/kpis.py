"""TRN-13: the KPI page's choice of team, period and baseline ("nulmeting"), and the KPI to chart."""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput
from koers.transition.rules import kpis as rules
from koers.transition.selectors import kpis as sel
from koers.transition.selectors.kpi_page import kpi_choices


@dataclass(frozen=True)
class KpiChoice:
    organisation_id: int | None
    coach_id: int | None
    period: rules.Period
    baseline: rules.Period
    kpi: str


class KpiFilterForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Organisatie"), coerce=int)
    coach = forms.TypedChoiceField(label=_("Team"), coerce=int, required=False, empty_value=None)
    start = forms.DateField(label=_("Periode van"), widget=DateInput())
    end = forms.DateField(label=_("tot en met"), widget=DateInput())
    baseline_start = forms.DateField(label=_("Nulmeting van"), widget=DateInput())
    baseline_end = forms.DateField(label=_("tot en met"), widget=DateInput())
    kpi = forms.ChoiceField(label=_("KPI in de grafiek"), required=False)

    def __init__(self, data=None, *, user, today: date):
        period, baseline = sel.default_periods(today)
        self.defaults = {
            "start": period.start,
            "end": period.end,
            "baseline_start": baseline.start,
            "baseline_end": baseline.end,
            "kpi": rules.Kpi.TRANSITIONS.value,
        }
        self.organisations = list(sel.kpi_organisations(user))
        if data is not None:  # a link with only `kpi=`: the rest as by default
            given = {k: v for k, v in data.items() if v != ""}
            data = {k: str(v) for k, v in self.defaults.items()} | {"coach": ""} | given
            if self.organisations:
                data.setdefault("organisation", str(self.organisations[0].pk))
        super().__init__(data, initial=self.defaults)
        self.fields["organisation"].choices = [(o.pk, str(o)) for o in self.organisations]
        chosen = self._chosen_organisation(data)
        coaches = list(sel.team_coaches(chosen)) if chosen else []
        self.fields["coach"].choices = [("", _("De hele organisatie"))] + [
            (c.pk, c.get_full_name() or c.username) for c in coaches
        ]
        self.fields["kpi"].choices = kpi_choices()

    def _chosen_organisation(self, data):
        wanted = (data or {}).get("organisation")
        for org in self.organisations:
            if str(org.pk) == str(wanted):
                return org
        return self.organisations[0] if self.organisations else None

    def clean(self):
        data = super().clean()
        for first, last in (("start", "end"), ("baseline_start", "baseline_end")):
            if data.get(first) and data.get(last):
                refusal = rules.period_refusal(rules.Period(data[first], data[last]))
                if refusal:
                    self.add_error(last, str(refusal))
        return data

    def choice(self) -> KpiChoice:
        """What to show: the valid input, else the defaults (this year so far)."""
        valid = self.is_bound and self.is_valid()
        data = self.cleaned_data if valid else self.defaults
        organisation = data.get("organisation") or (
            self.organisations[0].pk if self.organisations else None
        )
        return KpiChoice(
            organisation_id=organisation,
            coach_id=data.get("coach"),
            period=rules.Period(data["start"], data["end"]),
            baseline=rules.Period(data["baseline_start"], data["baseline_end"]),
            kpi=data.get("kpi") or rules.Kpi.TRANSITIONS.value,
        )
