"""TRN-07: the PDP questions are the company's own (the seed's were an image): staff and job
coaches of the company edit them; bad lists are refused and nothing changes."""

import pytest
from django.urls import reverse

from koers.transition import models as m
from koers.transition.rules import plan as rules
from koers.transition.selectors.plan import questions_of

pytestmark = pytest.mark.django_db


def _post(rows):
    data = {"q-TOTAL_FORMS": str(len(rows)), "q-INITIAL_FORMS": "0"}
    for i, (code, text, kind) in enumerate(rows):
        data |= {f"q-{i}-code": code, f"q-{i}-text": text, f"q-{i}-kind": kind}
    return data


def test_trn_07_defaults_until_the_company_sets_its_own(company, job_coach, logged_in):
    assert questions_of(company) == rules.DEFAULT_QUESTIONS
    web = logged_in(job_coach)
    url = reverse("transition_plan_questions", args=[company.pk])
    assert "jobdoelwit" in web.get(url).content.decode()
    response = web.post(
        url,
        _post(
            [("taal", "Hoe gaat het met je Nederlands?", "obstacle"), ("doel", "Je doel?", "need")]
        ),
    )
    assert response.status_code == 302
    assert [q.code for q in questions_of(company)] == ["taal", "doel"]
    assert web.get(reverse("transition_plan_questions_index")).status_code == 302


def test_trn_07_double_codes_are_refused_and_nothing_changes(company, company_staff, logged_in):
    web = logged_in(company_staff)
    url = reverse("transition_plan_questions", args=[company.pk])
    response = web.post(url, _post([("a", "Vraag een", "need"), ("a", "Vraag twee", "need")]))
    assert response.status_code == 422
    assert "Deze codes komen meer dan eens voor: a." in response.content.decode()
    assert not m.TransitionSettings.objects.exists()


def test_trn_07_an_empty_list_is_refused(company, job_coach, logged_in):
    api = logged_in(job_coach)
    url = f"/api/v1/transition/organisations/{company.pk}/plan-questions"
    assert api.put(url, {"questions": []}, content_type="application/json").status_code == 422
    bad_kind = {"questions": [{"code": "x", "text": "X?", "kind": "wish"}]}
    assert api.put(url, bad_kind, content_type="application/json").status_code == 422
    assert questions_of(company) == rules.DEFAULT_QUESTIONS
    ok = {"questions": [{"code": "x", "text": "X?", "kind": "resource"}]}
    assert api.put(url, ok, content_type="application/json").json()["questions"][0]["code"] == "x"
    assert api.get(url).json()["questions"] == ok["questions"]


def test_trn_07_another_company_cannot_see_or_change_them(company, outside_job_coach, logged_in):
    web = logged_in(outside_job_coach)
    url = reverse("transition_plan_questions", args=[company.pk])
    assert web.get(url).status_code == 404
    assert web.post(url, _post([("x", "X?", "need")])).status_code == 404
    api_url = f"/api/v1/transition/organisations/{company.pk}/plan-questions"
    assert web.get(api_url).status_code == 404
    assert not m.TransitionSettings.objects.exists()
