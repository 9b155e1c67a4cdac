"""Forms for vouchers, shared by the coach's pages and the client portal (the POP)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput, ResponsibleChoiceMixin
from koers.trajectories.forms import ContactEntryForm, TimeInput
from koers.trajectories.models import ContactForm, ContactOutcome
from koers.vouchers.models import (
    AftercareEntry,
    ClosingReason,
    CodeOfConductHandover,
    EvaluationResponse,
    VideoConsent,
    Voucher,
)
from koers.vouchers.rules.intake import INTAKE_TOPICS
from koers.vouchers.rules.phases import PHASE_LABELS
from koers.vouchers.rules.pop import POP_SECTIONS
from koers.vouchers.services import GroupMember

POP_ACTION_ROWS = 6


class PopForm(forms.Form):
    """The POP: sections, style, and an action table (what, by when, by whom, which voucher)."""

    style = forms.ChoiceField(
        label=_("Soort POP"),
        choices=[("action", _("Actiegericht")), ("reflexive", _("Reflexief"))],
        widget=forms.RadioSelect,
        initial="action",
    )

    def __init__(self, *args, combined: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.combined = combined
        for key, label in POP_SECTIONS.items():
            self.fields[f"section_{key}"] = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )
        if combined:
            for number in (1, 2):
                self.fields[f"covered_{number}"] = forms.CharField(
                    label=_("Wat kwam aan bod in cheque %(n)d?") % {"n": number},
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
        for row in range(POP_ACTION_ROWS):
            self.fields[f"action_{row}_what"] = forms.CharField(
                label=_("Wat?"), required=False, max_length=300
            )
            self.fields[f"action_{row}_by_when"] = forms.DateField(
                label=_("Tegen wanneer?"),
                required=False,
                widget=DateInput(),
            )
            self.fields[f"action_{row}_by_whom"] = forms.CharField(
                label=_("Door wie?"), required=False, max_length=100
            )
            if combined:
                self.fields[f"action_{row}_voucher"] = forms.TypedChoiceField(
                    label=_("Cheque"), choices=[("1", "1"), ("2", "2")], coerce=int, required=False
                )

    @classmethod
    def initial_from(cls, content: dict) -> dict:
        initial = {"style": content.get("style", "action")}
        for key, text in (content.get("sections") or {}).items():
            initial[f"section_{key}"] = text
        for number, text in (content.get("covered") or {}).items():
            initial[f"covered_{number}"] = text
        for row, action in enumerate((content.get("actions") or [])[:POP_ACTION_ROWS]):
            initial[f"action_{row}_what"] = action.get("what", "")
            initial[f"action_{row}_by_when"] = action.get("by_when") or None
            initial[f"action_{row}_by_whom"] = action.get("by_whom", "")
            initial[f"action_{row}_voucher"] = action.get("voucher")
        return initial

    def action_rows(self):
        for row in range(POP_ACTION_ROWS):
            names = ["what", "by_when", "by_whom"] + (["voucher"] if self.combined else [])
            yield [self[f"action_{row}_{name}"] for name in names]

    def section_fields(self):
        return [self[f"section_{key}"] for key in POP_SECTIONS]

    def content(self) -> dict:
        data = self.cleaned_data
        actions = []
        for row in range(POP_ACTION_ROWS):
            what = data.get(f"action_{row}_what", "").strip()
            by_when = data.get(f"action_{row}_by_when")
            by_whom = data.get(f"action_{row}_by_whom", "").strip()
            if not (what or by_when or by_whom):
                continue
            action = {
                "what": what,
                "by_when": by_when.isoformat() if by_when else "",
                "by_whom": by_whom,
            }
            if self.combined and data.get(f"action_{row}_voucher"):
                action["voucher"] = data[f"action_{row}_voucher"]
            actions.append(action)
        content = {
            "style": data["style"],
            "sections": {key: data.get(f"section_{key}", "").strip() for key in POP_SECTIONS},
            "actions": actions,
        }
        if self.combined:
            content["covered"] = {str(n): data.get(f"covered_{n}", "").strip() for n in (1, 2)}
        return content


class EvaluationForm(forms.ModelForm):
    SCORES = [(n, str(n)) for n in range(1, 6)]
    satisfaction = forms.TypedChoiceField(
        label=_("Hoe tevreden ben je over de begeleiding? (1 = helemaal niet, 5 = heel tevreden)"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    helped = forms.TypedChoiceField(
        label=_("Heeft de begeleiding je geholpen bij je loopbaanvraag? (1–5)"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = EvaluationResponse
        fields = ["satisfaction", "helped", "learned", "would_recommend", "remarks"]
        widgets = {
            "learned": forms.Textarea(attrs={"rows": 3}),
            "remarks": forms.Textarea(attrs={"rows": 3}),
        }


class VoucherOpenForm(ResponsibleChoiceMixin, forms.Form):
    responsible_label = _("Loopbaanbegeleider")

    start_date = forms.DateField(label=_("Startdatum"), widget=DateInput())
    career_question = forms.CharField(
        label=_("Loopbaanvraag"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "In de woorden van de cliënt. Koers waarschuwt als de vraag buiten loopbaanbegeleiding lijkt te vallen."
        ),
    )

    def __init__(self, *args, responsibles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_responsible_field(responsibles)


DURATION_CHOICES = [(30, "30 min"), (60, "1 u"), (90, "1,5 u"), (120, "2 u")]


class VoucherContactForm(ContactEntryForm):
    """A contact on a voucher: the duration in 30-minute blocks (LBC-02), and the free
    introduction marked so that it never counts (INT-08)."""

    is_introduction = forms.BooleanField(
        label=_("Kennismakingsgesprek (gratis, telt niet mee)"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duration_minutes"].widget = forms.NumberInput(
            attrs={"step": 30, "min": 30, "max": 120}
        )
        self.fields["duration_minutes"].help_text = _(
            "In blokken van 30 minuten: 30, 60, 90 of 120."
        )
        self.fields["form"].choices = ContactForm.choices


class IntakeForm(forms.Form):
    career_question = forms.CharField(
        label=_("Loopbaanvraag"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    topics = forms.MultipleChoiceField(
        label=_("Toegelicht tijdens de intake"),
        choices=list(INTAKE_TOPICS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ScopeResolveForm(forms.Form):
    resolution = forms.CharField(
        label=_("Waarom is dit loopbaanbegeleiding?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(choices=[(p.value, label) for p, label in PHASE_LABELS.items()])


class InterimEvaluationForm(forms.Form):
    held_on = forms.DateField(label=_("Datum"), widget=DateInput())
    going_as_wished = forms.CharField(
        label=_("Loopt het traject naar wens?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    would_change = forms.CharField(
        label=_("Wat zou de cliënt anders willen?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class AftercareForm(forms.Form):
    on = forms.DateField(label=_("Datum"), widget=DateInput())
    minutes = forms.IntegerField(
        label=_("Duur (minuten)"),
        min_value=30,
        max_value=600,
        step_size=30,
        initial=30,
        help_text=_(
            "Registreer alle nazorg per half uur (30, 60, 90 …); de cliënt heeft recht op "
            "30 minuten per cheque."
        ),
    )
    form = forms.ChoiceField(label=_("Vorm"), choices=AftercareEntry.Form.choices)
    note = forms.CharField(
        label=_("Vraag en antwoord"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class VideoConsentForm(forms.Form):
    """LBC-06: e-coaching (a real-time video call) only with consent or at the client's request."""

    video_consent = forms.ChoiceField(
        label=_("E-coaching"),
        choices=[("", _("Nog geen akkoord (videogesprekken tellen niet mee)"))]
        + list(VideoConsent.choices),
        required=False,
    )
    video_consent_on = forms.DateField(label=_("Genoteerd op"), widget=DateInput())


