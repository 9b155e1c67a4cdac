"""Issue 16: in development the mails Koers sends land in a mailbox in the data folder, shown
to a signed-in user at /ontwikkeling/mails/ with their links clickable; the page does not
exist where the mailbox is off (production, tests), and asks an anonymous visitor to log in."""

import subprocess
import sys

import pytest
from django.core.mail import EmailMultiAlternatives, get_connection
from django.test import override_settings

from koers.lib import devmail
from tests.test_settings_deploy import _production_env

pytestmark = pytest.mark.django_db

BACKEND = "koers.lib.devmail.MailboxBackend"


@pytest.fixture
def mailbox(tmp_path, settings):
    settings.KOERS_DEV_MAILBOX = True
    settings.KOERS_DEV_MAILBOX_DIR = tmp_path / "mailbox"
    return tmp_path / "mailbox"


def _send(subject: str, body: str) -> None:
    message = EmailMultiAlternatives(
        subject,
        body,
        "horizon@example.org",
        ["lien@example.org"],
        connection=get_connection(BACKEND),
    )
    message.attach_alternative(f"<p>{body}</p>", "text/html")
    message.send()


def test_issue_16_the_mailbox_backend_keeps_each_mail_as_a_file_newest_first(mailbox):
    _send("Eerste", "Hallo")
    _send("Tweede", "Je link: http://127.0.0.1:8101/portal/")
    assert len(list(mailbox.glob("*.eml"))) == 2
    newest, oldest = devmail.mails()
    assert (newest.subject, oldest.subject) == ("Tweede", "Eerste")
    assert newest.to == "lien@example.org" and "http://127.0.0.1:8101/portal/" in newest.body


def test_issue_16_a_signed_in_user_reads_the_mails_with_clickable_links(mailbox, coach, logged_in):
    _send("Je portaallink", "Open http://127.0.0.1:8101/portal/ om verder te gaan.")
    browser = logged_in(coach)
    page = browser.get("/ontwikkeling/mails/").content.decode()
    assert "Je portaallink" in page
    key = devmail.mails()[0].key
    one = browser.get(f"/ontwikkeling/mails/{key}/").content.decode()
    assert '<a href="http://127.0.0.1:8101/portal/"' in one


def test_issue_16_the_mailbox_asks_a_visitor_to_log_in_and_refuses_other_paths(
    mailbox, client, coach, logged_in
):
    assert client.get("/ontwikkeling/mails/").status_code == 302
    browser = logged_in(coach)
    assert browser.get("/ontwikkeling/mails/..%2Fsettings/").status_code == 404
    assert browser.get("/ontwikkeling/mails/onbekend/").status_code == 404


@override_settings(KOERS_DEV_MAILBOX=False)
def test_issue_16_without_the_development_mailbox_the_page_does_not_exist(coach, logged_in):
    assert logged_in(coach).get("/ontwikkeling/mails/").status_code == 404


def _mail_settings(env: dict) -> str:
    code = "from django.conf import settings; print(settings.EMAIL_BACKEND, settings.KOERS_DEV_MAILBOX)"
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_issue_16_development_settings_use_the_mailbox_and_production_smtp(tmp_path):
    production = {k: v for k, v in _production_env(tmp_path).items() if k != "EMAIL_BACKEND"}
    development = {**production, "KOERS_ENV": "development"}
    assert _mail_settings(development) == f"{BACKEND} True"
    assert _mail_settings(production) == "django.core.mail.backends.smtp.EmailBackend False"
