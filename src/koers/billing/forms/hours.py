"""Forms of the hours, statements and rates pages (BIL-02/03/04). They only parse: the services
decide and refuse."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput

MONTH_PATTERN = r"^20\d{2}-(0[1-9]|1[0-2])$"


def _today():
    return timezone.localdate()


class HourEnteredForm(forms.Form):
    entered_on = forms.DateField(
        label=_("Ingegeven bij VDAB op"), widget=DateInput(), initial=_today
    )


class MonthEnteredForm(forms.Form):
    month = forms.RegexField(regex=MONTH_PATTERN, widget=forms.HiddenInput)
    entered_on = forms.DateField(
        label=_("Ingegeven bij VDAB op"), widget=DateInput(), initial=_today
    )


class SettleForm(forms.Form):
    centre = forms.ModelChoiceField(label=_("Centrum"), queryset=None, empty_label=None)
    month = forms.RegexField(
        label=_("Maand (jjjj-mm)"), regex=MONTH_PATTERN, widget=forms.TextInput({"size": 8})
    )

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres


class CorrectionForm(forms.Form):
    line = forms.TypedChoiceField(label=_("Lijn"), coerce=int)
    minutes = forms.IntegerField(
        label=_("Minuten (+ of −, in halve uren)"), widget=forms.NumberInput({"step": 30})
    )
    note = forms.CharField(label=_("Reden"), widget=forms.Textarea({"rows": 2}), max_length=2000)

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].choices = [
            (x.pk, f"{x.client_name} — cheque {x.voucher} — € {x.rate}") for x in lines
        ]


class RateForm(forms.Form):
    centre = forms.ModelChoiceField(label=_("Centrum"), queryset=None, empty_label=None)
    coach = forms.ModelChoiceField(label=_("Coach"), queryset=None)
    rate = forms.TypedChoiceField(label=_("Uurtarief"), coerce=str)
    valid_from = forms.DateField(label=_("Geldig vanaf"), widget=DateInput())
    valid_until = forms.DateField(label=_("Geldig tot en met"), widget=DateInput(), required=False)

    def __init__(self, *args, centres, coaches, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
        self.fields["coach"].queryset = coaches
        self.fields["rate"].choices = [(f"{r}", f"€ {r}".replace(".", ",")) for r in allowed]
