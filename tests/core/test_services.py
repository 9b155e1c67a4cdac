"""People services: validation with Dutch messages, encryption of the national number, audit."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from koers.core.models import Client, OrganisationKind, Role
from koers.core.selectors import client_search
from koers.core.services import (
    ClientData,
    OrganisationData,
    StaffData,
    api_token_create,
    api_token_user,
    client_create,
    client_update,
    organisation_create,
    staff_create,
)


def _data(**kw):
    base = {
        "first_name": "Lotte",
        "last_name": "Claes",
        "phone": "0470 12 34 56",
        "postal_code": "9000",
    }
    base.update(kw)
    return ClientData(**base)


@pytest.mark.django_db
def test_client_create_normalises_and_encrypts(centre, centre_staff):
    client = client_create(
        organisation=centre,
        data=_data(national_number="85.07.30-033.28", email=" Lotte@Example.org "),
        acting_user=centre_staff,
    )
    client.refresh_from_db()
    assert client.phone == "+32470123456"
    assert client.email == "lotte@example.org"
    assert "85073003328" not in client.national_number_encrypted
    assert client.national_number() == "85073003328"
    assert client.national_number_masked() == "••.••.••-•••.28"
    assert client.search_name == "lotte claes"
    assert client.history.first().history_user == centre_staff


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("national_number", "85073003327", "rijksregisternummer"),
        ("phone", "12345", "telefoonnummer"),
        ("postal_code", "123", "postcode"),
        ("email", "lotte@", "e-mailadres"),
        ("first_name", "  ", "voornaam"),
        # Three days after the test's own today (the clock may be travelled): computed in the test.
        ("birth_date", lambda: timezone.localdate() + timedelta(days=3), "toekomst"),
    ],
)
def test_client_create_rejects_bad_input_and_saves_nothing(
    centre, centre_staff, field, value, message
):
    value = value() if callable(value) else value
    with pytest.raises(ValidationError) as exc:
        client_create(organisation=centre, data=_data(**{field: value}), acting_user=centre_staff)
    assert field in exc.value.message_dict
    assert message in " ".join(exc.value.message_dict[field]).lower()
    assert Client.objects.count() == 0


@pytest.mark.django_db
def test_national_number_is_unique(centre, centre_staff):
    client_create(
        organisation=centre, data=_data(national_number="85073003328"), acting_user=centre_staff
    )
    with pytest.raises(ValidationError, match="al een cliënt"):
        client_create(
            organisation=centre,
            data=_data(national_number="85.07.30-033.28"),
            acting_user=centre_staff,
        )


@pytest.mark.django_db
def test_client_update_keeps_history(centre, centre_staff):
    client = client_create(organisation=centre, data=_data(), acting_user=centre_staff)
    client_update(client=client, data=_data(city="Gent"), acting_user=centre_staff)
    records = list(client.history.all())
    assert len(records) == 2
    delta = records[0].diff_against(records[1])
    assert [change.field for change in delta.changes] == ["city"]


@pytest.mark.django_db
def test_search_by_name_email_phone_and_exact_national_number(centre, centre_staff):
    client = client_create(
        organisation=centre,
        data=_data(national_number="85073003328", email="lotte@example.org"),
        acting_user=centre_staff,
    )
    client_create(
        organisation=centre, data=_data(first_name="Pieter", phone=""), acting_user=centre_staff
    )
    assert list(client_search(user=centre_staff, query="lotte cl")) == [client]
    assert list(client_search(user=centre_staff, query="LOTTE@example")) == [client]
    assert list(client_search(user=centre_staff, query="85.07.30-033.28")) == [client]
    assert list(client_search(user=centre_staff, query="0470123456")) == [client]
    assert list(client_search(user=centre_staff, query="85073003329")) == []


@pytest.mark.django_db
def test_search_never_leaves_the_visible_set(centre, coach, centre_staff):
    client_create(organisation=centre, data=_data(), acting_user=centre_staff)
    assert list(client_search(user=coach, query="lotte")) == []


@pytest.mark.django_db
def test_organisation_create_validates_enterprise_number(superuser):
    with pytest.raises(ValidationError, match="ondernemingsnummer"):
        organisation_create(
            data=OrganisationData(
                name="X", kind=OrganisationKind.EMPLOYER, enterprise_number="0403.170.702"
            ),
            acting_user=superuser,
        )
    org = organisation_create(
        data=OrganisationData(
            name="X", kind=OrganisationKind.EMPLOYER, enterprise_number="BE 0403.170.701"
        ),
        acting_user=superuser,
    )
    assert org.enterprise_number == "0403170701"
    assert org.enterprise_number_display == "0403.170.701"
    with pytest.raises(ValidationError, match="al een organisatie"):
        organisation_create(
            data=OrganisationData(
                name="Y", kind=OrganisationKind.EMPLOYER, enterprise_number="0403170701"
            ),
            acting_user=superuser,
        )


@pytest.mark.django_db
def test_staff_create_with_roles_and_own_company(centre, superuser):
    company = organisation_create(
        data=OrganisationData(name="Coaching BV", kind=OrganisationKind.SUBCONTRACTOR),
        acting_user=superuser,
    )
    user = staff_create(
        data=StaffData(
            username="nieuwe-coach",
            first_name="Els",
            last_name="Maes",
            email="els@example.org",
            organisation=centre,
            roles=[Role.COACH],
            company=company,
        ),
        acting_user=superuser,
    )
    assert user.roles == {Role.COACH}
    assert user.company == company
    with pytest.raises(ValidationError, match="rol"):
        staff_create(
            data=StaffData(
                username="x",
                first_name="",
                last_name="",
                email="",
                organisation=centre,
                roles=["koning"],
            ),
            acting_user=superuser,
        )


@pytest.mark.django_db
def test_api_token_is_stored_hashed_and_revocable(coach):
    token, key = api_token_create(user=coach, name="script")
    assert key not in token.key_hash
    assert api_token_user(key) == coach
    token.revoked_at = timezone.now()
    token.save()
    assert api_token_user(key) is None
    assert api_token_user("nonsense") is None
