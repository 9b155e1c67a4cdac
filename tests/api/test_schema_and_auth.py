"""The API's front door: the OpenAPI document, the docs page and who gets in."""

import re

import pytest
from django.test import Client as HttpClient
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.core.models import APIToken
from tests.api.conftest import Api

pytestmark = pytest.mark.django_db


def test_openapi_document_lists_the_endpoints(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Koers API"
    for path in (
        "/api/v1/clients",
        "/api/v1/trajectories",
        "/api/v1/contacts",
        "/api/v1/documents",
    ):
        assert path in schema["paths"]
    assert {"TokenAuth", "SessionAuth"} <= set(schema["components"]["securitySchemes"])


def test_docs_page_loads_swagger_from_own_static_files(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    # No script or style from elsewhere (a CDN); a bare "cdn" could be part of the CSRF token.
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    assert not [s for s in sources if s.startswith(("http:", "https:", "//"))]


def test_no_credentials_is_401_json(client, trajectory):
    response = client.get("/api/v1/clients")
    assert response.status_code == 401
    assert response.json()["detail"]
    assert response.json()["errors"] == []


def test_bad_token_is_401(trajectory):
    response = Api(token="not-a-real-key").get("/clients")
    assert response.status_code == 401


def test_revoked_token_is_401(coach, trajectory):
    api = Api(coach)
    APIToken.objects.update(revoked_at="2025-01-01T00:00:00Z")
    assert api.get("/clients").status_code == 401


def test_token_is_200_and_records_last_use(coach, trajectory):
    api = Api(coach)
    response = api.get("/clients")
    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert APIToken.objects.get(user=coach).last_used_at is not None


def test_token_post_needs_no_csrf(coach, trajectory):
    api = Api(coach)
    api.http = HttpClient(enforce_csrf_checks=True)
    response = api.post("/assignments", {"trajectory_id": trajectory.pk, "title": "CV bijwerken"})
    assert response.status_code == 201


def test_session_is_200(logged_in, coach, trajectory):
    response = logged_in(coach).get("/api/v1/clients")
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_session_post_without_csrf_token_is_refused(coach, trajectory):
    http = HttpClient(enforce_csrf_checks=True)
    http.force_login(coach)
    response = http.post(
        "/api/v1/assignments",
        {"trajectory_id": trajectory.pk, "title": "CV bijwerken"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json()["detail"]


def test_session_of_unverified_otp_user_is_401(logged_in, coach, trajectory):
    TOTPDevice.objects.create(user=coach, name="gsm", confirmed=True)
    response = logged_in(coach).get("/api/v1/clients")
    assert response.status_code == 401


def test_unknown_api_path_is_json_404(client):
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response.json()["detail"]


@override_settings(LANGUAGE_CODE="nl-be")
def test_schema_validation_errors_are_dutch_and_name_the_field(coach, trajectory):
    response = Api(coach).get("/clients", {"limit": 1000})
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["field"] == "limit"
    assert "hoogstens" in body["errors"][0]["message"]


def test_unreadable_body_and_wrong_method_answer_json(coach, trajectory):
    api = Api(coach)
    response = api.http.post(
        "/api/v1/assignments", "{kapot", content_type="application/json", headers=api.headers
    )
    assert response.status_code == 400
    assert response.json()["detail"]
    response = api.http.put("/api/v1/clients", headers=api.headers)
    assert response.status_code == 405
    assert response.json()["detail"]
    assert "GET" in response["Allow"]
