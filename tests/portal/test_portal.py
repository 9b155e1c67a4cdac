"""Client portal: login by e-mailed link, own POP (the client owns it), anonymous evaluation."""

import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from koers.portal.services import LOGIN_SALT, login_token
from koers.vouchers.messages import evaluation_token
from koers.vouchers.models import EvaluationResponse
from koers.vouchers.services import voucher_close, voucher_open
from tests.factories import ClientFactory

pytestmark = pytest.mark.usefixtures("voucher_rules_in_force")


@pytest.fixture
def voucher(client_record, coach):
    return voucher_open(
        client=client_record,
        responsible=coach,
        organisation=client_record.organisation,
        start_date=timezone.localdate() - timedelta(days=30),
        career_question="Welke job past bij mij?",
        acting_user=coach,
    )


def _enter(client, record):
    return client.post(reverse("portal_enter", args=[login_token(record)]))


@pytest.mark.django_db
def test_login_link_is_mailed_and_works(client, client_record, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        response = client.post(reverse("portal_login"), {"email": client_record.email.upper()})
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    link = re.search(r"http\S+", mail.outbox[0].body).group(0)
    path = link.replace("http://127.0.0.1:8000", "")
    assert client.get(path).status_code == 200  # asks to confirm; a mail scanner spends nothing
    assert client.post(path).status_code == 302
    assert client.get(reverse("portal_home")).status_code == 200


@pytest.mark.django_db
def test_unknown_address_gets_the_same_answer_and_no_mail(
    client, client_record, django_capture_on_commit_callbacks
):
    def page(email):
        with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
            html = client.post(reverse("portal_login"), {"email": email}).content.decode()
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)  # one per response

    known = page(client_record.email)
    mail.outbox.clear()
    unknown = page("niemand@example.org")
    assert known == unknown
    assert mail.outbox == []


@pytest.mark.django_db
def test_tampered_or_expired_link_is_refused(client, client_record, time_machine):
    assert client.get(reverse("portal_enter", args=["nonsense"])).status_code == 400
    token = login_token(client_record)
    time_machine.move_to(timezone.now() + timedelta(hours=1))
    assert client.get(reverse("portal_enter", args=[token])).status_code == 400
    assert client.post(reverse("portal_enter", args=[token])).status_code == 400
    # A token signed without a stored link (the old format) opens nothing either.
    old = signing.dumps({"client": client_record.pk}, salt=LOGIN_SALT)
    assert client.post(reverse("portal_enter", args=[old])).status_code == 400


@pytest.mark.django_db
def test_the_sign_in_link_works_once_also_after_logging_out(
    client, client_record, django_capture_on_commit_callbacks
):
    """Issue 10: the link worked 3 times in its 30 minutes; a forwarded e-mail opened the file."""
    from django.test import Client as Browser

    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        client.post(reverse("portal_login"), {"email": client_record.email})
    path = re.search(r"http\S+", mail.outbox[0].body).group(0).replace("http://127.0.0.1:8000", "")
    assert client.post(path).status_code == 302
    assert client.get(reverse("portal_home")).status_code == 200
    client.post(reverse("portal_logout"))
    assert client.get(path).status_code == 400
    assert client.post(path).status_code == 400
    assert client.get(reverse("portal_home")).status_code == 302
    someone_else = Browser()
    assert someone_else.post(path).status_code == 400
    assert someone_else.get(reverse("portal_home")).status_code == 302


@pytest.mark.django_db
def test_a_new_link_leaves_an_earlier_unused_one_valid_and_links_are_pruned(client, client_record):
    from koers.portal.jobs import login_links_prune
    from koers.portal.models import LoginLink

    first, second = login_token(client_record), login_token(client_record)
    assert client.post(reverse("portal_enter", args=[second])).status_code == 302
    assert _enter_in_another_browser(first) == 302
    assert login_links_prune(timezone.now()) == 0
    assert login_links_prune(timezone.now() + timedelta(days=2)) == 2
    assert not LoginLink.objects.exists()


def _enter_in_another_browser(token):
    from django.test import Client as Browser

    return Browser().post(reverse("portal_enter", args=[token])).status_code


@pytest.mark.django_db
def test_portal_pages_need_a_login(client, voucher):
    assert client.get(reverse("portal_home")).status_code == 302
    assert client.get(reverse("portal_pop", args=[voucher.pk])).status_code == 302


@pytest.mark.django_db
def test_lbc_12_client_writes_own_pop_and_coach_sees_the_version(client, client_record, voucher):
    _enter(client, client_record)
    response = client.post(
        reverse("portal_pop", args=[voucher.pk]),
        {
            "style": "action",
            "section_career_question": "Welke job past bij mij?",
            "section_reflections": "Ik werk graag met mensen.",
            "action_0_what": "Drie gesprekken aanvragen met mensen uit de zorg",
            "action_0_by_when": "2027-01-20",
            "action_0_by_whom": "ikzelf",
        },
    )
    assert response.status_code == 302
    plan = voucher.trajectory.plans.get()
    version = plan.versions.get()
    assert version.author_is_client
    assert version.content["actions"][0]["by_when"] == "2027-01-20"
    assert plan.title == "POP (loopbaancheque 1)"


@pytest.mark.django_db
def test_client_cannot_open_another_clients_pop(client, voucher, centre):
    other = ClientFactory(organisation=centre)
    _enter(client, other)
    assert client.get(reverse("portal_pop", args=[voucher.pk])).status_code == 404


@pytest.mark.django_db
def test_lbc_15_evaluation_via_link_once_with_copy_to_coach(
    client, voucher, coach, django_capture_on_commit_callbacks
):
    voucher_close(voucher=voucher, acting_user=coach, reason="client_stopped")
    url = reverse("portal_evaluation", args=[evaluation_token(voucher)])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "satisfaction": "4",
                "helped": "5",
                "learned": "Mijn waarden",
                "would_recommend": "on",
            },
        )
    assert response.status_code == 200
    voucher.refresh_from_db()
    assert voucher.evaluation_received_on == timezone.localdate()
    assert EvaluationResponse.objects.get().satisfaction == 4
    assert mail.outbox[-1].to == [coach.email]
    assert b"al ingevuld" in client.get(url).content


@pytest.mark.django_db
def test_evaluation_rejects_out_of_range_scores(client, voucher):
    url = reverse("portal_evaluation", args=[evaluation_token(voucher)])
    response = client.post(url, {"satisfaction": "9", "helped": "0"})
    assert response.status_code == 200
    assert not EvaluationResponse.objects.exists()


@pytest.mark.django_db
def test_login_link_requests_are_rate_limited_per_address(
    client, client_record, django_capture_on_commit_callbacks
):
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
            client.post(reverse("portal_login"), {"email": client_record.email})
    response = client.post(reverse("portal_login"), {"email": client_record.email})
    assert response.status_code == 429
    assert "Te veel aanvragen" in response.content.decode()
    assert len(mail.outbox) == 5
