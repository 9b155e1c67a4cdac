"""Forms of the staff UI. Plain forms: the services validate and normalise, the form only parses."""

from dataclasses import fields

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.template import loader
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.core.crypto import normalise_code
from koers.core.data import ClientData
from koers.core.mail import queue_mail
from koers.core.models import Language, Organisation, OrganisationKind, Role
from koers.core.services import client_validate


class DateInput(forms.DateInput):
    """A text field in dd/mm/jjjj. Not the native picker: that follows the browser's locale
    (mm/dd/yyyy on an English browser), and the people using Koers write Belgian dates."""

    def __init__(self, attrs=None):
        attrs = {
            "placeholder": _("dd/mm/jjjj"),
            "inputmode": "numeric",
            "size": 12,
            **(attrs or {}),
        }
        super().__init__(attrs=attrs, format="%d/%m/%Y")


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's {field: [messages]} errors next to the fields (unknown keys on top).

    A form whose fields are named differently from the service's says so in `error_fields`,
    e.g. `{"starts_at": "date"}`: the service's start is the form's date and start time."""
    if not hasattr(exc, "error_dict"):
        for message in exc.messages:
            form.add_error(None, message)
        return
    aliases = getattr(form, "error_fields", {})
    for field, errors in exc.message_dict.items():
        field = aliases.get(field, field)
        target = field if field in form.fields else None
        for message in errors:
            form.add_error(target, message)


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Gebruikersnaam of wachtwoord is niet juist. Let op hoofdletters en kleine letters."
        ),
        "inactive": _("Deze account is niet actief."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["password"].label = _("Wachtwoord")
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, but the link goes through the recorded outbox (retried while the mail
    server is down) instead of straight to SMTP; its text is erased once sent (a credential)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        html = ""
        if html_email_template_name:
            html = loader.render_to_string(html_email_template_name, context)
        queue_mail(
            kind="auth.password_reset",
            to=[to_email],
            subject=subject,
            body=loader.render_to_string(email_template_name, context),
            html=html,
            sender=from_email or "",
            erase_when_sent=True,
        )


class OTPCodeForm(forms.Form):
    """The six digits of the app, or a recovery code (the verify page has a second input for it,
    "abcde-fghij": long enough for the dash and a few spaces, which are dropped)."""

    code = forms.CharField(
        label=_("Code uit je authenticator-app"),
        max_length=24,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": True,
            }
        ),
    )

    def clean_code(self):
        return normalise_code(self.cleaned_data["code"])


class ClientForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Achternaam"), max_length=100, required=False)
    birth_date = forms.DateField(label=_("Geboortedatum"), required=False, widget=DateInput())
    national_number = forms.CharField(
        label=_("Rijksregisternummer"),
        max_length=20,
        required=False,
        help_text=_("Optioneel. Bv. 85.07.30-033.28"),
    )
    email = forms.CharField(
        label=_("E-mail"), max_length=254, required=False, widget=forms.EmailInput()
    )
    phone = forms.CharField(
        label=_("Telefoon"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel"}),
        help_text=_("Bv. 0470 12 34 56 of +32 470 12 34 56"),
    )
    street = forms.CharField(label=_("Straat en nummer"), max_length=200, required=False)
    postal_code = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
    )
    city = forms.CharField(label=_("Gemeente"), max_length=100, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Voorkeurstaal"), choices=Language.choices, initial=Language.DUTCH
    )
    consent_processing = forms.BooleanField(
        label=_("Toestemming voor de verwerking van persoonsgegevens"), required=False
    )
    consent_contact = forms.BooleanField(
        label=_("Toestemming voor contact per e-mail of sms"), required=False
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        if organisations is not None and len(organisations) > 1:
            self.fields["organisation"] = forms.ChoiceField(
                label=_("Organisatie"),
                choices=[(str(o.pk), o.name) for o in organisations],
            )
        # Checked by the services, marked here so people know before they submit.
        for name in ("first_name", "last_name"):
            self.fields[name].show_required = True

    def clean(self):
        cleaned = super().clean()
        check_client_fields(self, cleaned)
        return cleaned


def form_client_data(cleaned: dict) -> ClientData:
    """The client data of a valid `ClientForm` (or of its cleaned data, adjusted)."""
    return ClientData(**{f.name: cleaned[f.name] for f in fields(ClientData)})


def check_client_fields(form: forms.Form, cleaned: dict) -> None:
    """Every error in one round: a date that does not parse must not hide a bad national number,
    e-mail or phone until the next submit. So the service's client checks run in the form too, on
    what did parse (a field already in error keeps its own message); the service checks again
    when it saves."""
    data = ClientData(
        first_name=cleaned.get("first_name", ""),
        last_name=cleaned.get("last_name", ""),
        birth_date=cleaned.get("birth_date"),
        email=cleaned.get("email", ""),
        phone=cleaned.get("phone", ""),
        street=cleaned.get("street", ""),
        postal_code=cleaned.get("postal_code", ""),
        city=cleaned.get("city", ""),
        preferred_language=cleaned.get("preferred_language", Language.DUTCH),
        national_number=cleaned.get("national_number", ""),
    )
    try:
        client_validate(data, today=timezone.localdate())
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            if field in form.fields and field not in form.errors:
                for message in messages:
                    form.add_error(field, message)


class ResponsibleChoiceMixin:
    """Centre staff choose who is responsible for a new trajectory; a coach is it themselves."""

    responsible_label = _("Verantwoordelijke")

    def add_responsible_field(self, responsibles) -> None:
        self._responsibles = {str(u.pk): u for u in responsibles or ()}
        if responsibles is not None:
            self.fields["responsible"] = forms.ChoiceField(
                label=self.responsible_label,
                choices=[(str(u.pk), str(u)) for u in responsibles],
            )

    def chosen_responsible(self, default):
        return self._responsibles.get(self.cleaned_data.get("responsible", ""), default)


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200, required=False)
    working_name = forms.CharField(label=_("Werknaam"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Soort"), choices=OrganisationKind.choices)
    enterprise_number = forms.CharField(
        label=_("Ondernemingsnummer"),
        max_length=20,
        required=False,
        help_text=_("Bv. 0403.170.701"),
    )
    email = forms.CharField(label=_("E-mail"), max_length=254, required=False)
    phone = forms.CharField(label=_("Telefoon"), max_length=30, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].show_required = True


class LocationForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    street = forms.CharField(label=_("Straat en nummer"), max_length=200, required=False)
    postal_code = forms.CharField(label=_("Postcode"), max_length=4)
    city = forms.CharField(label=_("Gemeente"), max_length=100)


class StaffForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    username = forms.CharField(label=_("Gebruikersnaam"), max_length=150, required=False)
    email = forms.CharField(label=_("E-mail"), max_length=254, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.none(), empty_label=None
    )
    roles = forms.MultipleChoiceField(
        label=_("Rollen"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    company = forms.ModelChoiceField(
        label=_("Eigen bedrijf (onderaannemer)"),
        queryset=Organisation.objects.none(),
        required=False,
    )
    password = forms.CharField(
        label=_("Startwachtwoord"),
        required=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Laat leeg om later een wachtwoord in te stellen."),
    )

    def __init__(self, *args, organisations=None, companies=None, roles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["company"].queryset = companies
        if roles is not None:
            # Only the roles the user may grant (`core/rules.py`); the service checks them again.
            self.fields["roles"].choices = [(r, label) for r, label in Role.choices if r in roles]
        self.fields["username"].show_required = True
        self.fields["roles"].show_required = True
