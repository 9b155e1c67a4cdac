"""Forms: they parse; the services validate and decide (and name the rule)."""

from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.intake.models import AckChannel, CallKind, FieldKind, LeadChannel, TemplateKind
from koers.trajectories.models import ContactForm

WINDOW_ROWS = 3
# Far above what the service accepts: the service gives the friendly message, this stops abuse.
HARD_TEXT_LIMIT = 20000


class NativeDate(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class NativeTime(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class DateTimeText(forms.DateTimeInput):
    """dd/mm/jjjj uu:mm as text for staff pages: the native picker follows the browser's locale
    (mm/dd/yyyy, AM/PM on an English browser); see core.forms.DateInput."""

    def __init__(self, attrs=None):
        attrs = {"placeholder": _("dd/mm/jjjj uu:mm"), "size": 17, **(attrs or {})}
        super().__init__(attrs=attrs, format="%d/%m/%Y %H:%M")


def _aware(day, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


class PublicLeadForm(forms.Form):
    """INT-01: the public registration form. `website` is a honeypot: people never see it."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=HARD_TEXT_LIMIT, required=False)
    last_name = forms.CharField(label=_("Achternaam"), max_length=HARD_TEXT_LIMIT, required=False)
    email = forms.CharField(
        label=_("E-mail"),
        max_length=320,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Telefoon"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text=_("Bv. 0470 12 34 56"),
    )
    postal_code = forms.CharField(
        label=_("Je postcode"),
        max_length=10,
        required=False,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 6}
        ),
    )
    preferred_location = forms.ChoiceField(label=_("Voorkeurslocatie"), required=False)
    career_question = forms.CharField(
        label=_("Je loopbaanvraag"),
        max_length=HARD_TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Waarover wil je praten? Hoogstens 4000 tekens."),
    )
    channel = forms.ChoiceField(
        label=_("Hoe leerde je ons kennen?"),
        choices=[("", "—")] + [c for c in LeadChannel.choices if c[0] != LeadChannel.COACH],
        required=False,
    )
    channel_other = forms.CharField(
        label=_("Andere, namelijk"), max_length=HARD_TEXT_LIMIT, required=False
    )
    consent = forms.BooleanField(
        label=_(
            "Ik geef toestemming om mijn gegevens te gebruiken om mij te contacteren over mijn aanvraag."
        ),
        required=False,
    )
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, locations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_location"].choices = [("", _("Geen voorkeur"))] + [
            (str(loc.pk), f"{loc.name} ({loc.postal_code} {loc.city})") for loc in locations
        ]
        if not locations:
            del self.fields["preferred_location"]
        for i in range(1, WINDOW_ROWS + 1):
            self.fields[f"window_{i}_date"] = forms.DateField(
                label=_("Dag"), required=False, widget=NativeDate()
            )
            self.fields[f"window_{i}_from"] = forms.TimeField(
                label=_("Van"), required=False, widget=NativeTime()
            )
            self.fields[f"window_{i}_to"] = forms.TimeField(
                label=_("Tot"), required=False, widget=NativeTime()
            )
        for name in (
            "first_name",
            "last_name",
            "email",
            "phone",
            "career_question",
            "channel",
            "consent",
        ):
            self.fields[name].show_required = True

    def window_rows(self):
        return [
            (i, self[f"window_{i}_date"], self[f"window_{i}_from"], self[f"window_{i}_to"])
            for i in range(1, WINDOW_ROWS + 1)
        ]

    def windows(self) -> tuple[list[tuple[datetime, datetime]], list[str]]:
        """The rows filled in completely, and a message per half-filled row."""
        result, problems = [], []
        for i in range(1, WINDOW_ROWS + 1):
            day = self.cleaned_data.get(f"window_{i}_date")
            start = self.cleaned_data.get(f"window_{i}_from")
            end = self.cleaned_data.get(f"window_{i}_to")
            if not (day or start or end):
                continue
            if not (day and start and end):
                problems.append(
                    str(_("Moment %(i)d: vul de dag, het beginuur en het einduur in.") % {"i": i})
                )
                continue
            result.append((_aware(day, start), _aware(day, end)))
        return result, problems


class AcknowledgeForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Versturen via"), choices=AckChannel.choices, widget=forms.RadioSelect
    )
    call_at = forms.DateTimeField(
        label=_("Ik bel op"),
        widget=DateTimeText(),
        help_text=_("In een moment waarop de persoon bereikbaar is (INT-03)."),
    )
    text = forms.CharField(
        label=_("Bericht"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=HARD_TEXT_LIMIT,
        help_text=_("Noem de datum en het uur waarop je belt."),
    )


class CallForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Uitkomst van het gesprek"), choices=CallKind.choices, widget=forms.RadioSelect
    )
    called_at = forms.DateTimeField(label=_("Gebeld op"), widget=DateTimeText())
    note = forms.CharField(
        label=_("Notitie"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=HARD_TEXT_LIMIT,
    )
    starts_at = forms.DateTimeField(
        label=_("Kennismakingsgesprek op"),
        required=False,
        widget=DateTimeText(),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duur (minuten)"), required=False, min_value=1, max_value=240
    )
    form = forms.ChoiceField(
        label=_("Vorm"),
        choices=[
            c for c in ContactForm.choices if c[0] in ("individual", "group", "phone", "video")
        ],
        required=False,
    )
    place = forms.CharField(label=_("Plaats"), required=False, max_length=200)
    to_coach = forms.ChoiceField(label=_("Doorgeven aan"), required=False)

    def __init__(self, *args, coaches=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_coach"].choices = [("", "—")] + [(str(c.pk), str(c)) for c in coaches]


class AssignForm(forms.Form):
    coach = forms.ChoiceField(
        label=_("Coach"),
        error_messages={
            "required": _("Kies een coach."),
            "invalid_choice": _("Kies een coach van het centrum uit de lijst."),
        },
    )
    allow_unavailable = forms.BooleanField(
        label=_("Toch toewijzen als de coach afwezig is (INT-05)"), required=False
    )

    def __init__(self, *args, coaches=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coach"].choices = [(str(c.pk), str(c)) for c in coaches]


class ConvertForm(forms.Form):
    open_voucher = forms.BooleanField(
        label=_("Meteen een loopbaancheque openen"), required=False, initial=True
    )


def feedback_form_class(fields):
    """INT-07: a form built from the centre's questions."""
    attrs = {}
    for f in fields:
        if f.kind == FieldKind.YES_NO:
            attrs[f.key] = forms.ChoiceField(
                label=f.label,
                choices=[("", "—"), ("ja", _("Ja")), ("nee", _("Nee"))],
                required=False,
            )
        elif f.kind == FieldKind.CHOICE:
            attrs[f.key] = forms.ChoiceField(
                label=f.label,
                choices=[("", "—")] + [(c, c) for c in f.choice_list()],
                required=False,
            )
        else:
            attrs[f.key] = forms.CharField(
                label=f.label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=HARD_TEXT_LIMIT,
            )
        attrs[f.key].show_required = f.required
    return type("FeedbackForm", (forms.Form,), attrs)


class FeedbackFieldForm(forms.Form):
    label = forms.CharField(label=_("Vraag"), max_length=200)
    kind = forms.ChoiceField(label=_("Soort"), choices=FieldKind.choices)
    choices = forms.CharField(
        label=_("Keuzes (één per lijn)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    required = forms.BooleanField(label=_("Verplicht"), required=False)


class UnavailabilityForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Van"), widget=DateTimeText())
    ends_at = forms.DateTimeField(label=_("Tot"), widget=DateTimeText())
    reason = forms.CharField(label=_("Reden (optioneel)"), required=False, max_length=200)

    def __init__(self, *args, coaches=None, **kwargs):
        super().__init__(*args, **kwargs)
        if coaches is not None:
            self.fields["coach"] = forms.ChoiceField(
                label=_("Coach"), choices=[(str(c.pk), str(c)) for c in coaches]
            )


class BrandingForm(forms.Form):
    sender_name = forms.CharField(
        label=_("Naam afzender (werknaam)"), max_length=200, required=False
    )
    sender_email = forms.CharField(
        label=_("E-mailadres van het centrum"), max_length=254, required=False
    )
    address = forms.CharField(
        label=_("Adres"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    signature = forms.CharField(
        label=_("E-mailhandtekening"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    logo = forms.FileField(label=_("Logo (PNG of SVG, hoogstens 1 MB)"), required=False)
    voucher_logo = forms.FileField(
        label=_("Logo van de loopbaancheque (PNG of SVG, zoals VDAB het bezorgt)"),
        help_text=_(
            "Staat naast het logo van het centrum in elke e-mail die over loopbaancheques gaat "
            "(COM-01)."
        ),
        required=False,
    )


class TemplateForm(forms.Form):
    kind = forms.ChoiceField(choices=TemplateKind.choices, widget=forms.HiddenInput)
    subject = forms.CharField(label=_("Onderwerp"), max_length=200)
    body = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 6}))


class CommunicationForm(forms.Form):
    text = forms.CharField(
        label=_("Tekst van de coach (website, post, mailing)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=HARD_TEXT_LIMIT,
    )
    source = forms.CharField(
        label=_("Bron"),
        required=False,
        max_length=300,
        help_text=_("Bv. het webadres of “Facebook-post 3/3”."),
    )
    subject = forms.ChoiceField(label=_("Coach"), required=False)
    note = forms.CharField(
        label=_("Opvolging"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, coaches=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = [("", "—")] + [(str(c.pk), str(c)) for c in coaches]
