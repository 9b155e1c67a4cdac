"""Forms of the mediation pages. Plain forms: the services validate, the forms only parse."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput, check_client_fields
from koers.mediation import models as m
from koers.mediation.rules.process import FILE_ITEMS
from koers.trajectories.forms import ContactEntryForm, TimeInput

SHEET_ROWS = 4


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ReferralForm(forms.Form):
    """MED-01: the referral as VDAB sends it (client, tender, lot, VDAB mediator, work points)."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(label=_("Achternaam"), max_length=100)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Telefoon"), max_length=30, required=False)
    street = forms.CharField(label=_("Straat en nummer"), max_length=200, required=False)
    postal_code = forms.CharField(label=_("Postcode"), max_length=4, required=False)
    city = forms.CharField(label=_("Gemeente"), max_length=100, required=False)
    tender = forms.ChoiceField(label=_("Tender"), choices=m.Tender.choices)
    lot = forms.CharField(label=_("Perceel"), max_length=60)
    vdab_mediator_name = forms.CharField(label=_("VDAB-bemiddelaar"), max_length=200)
    vdab_mediator_email = forms.EmailField(label=_("E-mail VDAB-bemiddelaar"))
    vdab_client_number = forms.CharField(
        label=_("VDAB-klantnummer"),
        max_length=14,
        required=False,
        help_text=_("Zoals op de toeleiding; mag later aangevuld worden."),
    )
    referral_date = forms.DateField(label=_("Datum toeleiding"), widget=DateInput())
    work_points = forms.CharField(
        label=_("Werkpunten"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén per regel."),
    )
    thresholds = forms.CharField(
        label=_("Drempels"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Eén per regel."),
    )
    date = forms.DateField(label=_("Eerste afspraak: datum"), widget=DateInput())
    start_time = forms.TimeField(label=_("Beginuur"), widget=TimeInput())
    duration_minutes = forms.IntegerField(label=_("Duur (minuten)"), min_value=15, initial=60)
    place = forms.CharField(label=_("Adres"), max_length=200)

    def clean(self):
        cleaned = super().clean()
        # The client's phone, e-mail and postal code in the same round as a wrong date.
        check_client_fields(self, cleaned)
        return cleaned

    def starts_at(self) -> datetime:
        return timezone.make_aware(
            datetime.combine(self.cleaned_data["date"], self.cleaned_data["start_time"])
        )

    def lines(self, name: str) -> list[str]:
        return _lines(self.cleaned_data[name])


class ReferralEditForm(forms.Form):
    """MED-01: complete or correct the referral (tender, lot, VDAB mediator, work points, thresholds)."""

    tender = forms.ChoiceField(label=_("Tender"), choices=m.Tender.choices)
    lot = forms.CharField(label=_("Perceel"), max_length=60)
    vdab_mediator_name = forms.CharField(label=_("VDAB-bemiddelaar"), max_length=200)
    vdab_mediator_email = forms.EmailField(label=_("E-mail VDAB-bemiddelaar"))
    vdab_client_number = forms.CharField(
        label=_("VDAB-klantnummer"),
        max_length=14,
        required=False,
        help_text=_("Zoals op de toeleiding; mag later aangevuld worden."),
    )
    work_points = forms.CharField(
        label=_("Werkpunten"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén per regel."),
    )
    thresholds = forms.CharField(
        label=_("Drempels"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén per regel."),
    )

    @classmethod
    def initial_for(cls, service: m.MediationService) -> dict:
        return {
            "tender": service.tender,
            "lot": service.lot,
            "vdab_mediator_name": service.vdab_mediator_name,
            "vdab_mediator_email": service.vdab_mediator_email,
            "vdab_client_number": service.vdab_client_number,
            "work_points": "\n".join(service.work_points),
            "thresholds": "\n".join(service.thresholds),
        }

    def lines(self, name: str) -> list[str]:
        return _lines(self.cleaned_data[name])


class VdabCloseForm(forms.Form):
    """Annex 3/4 "Afgesloten door VDAB": recorded by centre staff or an administrator."""

    confirm = forms.BooleanField(
        label=_("Ik bevestig dat VDAB deze service heeft afgesloten."), required=True
    )


class AppointmentForm(forms.Form):
    """A new first appointment ("Nieuwe eerste afspraak maken") or a rescheduled one."""

    date = forms.DateField(label=_("Datum"), widget=DateInput())
    start_time = forms.TimeField(label=_("Tijdstip"), widget=TimeInput())
    duration_minutes = forms.IntegerField(label=_("Duur (minuten)"), min_value=15, initial=60)
    place = forms.CharField(label=_("Adres"), max_length=200)
    send_by = forms.ChoiceField(
        label=_("Versturen via"), choices=m.SendBy.choices, initial=m.SendBy.LETTER
    )
    covering_text = forms.CharField(
        label=_("Begeleidende tekst"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    comment = forms.CharField(label=_("Opmerking"), required=False, max_length=300)

    def starts_at(self) -> datetime:
        return timezone.make_aware(
            datetime.combine(self.cleaned_data["date"], self.cleaned_data["start_time"])
        )


class RescheduleForm(AppointmentForm):
    mediator_unavailable = forms.BooleanField(
        label=_("Ik kan als bemiddelaar zelf niet aanwezig zijn (bv. ziekte)"), required=False
    )


class OutcomeForm(forms.Form):
    present = forms.TypedChoiceField(
        label=_("Uitkomst"),
        choices=[("1", _("Aanwezig")), ("0", _("Afwezig"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    absence_reason = forms.ChoiceField(
        label=_("Reden van afwezigheid"),
        choices=[("", "—"), *m.AbsenceReason.choices],
        required=False,
    )
    comment = forms.CharField(label=_("Commentaar"), required=False, max_length=300)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class InvitationForm(forms.Form):
    attachments = forms.FileField(
        label=_("Bijlagen (PDF)"),
        required=False,
        widget=MultipleFileInput(attrs={"multiple": True}),
    )


class SheetForm(forms.Form):
    """MED-05/07: work points, assignments with deadlines, the services remark."""

    made_on = forms.DateField(label=_("Datum"), widget=DateInput())
    work_points = forms.MultipleChoiceField(
        label=_("Werkpunten"), required=False, widget=forms.CheckboxSelectMultiple
    )
    services_remark = forms.CharField(label=_("Opmerking bij de dienstverlening"), required=False)

    def __init__(self, *args, work_points: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["work_points"].choices = [(w, w) for w in work_points]
        for row in range(SHEET_ROWS):
            self.fields[f"a{row}_title"] = forms.CharField(
                label=_("Opdracht"), required=False, max_length=200
            )
            self.fields[f"a{row}_what"] = forms.CharField(
                label=_("Wat"), required=False, max_length=300
            )
            self.fields[f"a{row}_deadline"] = forms.DateField(
                label=_("Deadline"), required=False, widget=DateInput()
            )
            self.fields[f"a{row}_remark"] = forms.CharField(
                label=_("Opmerking"), required=False, max_length=300
            )

    def rows(self):
        for row in range(SHEET_ROWS):
            yield [self[f"a{row}_{n}"] for n in ("title", "what", "deadline", "remark")]

    def assignments(self):
        from koers.mediation.services import SheetAssignment

        out = []
        for row in range(SHEET_ROWS):
            title = self.cleaned_data.get(f"a{row}_title", "")
            if title.strip():
                out.append(
                    SheetAssignment(
                        title=title,
                        what=self.cleaned_data.get(f"a{row}_what", ""),
                        deadline=self.cleaned_data.get(f"a{row}_deadline"),
                        remark=self.cleaned_data.get(f"a{row}_remark", ""),
                    )
                )
        return out


class SignForm(forms.Form):
    partner_on = forms.DateField(
        label=_("Ondertekend door bemiddelaar"), required=False, widget=DateInput()
    )
    participant_on = forms.DateField(
        label=_("Ondertekend door deelnemer"), required=False, widget=DateInput()
    )


class MediationContactForm(ContactEntryForm):
    """A contact with the MED-09 check of residence status and work permit."""

    # Steps of 15 minutes from 0: the shared field's `min=1` makes the browser refuse 60.
    # The service refuses 0 or less (contact_validate).
    duration_minutes = forms.IntegerField(
        label=_("Duur (minuten)"),
        initial=60,
        widget=forms.NumberInput(attrs={"step": 15, "min": 0}),
    )

    residence_status_checked = forms.BooleanField(
        label=_("Verblijfsstatuut gecontroleerd"), required=False
    )
    work_permit_checked = forms.BooleanField(label=_("Arbeidskaart gecontroleerd"), required=False)
    check_note = forms.CharField(label=_("Opmerking controle"), required=False, max_length=300)


class MonthEndForm(forms.Form):
    month_end = forms.DateField(label=_("Laatste dag van de maand"), widget=DateInput())
    category = forms.CharField(label=_("Categorie (CATWZ)"), max_length=8, required=False)
    passive = forms.ChoiceField(
        label=_("Passief?"),
        choices=[("", _("Volgens de code")), ("1", _("Passief")), ("0", _("Actief"))],
        required=False,
    )


class TrainingForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat wil je doen?"),
        choices=[("own", _("Eigen opleiding starten")), ("requested", _("Opleiding aanvragen"))],
        widget=forms.RadioSelect,
        initial="own",
    )
    title = forms.CharField(label=_("Opleiding"), max_length=200)
    code = forms.CharField(label=_("Opleidingscode"), max_length=20)
    is_bvs = forms.BooleanField(label=_("Beroepsverkennende stage (BVS)"), required=False)
    organiser = forms.CharField(label=_("Organisator"), max_length=200, required=False)
    organiser_email = forms.EmailField(label=_("E-mail contactpersoon"), required=False)
    organiser_is_vdab = forms.BooleanField(label=_("VDAB-opleiding"), required=False)
    starts_on = forms.DateField(label=_("Start"), required=False, widget=DateInput())
    summary = forms.CharField(label=_("Samenvatting"), required=False, max_length=500)


class ChecklistForm(forms.Form):
    extra = forms.CharField(
        label=_("Andere punten (één per regel, + vooraan = in orde)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in FILE_ITEMS.items():
            self.fields[key] = forms.BooleanField(label=label, required=False)

    def extra_items(self) -> dict[str, bool]:
        out = {}
        for line in _lines(self.cleaned_data["extra"]):
            out[line.lstrip("+ ").strip()] = line.startswith("+")
        return out


class AdviceForm(forms.Form):
    """MED-14 "Eindadvies geven": only the options allowed for the closing reason."""

    advice = forms.ChoiceField(label=_("Advies"), widget=forms.RadioSelect)
    remark = forms.CharField(
        label=_("Opmerking"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    mail = forms.BooleanField(label=_("Mail eindadvies"), required=False)
    printed = forms.BooleanField(label=_("Print eindadvies"), required=False)

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advice"].choices = [(o.value, m.Advice(o.value).label) for o in options]


class FollowUpForm(forms.Form):
    on = forms.DateField(label=_("Datum"), widget=DateInput())
    reason = forms.ChoiceField(label=_("Reden"), choices=m.FollowUpReason.choices)
    projectopvolger = forms.CharField(label=_("Projectopvolger"), max_length=200)
    note = forms.CharField(label=_("Verslag"), required=False, max_length=500)


class IboForm(forms.Form):
    employer = forms.CharField(label=_("Werkgever"), max_length=200)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV-bestand"))


class TenderSettingForm(forms.Form):
    """MED-12: the partner's administrator confirms the maximum duration and the passive codes."""

    maximum_months = forms.IntegerField(label=_("Maximale duur (maanden)"), min_value=1)
    passive_codes = forms.CharField(
        label=_("Passieve CATWZ-codes"),
        max_length=300,
        help_text=_("Codes van twee cijfers, gescheiden door komma's."),
    )
    confirm = forms.BooleanField(
        label=_("Ik bevestig deze waarden als beheerder van de partnerorganisatie."),
        required=True,
    )
