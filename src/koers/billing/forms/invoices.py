"""Forms of the invoice pages (BIL-04): the coach's company, the centre's billing details, issuing
and crediting. They only parse; the services check the numbers (python-stdnum) and refuse."""

from django import forms
from django.utils.translation import gettext_lazy as _

CONFIRM_ISSUE = _(
    "Ik begrijp dat een uitgereikte factuur nooit meer gewijzigd of verwijderd wordt: een fout "
    "corrigeer ik met een creditnota."
)
CONFIRM_CREDIT = _(
    "Ik begrijp dat de creditnota de hele factuur crediteert en zelf niet meer gewijzigd wordt."
)


class _AddressFields(forms.Form):
    street = forms.CharField(label=_("Straat en nummer"), max_length=200)
    postal_code = forms.CharField(label=_("Postcode"), max_length=10)
    city = forms.CharField(label=_("Gemeente"), max_length=100)
    country = forms.CharField(
        label=_("Land"), max_length=2, initial="BE", help_text=_("Twee letters, bv. BE.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A two-letter code is always "full": the browser's length note would only alarm.
        self.fields["country"].widget.attrs.pop("maxlength", None)


class CoachCompanyForm(_AddressFields):
    legal_name = forms.CharField(
        label=_("Naam van de onderneming"),
        max_length=200,
        help_text=_(
            "Zoals in de Kruispuntbank van Ondernemingen; je eigen naam bij een eenmanszaak."
        ),
    )
    enterprise_number = forms.CharField(
        label=_("Ondernemingsnummer"), max_length=20, help_text=_("Bv. 0403.170.701.")
    )
    vat_number = forms.CharField(
        label=_("Btw-nummer"), max_length=20, help_text=_("BE gevolgd door het ondernemingsnummer.")
    )
    vat_exempt = forms.BooleanField(
        label=_("Ik gebruik de vrijstellingsregeling voor kleine ondernemingen (0 % btw)"),
        required=False,
        help_text=_(
            "Dan vermeldt de factuur \u201cBijzondere vrijstellingsregeling kleine ondernemingen\u201d; "
            "anders 21 % btw."
        ),
    )
    iban = forms.CharField(
        label=_("Rekeningnummer (IBAN)"), max_length=42, help_text=_("Hierop betaalt het centrum.")
    )
    email = forms.EmailField(label=_("E-mail voor facturatie"), required=False)

    field_order = [
        "legal_name",
        "enterprise_number",
        "vat_number",
        "vat_exempt",
        "street",
        "postal_code",
        "city",
        "country",
        "iban",
        "email",
    ]


class CentreBillingDetailsForm(_AddressFields):
    centre = forms.ModelChoiceField(
        label=_("Centrum"), queryset=None, empty_label=None, widget=forms.HiddenInput
    )
    legal_name = forms.CharField(
        label=_("Juridische naam"),
        max_length=200,
        help_text=_("De naam van de rechtspersoon, niet de werknaam die cliënten zien."),
    )
    enterprise_number = forms.CharField(label=_("Ondernemingsnummer"), max_length=20)
    vat_number = forms.CharField(label=_("Btw-nummer"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mail voor facturen"), required=False)

    field_order = [
        "centre",
        "legal_name",
        "enterprise_number",
        "vat_number",
        "street",
        "postal_code",
        "city",
        "country",
        "email",
    ]

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres


class InvoiceIssueForm(forms.Form):
    confirm = forms.BooleanField(label=CONFIRM_ISSUE)


class CreditNoteForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van de creditnota"), widget=forms.Textarea({"rows": 2}), max_length=2000
    )
    confirm = forms.BooleanField(label=CONFIRM_CREDIT)
