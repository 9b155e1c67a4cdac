"""The API-keys page: list own tokens, create one (key shown once), revoke with confirmation."""

import pytest
from django.urls import reverse

from koers.core.models import APIToken
from koers.core.services import api_token_create
from tests.api.conftest import Api

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("token_list"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_list_shows_only_own_tokens(logged_in, coach, other_coach):
    api_token_create(user=coach, name="Rapportering")
    api_token_create(user=other_coach, name="Geheim van een ander")
    response = logged_in(coach).get(reverse("token_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rapportering" in html
    assert "Geheim van een ander" not in html


def test_create_shows_the_key_once_and_it_works(logged_in, coach, trajectory):
    http = logged_in(coach)
    response = http.post(reverse("token_create"), {"name": "Koppeling"})
    assert response.status_code == 200
    key = response.context["key"]
    assert key in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    token = APIToken.objects.get(user=coach)
    assert token.name == "Koppeling"
    assert key not in token.key_hash
    assert key not in http.get(reverse("token_list")).content.decode()
    assert Api(token=key).get("/clients").status_code == 200


def test_create_without_name_shows_inline_error(logged_in, coach):
    response = logged_in(coach).post(reverse("token_create"), {"name": "  "})
    assert response.status_code == 422
    assert "errorlist" in response.content.decode()
    assert not APIToken.objects.exists()


def test_revoke_asks_confirmation_then_revokes(logged_in, coach, trajectory):
    token, key = api_token_create(user=coach, name="Oud")
    http = logged_in(coach)
    url = reverse("token_revoke", args=[token.pk])
    assert http.get(url).status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is None
    response = http.post(url)
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert Api(token=key).get("/clients").status_code == 401


def test_cannot_revoke_someone_elses_token(logged_in, coach, other_coach):
    token, _key = api_token_create(user=other_coach, name="Van een ander")
    response = logged_in(coach).post(reverse("token_revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
