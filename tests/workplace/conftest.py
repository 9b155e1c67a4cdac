"""The workplace's API tests use the API's test client and fixtures."""

from tests.api.conftest import api, outsider, world  # noqa: F401
