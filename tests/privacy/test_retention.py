"""Retention (Art. 5.1.e): each kind of record is erased once its period in settings has passed,
in batches, idempotently, with a preview of counts and a record of each run."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from koers.core.models import Client
from koers.intake.models import Lead
from koers.privacy.jobs import retention_erase_due
from koers.privacy.models import RetentionRun
from koers.privacy.retention import retention_preview, retention_sweep
from koers.privacy.shredding import ERASED
from koers.trajectories.models import Programme, TrajectoryStatus
from tests.factories import ClientFactory, TrajectoryFactory
from tests.privacy.conftest import make_lead

NOW = datetime(2026, 9, 1, 3, 0, tzinfo=ZoneInfo("Europe/Brussels"))

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fixed_day():
    with time_machine.travel(NOW, tick=False):
        yield


def _preview(kind: str):
    return next(row for row in retention_preview(timezone.now()) if row.kind == kind)


def test_a_lead_that_never_became_a_client_is_erased_after_the_lead_period(centre, settings):
    settings.KOERS_RETENTION_LEAD_DAYS = 365
    old = make_lead(centre, created_days_ago=400)
    young = make_lead(centre, first_name="Mila", created_days_ago=100)
    run = retention_sweep(now=timezone.now())
    assert Lead.objects.get(pk=old.pk).first_name == ERASED
    assert Lead.objects.get(pk=young.pk).first_name == "Mila"
    assert run.counts["lead_not_converted"] == 1


def test_a_converted_lead_follows_its_client_not_the_lead_period(centre, client_record, settings):
    settings.KOERS_RETENTION_LEAD_DAYS = 365
    converted = make_lead(centre, client=client_record, created_days_ago=400)
    retention_sweep(now=timezone.now())
    assert Lead.objects.get(pk=converted.pk).first_name == "Nora"


def test_a_second_run_erases_nothing_again(centre, settings):
    settings.KOERS_RETENTION_LEAD_DAYS = 365
    make_lead(centre, created_days_ago=400)
    retention_sweep(now=timezone.now())
    again = retention_sweep(now=timezone.now())
    assert again.counts["lead_not_converted"] == 0
    assert _preview("lead_not_converted").due == 0


def test_the_sweep_works_in_batches_and_the_next_run_goes_on(centre, settings):
    settings.KOERS_RETENTION_LEAD_DAYS = 365
    for _ in range(3):
        make_lead(centre, created_days_ago=400)
    first = retention_sweep(now=timezone.now(), batch=2)
    assert first.counts["lead_not_converted"] == 2 and first.more_due == ["lead_not_converted"]
    second = retention_sweep(now=timezone.now(), batch=2)
    assert second.counts["lead_not_converted"] == 1 and second.more_due == []


def test_the_preview_counts_what_the_next_run_touches_without_names(centre, settings):
    settings.KOERS_RETENTION_LEAD_DAYS = 365
    settings.KOERS_RETENTION_BATCH = 2
    for _ in range(3):
        make_lead(centre, created_days_ago=400)
    row = _preview("lead_not_converted")
    assert (row.days, row.due, row.next_run) == (365, 3, 2)
    assert "Nora" not in repr(retention_preview(timezone.now()))
    assert Lead.objects.filter(first_name="Nora").count() == 3


def test_a_client_whose_last_trajectory_ended_long_ago_is_erased(centre, settings):
    settings.KOERS_RETENTION_CLOSED_FILE_DAYS = 5 * 365
    ended = timezone.localdate() - timedelta(days=6 * 365)
    old = ClientFactory(organisation=centre, first_name="Oud")
    Client.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=7 * 365))
    TrajectoryFactory(
        client=old,
        status=TrajectoryStatus.CLOSED,
        start_date=ended - timedelta(days=90),
        end_date=ended,
    )
    recent = ClientFactory(organisation=centre, first_name="Recent")
    Client.objects.filter(pk=recent.pk).update(created_at=timezone.now() - timedelta(days=7 * 365))
    TrajectoryFactory(
        client=recent,
        status=TrajectoryStatus.CLOSED,
        start_date=ended,
        end_date=timezone.localdate() - timedelta(days=365),
    )
    retention_sweep(now=timezone.now())
    assert Client.objects.get(pk=old.pk).first_name == ERASED
    assert Client.objects.get(pk=recent.pk).first_name == "Recent"


def test_a_client_with_a_running_trajectory_is_never_due(centre, settings):
    settings.KOERS_RETENTION_CLOSED_FILE_DAYS = 5 * 365
    running = ClientFactory(organisation=centre, first_name="Loopt")
    Client.objects.filter(pk=running.pk).update(created_at=timezone.now() - timedelta(days=9 * 365))
    TrajectoryFactory(
        client=running,
        status=TrajectoryStatus.ACTIVE,
        start_date=timezone.localdate() - timedelta(days=8 * 365),
    )
    retention_sweep(now=timezone.now())
    assert Client.objects.get(pk=running.pk).first_name == "Loopt"


def test_a_partner_file_is_erased_a_month_after_its_access_ended(centre, settings):
    settings.KOERS_RETENTION_MEDIATION_AFTER_ACCESS_DAYS = 30
    gone = ClientFactory(organisation=centre, first_name="Partner")
    TrajectoryFactory(
        client=gone,
        programme=Programme.MEDIATION,
        status=TrajectoryStatus.CLOSED,
        access_until=timezone.now() - timedelta(days=31),
    )
    still = ClientFactory(organisation=centre, first_name="Nog")
    TrajectoryFactory(
        client=still,
        programme=Programme.MEDIATION,
        status=TrajectoryStatus.CLOSED,
        access_until=timezone.now() - timedelta(days=10),
    )
    run = retention_sweep(now=timezone.now())
    assert Client.objects.get(pk=gone.pk).first_name == ERASED
    assert Client.objects.get(pk=still.pk).first_name == "Nog"
    assert run.counts["mediation_access_ended"] == 1


def test_each_run_is_recorded_with_its_counts(centre, settings):
    settings.KOERS_RETENTION_LEAD_DAYS = 365
    make_lead(centre, created_days_ago=400)
    run = retention_sweep(now=timezone.now())
    stored = RetentionRun.objects.get(pk=run.pk)
    assert stored.finished_at == timezone.now()
    assert set(stored.counts) == {"client_closed", "mediation_access_ended", "lead_not_converted"}


def test_the_sweep_job_runs_once_per_interval(centre, settings):
    settings.KOERS_RETENTION_EVERY_HOURS = 24
    settings.KOERS_RETENTION_LEAD_DAYS = 365
    retention_erase_due(timezone.now())
    make_lead(centre, created_days_ago=400)
    assert retention_erase_due(timezone.now() + timedelta(hours=1)) == 0
    assert retention_erase_due(timezone.now() + timedelta(hours=25)) == 1
    assert RetentionRun.objects.count() == 2


def test_the_sweep_job_is_registered_with_the_periodic_sweep():
    from koers.core.sweep import registered_jobs

    assert "koers.privacy.jobs.retention_erase_due" in registered_jobs()
