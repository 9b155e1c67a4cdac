"""TRN-08/13: the company's employer list (search, pagination), create and edit, typed contacts
so the KPIs follow from them; other companies see nothing."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.transition import models as m
from koers.transition.services import employers as services
from tests.transition.conftest import TRN_TODAY

pytestmark = pytest.mark.django_db


def _employer(company, coach, name="Bakkerij Peeters"):
    return services.employer_create(organisation=company, data={"name": name}, acting_user=coach)


def test_trn_08_create_edit_and_double_names_refused(job_coach, company, logged_in):
    web = logged_in(job_coach)
    response = web.post(
        reverse("transition_employer_new"), {"name": "Bakkerij Peeters", "sector": "Voeding"}
    )
    assert response.status_code == 302
    employer = m.Employer.objects.get()
    assert employer.organisation == company
    double = web.post(reverse("transition_employer_new"), {"name": "bakkerij peeters"})
    assert double.status_code == 422
    assert "Deze werkgever staat al in de lijst." in double.content.decode()
    bad_mail = web.post(
        reverse("transition_employer_edit", args=[employer.pk]), {"name": "X", "email": "geen"}
    )
    assert bad_mail.status_code == 422
    employer.refresh_from_db()
    assert employer.name == "Bakkerij Peeters"
    edited = web.post(
        reverse("transition_employer_edit", args=[employer.pk]),
        {"name": "Bakkerij Peeters NV", "has_union_delegation": "yes"},
    )
    assert edited.status_code == 302
    employer.refresh_from_db()
    assert (employer.name, employer.has_union_delegation) == ("Bakkerij Peeters NV", True)
    assert m.Employer.objects.count() == 1


def test_trn_08_search_and_pagination(job_coach, company, logged_in):
    for i in range(30):
        _employer(company, job_coach, name=f"Firma {i:02d}")
    _employer(company, job_coach, name="Haven Antwerpen")
    web = logged_in(job_coach)
    found = web.get(reverse("transition_employers"), {"q": "haven"}).content.decode()
    assert "Haven Antwerpen" in found and "Firma 01" not in found
    first = web.get(reverse("transition_employers")).content.decode()
    assert "Pagina 1 van 2" in first


def test_trn_13_typed_contacts_with_the_workers_who_took_part(
    job_coach, company, transition_file, other_company, logged_in
):
    employer = _employer(company, job_coach)
    web = logged_in(job_coach)
    url = reverse("transition_employer_contact_add", args=[employer.pk])
    on = (TRN_TODAY - timedelta(days=3)).strftime("%d/%m/%Y")
    future = (TRN_TODAY + timedelta(days=3)).strftime("%d/%m/%Y")
    bad = web.post(
        url,
        {"kind": "phone_prospecting", "on": future, "by": job_coach.pk, "note": "Bellen met HR"},
    )
    assert bad.status_code == 422
    assert "Bellen met HR" in bad.content.decode()
    assert web.post(url, {"kind": "coffee", "on": on, "by": job_coach.pk}).status_code == 422
    assert not m.EmployerContact.objects.exists()
    ok = web.post(
        url,
        {
            "kind": "worker_company_visit",
            "on": on,
            "by": job_coach.pk,
            "files": [transition_file.pk],
        },
    )
    assert ok.status_code == 302
    contact = m.EmployerContact.objects.get()
    assert list(contact.files.all()) == [transition_file]
    page = web.get(reverse("transition_employer", args=[employer.pk])).content.decode()
    assert str(transition_file.client) in page


def test_trn_13_api_contacts_and_access(
    job_coach, company, transition_file, outside_job_coach, logged_in
):
    api = logged_in(job_coach)
    made = api.post(
        "/api/v1/transition/employers", {"name": "Haven NV"}, content_type="application/json"
    )
    assert made.status_code == 201
    employer_id = made.json()["id"]
    url = f"/api/v1/transition/employers/{employer_id}/contacts"
    on = str(TRN_TODAY - timedelta(days=2))
    bad = api.post(
        url,
        {"kind": "job_fair", "on": str(TRN_TODAY + timedelta(days=1))},
        content_type="application/json",
    )
    assert bad.status_code == 422 and "TRN-13" in bad.content.decode()
    ok = api.post(
        url,
        {"kind": "job_fair", "on": on, "file_ids": [transition_file.pk]},
        content_type="application/json",
    )
    assert ok.status_code == 201 and ok.json()["file_ids"] == [transition_file.pk]
    assert api.get(url).json()["count"] == 1
    patched = api.patch(
        f"/api/v1/transition/employers/{employer_id}",
        {"sector": "Haven"},
        content_type="application/json",
    )
    assert patched.json()["sector"] == "Haven"
    assert api.get("/api/v1/transition/employers?q=hav").json()["count"] == 1
    other = logged_in(outside_job_coach)
    assert other.get(f"/api/v1/transition/employers/{employer_id}").status_code == 404
    assert other.get("/api/v1/transition/employers").json()["count"] == 0
    assert (
        other.post(url, {"kind": "job_fair", "on": on}, content_type="application/json").status_code
        == 404
    )
    foreign_file = other.post(
        "/api/v1/transition/employers", {"name": "Elders"}, content_type="application/json"
    ).json()["id"]
    cross = other.post(
        f"/api/v1/transition/employers/{foreign_file}/contacts",
        {"kind": "job_day", "on": on, "file_ids": [transition_file.pk]},
        content_type="application/json",
    )
    assert cross.status_code == 404
    assert m.EmployerContact.objects.count() == 1


def test_trn_08_employer_list_and_page_keep_a_constant_query_count(
    job_coach, company, transition_file, logged_in
):
    web = logged_in(job_coach)
    employer = _employer(company, job_coach)

    def counted(url):
        with CaptureQueriesContext(connection) as ctx:
            assert web.get(url).status_code == 200
        return len(ctx.captured_queries)

    def add_contact(i):
        contact = services.employer_contact_add(
            employer=employer,
            data=services.ContactData(
                kind="phone_prospecting", on=TRN_TODAY, by=job_coach, files=[transition_file]
            ),
            acting_user=job_coach,
        )
        return contact

    add_contact(0)
    list_url = reverse("transition_employers")
    page_url = reverse("transition_employer", args=[employer.pk])
    one = (counted(list_url), counted(page_url))
    for i in range(12):
        _employer(company, job_coach, name=f"Firma {i}")
        add_contact(i)
    assert (counted(list_url), counted(page_url)) == one
