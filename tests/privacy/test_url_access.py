"""Every page under /privacy/ exists for administrators only: anyone else gets 404 (not 403),
anonymous users go to the login page."""

import pytest
from django.urls import reverse

from koers.privacy.models import ErasureRequest
from tests.test_url_access import _object_urls

# The method-only decorators answer 405 before anything is looked up: that reveals nothing.
POST_ONLY = {"privacy_erasure_request", "privacy_erasure_confirm", "privacy_erasure_cancel"}
URL_ARGS = {
    "privacy_home": False,
    "privacy_erasure_request": False,
    "privacy_erasure_detail": True,
    "privacy_erasure_confirm": True,
    "privacy_erasure_cancel": True,
    "privacy_export": False,
}


def test_every_privacy_url_is_listed_here():
    from django.urls import get_resolver

    from tests.test_url_access import _named_patterns

    names = {
        name for name, _route in _named_patterns(get_resolver()) if name.startswith("privacy_")
    }
    assert names == set(URL_ARGS)
    assert {n for n in _object_urls() if n.startswith("privacy_")} <= set(URL_ARGS)


@pytest.fixture
def open_request(db, client_record, administrator):
    from django.utils import timezone

    return ErasureRequest.objects.create(
        subject_kind="client",
        subject_id=client_record.pk,
        requested_by=administrator,
        requested_at=timezone.now(),
    )


def _url(name, open_request):
    return reverse(name, args=[open_request.pk] if URL_ARGS[name] else [])


@pytest.mark.parametrize("name", sorted(URL_ARGS))
@pytest.mark.parametrize("role", ["coach", "centre_staff"])
def test_non_administrators_get_404_on_every_privacy_page(
    name, role, request, open_request, logged_in
):
    browser = logged_in(request.getfixturevalue(role))
    url = _url(name, open_request)
    post_only = name in POST_ONLY
    assert browser.get(url).status_code == (405 if post_only else 404)
    assert browser.post(url).status_code == (404 if post_only else 405)
    assert ErasureRequest.objects.get(pk=open_request.pk).is_pending


@pytest.mark.parametrize("name", sorted(URL_ARGS))
def test_anonymous_is_sent_to_login_from_every_privacy_page(name, open_request, client):
    response = client.get(_url(name, open_request))
    assert response.status_code == 302 and "/accounts/login" in response["Location"]
