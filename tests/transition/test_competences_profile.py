"""TRN-04/05: the competence profile of a social-economy company — seeded with the seed's 18
competences and the indicators of "Initiatief"; switched off or on, extended with the company's
own; indicator rows on the four SAM levels; the observation form as a PDF."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from koers.transition import models as m
from koers.transition.services import competences as services

pytestmark = pytest.mark.django_db

ROW = {
    "insufficient": "Komt te laat",
    "moderate": "Soms op tijd",
    "good": "Op tijd",
    "very_good": "Vroeg",
}


def test_trn_04_first_visit_seeds_the_18_competences_in_three_groups(logged_in, job_coach, company):
    response = logged_in(job_coach).get(reverse("transition_profile", args=[company.pk]))
    assert response.status_code == 200
    rows = m.Competence.objects.filter(organisation=company)
    assert rows.count() == 18
    assert rows.filter(group="core").count() == 6
    assert rows.filter(group="additional").count() == 5
    assert rows.filter(group="extra").count() == 7
    assert all(c.from_seed and c.active for c in rows)
    assert "Conflicthantering" in response.content.decode()


def test_trn_05_initiatief_ships_its_definition_and_four_indicator_rows(company, job_coach):
    services.profile_ensure(company, acting_user=job_coach)
    initiatief = m.Competence.objects.get(organisation=company, code="initiatief")
    assert initiatief.definition.startswith("Zelfstandig werken")
    rows = list(initiatief.indicators.order_by("position"))
    assert len(rows) == 4
    assert rows[0].levels == (
        "Ziet geen werk en neemt geen initiatief.",
        "Ziet enkel werk als de verantwoordelijke in de buurt is en neemt dan initiatief.",
        "Ziet werk, maar moet aangepord worden om het aan te pakken.",
        "Ziet werk en pakt het spontaan aan.",
    )
    assert m.IndicatorRow.objects.filter(competence__organisation=company).count() == 4


def test_trn_04_seeding_twice_changes_nothing_and_keeps_what_the_company_changed(
    company, job_coach
):
    services.profile_ensure(company, acting_user=job_coach)
    voorkomen = m.Competence.objects.get(organisation=company, code="voorkomen")
    services.competence_update(voorkomen, active=False, acting_user=job_coach)
    services.profile_ensure(company, acting_user=job_coach)
    assert m.Competence.objects.filter(organisation=company).count() == 18
    assert not m.Competence.objects.get(pk=voorkomen.pk).active


def test_trn_04_a_competence_is_switched_off_and_on_from_the_profile_page(
    logged_in, job_coach, company
):
    client = logged_in(job_coach)
    client.get(reverse("transition_profile", args=[company.pk]))
    voorkomen = m.Competence.objects.get(organisation=company, code="voorkomen")
    client.post(reverse("transition_competence_toggle", args=[voorkomen.pk]), {})
    voorkomen.refresh_from_db()
    assert not voorkomen.active
    assert "voorkomen" not in services.profile_codes(company)
    client.post(reverse("transition_competence_toggle", args=[voorkomen.pk]), {"active": "on"})
    voorkomen.refresh_from_db()
    assert voorkomen.active


def test_trn_04_the_company_adds_its_own_competence(logged_in, job_coach, company):
    response = logged_in(job_coach).post(
        reverse("transition_profile_competence_add", args=[company.pk]),
        {"name": "Veiligheidsbewustzijn", "group": "additional", "definition": "Werkt veilig"},
    )
    assert response.status_code == 302
    own = m.Competence.objects.get(organisation=company, name="Veiligheidsbewustzijn")
    assert not own.from_seed and own.group == "additional"
    assert own.code in services.profile_codes(company)


def test_trn_04_a_competence_already_in_the_profile_is_refused_and_nothing_changes(
    logged_in, job_coach, company
):
    client = logged_in(job_coach)
    client.get(reverse("transition_profile", args=[company.pk]))
    response = client.post(
        reverse("transition_profile_competence_add", args=[company.pk]),
        {"name": "initiatief", "group": "core"},
    )
    assert response.status_code == 422
    assert "staat al in het profiel. (TRN-04)" in response.content.decode()
    assert m.Competence.objects.filter(organisation=company).count() == 18


def test_trn_04_the_last_competence_cannot_be_switched_off(company, job_coach):
    services.profile_ensure(company, acting_user=job_coach)
    rows = list(m.Competence.objects.filter(organisation=company))
    for c in rows[:-1]:
        services.competence_update(c, active=False, acting_user=job_coach)
    with pytest.raises(ValidationError, match="TRN-04"):
        services.competence_update(rows[-1], active=False, acting_user=job_coach)
    assert m.Competence.objects.get(pk=rows[-1].pk).active


def test_trn_05_an_indicator_row_describes_all_four_levels(logged_in, job_coach, company):
    client = logged_in(job_coach)
    client.get(reverse("transition_profile", args=[company.pk]))
    discipline = m.Competence.objects.get(organisation=company, code="discipline")
    url = reverse("transition_indicator_add", args=[discipline.pk])
    half = {f"new-{k}": v for k, v in ROW.items()} | {"new-very_good": ""}
    response = client.post(url, half)
    assert response.status_code == 422
    assert "Rij 1 beschrijft nog niet: zeer goed. (TRN-05)" in response.content.decode()
    assert "Soms op tijd" in response.content.decode()  # the input is kept
    assert not discipline.indicators.exists()
    response = client.post(url, {f"new-{k}": v for k, v in ROW.items()})
    assert response.status_code == 302
    assert discipline.indicators.get().levels == tuple(ROW.values())


def test_trn_05_an_indicator_row_is_edited_and_a_definition_changed(logged_in, job_coach, company):
    client = logged_in(job_coach)
    client.get(reverse("transition_profile", args=[company.pk]))
    initiatief = m.Competence.objects.get(organisation=company, code="initiatief")
    row = initiatief.indicators.order_by("position").first()
    data = {f"r{row.pk}-{k}": v for k, v in ROW.items()}
    assert client.post(reverse("transition_indicator_edit", args=[row.pk]), data).status_code == 302
    row.refresh_from_db()
    assert row.good == "Op tijd"
    client.post(
        reverse("transition_competence_edit", args=[initiatief.pk]),
        {"definition": "De eerste stap zetten"},
    )
    initiatief.refresh_from_db()
    assert initiatief.definition == "De eerste stap zetten"
    assert initiatief.name == "Initiatief"  # a seed competence keeps its name


def test_trn_05_indicators_of_a_switched_off_competence_are_refused(company, job_coach):
    services.profile_ensure(company, acting_user=job_coach)
    gezag = m.Competence.objects.get(organisation=company, code="gezag")
    services.competence_update(gezag, active=False, acting_user=job_coach)
    with pytest.raises(ValidationError, match="TRN-05"):
        services.indicator_add(
            competence=gezag, texts=services.RowTexts(**ROW), acting_user=job_coach
        )
    assert not gezag.indicators.exists()


def test_trn_05_the_observation_form_is_a_pdf_holding_the_profile(logged_in, job_coach, company):
    response = logged_in(job_coach).get(reverse("transition_observation_form", args=[company.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_trn_04_the_profile_of_another_company_is_not_found(logged_in, outside_job_coach, company):
    client = logged_in(outside_job_coach)
    assert client.get(reverse("transition_profile", args=[company.pk])).status_code == 404
    assert not m.Competence.objects.filter(organisation=company).exists()


def test_trn_04_the_profile_page_reads_a_fixed_number_of_queries(
    logged_in, job_coach, company, django_assert_max_num_queries
):
    client = logged_in(job_coach)
    client.get(reverse("transition_profile", args=[company.pk]))
    with django_assert_max_num_queries(14) as few:
        client.get(reverse("transition_profile", args=[company.pk]))
    initiatief = m.Competence.objects.get(organisation=company, code="initiatief")
    for _ in range(5):
        services.indicator_add(
            competence=initiatief, texts=services.RowTexts(**ROW), acting_user=job_coach
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("transition_profile", args=[company.pk]))
