"""TRN-06 (WAKKER): observations noted as facts (a trait word warns), classified under the
profile's competences, counted per assessor; each assessor proposes a SAM level; the comparison
shows where they differ and by how much; the agreed level; bad input refused, nothing changed."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from koers.transition import models as m
from koers.transition.services import assessment_levels as levels
from tests.transition.assessment_helpers import add_assessors, add_candidates, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(company, job_coach, second_job_coach):
    session = make_session(company, job_coach)
    add_assessors(session, job_coach, second_job_coach)
    return session


@pytest.fixture
def candidate(session, company, job_coach, transition_file):
    return add_candidates(session, company, job_coach, 1, first=transition_file)[0]


def test_trn_06_a_note_with_a_personality_trait_is_saved_with_a_warning(
    logged_in, job_coach, session, candidate
):
    response = logged_in(job_coach).post(
        reverse("transition_session_observation_add", args=[session.pk]),
        {"candidate": candidate.pk, "text": "Hij is lui en wacht af."},
        follow=True,
    )
    body = response.content.decode()
    assert "Noteer feiten, geen persoonlijkheidskenmerken: ‘lui’" in body
    assert m.Observation.objects.get().text == "Hij is lui en wacht af."
    # The form says it beforehand too.
    assert "Geen bijvoeglijke naamwoorden" in body


def test_trn_06_a_factual_note_gives_no_warning(job_coach, session, candidate):
    _o, warnings = levels.observation_add(
        session=session,
        candidate_id=candidate.pk,
        text="Vraagt na 10 minuten zelf om een nieuwe orderlijst.",
        acting_user=job_coach,
    )
    assert warnings == ()


def test_trn_06_an_observation_on_a_candidate_not_in_the_session_is_refused(
    logged_in, job_coach, company, session, candidate
):
    other = make_session(company, job_coach, title="Andere sessie")
    stranger = add_candidates(other, company, job_coach, 1)[0]
    response = logged_in(job_coach).post(
        reverse("transition_session_observation_add", args=[session.pk]),
        {"candidate": stranger.pk, "text": "Neemt de lijst en begint."},
    )
    assert response.status_code == 422
    assert "neemt niet deel aan deze sessie. (TRN-06)" in response.content.decode()
    assert "Neemt de lijst en begint." in response.content.decode()  # the input is kept
    assert not m.Observation.objects.exists()


def test_trn_06_an_observation_by_someone_not_an_assessor_is_refused(
    company_staff, company, job_coach, candidate, session
):
    with pytest.raises(ValidationError, match="is geen assessor in deze sessie"):
        levels.observation_add(
            session=session, candidate_id=candidate.pk, text="Begint.", acting_user=company_staff
        )
    assert not m.Observation.objects.exists()


def test_trn_06_notes_are_classified_under_a_competence_of_the_profile(
    logged_in, job_coach, session, candidate
):
    note, _w = levels.observation_add(
        session=session,
        candidate_id=candidate.pk,
        text="Meldt dat de lijst af is.",
        acting_user=job_coach,
    )
    client = logged_in(job_coach)
    url = reverse("transition_observation_classify", args=[note.pk])
    assert client.post(url, {"competence": "vliegen"}).status_code == 422
    note.refresh_from_db()
    assert note.competence == ""
    assert client.post(url, {"competence": "initiatief"}).status_code == 302
    note.refresh_from_db()
    assert note.competence == "initiatief"


@pytest.mark.parametrize("level", [0, 5, -1])
def test_trn_05_a_level_outside_the_sam_scale_is_refused_and_nothing_changes(
    logged_in, job_coach, session, candidate, level
):
    levels.proposal_set(
        session=session,
        candidate_id=candidate.pk,
        competence="initiatief",
        level=2,
        acting_user=job_coach,
    )
    response = logged_in(job_coach).post(
        reverse("transition_candidate_proposal", args=[candidate.pk]),
        {"competence": "initiatief", "level": level},
    )
    assert response.status_code == 422
    assert f"‘{level}’ ligt buiten de SAM-schaal" in response.content.decode()
    assert m.LevelProposal.objects.get().level == 2


def test_trn_06_a_proposal_by_someone_not_an_assessor_is_refused(company_staff, session, candidate):
    with pytest.raises(ValidationError, match="TRN-06"):
        levels.proposal_set(
            session=session,
            candidate_id=candidate.pk,
            competence="initiatief",
            level=3,
            acting_user=company_staff,
        )
    assert not m.LevelProposal.objects.exists()


def test_trn_06_proposing_again_corrects_the_earlier_proposal(job_coach, session, candidate):
    for level in (2, 3):
        levels.proposal_set(
            session=session,
            candidate_id=candidate.pk,
            competence="initiatief",
            level=level,
            acting_user=job_coach,
        )
    assert m.LevelProposal.objects.get().level == 3


def _propose(session, candidate, coach, competence, level):
    levels.proposal_set(
        session=session,
        candidate_id=candidate.pk,
        competence=competence,
        level=level,
        acting_user=coach,
    )


def test_trn_06_the_comparison_shows_where_the_assessors_differ_and_by_how_much(
    logged_in, job_coach, second_job_coach, session, candidate
):
    _propose(session, candidate, job_coach, "initiatief", 1)
    _propose(session, candidate, second_job_coach, "initiatief", 3)
    _propose(session, candidate, job_coach, "nauwkeurigheid", 3)
    _propose(session, candidate, second_job_coach, "nauwkeurigheid", 3)
    body = (
        logged_in(job_coach).get(reverse("transition_session", args=[session.pk])).content.decode()
    )
    assert "2 niveaus" in body and "eensgezind" in body
    page = logged_in(job_coach).get(reverse("transition_candidate", args=[candidate.pk]))
    assert (
        "De assessoren liggen 2 niveaus uit elkaar (onvoldoende tot goed)" in page.content.decode()
    )


def test_trn_06_counts_per_competence_and_assessor_stand_next_to_the_level_descriptions(
    logged_in, job_coach, second_job_coach, session, candidate
):
    for coach, n in ((job_coach, 2), (second_job_coach, 1)):
        for i in range(n):
            levels.observation_add(
                session=session,
                candidate_id=candidate.pk,
                text=f"Meldt taak {i} af.",
                competence="initiatief",
                acting_user=coach,
            )
    page = logged_in(job_coach).get(reverse("transition_candidate", args=[candidate.pk]))
    row = page.context["p"].rows[0]
    assert row.code == "initiatief" and row.counts == [2, 1]
    assert len(row.indicators) == 4
    assert "Ziet werk en pakt het spontaan aan." in page.content.decode()


def test_trn_06_an_agreed_level_needs_the_proposals_first(job_coach, session, candidate):
    with pytest.raises(ValidationError, match="Eerst stellen de assessoren elk een niveau voor"):
        levels.agreed_level_set(
            candidate=candidate, competence="initiatief", level=2, acting_user=job_coach
        )
    assert not m.AgreedLevel.objects.exists()


def test_trn_06_an_agreed_level_outside_the_proposals_warns_and_5_is_refused(
    logged_in, job_coach, second_job_coach, session, candidate
):
    _propose(session, candidate, job_coach, "initiatief", 1)
    _propose(session, candidate, second_job_coach, "initiatief", 2)
    client = logged_in(job_coach)
    url = reverse("transition_candidate_agreed", args=[candidate.pk])
    response = client.post(url, {"competence": "initiatief", "level": 5})
    assert response.status_code == 422 and not m.AgreedLevel.objects.exists()
    response = client.post(url, {"competence": "initiatief", "level": 4}, follow=True)
    assert "ligt buiten de voorstellen van de assessoren" in response.content.decode()
    assert m.AgreedLevel.objects.get().level == 4


def test_trn_06_the_candidate_page_reads_a_fixed_number_of_queries(
    logged_in, job_coach, second_job_coach, session, candidate
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = logged_in(job_coach)
    url = reverse("transition_candidate", args=[candidate.pk])

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    _propose(session, candidate, job_coach, "initiatief", 2)
    client.get(url)
    few = count()
    for code in ("nauwkeurigheid", "samenwerken", "motivatie", "discipline"):
        for coach in (job_coach, second_job_coach):
            _propose(session, candidate, coach, code, 3)
            levels.observation_add(
                session=session, candidate_id=candidate.pk, text="Begint.", competence=code,
                acting_user=coach,
            )  # fmt: skip
    assert count() == few
