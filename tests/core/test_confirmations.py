"""Confirmation where it matters (issue 16): every action that starts a funder clock or cannot be
undone asks first, saying in the user's words what will happen (`data-confirm` on its button).
Each page is rendered as a user who may act, with the data that shows the button."""

import html
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from koers.billing.services.delivery import batch_create, batch_set_state
from koers.core.models import Role
from koers.intake.services import unavailability_add
from koers.privacy.erasure import erasure_request
from koers.transition.services import measures as measure_services
from tests.billing.delivery.factories import fake_dossiers  # noqa: F401
from tests.factories import DocumentFactory, staff_user
from tests.transition.conftest import TRN_TODAY, company, job_coach, open_file, worker  # noqa: F401

pytestmark = pytest.mark.django_db


def _confirms(response) -> list[str]:
    """The confirmation texts of the page's buttons, unescaped."""
    assert response.status_code == 200
    body = response.content.decode()
    return [html.unescape(part.split('"', 1)[0]) for part in body.split('data-confirm="')[1:]]


def _has(texts: list[str], *words: str) -> bool:
    return any(all(w in t for w in words) for t in texts)


def test_making_a_delivery_batch_asks_first_and_says_it_cannot_be_undone(
    fake_dossiers,  # noqa: F811
    coach,
    logged_in,
):
    t = fake_dossiers.dossier(coach)
    texts = _confirms(logged_in(coach).post(reverse("billing_batch_new"), {"dossiers": [t.pk]}))
    assert _has(texts, "De zending maken met deze dossiers?", "kan niet ongedaan")


def test_handing_in_or_posting_a_batch_asks_first_naming_the_coachs_risk(
    fake_dossiers,  # noqa: F811
    coach,
    logged_in,
):
    batch = batch_create(trajectory_ids=[fake_dossiers.dossier(coach).pk], acting_user=coach)
    texts = _confirms(logged_in(coach).get(reverse("billing_batch_detail", args=[batch.pk])))
    assert _has(texts, "in de brievenbus van het centrum", "kan niet ongedaan")
    assert _has(texts, "per post hebt verstuurd", "op jouw risico", "kan niet ongedaan")


def test_receiving_a_batch_asks_first_that_the_dossiers_then_count_as_delivered(
    fake_dossiers,  # noqa: F811
    coach,
    centre_staff,
    logged_in,
):
    batch = batch_create(trajectory_ids=[fake_dossiers.dossier(coach).pk], acting_user=coach)
    batch_set_state(batch=batch, state="handed_in", why="", acting_user=coach)
    texts = _confirms(logged_in(centre_staff).get(reverse("billing_batch_detail", args=[batch.pk])))
    assert _has(texts, "originelen van deze zending ontvangen", "gelden dan als bezorgd")


def test_announcing_an_audit_asks_first_that_every_coach_must_deliver_by_the_date(
    fake_dossiers,  # noqa: F811
    centre_staff,
    logged_in,
):
    texts = _confirms(logged_in(centre_staff).get(reverse("billing_delivery")))
    assert _has(texts, "De audit aankondigen?", "Elke coach van het centrum")


def test_confirming_and_cancelling_an_erasure_each_say_what_happens(
    client_record, administrator, centre, logged_in
):
    asked = erasure_request(
        kind="client", subject_id=client_record.pk, acting_user=administrator, now=timezone.now()
    )
    second = staff_user(centre, Role.ADMINISTRATOR)
    texts = _confirms(logged_in(second).get(reverse("privacy_erasure_detail", args=[asked.pk])))
    assert _has(texts, "De persoonsgegevens nu wissen", "kan niet ongedaan")
    assert _has(texts, "Het verzoek tot wissen intrekken?", "Er wordt niets gewist")


def test_deleting_an_unavailability_names_the_coach_the_period_and_new_leads(
    coach, centre, logged_in
):
    start = timezone.localtime() + timedelta(days=1)
    unavailability_add(
        coach=coach,
        organisation=centre,
        starts_at=start,
        ends_at=start + timedelta(days=7),
        reason="Vakantie",
        acting_user=coach,
    )
    texts = _confirms(logged_in(coach).get(reverse("intake_unavailability")))
    assert _has(
        texts,
        f"De afwezigheid van {coach}",
        start.strftime("%d/%m/%Y"),
        "weer nieuwe aanvragen",
        "kan niet ongedaan",
    )


def test_cancelling_a_transition_measure_says_it_stops_and_cannot_be_undone(
    worker,  # noqa: F811
    job_coach,  # noqa: F811
    company,  # noqa: F811
    logged_in,
):
    with time_machine.travel("2026-10-05T10:00:00+02:00", tick=True):
        file = open_file(worker, job_coach, company, proposed_by="supervisor", why="Zelfstandig")
        measure = measure_services.measure_plan(
            file=file,
            data=measure_services.MeasureData(kind="bvs", planned_start=TRN_TODAY),
            acting_user=job_coach,
        )[0]
        url = reverse("transition_measure", kwargs={"pk": measure.pk})
        texts = _confirms(logged_in(job_coach).get(url))
    assert _has(texts, "De maatregel annuleren?", "Ze loopt niet verder", "kan niet ongedaan")
    assert _has(texts, "De maatregel vandaag starten?", "kan niet ongedaan")


def test_changing_a_documents_status_names_the_document_and_the_dossier(
    trajectory, coach, logged_in
):
    DocumentFactory(trajectory=trajectory, title="Overeenkomst Nora")
    texts = _confirms(logged_in(coach).get(reverse("trajectory_detail", args=[trajectory.pk])))
    assert _has(
        texts, "De status van “Overeenkomst Nora” wijzigen?", "volledigheid van het dossier"
    )
