"""BIL-04: the seller and the buyer of a coach invoice — the coach's company (kept by the coach on
"Mijn gegevens › Onderneming") and the centre's legal billing entity (COM-01: its legal name and
enterprise number on `core.Organisation`, the VAT number, admin address and invoice e-mail in
`CentreBillingDetails`, kept by the centre's staff). Numbers are checked with python-stdnum
through the pure checks of `rules/invoice_checks.py` and stored compact ("0123456749",
"BE0123456749", "BE68539007547034"); each refusal stands next to its field."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from stdnum import iban as stdnum_iban
from stdnum.be import vat as stdnum_be_vat

from koers.billing.models import CentreBillingDetails, CoachCompany
from koers.billing.rules.invoice_checks import (
    enterprise_number_refusal,
    iban_refusal,
    vat_number_refusal,
)
from koers.billing.rules.invoices import Address, Party
from koers.core.history import save_with_user
from koers.core.models import Organisation, Role, User
from koers.core.validators import validate_postal_code

COMPANY_FIELDS = (
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
)
DETAILS_FIELDS = ("vat_number", "street", "postal_code", "city", "country", "email")


def _compact_vat(value: str) -> str:
    digits = stdnum_be_vat.compact(value or "")
    return f"BE{digits}" if digits else ""


def _address_errors(data: dict, errors: dict[str, list[str]]) -> None:
    if data.get("email"):
        try:
            validate_email(data["email"])
        except ValidationError:
            errors.setdefault("email", []).append(_("Dit is geen geldig e-mailadres."))
    for name in ("street", "postal_code", "city"):
        if not str(data.get(name, "")).strip():
            errors.setdefault(name, []).append(_("Vul dit in: het staat op de factuur."))
    country = str(data.get("country", "")).strip().upper()
    if len(country) != 2 or not country.isalpha():
        errors.setdefault("country", []).append(_("Geef de landcode met twee letters (BE)."))
    if country == "BE" and data.get("postal_code"):
        try:
            validate_postal_code(data["postal_code"])
        except ValidationError as exc:
            errors.setdefault("postal_code", []).extend(exc.messages)


def _company_errors(data: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not data["legal_name"].strip():
        errors["legal_name"] = [_("Geef de naam van je onderneming.")]
    who = _("je onderneming")
    refused = enterprise_number_refusal(data["enterprise_number"], who)
    if refused:
        errors["enterprise_number"] = [str(refused)]
    else:
        party = Party("", data["enterprise_number"], data["vat_number"], Address("", "", ""))
        refused = vat_number_refusal(party, who)
        if refused:
            errors["vat_number"] = [str(refused)]
    refused = iban_refusal(data["iban"])
    if refused:
        errors["iban"] = [str(refused)]
    _address_errors(data, errors)
    return errors


@transaction.atomic
def coach_company_save(*, acting_user: User, **fields) -> CoachCompany:
    """BIL-04: a coach keeps their own company's data (the seller on their invoices). Issued
    invoices keep the copy they were issued with."""
    if Role.COACH not in acting_user.roles:
        raise PermissionDenied(_("Enkel een coach houdt de gegevens van een onderneming bij."))
    data = {name: fields.get(name, "") for name in COMPANY_FIELDS}
    data["enterprise_number"] = stdnum_be_vat.compact(data["enterprise_number"] or "")
    data["vat_number"] = _compact_vat(data["vat_number"])
    data["iban"] = stdnum_iban.compact(data["iban"] or "")
    data["country"] = str(data["country"] or "BE").strip().upper()
    data["vat_exempt"] = bool(data["vat_exempt"])
    errors = _company_errors(data)
    if errors:
        raise ValidationError(errors)
    company = CoachCompany.objects.select_for_update().filter(coach=acting_user).first()
    company = company or CoachCompany(coach=acting_user)
    for name, value in data.items():
        setattr(company, name, value.strip() if isinstance(value, str) else value)
    return save_with_user(company, acting_user)


def may_keep_billing_details(user: User, centre: Organisation) -> bool:
    return user.is_administrator or Role.CENTRE_STAFF in user.roles_in(centre.pk)


def _details_errors(centre: Organisation, data: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not data["legal_name"].strip():
        errors["legal_name"] = [_("Geef de juridische naam van het centrum.")]
    who = _("het centrum")
    refused = enterprise_number_refusal(data["enterprise_number"], who)
    if refused:
        errors["enterprise_number"] = [str(refused)]
    elif (
        Organisation.objects.filter(enterprise_number=data["enterprise_number"])
        .exclude(pk=centre.pk)
        .exists()
    ):
        errors["enterprise_number"] = [_("Een andere organisatie heeft dit ondernemingsnummer.")]
    elif data["vat_number"]:
        party = Party("", data["enterprise_number"], data["vat_number"], Address("", "", ""))
        refused = vat_number_refusal(party, who)
        if refused:
            errors["vat_number"] = [str(refused)]
    _address_errors(data, errors)
    return errors


@transaction.atomic
def centre_billing_details_save(
    *, centre: Organisation, acting_user: User, **fields
) -> CentreBillingDetails:
    """BIL-04 / COM-01: centre staff keep their centre's legal billing entity — the legal name and
    enterprise number (on the organisation), VAT number, admin address and invoice e-mail. The
    working name used with clients stays as it is."""
    if not may_keep_billing_details(acting_user, centre):
        raise PermissionDenied(_("Enkel centrummedewerkers van dit centrum doen dit."))
    # Two staff saving at once: the organisation row lock keeps one from undoing the other.
    centre = Organisation.objects.select_for_update().get(pk=centre.pk)
    data = {name: fields.get(name, "") for name in (*DETAILS_FIELDS, "legal_name")}
    data["enterprise_number"] = stdnum_be_vat.compact(fields.get("enterprise_number") or "")
    data["vat_number"] = _compact_vat(data["vat_number"])
    data["country"] = str(data["country"] or "BE").strip().upper()
    errors = _details_errors(centre, data)
    if errors:
        raise ValidationError(errors)
    if (centre.name, centre.enterprise_number) != (data["legal_name"], data["enterprise_number"]):
        centre.name = data["legal_name"].strip()
        centre.enterprise_number = data["enterprise_number"]
        save_with_user(centre, acting_user, update_fields=["name", "enterprise_number"])
    details = CentreBillingDetails.objects.filter(organisation=centre).first()
    details = details or CentreBillingDetails(organisation=centre)
    for name in DETAILS_FIELDS:
        value = data[name]
        setattr(details, name, value.strip() if isinstance(value, str) else value)
    return save_with_user(details, acting_user)
