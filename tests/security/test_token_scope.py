"""API tokens: a read-only token changes nothing, every token expires, and the page shows both."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from koers.core.models import APIToken, TokenScope
from koers.core.services import api_token_create

pytestmark = pytest.mark.django_db


def _call(key: str, method: str, path: str, body: dict | None = None):
    http = HttpClient()
    headers = {"Authorization": f"Bearer {key}"}
    if method == "GET":
        return http.get("/api/v1" + path, headers=headers)
    return getattr(http, method.lower())(
        "/api/v1" + path, json.dumps(body or {}), content_type="application/json", headers=headers
    )


CHANGES = [
    ("POST", "/clients", {"first_name": "Nieuw", "last_name": "Persoon"}),
    ("PATCH", "/clients/{client}", {"city": "Gent"}),
    ("DELETE", "/coach-unavailability/999999", None),
]


@pytest.mark.parametrize(("method", "path", "body"), CHANGES)
def test_a_read_only_token_gets_403_on_a_change_a_read_write_token_may_try(
    coach, client_record, trajectory, method, path, body
):
    path = path.format(client=client_record.pk)
    _token, read_only = api_token_create(user=coach, name="lezer", scope=TokenScope.READ)
    _token, read_write = api_token_create(user=coach, name="schrijver")
    refused = _call(read_only, method, path, body)
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Deze API-sleutel mag alleen lezen."
    assert _call(read_write, method, path, body).status_code != 403


def test_a_read_only_token_reads(coach, trajectory):
    _token, key = api_token_create(user=coach, name="lezer", scope=TokenScope.READ)
    assert _call(key, "GET", f"/clients/{trajectory.client_id}").status_code == 200


def test_a_token_is_refused_once_it_has_expired(coach, trajectory):
    with time_machine.travel("2026-03-02T09:00:00+01:00", tick=False) as clock:
        _token, key = api_token_create(user=coach, name="kort", days=30)
        clock.shift(timedelta(days=29, hours=23))
        assert _call(key, "GET", "/clients").status_code == 200
        clock.shift(timedelta(hours=2))
        assert _call(key, "GET", "/clients").status_code == 401


def test_a_new_token_defaults_to_read_only_for_ninety_days_on_the_page(logged_in, coach):
    html = logged_in(coach).get(reverse("token_create")).content.decode()
    assert 'value="read" checked' in html
    assert 'value="90" selected' in html


def test_the_page_creates_a_token_with_the_chosen_scope_and_expiry_and_lists_them(logged_in, coach):
    web = logged_in(coach)
    with time_machine.travel("2026-03-02T09:00:00+01:00", tick=False):
        created = web.post(
            reverse("token_create"), {"name": "Rapportering", "scope": "read", "days": "180"}
        )
        token = APIToken.objects.get(user=coach)
        assert token.scope == TokenScope.READ
        assert token.expires_at == timezone.now() + timedelta(days=180)
        assert "Alleen lezen" in created.content.decode()
        listing = web.get(reverse("token_list")).content.decode()
    assert "Alleen lezen" in listing
    assert "29/08/2026" in listing


def test_the_token_form_keeps_its_input_and_refuses_an_unknown_validity(logged_in, coach):
    response = logged_in(coach).post(
        reverse("token_create"), {"name": "Koppeling", "scope": "read_write", "days": "9999"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Kies hoe lang de sleutel werkt." in html
    assert 'value="Koppeling"' in html
    assert 'value="read_write" checked' in html
    assert not APIToken.objects.exists()


def test_an_expired_token_is_marked_on_the_page_and_cannot_be_revoked_again(logged_in, coach):
    token, _key = api_token_create(user=coach, name="Oud", days=30)
    APIToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(days=1))
    html = logged_in(coach).get(reverse("token_list")).content.decode()
    assert "vervallen" in html
    assert reverse("token_revoke", args=[token.pk]) not in html
