"""TRN-14: the checklist form — 13 scores 0–6, the three questions and the action plan rows."""

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput
from koers.transition.rules import checklist as rules

ACTION_ROWS_EMPTY = 3  # empty rows offered below the plan's rows
ACTION_FIELDS = ("action", "time_span", "who", "done", "remarks", "statements")
DONE_CHOICES = [("", "—")] + [(d.value, d.value) for d in rules.Done]


class ChecklistForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Organisatie"), coerce=int)
    filled_on = forms.DateField(label=_("Ingevuld op"), widget=DateInput())
    actions = forms.CharField(required=False, widget=forms.HiddenInput)  # errors of the plan

    def __init__(self, data=None, *, organisations, initial=None, action_rows: int = 0):
        super().__init__(data, initial=initial)
        self.fields["organisation"].choices = [(o.pk, str(o)) for o in organisations]
        for n, text in enumerate(rules.STATEMENTS, start=1):
            # No min/max here: the service refuses a score off the scale with the rule's words.
            self.fields[f"score_{n}"] = forms.IntegerField(label=str(text), required=False)
        for n, question in enumerate(rules.REFLECTION_QUESTIONS, start=1):
            self.fields[f"answer_{n}"] = forms.CharField(
                label=str(question), required=False, widget=forms.Textarea(attrs={"rows": 3})
            )
        self.action_count = action_rows + ACTION_ROWS_EMPTY
        if data is not None:
            self.action_count = max(self.action_count, _posted_rows(data))
        for i in range(self.action_count):
            self.fields[f"done_{i}"] = forms.ChoiceField(
                label=_("Voltooid?"), choices=DONE_CHOICES, required=False
            )
            for name, label in (
                ("action", _("Actie")),
                ("time_span", _("Tijdspanne")),
                ("who", _("Wie")),
                ("remarks", _("Opmerkingen")),
                ("statements", _("Uitspraken (nrs.)")),
            ):
                self.fields[f"{name}_{i}"] = forms.CharField(
                    label=label, required=False, max_length=500
                )

    def score_fields(self):
        return [self[f"score_{n}"] for n in range(1, len(rules.STATEMENTS) + 1)]

    def answer_fields(self):
        return [self[f"answer_{n}"] for n in range(1, len(rules.REFLECTION_QUESTIONS) + 1)]

    def action_rows(self):
        return [[self[f"{f}_{i}"] for f in ACTION_FIELDS] for i in range(self.action_count)]

    def clean(self):
        data = super().clean()
        rows = []
        for i in range(self.action_count):
            row = {f: (data.get(f"{f}_{i}") or "").strip() for f in ACTION_FIELDS}
            if not any(row.values()):
                continue
            numbers = row["statements"].replace(";", ",").split(",")
            try:
                row["statements"] = [int(x) for x in numbers if x.strip()]
            except ValueError:
                self.add_error(f"statements_{i}", _("Geef de nummers van de uitspraken, bv. 1, 5."))
                continue
            rows.append(row)
        data["action_list"] = rows
        return data

    def values(self) -> dict:
        d = self.cleaned_data
        return {
            "filled_on": d["filled_on"],
            "scores": [d.get(f"score_{n}") for n in range(1, len(rules.STATEMENTS) + 1)],
            "answers": [
                d.get(f"answer_{n}", "") for n in range(1, len(rules.REFLECTION_QUESTIONS) + 1)
            ],
            "actions": d["action_list"],
        }


def _posted_rows(data) -> int:
    numbers = [
        int(k.rsplit("_", 1)[1]) for k in data if k.startswith("action_") and k[7:].isdigit()
    ]
    return max(numbers, default=-1) + 1


def initial_of(filling) -> dict:
    """The form's initial values from a stored filling."""
    initial = {"organisation": filling.organisation_id, "filled_on": filling.filled_on}
    for n, score in enumerate(filling.scores or [], start=1):
        initial[f"score_{n}"] = score
    for n, answer in enumerate(filling.answers or [], start=1):
        initial[f"answer_{n}"] = answer
    for i, row in enumerate(filling.actions or []):
        for f in ACTION_FIELDS:
            value = row.get(f, "")
            if f == "statements":
                value = ", ".join(str(x) for x in value)
            initial[f"{f}_{i}"] = value
    return initial
