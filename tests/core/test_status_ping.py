"""`/status/ping`, the benchmarks' framework floor (issue 14): signed in, a tiny "ok"; no data."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_ping_answers_ok_to_a_signed_in_user(coach, logged_in, django_assert_max_num_queries):
    client = logged_in(coach)
    with django_assert_max_num_queries(4):  # the session, the user, the OTP device check
        response = client.get(reverse("status_ping"))
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_ping_sends_an_anonymous_visitor_to_the_login(client):
    response = client.get(reverse("status_ping"))
    assert response.status_code == 302
    assert "/accounts/login" in response["Location"]
