"""Issue 14: the stored dossier judgement (`DossierTally`, what the dashboards and the
trajectory list read) stays equal to the checklist judged now (LBC-11/13/15, LBC-18 aftercare
proof) after every kind of change the checklist reads: a contact, a document and its status, the
voucher's own fields, the POP, an aftercare entry; deleting a voucher leaves no row; and the
trajectory list's dossier filter reads it without replaying any contact."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from koers.core.models import Role
from koers.trajectories.dossiers import dossier_facts
from koers.trajectories.lists import TrajectoryFilter, trajectory_list
from koers.trajectories.models import Document, DocumentKind, DocumentStatus
from koers.vouchers.billing_dossiers import judge_dossiers
from koers.vouchers.models import AftercareEntry, DossierTally, GroupParticipant, Voucher
from koers.vouchers.services.counting import recount_all
from tests.factories import DocumentFactory, PlanFactory, PlanVersionFactory, staff_user
from tests.vouchers.test_billing_hours_rows import _varied_voucher

pytestmark = pytest.mark.django_db


def _stored(voucher) -> list[str]:
    (state,) = dossier_facts(
        coach_ids=[voucher.trajectory.responsible_id],
        trajectory_ids=[voucher.trajectory_id],
        judged=False,
    )
    return [str(p) for p in state.missing]


def _judged(voucher) -> list[str]:
    fresh = Voucher.objects.select_related("trajectory", "client").get(pk=voucher.pk)
    (state,) = judge_dossiers([fresh])
    return [str(p) for p in state.missing]


def _assert_stored_equals_judged(voucher) -> list[str]:
    assert _stored(voucher) == _judged(voucher)
    return _stored(voucher)


@pytest.fixture
def voucher(centre, coach):
    return _varied_voucher(centre, coach, staff_user(centre, Role.COACH, username="coach-other"))


def test_issue_14_tally_follows_documents_and_their_status(voucher):
    before = _assert_stored_equals_judged(voucher)
    contract = DocumentFactory(
        trajectory=voucher.trajectory, kind=DocumentKind.CONTRACT, status=DocumentStatus.SIGNED
    )
    _assert_stored_equals_judged(voucher)
    contract.status = DocumentStatus.ORIGINAL_RECEIVED
    contract.save()
    after = _assert_stored_equals_judged(voucher)
    assert len(after) == len(before) - 1  # the original contract is in (LBC-11.1)
    contract.delete()
    assert _assert_stored_equals_judged(voucher) == before


def test_issue_14_tally_follows_the_vouchers_fields_and_contacts(voucher):
    before = _assert_stored_equals_judged(voucher)
    voucher.evaluation_received_on = timezone.localdate()
    voucher.code_of_conduct_handed_on = timezone.localdate()
    voucher.save()
    assert len(_assert_stored_equals_judged(voucher)) < len(before)
    voucher.trajectory.contacts.order_by("starts_at").last().delete()
    _assert_stored_equals_judged(voucher)


def test_issue_14_tally_follows_the_pop_and_its_versions(voucher):
    plan = PlanFactory(trajectory=voucher.trajectory)
    _assert_stored_equals_judged(voucher)
    version = PlanVersionFactory(plan=plan)
    _assert_stored_equals_judged(voucher)
    version.delete()
    plan.delete()
    _assert_stored_equals_judged(voucher)


def test_lbc_18_tally_counts_an_aftercare_contact_without_proof(voucher, coach):
    assert "Bewijs van de nazorg" not in _assert_stored_equals_judged(voucher)
    entry = AftercareEntry.objects.create(
        voucher=voucher,
        on=timezone.localdate() - timedelta(days=1),
        minutes=20,
        form=AftercareEntry.Form.PHONE,
        recorded_by=coach,
    )
    assert "Bewijs van de nazorg" in _assert_stored_equals_judged(voucher)
    entry.evidence = Document.objects.create(
        trajectory=voucher.trajectory,
        kind=DocumentKind.OTHER,
        title="Mail nazorg",
        status=DocumentStatus.ORIGINAL_RECEIVED,
    )
    entry.save()
    assert "Bewijs van de nazorg" not in _assert_stored_equals_judged(voucher)


def test_issue_14_deleting_a_voucher_leaves_no_tally_and_recount_all_repairs(voucher):
    DossierTally.objects.all().delete()  # as after a bulk insert that bypassed the signals
    recount_all()
    assert _assert_stored_equals_judged(voucher)
    trajectory_id = voucher.trajectory_id
    GroupParticipant.objects.filter(voucher=voucher).delete()
    voucher.delete()
    assert not DossierTally.objects.filter(trajectory_id=trajectory_id).exists()


def test_issue_14_dossier_filter_of_the_list_replays_no_contact(voucher, centre_staff):
    open_points = bool(_judged(voucher))
    with CaptureQueriesContext(connection) as queries:
        complete = list(
            trajectory_list(user=centre_staff, chosen=TrajectoryFilter(dossier="volledig"))
        )
        incomplete = list(
            trajectory_list(user=centre_staff, chosen=TrajectoryFilter(dossier="open"))
        )
    assert [t.pk for t in (incomplete if open_points else complete)] == [voucher.trajectory_id]
    assert not (complete if open_points else incomplete)
    assert not any("trajectories_contact" in q["sql"] for q in queries.captured_queries)
