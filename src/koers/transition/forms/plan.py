"""TRN-07: the PDP form (one answer per company question and the action table), the review in a
coaching contact, and the company's PDP questions."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput
from koers.transition.rules import plan as rules

EXTRA_ROWS = 3
DONE_CHOICES = [("", _("nog niet geëvalueerd")), ("-", "−"), ("+/-", "+/−"), ("+", "+")]
KIND_CHOICES = [
    (rules.QuestionKind.NEED.value, _("Nood")),
    (rules.QuestionKind.OBSTACLE.value, _("Belemmering")),
    (rules.QuestionKind.RESOURCE.value, _("Hulpbron")),
]
ROW_FIELDS = ("action", "starts_on", "ends_on", "who", "done", "remarks")


class PdpForm(forms.Form):
    """One field per question (`answer_<code>`) and rows `a<n>_<field>` of the action table."""

    def __init__(self, *args, questions=(), version=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = tuple(questions)
        answers = dict(version.answers) if version else {}
        old = list(version.actions) if version else []
        for q in self.questions:
            self.fields[f"answer_{q.code}"] = forms.CharField(
                label=q.text,
                required=False,
                initial=answers.get(q.code, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.row_count = len(old) + EXTRA_ROWS
        if self.is_bound:
            posted = {k.split("_", 1)[0] for k in self.data if k.startswith("a") and "_" in k}
            numbers = [int(p[1:]) for p in posted if p[1:].isdigit()]
            self.row_count = max([self.row_count, *(n + 1 for n in numbers)])
        for i in range(self.row_count):
            a = old[i] if i < len(old) else None
            self._row(i, a)

    def _row(self, i: int, a) -> None:
        f = self.fields
        f[f"a{i}_action"] = forms.CharField(
            label=_("Concrete actie"),
            required=False,
            max_length=500,
            initial=a.action if a else "",
            widget=forms.TextInput(attrs={"size": 20}),
        )
        f[f"a{i}_starts_on"] = forms.DateField(
            label=_("Van"),
            required=False,
            widget=DateInput({"size": 9}),
            initial=a.starts_on if a else None,
        )
        f[f"a{i}_ends_on"] = forms.DateField(
            label=_("Tot"),
            required=False,
            widget=DateInput({"size": 9}),
            initial=a.ends_on if a else None,
        )
        f[f"a{i}_who"] = forms.CharField(
            label=_("Wie?"),
            required=False,
            max_length=120,
            initial=a.who if a else "",
            widget=forms.TextInput(attrs={"size": 8}),
        )
        f[f"a{i}_done"] = forms.ChoiceField(
            label=_("Voltooid?"),
            required=False,
            choices=DONE_CHOICES,
            initial=(a.done or "") if a else "",
        )
        f[f"a{i}_remarks"] = forms.CharField(
            label=_("Opmerkingen"),
            required=False,
            max_length=500,
            initial=a.remarks if a else "",
            widget=forms.TextInput(attrs={"size": 10}),
        )

    def rows(self):
        """The action table as rows of bound fields, for the template."""
        return [[self[f"a{i}_{name}"] for name in ROW_FIELDS] for i in range(self.row_count)]

    def answer_fields(self):
        return [self[f"answer_{q.code}"] for q in self.questions]

    def clean(self):
        cleaned = super().clean()
        actions = []
        for i in range(self.row_count):
            values = {name: cleaned.get(f"a{i}_{name}") for name in ROW_FIELDS}
            if not any(values.values()):
                continue  # an empty row
            action = rules.Action(
                action=values["action"] or "",
                starts_on=values["starts_on"],
                ends_on=values["ends_on"],
                who=values["who"] or "",
                done=values["done"] or None,
                remarks=values["remarks"] or "",
            )
            for problem in rules.action_refusal(action):
                target = f"a{i}_ends_on" if "tijdspanne" in problem.template else f"a{i}_action"
                self.add_error(target, str(problem))
            actions.append(action)
        cleaned["actions"] = actions
        cleaned["answers"] = {q.code: cleaned.get(f"answer_{q.code}") or "" for q in self.questions}
        return cleaned


class ReviewForm(forms.Form):
    """TRN-07: the plan was followed up in a coaching contact (or on a day)."""

    contact = forms.TypedChoiceField(
        label=_("Coachingsgesprek"), required=False, coerce=int, empty_value=None
    )
    reviewed_on = forms.DateField(
        label=_("of de datum van de bespreking"), required=False, widget=DateInput()
    )

    def __init__(self, *args, contacts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.contacts = {c.pk: c for c in contacts}
        self.fields["contact"].choices = [("", _("— geen contact gekozen —"))] + [
            (c.pk, f"{timezone.localtime(c.starts_at):%d/%m/%Y %H:%M} · {c.get_form_display()}")
            for c in contacts
        ]

    def clean_contact(self):
        pk = self.cleaned_data["contact"]
        return self.contacts.get(pk) if pk else None


class QuestionForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=40)
    text = forms.CharField(label=_("Vraag"), max_length=500)
    kind = forms.ChoiceField(label=_("Soort"), choices=KIND_CHOICES)

    def question(self) -> rules.Question:
        d = self.cleaned_data
        return rules.Question(d["code"], d["text"], rules.QuestionKind(d["kind"]))


class BaseQuestionFormSet(forms.BaseFormSet):
    def questions(self) -> list[rules.Question]:
        return [
            f.question() for f in self.forms if f.cleaned_data and not self._should_delete_form(f)
        ]


QuestionFormSet = forms.formset_factory(
    QuestionForm, formset=BaseQuestionFormSet, extra=2, can_delete=True
)