class CertificateForm(forms.Form):
    training = forms.CharField(label=_("Opleiding (zoals in het POP)"), max_length=200)
    academic_year_start = forms.DateField(
        label=_("Begin van het academiejaar waarvoor het voordeel gevraagd wordt"),
        widget=DateInput(),
    )
    only_to_obtain_benefit = forms.BooleanField(
        label=_("De begeleiding werd enkel gestart om dit voordeel te krijgen"), required=False
    )


class CodeOfConductForm(forms.Form):
    """LBC-11.2: the coach records handing over (or e-mailing) the code of conduct."""

    how = forms.ChoiceField(
        label=_("Hoe"), choices=CodeOfConductHandover.choices, widget=forms.RadioSelect
    )
    on = forms.DateField(label=_("Datum"), widget=DateInput())


class VoucherCloseForm(forms.Form):
    """Closing a voucher; the reason is asked when it closes before the guidance is complete."""

    reason = forms.ChoiceField(
        label=_("Reden"),
        choices=[("", _("— kies een reden —")), *ClosingReason.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


PARTICIPANT_ROWS = 8


class GroupSessionForm(forms.Form):
    theme = forms.CharField(label=_("Thema"), max_length=200)
    method = forms.CharField(
        label=_("Methodiek"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    date = forms.DateField(label=_("Datum"), widget=DateInput())
    start_time = forms.TimeField(label=_("Beginuur"), widget=TimeInput())
    duration_minutes = forms.TypedChoiceField(
        label=_("Duur"), choices=DURATION_CHOICES, coerce=int, initial=90
    )
    place = forms.CharField(label=_("Plaats"), max_length=200, required=False)
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=[
            (ContactOutcome.PLANNED, ContactOutcome.PLANNED.label),
            (ContactOutcome.HELD, ContactOutcome.HELD.label),
        ],
    )
    aims_at_reflection = forms.BooleanField(
        label=_(
            "Het thema richt zich uitsluitend op reflectie en zelfinzicht over loopbaancompetenties "
            "(geen infosessie over solliciteren, opleidingsadvies, time- of stressmanagement)"
        ),
        required=False,
    )
    part_of_other_service = forms.BooleanField(
        label=_("De sessie is onderdeel van een andere dienstverlening (outplacement, training)"),
        required=False,
    )

    def __init__(self, *args, vouchers=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "—")] + [(str(v.pk), f"{v.client} — cheque {v.number}") for v in vouchers]
        self.vouchers = {str(v.pk): v for v in vouchers}
        for row in range(PARTICIPANT_ROWS):
            self.fields[f"p{row}_voucher"] = forms.ChoiceField(
                label=gettext("Deelnemer"), choices=choices, required=False
            )
            self.fields[f"p{row}_employer"] = forms.CharField(
                label=gettext("Werkgever"), max_length=200, required=False
            )
            self.fields[f"p{row}_free_choice"] = forms.BooleanField(
                label=gettext("Vrije keuze"), required=False
            )
            self.fields[f"p{row}_linked"] = forms.BooleanField(
                label=gettext("Besproken, gekoppeld aan de loopbaanvraag"), required=False
            )
            self.fields[f"p{row}_may_stop"] = forms.BooleanField(
                label=gettext(
                    "Kan altijd stoppen en individueel verdergaan; kiest de graad van deelname"
                ),
                required=False,
            )

    def participant_rows(self):
        for row in range(PARTICIPANT_ROWS):
            yield [
                self[f"p{row}_{name}"]
                for name in ("voucher", "employer", "free_choice", "linked", "may_stop")
            ]

    def members(self) -> list[GroupMember]:
        data = self.cleaned_data
        return [
            GroupMember(
                voucher=self.vouchers[data[f"p{row}_voucher"]],
                employer=data[f"p{row}_employer"],
                free_choice=data[f"p{row}_free_choice"],
                linked_to_question=data[f"p{row}_linked"],
                may_stop_and_switch=data[f"p{row}_may_stop"],
            )
            for row in range(PARTICIPANT_ROWS)
            if data.get(f"p{row}_voucher")
        ]

    def starts_at(self):
        data = self.cleaned_data
        return timezone.make_aware(timezone.datetime.combine(data["date"], data["start_time"]))


def voucher_page_forms(voucher: Voucher, now) -> dict[str, forms.Form]:
    """The empty forms of the voucher page, filled in with today and what the voucher holds."""
    today = now.date()
    return {
        "contact_form": VoucherContactForm(
            initial={
                "date": today,
                "start_time": now.time().replace(second=0, microsecond=0),
                "duration_minutes": 60,
            }
        ),
        "intake_form": IntakeForm(
            initial={"career_question": voucher.career_question, "topics": voucher.intake_topics}
        ),
        "scope_form": ScopeResolveForm(),
        "interim_form": InterimEvaluationForm(initial={"held_on": today}),
        "aftercare_form": AftercareForm(initial={"on": today}),
        "certificate_form": CertificateForm(),
        "code_of_conduct_form": CodeOfConductForm(initial={"on": today}),
        "video_consent_form": VideoConsentForm(
            initial={
                "video_consent": voucher.video_consent,
                "video_consent_on": voucher.video_consent_on or today,
            }
        ),
    }
