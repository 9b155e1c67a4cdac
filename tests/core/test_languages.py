"""Language follows the person (stored preference), never the browser's Accept-Language."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from koers.core.languages import in_language_of, language_of, ui_language
from koers.core.models import Language
from tests.dashboard_html import dashboard_html

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def _portal_session(client, record):
    session = client.session
    session["portal_client_id"] = record.pk
    session.save()


@pytest.mark.django_db
def test_staff_in_dutch_get_dutch_pages_on_an_english_browser(logged_in, coach):
    response = logged_in(coach).get(reverse("dashboard"), **ENGLISH_BROWSER)
    assert response.status_code == 200
    assert response["Content-Language"] == "nl-be"
    assert "Afmelden" in response.content.decode()


@pytest.mark.django_db
def test_anonymous_visitor_gets_dutch_whatever_the_browser_says(client):
    response = client.get(reverse("portal_login"), **ENGLISH_BROWSER)
    assert response["Content-Language"] == "nl-be"


@pytest.mark.django_db
def test_staff_switch_is_stored_on_the_person_and_follows_them(client, coach):
    client.force_login(coach)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    coach.refresh_from_db()
    assert coach.language == "en"
    # Another browser, Dutch by its headers and without the cookie: still English.
    client.cookies.clear()
    client.force_login(coach)
    page = dashboard_html(client, HTTP_ACCEPT_LANGUAGE="nl-BE")
    assert "Log out" in page


@pytest.mark.django_db
def test_unknown_language_code_changes_nothing(client, coach):
    client.force_login(coach)
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    coach.refresh_from_db()
    assert coach.language == "nl-be"


@pytest.mark.django_db
def test_portal_follows_the_clients_preferred_language_not_the_browser(client, client_record):
    assert client_record.preferred_language == Language.DUTCH
    _portal_session(client, client_record)
    page = client.get(reverse("portal_home"), **ENGLISH_BROWSER)
    assert page["Content-Language"] == "nl-be"
    assert "Mijn loopbaanbegeleiding" in page.content.decode()


@pytest.mark.django_db
def test_portal_switch_stores_the_clients_preference(client, client_record):
    _portal_session(client, client_record)
    client.post(reverse("set_language"), {"language": "en", "next": reverse("portal_home")})
    client_record.refresh_from_db()
    assert client_record.preferred_language == Language.ENGLISH
    client.cookies.pop("django_language", None)
    page = client.get(reverse("portal_home")).content.decode()
    assert "My career guidance" in page


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("nl-be", "nl-be"),
        ("en", "en"),
        (Language.DUTCH, "nl-be"),
        (Language.ENGLISH, "en"),
        (Language.FRENCH, "nl-be"),  # Koers speaks Dutch and English: French falls back to Dutch
        (Language.GERMAN, "nl-be"),
        (Language.OTHER, "nl-be"),
        ("", "nl-be"),
        (None, "nl-be"),
    ],
)
def test_stored_preference_maps_to_an_interface_language(stored, expected):
    assert ui_language(stored) == expected


@pytest.mark.django_db
def test_mail_text_is_rendered_in_the_recipients_language(client_record, coach):
    client_record.preferred_language = Language.ENGLISH
    coach.language = "nl-be"
    assert language_of(client_record) == "en" and language_of(coach) == "nl-be"
    with in_language_of(client_record):
        subject = gettext("Afmelden")
    with in_language_of(coach):
        dutch = gettext("Afmelden")
    assert (subject, dutch) == ("Log out", "Afmelden")


@pytest.mark.django_db
def test_the_switch_names_each_language_in_that_language(client, coach):
    portal = client.get(reverse("portal_login")).content.decode()
    assert "Nederlands" in portal and "English" in portal and "Engels" not in portal
    client.force_login(coach)
    page = dashboard_html(client)
    assert ">Nederlands</option>" in page and ">English</option>" in page
