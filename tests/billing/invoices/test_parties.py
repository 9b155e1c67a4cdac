"""BIL-04 / COM-01: the coach's company (the seller) and the centre's legal billing entity (the
buyer) are checked with python-stdnum and refused next to the field, in Dutch, nothing saved."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from koers.billing.models import CentreBillingDetails, CoachCompany
from koers.billing.services.invoice_parties import centre_billing_details_save, coach_company_save
from tests.billing.invoices import factories

COMPANY = {
    "legal_name": "Loopbaanpraktijk Voorbeeld BV",
    "enterprise_number": "0512.345.684",
    "vat_number": "be 0512.345.684",
    "vat_exempt": False,
    "street": "Kerkstraat 12",
    "postal_code": "2000",
    "city": "Antwerpen",
    "country": "be",
    "iban": "BE21 0012 3456 7803",
    "email": "coach@voorbeeld.test",
}
DETAILS = {
    "legal_name": "Voorbeeld Loopbaancentrum VZW",
    "enterprise_number": "0200.000.043",
    "vat_number": "BE0200000043",
    "street": "Dorpsstraat 1",
    "postal_code": "2970",
    "city": "Schilde",
    "country": "BE",
    "email": "admin@voorbeeld.example.be",
}


def test_bil_04_coach_company_is_stored_compact(coach):
    company = coach_company_save(acting_user=coach, **COMPANY)
    assert (company.enterprise_number, company.vat_number, company.iban, company.country) == (
        "0512345684",
        "BE0512345684",
        "BE21001234567803",
        "BE",
    )
    again = coach_company_save(acting_user=coach, **COMPANY | {"city": "Gent"})
    assert again.pk == company.pk and CoachCompany.objects.get().city == "Gent"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("enterprise_number", "0512.345.685", "PEPPOL-COMMON-R043"),
        ("vat_number", "BE0403170701", "hoort niet bij het ondernemingsnummer"),
        ("iban", "BE21 0012 3456 7804", "geen geldig IBAN"),
        ("postal_code", "20", "vier cijfers"),
        ("country", "België", "twee letters"),
        ("email", "geen-adres", "geen geldig e-mailadres"),
    ],
)
def test_bil_04_invalid_company_numbers_are_refused_next_to_the_field(coach, field, value, words):
    with pytest.raises(ValidationError) as refused:
        coach_company_save(acting_user=coach, **COMPANY | {field: value})
    assert words in " ".join(refused.value.message_dict[field])
    assert not CoachCompany.objects.exists()


def test_bil_04_only_a_coach_keeps_a_company(centre_staff):
    with pytest.raises(PermissionDenied):
        coach_company_save(acting_user=centre_staff, **COMPANY)


def test_bil_04_com_01_centre_staff_keep_the_legal_billing_entity(centre, centre_staff):
    centre.working_name = "Horizon"
    centre.save()
    details = centre_billing_details_save(centre=centre, acting_user=centre_staff, **DETAILS)
    centre.refresh_from_db()
    assert (centre.name, centre.enterprise_number, centre.working_name) == (
        "Voorbeeld Loopbaancentrum VZW",
        "0200000043",
        "Horizon",
    )
    assert (details.vat_number, details.city) == ("BE0200000043", "Schilde")


def test_bil_04_billing_details_are_refused_for_others_and_invalid_numbers(
    centre, coach, outsider, centre_staff
):
    for user in (coach, outsider):
        with pytest.raises(PermissionDenied):
            centre_billing_details_save(centre=centre, acting_user=user, **DETAILS)
    with pytest.raises(ValidationError) as refused:
        centre_billing_details_save(
            centre=centre, acting_user=centre_staff, **DETAILS | {"enterprise_number": "0200000044"}
        )
    assert "PEPPOL-COMMON-R043" in refused.value.message_dict["enterprise_number"][0]
    centre.refresh_from_db()
    assert centre.name == "Loopbaancentrum Horizon" and not CentreBillingDetails.objects.exists()


def test_bil_04_the_enterprise_number_of_another_organisation_is_refused(
    centre, other_centre, centre_staff
):
    other_centre.enterprise_number = factories.CENTRE_ENTERPRISE
    other_centre.save()
    with pytest.raises(ValidationError) as refused:
        centre_billing_details_save(centre=centre, acting_user=centre_staff, **DETAILS)
    assert "andere organisatie" in refused.value.message_dict["enterprise_number"][0]
