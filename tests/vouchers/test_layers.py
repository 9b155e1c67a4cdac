"""One POST judges once: a contact logged on a voucher, from its page or the API, is checked for
LBC-02 once and the voucher replayed once; the answer is the contact as the service judged it."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.trajectories.models import ContactOutcome
from koers.trajectories.services import ContactData
from koers.vouchers.selectors import JudgedContact
from koers.vouchers.services import contacts as contact_services
from koers.vouchers.services import voucher_contact_log


@pytest.fixture
def counted(monkeypatch):
    """How often one request checks LBC-02 and replays the voucher."""
    calls = {"check": 0, "replay": 0}

    def counting(name, key):
        original = getattr(contact_services, name)

        def wrapper(*args, **kwargs):
            calls[key] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(contact_services, name, wrapper)

    counting("_check_guidance_contact", "check")
    counting("voucher_summary", "replay")
    return calls


def _start(days_ago=2):
    day = timezone.localtime() - timedelta(days=days_ago)
    return day.replace(hour=10, minute=0, second=0, microsecond=0)


@pytest.mark.django_db
def test_voucher_contact_log_returns_the_judged_contact(voucher, coach):
    judged = voucher_contact_log(
        voucher=voucher,
        data=ContactData(starts_at=_start(), duration_minutes=60, outcome=ContactOutcome.HELD),
        acting_user=coach,
    )
    assert isinstance(judged, JudgedContact)
    assert judged.decision.counted_minutes == 60
    assert judged.contact.trajectory_id == voucher.trajectory_id


@pytest.mark.django_db
def test_lbc_02_one_page_post_checks_once_and_replays_once(voucher, coach, logged_in, counted):
    day = timezone.localdate() - timedelta(days=2)
    response = logged_in(coach).post(
        reverse("voucher_contact_create", args=[voucher.pk]),
        {
            "date": day.strftime("%d/%m/%Y"),
            "start_time": "10:00",
            "duration_minutes": "60",
            "form": "individual",
            "outcome": "held",
            "place": "Kantoor Gent",
        },
    )
    assert response.status_code == 302
    assert counted == {"check": 1, "replay": 1}


@pytest.mark.django_db
def test_lbc_02_one_api_post_checks_once_and_replays_once(voucher, coach, logged_in, counted):
    response = logged_in(coach).post(
        f"/api/v1/vouchers/{voucher.pk}/contacts",
        json.dumps(
            {
                "starts_at": _start().replace(tzinfo=None).isoformat(),
                "duration_minutes": 60,
                "outcome": "held",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["counted_minutes"] == 60
    assert counted == {"check": 1, "replay": 1}
