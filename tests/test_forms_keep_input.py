"""Every form page of Koers, posted with one wrong field, answers with the form again (the input
kept, the error next to the field), never with a redirect. The forms on the voucher, service and
lead pages are walked the same way in tests/vouchers, tests/mediation and tests/intake
(`test_forms_keep_input.py`)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from koers.core.models import Role
from koers.vouchers.services import voucher_open
from tests.factories import AssignmentFactory, ContactFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fixed_day():
    """A working Monday inside every programme's rule sets, whatever day the suite runs."""
    with time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))):
        yield


# URL name -> (who posts, what the id refers to, an invalid payload, a typed value to find back)
FORM_PAGES = {
    "client_create": ("centre_staff", None, {"first_name": "Lotte", "birth_date": "x"}, "Lotte"),
    "client_update": ("coach", "client", {"first_name": "Lotte", "email": "lotte@"}, "Lotte"),
    "trajectory_create": (
        "coach",
        "?client",
        {"title": "Heroriëntatie", "start_date": "x"},
        "Heroriëntatie",
    ),
    "contact_create": (
        "coach",
        "trajectory",
        {"date": "x", "place": "Kantoor Gent"},
        "Kantoor Gent",
    ),
    "contact_update": ("coach", "contact", {"date": "x", "place": "Kantoor Gent"}, "Kantoor Gent"),
    "assignment_create": ("coach", "trajectory", {"title": "Netwerk", "deadline": "x"}, "Netwerk"),
    "assignment_update": ("coach", "assignment", {"title": "Netwerk", "deadline": "x"}, "Netwerk"),
    "plan_create": ("coach", "trajectory", {"kind": "geen", "title": "Actieplan A"}, "Actieplan A"),
    "document_create": ("coach", "trajectory", {"kind": "geen", "title": "Attest B"}, "Attest B"),
    "voucher_create": (
        "coach",
        "?client",
        {"career_question": "Zorg verlaten", "start_date": "x"},
        "Zorg verlaten",
    ),
    "voucher_pop": ("coach", "voucher", {"style": "geen", "action_0_what": "Bellen"}, "Bellen"),
    "group_session_new": ("coach", None, {"theme": "Mijn talenten", "date": "x"}, "Mijn talenten"),
    "organisation_create": (
        "administrator",
        None,
        {"name": "Horizon", "enterprise_number": "1"},
        "Horizon",
    ),
    "organisation_detail": (
        "administrator",
        "centre",
        {"name": "Gent-Zuid", "postal_code": "1"},
        "Gent-Zuid",
    ),
    "staff_create": ("administrator", None, {"first_name": "Jan", "last_name": ""}, "Jan"),
    "intake_unavailability": ("coach", None, {"starts_at": "x", "reason": "Vakantie"}, "Vakantie"),
    "intake_feedback_fields": ("centre_staff", None, {"label": "Hoe?", "kind": "geen"}, "Hoe?"),
    "intake_communication": (
        "centre_staff",
        None,
        {"text": "", "source": "Facebook-post"},
        "Facebook-post",
    ),
    "intake_branding": (
        "centre_staff",
        None,
        {"form": "branding", "sender_name": "x" * 201},
        "x" * 201,
    ),
    "token_create": ("coach", None, {"name": "x" * 101}, "x" * 101),
}


@pytest.fixture
def objects(centre, client_record, trajectory, coach):
    voucher_client = type(client_record).objects.create(
        organisation=centre, first_name="Bert", last_name="Voucher"
    )
    voucher = voucher_open(
        client=voucher_client,
        responsible=coach,
        organisation=centre,
        start_date=timezone.localdate(),
        career_question="",
        acting_user=coach,
    )
    return {
        "client": client_record,
        "centre": centre,
        "trajectory": trajectory,
        "contact": ContactFactory(trajectory=trajectory, staff=coach),
        "assignment": AssignmentFactory(trajectory=trajectory),
        "voucher": voucher,
    }


@pytest.mark.parametrize("name", sorted(FORM_PAGES))
def test_every_form_page_shows_the_form_again_on_invalid_input(
    name, objects, coach, centre_staff, administrator, logged_in
):
    who, target, payload, kept = FORM_PAGES[name]
    user = {"coach": coach, "centre_staff": centre_staff, "administrator": administrator}[who]
    if name == "intake_unavailability":
        staff_user(objects["centre"], Role.COACH, username="tweede-coach")
    if target is None:
        url = reverse(name)
    elif target.startswith("?"):
        url = reverse(name) + f"?client={objects[target[1:]].pk}"
    else:
        url = reverse(name, kwargs={"pk": objects[target].pk})
    response = logged_in(user).post(url, payload)
    assert response.status_code in (200, 422), response.get("Location")
    html = response.content.decode()
    assert 'class="errorlist"' in html
    assert kept in html
