"""One base for a contact's fields (contact_fields.py): the services' data, the page's form and
the API's input name the same fields with the same defaults and lengths."""

from datetime import datetime
from zoneinfo import ZoneInfo

from ninja import Field

from koers.trajectories.contact_fields import CONTACT_FIELDS, ContactData, max_length
from koers.trajectories.forms import ContactEntryForm
from koers.trajectories.models import ContactOutcome
from koers.trajectories.schemas import ContactFieldsIn, ContactIn, ContactPatch

AT = datetime(2026, 3, 2, 14, 0, tzinfo=ZoneInfo("Europe/Brussels"))


class IntroductionContactIn(ContactFieldsIn):
    """As a programme builds its own contact input on the base (e.g. a voucher's)."""

    is_introduction: bool = Field(False)


def test_the_api_input_names_the_fields_of_the_data_with_its_defaults():
    assert tuple(ContactFieldsIn.model_fields) == CONTACT_FIELDS
    assert set(ContactIn.model_fields) == {*CONTACT_FIELDS, "trajectory_id"}
    assert set(ContactPatch.model_fields) == set(CONTACT_FIELDS)
    data = ContactFieldsIn(starts_at=AT, duration_minutes=60).contact_data()
    assert data == ContactData(starts_at=AT, duration_minutes=60)


def test_a_programme_input_on_the_base_gives_the_core_only_the_contact_fields():
    payload = IntroductionContactIn(
        starts_at=AT, duration_minutes=30, outcome="held", is_introduction=True
    )
    assert payload.contact_data() == ContactData(
        starts_at=AT, duration_minutes=30, outcome=ContactOutcome.HELD
    )


def test_lengths_come_from_the_model():
    form = ContactEntryForm()
    for name in ("place", "absence_reason"):
        assert form.fields[name].max_length == max_length(name)
        schema = ContactFieldsIn.model_json_schema()["properties"][name]
        assert schema["maxLength"] == max_length(name)


def test_the_form_fills_every_field_of_the_data():
    form = ContactEntryForm(
        {
            "date": "02/03/2026",
            "start_time": "14:00",
            "duration_minutes": "45",
            "form": "video",
            "place": "",
            "outcome": "planned",
            "absence_reason": "",
            "notes": "",
        }
    )
    assert form.is_valid(), form.errors
    assert form.contact_data() == ContactData(starts_at=AT, duration_minutes=45, form="video")


def test_a_patch_changes_only_the_fields_sent_with_a_value():
    patch = ContactPatch(outcome="held", notes=None)
    assert patch.changes() == {"outcome": ContactOutcome.HELD}
