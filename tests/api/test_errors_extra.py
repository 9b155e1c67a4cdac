"""Inputs found by schemathesis that once made the API answer 500."""

import pytest

from tests.api.conftest import Api


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/contacts", "/plans", "/trajectories", "/vouchers", "/mediation/services"]
)
def test_huge_offset_is_a_422_not_a_server_error(path, coach):
    response = Api(coach).get(f"{path}?offset=18446744073709551617")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "offset"


@pytest.mark.django_db
def test_multipart_without_boundary_is_a_400(coach):
    api = Api(coach)
    response = api.http.post(
        api.url("/documents"),
        data=b"--x\r\n",
        content_type="multipart/form-data",
        headers=api.headers,
    )
    assert response.status_code == 400
    assert "multipart" in response.json()["detail"]
