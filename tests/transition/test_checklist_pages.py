"""TRN-14: the organisation readiness checklist — 13 scores 0–6 (a 7 refused, nothing saved),
the three questions, an action plan; the list of fillings; two fillings compared."""

from datetime import date

import pytest
from django.urls import reverse

from koers.transition import models as m


def _post(**extra):
    data = {"filled_on": "2026-10-01"}
    for n in range(1, 14):
        data[f"score_{n}"] = str(n % 7)
    data |= {"answer_1": "Visie", "answer_2": "Netwerking", "answer_3": "Een plan"}
    data |= {
        "action_0": "Visietekst schrijven",
        "time_span": "",
        "time_span_0": "Q1 2027",
        "who_0": "Directie",
        "done_0": "+/-",
        "statements_0": "1, 2",
    }
    return data | extra


@pytest.mark.django_db
def test_trn_14_a_filling_is_saved_with_scores_answers_and_plan(company, job_coach, logged_in):
    client = logged_in(job_coach)
    assert client.get(reverse("transition_checklist_new")).status_code == 200
    response = client.post(reverse("transition_checklist_new"), _post(organisation=company.pk))
    filling = m.ChecklistFilling.objects.get()
    assert response.status_code == 302
    assert filling.scores == [n % 7 for n in range(1, 14)]
    assert filling.answers == ["Visie", "Netwerking", "Een plan"]
    assert filling.actions[0]["statements"] == [1, 2] and filling.actions[0]["done"] == "+/-"
    page = client.get(reverse("transition_checklist", args=[filling.pk])).content.decode()
    assert "Visietekst schrijven" in page and "sterkst" in page


@pytest.mark.django_db
def test_trn_14_a_score_of_7_is_refused_and_nothing_is_saved(company, job_coach, logged_in):
    response = logged_in(job_coach).post(
        reverse("transition_checklist_new"), _post(organisation=company.pk, score_4="7")
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Een score gaat van 0 (totaal niet) tot 6 (volledig). (TRN-14)" in html
    assert 'name="answer_1"' in html and "Visie" in html  # the input is kept
    assert not m.ChecklistFilling.objects.exists()


@pytest.mark.django_db
def test_trn_14_an_action_without_an_action_is_refused(company, job_coach, logged_in):
    response = logged_in(job_coach).post(
        reverse("transition_checklist_new"), _post(organisation=company.pk, action_0="")
    )
    assert response.status_code == 422
    assert "Elke rij van het actieplan heeft een actie." in response.content.decode()
    assert not m.ChecklistFilling.objects.exists()


def _filling(company, coach, day, scores):
    return m.ChecklistFilling.objects.create(
        organisation=company, filled_on=day, scores=scores, filled_by=coach
    )


@pytest.mark.django_db
def test_trn_14_two_fillings_compared_side_by_side(company, job_coach, logged_in):
    first = _filling(company, job_coach, date(2026, 3, 1), [2] * 12 + [None])
    second = _filling(company, job_coach, date(2026, 9, 1), [3] * 6 + [1] * 7)
    url = reverse("transition_checklist_compare") + f"?eerste={second.pk}&tweede={first.pk}"
    response = logged_in(job_coach).get(url)
    c = response.context["c"]
    assert c.first.filling == first  # the earlier one is the baseline, whatever the order
    assert c.total_difference == 6 * 1 + 6 * -1
    assert c.improved == (1, 2, 3, 4, 5, 6) and c.declined == (7, 8, 9, 10, 11, 12)
    assert c.rows[12][4] is None  # statement 13 left open the first time
    assert c.second.strongest == (1, 2, 3, 4, 5, 6)


@pytest.mark.django_db
def test_trn_14_the_list_shows_own_organisation_only(
    company, other_company, job_coach, outside_job_coach, logged_in, django_assert_max_num_queries
):
    for day in range(1, 4):
        _filling(company, job_coach, date(2026, 5, day), [1] * 13)
    _filling(other_company, outside_job_coach, date(2026, 5, 1), [1] * 13)
    client = logged_in(job_coach)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("transition_checklists"))
    assert len(response.context["page"].object_list) == 3
    for day in range(4, 28):
        _filling(company, job_coach, date(2026, 5, day), [1] * 13)
    with django_assert_max_num_queries(12):
        assert len(client.get(reverse("transition_checklists")).context["page"].object_list) == 25
