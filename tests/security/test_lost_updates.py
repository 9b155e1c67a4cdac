"""Issue 15, lost updates: two people editing one client in two tabs. The later save used to
overwrite the earlier one silently; now it is refused with the fields that changed, the input
is kept, and a second save (made knowingly) goes through. The API does the same with an ETag
and If-Match (412)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from koers.core.models import Client
from koers.core.selectors import client_data_from
from koers.core.services import client_update
from koers.core.versions import StaleVersion, version_from_etag
from tests.api.conftest import Api

pytestmark = pytest.mark.django_db


def _form(client: Client, **changes) -> dict:
    data = {k: v for k, v in client_data_from(client).__dict__.items() if v is not None}
    data.update(version=client.version, **changes)
    data["birth_date"] = client.birth_date.strftime("%d/%m/%Y") if client.birth_date else ""
    for box in ("consent_processing", "consent_contact"):
        if not data.get(box):
            data.pop(box, None)
    data.pop("national_number", None)
    return data


def _edit(http, client: Client, data: dict):
    return http.post(reverse("client_update", args=[client.pk]), data)


def test_every_saved_edit_raises_the_version(client_record, centre_staff):
    start = client_record.version
    data = client_data_from(client_record)
    data.city = "Gent"
    saved = client_update(
        client=client_record, data=data, acting_user=centre_staff, expected_version=start
    )
    assert saved.version == start + 1


def test_a_save_from_an_older_version_is_refused_naming_the_changed_fields(
    client_record, centre_staff
):
    opened = client_record.version
    first = client_data_from(client_record)
    first.email = "ann.nieuw@example.org"
    client_update(
        client=client_record, data=first, acting_user=centre_staff, expected_version=opened
    )
    second = client_data_from(Client.objects.get(pk=client_record.pk))
    second.city = "Leuven"
    with pytest.raises(StaleVersion) as refused:
        client_update(
            client=client_record, data=second, acting_user=centre_staff, expected_version=opened
        )
    assert refused.value.changed == ["e-mail"]
    assert "e-mail" in refused.value.messages[0]
    assert Client.objects.get(pk=client_record.pk).city != "Leuven"


def test_a_changed_national_number_is_named_but_never_shown(client_record, centre_staff):
    opened = client_record.version
    data = client_data_from(client_record)
    data.national_number = "85073003328"
    client_update(
        client=client_record, data=data, acting_user=centre_staff, expected_version=opened
    )
    with pytest.raises(StaleVersion) as refused:
        client_update(
            client=client_record, data=data, acting_user=centre_staff, expected_version=opened
        )
    message = refused.value.messages[0]
    assert "rijksregisternummer" in message
    assert "85073003328" not in message and "85.07.30" not in message


def test_the_later_tab_gets_the_page_back_with_its_input_and_what_changed(
    logged_in, client_record, centre_staff
):
    http = logged_in(centre_staff)
    first_tab = _form(client_record, phone="0470123456")
    second_tab = _form(client_record, city="Brugge")
    assert _edit(http, client_record, first_tab).status_code == 302
    response = _edit(http, client_record, second_tab)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Iemand anders heeft deze cliënt intussen gewijzigd: telefoon" in page
    assert 'value="Brugge"' in page  # the input is kept
    assert Client.objects.get(pk=client_record.pk).city != "Brugge"


def test_saving_again_after_the_warning_keeps_the_later_tabs_version(
    logged_in, client_record, centre_staff
):
    http = logged_in(centre_staff)
    first_tab = _form(client_record, phone="0470123456")
    second_tab = _form(client_record, city="Brugge")
    _edit(http, client_record, first_tab)
    warned = _edit(http, client_record, second_tab)
    second_tab["version"] = warned.context["form"].data["version"]
    assert _edit(http, client_record, second_tab).status_code == 302
    assert Client.objects.get(pk=client_record.pk).city == "Brugge"


def test_api_get_gives_an_etag_and_a_patch_with_a_stale_if_match_is_412(
    client_record, centre_staff
):
    api = Api(centre_staff)
    tag = api.get(f"/clients/{client_record.pk}")["ETag"]
    assert api.patch(f"/clients/{client_record.pk}", {"city": "Gent"}).status_code == 200
    api.headers["If-Match"] = tag
    stale = api.patch(f"/clients/{client_record.pk}", {"city": "Aalst"})
    assert stale.status_code == 412
    assert "gemeente" in stale.json()["detail"]
    assert Client.objects.get(pk=client_record.pk).city == "Gent"


def test_api_patch_with_the_current_etag_saves_and_answers_the_next_etag(
    client_record, centre_staff
):
    api = Api(centre_staff)
    got = api.get(f"/clients/{client_record.pk}")
    api.headers["If-Match"] = got["ETag"]
    saved = api.patch(f"/clients/{client_record.pk}", {"city": "Gent"})
    assert saved.status_code == 200
    assert saved.json()["version"] == got.json()["version"] + 1
    assert saved["ETag"] != got["ETag"]


def test_an_if_match_of_something_else_never_matches(client_record):
    assert version_from_etag(client_record, '"client-999999-v1"') == -1
    assert version_from_etag(client_record, "*") is None
    assert version_from_etag(client_record, f'W/"client-{client_record.pk}-v3"') == 3


def test_a_stale_version_is_a_validation_error_for_every_caller(client_record, centre_staff):
    data = client_data_from(client_record)
    with pytest.raises(ValidationError):
        client_update(
            client=client_record,
            data=data,
            acting_user=centre_staff,
            expected_version=client_record.version + 5,
        )
