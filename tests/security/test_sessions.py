"""Staff sessions end after KOERS_IDLE_MINUTES without a request, and SESSION_COOKIE_AGE after login."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

pytestmark = pytest.mark.django_db

START = "2026-03-02T08:00:00+01:00"


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def test_a_staff_session_goes_on_with_activity_and_ends_after_thirty_idle_minutes(
    clock, logged_in, coach
):
    web = logged_in(coach)
    for _ in range(6):  # two hours, a request every twenty minutes
        clock.shift(timedelta(minutes=20))
        assert web.get(reverse("client_list")).status_code == 200
    clock.shift(timedelta(minutes=29))
    assert web.get(reverse("client_list")).status_code == 200
    clock.shift(timedelta(minutes=31))
    response = web.get(reverse("client_list"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert "_auth_user_id" not in web.session
    assert "na 30 minuten zonder activiteit" in response.content.decode()


def test_the_idle_time_is_a_setting(clock, settings, logged_in, coach):
    settings.KOERS_IDLE_MINUTES = 5
    web = logged_in(coach)
    clock.shift(timedelta(minutes=6))
    assert web.get(reverse("client_list")).status_code == 302


def test_activity_does_not_stretch_a_session_past_the_absolute_limit(
    clock, settings, logged_in, coach
):
    settings.SESSION_COOKIE_AGE = 60 * 60 * 2
    web = logged_in(coach)
    for _ in range(5):  # 1 h 40
        clock.shift(timedelta(minutes=20))
        assert web.get(reverse("client_list")).status_code == 200
    clock.shift(timedelta(minutes=25))  # 2 h 05 after login, 25 minutes after the last request
    response = web.get(reverse("client_list"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert "Je sessie is verlopen. Meld je opnieuw aan." in response.content.decode()


def test_an_idle_session_no_longer_opens_the_api(clock, logged_in, coach):
    web = logged_in(coach)
    assert web.get("/api/v1/clients").status_code == 200
    clock.shift(timedelta(minutes=31))
    assert web.get("/api/v1/clients").status_code == 401
