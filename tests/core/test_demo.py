"""`manage.py demo`: idempotent, valid identifiers, working logins, and no real names."""

import re
from io import StringIO

import phonenumbers
import pytest
from django.core.management import call_command
from django.test import RequestFactory
from stdnum.be import ssn, vat

from koers.core.models import Client, Location, Organisation, User
from koers.core.validators import validate_postal_code
from koers.trajectories.models import Contact, Plan, Trajectory
from koers.vouchers.models import Voucher

# Names of real people and organisations in the seed documents: the demo must use none of them.
SEED_NAMES = [
    "Blend",
    "Aurélie",
    "Saskia",
    "DOne",
    "Soulworx",
    "Schoetens",
    "Wuyts",
    "Kesteloot",
    "Douxfils",
    "Auwaerts",
    "Paelinck",
    "Ascoop",
    "Swolfs",
    "Raeymaekers",
    "Sauviller",
    "Olieslagers",
    "Busschots",
    "Ovarit",
    "Deffontaine",
    "Parijs",
    "Beuckels",
]

LOGIN_LINE = re.compile(r"^login: (\S+) / (\S+) \((.+)\)$", re.MULTILINE)


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return (
        Organisation.objects.count(),
        Location.objects.count(),
        User.objects.count(),
        Client.objects.count(),
        Trajectory.objects.count(),
        Contact.objects.count(),
        Plan.objects.count(),
    )


@pytest.mark.django_db
def test_demo_runs_twice_without_duplicates():
    first = run_demo()
    before = counts()
    second = run_demo()
    assert counts() == before
    assert Client.objects.count() >= 20
    assert "nothing changed" in second
    # Voucher trajectories are opened through their programme, so each has its voucher.
    vouchers = Trajectory.objects.filter(programme="voucher")
    assert vouchers.exists()
    assert Voucher.objects.count() == vouchers.count()
    assert {"voucher", "mediation", "transition"} <= set(
        Trajectory.objects.values_list("programme", flat=True)
    )
    # Both runs print the same logins: `make run` shows them every time.
    assert LOGIN_LINE.findall(first) == LOGIN_LINE.findall(second)


@pytest.mark.django_db
def test_demo_identifiers_are_valid():
    run_demo()
    numbers = [c.national_number() for c in Client.objects.all() if c.has_national_number]
    assert len(numbers) >= 5
    assert all(ssn.is_valid(n) for n in numbers)
    phones = [c.phone for c in Client.objects.exclude(phone="")] + [
        o.phone for o in Organisation.objects.exclude(phone="")
    ]
    assert len(phones) >= 10
    for phone in phones:
        assert phone.startswith("+32")
        parsed = phonenumbers.parse(phone, None)
        assert phonenumbers.is_valid_number(parsed)
        assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == phone
    enterprise = list(Organisation.objects.values_list("enterprise_number", flat=True))
    assert enterprise and all(vat.is_valid(n) for n in enterprise)
    for code in list(Location.objects.values_list("postal_code", flat=True)) + list(
        Client.objects.exclude(postal_code="").values_list("postal_code", flat=True)
    ):
        validate_postal_code(code)


@pytest.mark.django_db
def test_demo_plan_has_two_versions_and_contacts_do_not_overlap():
    run_demo()
    assert Plan.objects.filter(versions__number=2).exists()
    by_staff: dict[int, list[Contact]] = {}
    for contact in Contact.objects.exclude(outcome__in=["cancelled", "rescheduled"]):
        by_staff.setdefault(contact.staff_id, []).append(contact)
    for contacts in by_staff.values():
        contacts.sort(key=lambda c: c.starts_at)
        for a, b in zip(contacts, contacts[1:], strict=False):
            assert (b.starts_at - a.starts_at).total_seconds() >= a.duration_minutes * 60


@pytest.mark.django_db
def test_demo_printed_logins_work(client):
    logins = LOGIN_LINE.findall(run_demo())
    usernames = {username for username, _password, _role in logins}
    assert {"beheerder", "backoffice", "coach", "coach2", "bemiddelaar", "jobcoach"} <= usernames
    for username, password, _role in logins:
        # django-axes wants the request when authenticating.
        request = RequestFactory().post("/accounts/login/")
        assert client.login(request=request, username=username, password=password), username
        client.logout()
    assert User.objects.get(username="coach2").company is not None


@pytest.mark.django_db
def test_demo_uses_no_names_from_the_seeds():
    run_demo()
    texts = []
    texts += [f"{c.first_name} {c.last_name} {c.email} {c.street}" for c in Client.objects.all()]
    texts += [f"{u.first_name} {u.last_name} {u.email}" for u in User.objects.all()]
    texts += [f"{o.name} {o.working_name} {o.email}" for o in Organisation.objects.all()]
    texts += [f"{loc.name} {loc.street}" for loc in Location.objects.all()]
    blob = "\n".join(texts)
    for name in SEED_NAMES:
        assert not re.search(rf"\b{re.escape(name)}\b", blob, re.IGNORECASE), name


@pytest.mark.django_db
def test_med_14_demo_has_a_service_ter_afsluiting_a_new_user_can_advise(client):
    from django.urls import reverse

    from koers.mediation.models import MediationService, ServiceState

    run_demo()
    service = MediationService.objects.get(state=ServiceState.TO_CLOSE)
    assert service.closing_reason == "passive"
    mediator = User.objects.get(username="bemiddelaar")
    client.force_login(mediator)
    page = client.get(reverse("mediation_detail", kwargs={"pk": service.pk})).content.decode()
    assert 'data-testid="advice-form"' in page
    response = client.post(
        reverse("mediation_advice", kwargs={"pk": service.pk}),
        {"advice": "no_need", "remark": "", "printed": "on"},
    )
    service.refresh_from_db()
    assert service.state == ServiceState.CLOSED and service.advice_document is not None
    pdf_url = reverse("document_download", kwargs={"pk": service.advice_document_id})
    assert response.status_code == 302 and response.url == pdf_url
    download = client.get(pdf_url)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
