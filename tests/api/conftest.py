import json

import pytest
from django.test import Client as HttpClient

from koers.core.models import Role
from koers.core.services import api_token_create
from tests.factories import (
    AssignmentFactory,
    ContactFactory,
    DocumentFactory,
    PlanFactory,
    PlanVersionFactory,
    staff_user,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class Api:
    """A test client that calls /api/v1/ with a user's bearer token and speaks JSON."""

    def __init__(self, user=None, *, token: str | None = None):
        self.http = HttpClient()
        self.user = user
        if token is None and user is not None:
            _token, token = api_token_create(user=user, name="tests")
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def url(self, path: str) -> str:
        return "/api/v1" + path

    def get(self, path: str, params: dict | None = None):
        return self.http.get(self.url(path), params or {}, headers=self.headers)

    def post(self, path: str, data: dict | None = None):
        return self.http.post(
            self.url(path),
            json.dumps(data or {}, default=str),
            content_type="application/json",
            headers=self.headers,
        )

    def patch(self, path: str, data: dict):
        return self.http.patch(
            self.url(path),
            json.dumps(data, default=str),
            content_type="application/json",
            headers=self.headers,
        )

    def put(self, path: str, data: dict):
        return self.http.put(
            self.url(path),
            json.dumps(data, default=str),
            content_type="application/json",
            headers=self.headers,
        )

    def upload(self, path: str, data: dict):
        return self.http.post(self.url(path), data, headers=self.headers)


def fields(response) -> set:
    return {e["field"] for e in response.json()["errors"]}


@pytest.fixture
def api():
    return Api


@pytest.fixture
def outsider(other_centre):
    """Centre staff of another centre."""
    return staff_user(other_centre, Role.CENTRE_STAFF, username="elders")


@pytest.fixture
def world(trajectory):
    """One trajectory of `coach` with one of everything under it."""
    contact = ContactFactory(trajectory=trajectory)
    assignment = AssignmentFactory(trajectory=trajectory)
    plan = PlanFactory(trajectory=trajectory)
    PlanVersionFactory(plan=plan)
    document = DocumentFactory(trajectory=trajectory)
    from django.core.files.base import ContentFile

    document.file.save("proof.pdf", ContentFile(PDF), save=True)
    document.content_type = "application/pdf"
    document.save()
    return {
        "trajectory": trajectory,
        "client": trajectory.client,
        "contact": contact,
        "assignment": assignment,
        "plan": plan,
        "document": document,
    }
