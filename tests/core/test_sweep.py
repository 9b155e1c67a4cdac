"""The periodic sweep: the core's job that deletes stale import files, and the sweep runner."""

import os
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from koers.core import sweep
from koers.core.imports import pending_dir
from koers.core.jobs import delete_stale_import_files

JOB = "koers.core.jobs.delete_stale_import_files"


@pytest.fixture
def import_files():
    folder = pending_dir()
    folder.mkdir(parents=True, exist_ok=True)
    now = timezone.now()
    old, fresh = folder / ("a" * 32), folder / ("b" * 32)
    for path in (old, fresh):
        path.write_bytes(b"voornaam;achternaam\nAnn;Peeters\n")
    # File times come from the real clock, not the (possibly travelled) test clock: set both.
    for path, at in ((old, now - timedelta(hours=25)), (fresh, now)):
        os.utime(path, (at.timestamp(), at.timestamp()))
    yield now, old, fresh
    old.unlink(missing_ok=True)
    fresh.unlink(missing_ok=True)


def test_job_is_registered_with_the_sweep():
    assert sweep.registered_jobs()[JOB] is delete_stale_import_files


def test_stale_import_files_are_deleted_and_the_job_is_idempotent(import_files):
    now, old, fresh = import_files
    assert delete_stale_import_files(now) == 1
    assert not old.exists() and fresh.exists()
    assert delete_stale_import_files(now) == 0
    assert fresh.exists()
    # A day later the fresh one goes too.
    assert delete_stale_import_files(now + timedelta(hours=25)) == 1
    assert not fresh.exists()


def test_job_without_the_folder_does_nothing(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "elders"
    assert delete_stale_import_files(timezone.now()) == 0


def test_run_sweep_survives_a_failing_job(monkeypatch, import_files):
    now, old, _fresh = import_files

    def broken(now):
        raise RuntimeError("kapot")

    # Only this app's job beside the broken one: other apps' jobs have their own tests.
    jobs = {"tests.broken": broken, JOB: delete_stale_import_files}
    monkeypatch.setattr(sweep, "_jobs", jobs)
    results = sweep.run_sweep(now)
    assert results["tests.broken"] is None
    assert results[JOB] == 1
    assert not old.exists()


def test_sweep_command_prints_jobs_and_results(import_files, capsys, monkeypatch):
    monkeypatch.setattr(sweep, "_jobs", {JOB: delete_stale_import_files})
    call_command("sweep")
    out = capsys.readouterr().out
    assert f"{JOB}: 1" in out


def test_sweep_command_runs_only_the_named_job_at_the_given_moment(monkeypatch):
    seen = {}

    def first(now):
        seen["first"] = now
        return 3

    def second(now):  # pragma: no cover - must not run
        seen["second"] = now

    monkeypatch.setattr(sweep, "_jobs", {"tests.first": first, "tests.second": second})
    call_command("sweep", job=["tests.first"], now="2030-02-01T08:30:00+01:00")
    assert list(seen) == ["first"]
    assert seen["first"].isoformat() == "2030-02-01T08:30:00+01:00"


def test_sweep_command_refuses_an_unknown_job(monkeypatch):
    monkeypatch.setattr(sweep, "_jobs", {JOB: delete_stale_import_files})
    with pytest.raises(CommandError, match="Onbekende taak: tests.nope"):
        call_command("sweep", job=["tests.nope"])
