"""BIL-01 read interface: the voucher programme states its closed dossiers (checklist LBC-11/13/15
plus aftercare evidence) through `koers.trajectories.dossiers`, in a constant number of queries."""

from datetime import date

import pytest

from koers.trajectories.dossiers import dossier_facts
from koers.vouchers.models import AftercareEntry
from koers.vouchers.selectors import voucher_summary
from koers.vouchers.services import voucher_close, voucher_open
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


def _closed_voucher(coach, centre, name):
    first, last = name.split(" ")
    client = ClientFactory(organisation=centre, first_name=first, last_name=last)
    voucher = voucher_open(
        client=client,
        responsible=coach,
        organisation=centre,
        start_date=date(2026, 1, 5),
        career_question="Ik wil iets anders doen na twintig jaar in de logistiek.",
        acting_user=coach,
    )
    return voucher_close(voucher=voucher, acting_user=coach, reason="client_stopped")


def test_bil_01_voucher_dossiers_name_the_missing_checklist_pieces(coach, centre):
    voucher = _closed_voucher(coach, centre, "An Peeters")
    (state,) = dossier_facts(coach_ids=[coach.pk])
    assert state.trajectory_id == voucher.trajectory_id and state.voucher == "1"
    assert state.client_name == "An Peeters" and state.coach_id == coach.pk
    assert state.closed_on is not None and not state.complete
    blockers = [str(b.label) for b in voucher_summary(voucher).blockers]
    assert [str(m) for m in state.missing] == blockers
    assert "Overeenkomst: origineel ontvangen" in blockers


def test_bil_01_aftercare_without_evidence_is_a_missing_piece(coach, centre):
    voucher = _closed_voucher(coach, centre, "An Peeters")
    AftercareEntry.objects.create(
        voucher=voucher, on=date(2026, 3, 1), minutes=30, form="phone", recorded_by=coach
    )
    (state,) = dossier_facts(coach_ids=[coach.pk])
    assert "Bewijs van de nazorg" in [str(m) for m in state.missing]


def test_bil_01_running_vouchers_only_when_asked_by_id(coach, centre, voucher_rules_in_force):
    client = ClientFactory(organisation=centre)
    running = voucher_open(
        client=client,
        responsible=coach,
        organisation=centre,
        start_date=date(2026, 6, 5),
        career_question="Ik wil iets anders doen na twintig jaar in de logistiek.",
        acting_user=coach,
    )
    assert dossier_facts(coach_ids=[coach.pk]) == []
    (state,) = dossier_facts(coach_ids=[coach.pk], trajectory_ids=[running.trajectory_id])
    assert state.closed_on is None


def test_bil_01_voucher_dossiers_take_a_constant_number_of_queries(
    coach, centre, django_assert_max_num_queries
):
    _closed_voucher(coach, centre, "An Peeters")
    with django_assert_max_num_queries(20) as one:
        dossier_facts(coach_ids=[coach.pk])
    for name in ("Bart Claes", "Cor Dewit", "Dirk Elst", "Eva Fis"):
        _closed_voucher(coach, centre, name)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(dossier_facts(coach_ids=[coach.pk])) == 5


def test_bil_01_the_audit_pack_shows_per_rule_the_evidence_or_what_is_lacking(
    coach, other_coach, centre_staff, centre, logged_in
):
    from django.urls import reverse

    voucher = _closed_voucher(coach, centre, "An Peeters")
    AftercareEntry.objects.create(
        voucher=voucher, on=date(2026, 3, 1), minutes=30, form="phone", recorded_by=coach
    )
    (state,) = dossier_facts(coach_ids=[coach.pk])
    rules = {c.evidence.rule for c in state.checks}
    assert {"LBC-01", "LBC-11", "LBC-15", "LBC-18"} <= rules
    assert not next(c for c in state.checks if str(c.label) == "Bewijs van de nazorg").ok
    url = reverse("billing_audit_pack", args=[voucher.trajectory_id])
    page = logged_in(coach).get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Overeenkomst: origineel ontvangen" in body and "LBC-18" in body
    assert "zou afgekeurd worden" in body
    assert logged_in(centre_staff).get(url).status_code == 200
    assert logged_in(other_coach).get(url).status_code == 404
