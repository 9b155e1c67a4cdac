"""Fault drill for the sweep jobs (issue 15): kill the process running a job by its pid, in the
middle of the job, with real work to do; run it again; then count the rows it made twice and
the rows it never made, against the same job run once without a fault.

    .venv/bin/python benchmarks/faults_sweep.py [--database benchmarks/bench-2k.sqlite3]
        [--job NAME ...]

The database is a SQLite file made by `generate.py` (e.g. `SQLITE_PATH=benchmarks/bench-2k.sqlite3
python benchmarks/generate.py --clients 2000`); it is never changed: every run works on a copy.
Per registered job (`manage.py sweep --job NAME`, the same `run_sweep` the huey worker's
periodic task calls), the drill looks for a moment at which the job has work (now, the 6th of
next month, in 13 months, in 11 years: settlement day, reminders, retention), then:
1. the control: the job runs on a fresh copy (again, as the next sweeps would, until it reports
   no work: some work in batches); its rows per table afterwards, its first run's duration;
2. the fault: the job runs on another fresh copy and is killed (SIGKILL) halfway through that
   first run, then runs again until it reports no work.
A row per job: the work the job reported, when it was killed, and per table the difference in
rows with the control (duplicates: more rows; missing: fewer). The target is 0 and 0.
"""

import argparse
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE = ROOT / "benchmarks" / "bench-2k.sqlite3"


def _moments(now: datetime) -> list[datetime]:
    next_month = (now.replace(day=1) + timedelta(days=32)).replace(day=6, hour=6, minute=0)
    return [now, next_month, now + timedelta(days=400), now + timedelta(days=11 * 366)]


def _env(database: Path, data: Path) -> dict:
    return {
        **os.environ,
        "KOERS_ENV": "development",
        "DEBUG": "0",
        "SQLITE_PATH": str(database),
        "KOERS_DATA_DIR": str(data),
        "HUEY_IMMEDIATE": "1",
        "PYTHONWARNINGS": "ignore",
    }


def _job_names(env: dict) -> list[str]:
    code = "from koers.core.sweep import registered_jobs; print('\\n'.join(registered_jobs()))"
    out = subprocess.run(  # noqa: S603 (our own argv)
        [PYTHON, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.split()


def _start(env: dict, job: str, at: datetime) -> subprocess.Popen:
    argv = [PYTHON, "manage.py", "sweep", "-v", "2", "--job", job, "--now", at.isoformat()]
    return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)  # noqa: S603


def _wait_started(process: subprocess.Popen, job: str) -> None:
    for line in process.stdout:
        if line.strip() == f"-> {job}":
            return
    raise RuntimeError(f"{job} did not start")


def _finish(process: subprocess.Popen, job: str) -> int | None:
    """The work the job reported (None: it failed)."""
    out, _ = process.communicate()
    for line in out.splitlines():
        if line.startswith(f"{job}: "):
            value = line.split(": ", 1)[1]
            return int(value) if value.isdigit() else None
    return None


def _rows(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608


class Copy:
    """A fresh copy of the database and its own data folder, removed afterwards."""

    def __init__(self, source: Path):
        self.folder = Path(tempfile.mkdtemp(prefix="koers-faults-"))
        self.database = self.folder / "koers.sqlite3"
        shutil.copyfile(source, self.database)
        self.env = _env(self.database, self.folder)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.folder, ignore_errors=True)


RUNS = 10  # a job that works in batches runs again on the next sweep: until it has no work


def _until_done(env: dict, job: str, at: datetime) -> None:
    for _ in range(RUNS):
        if not _finish(_start(env, job, at), job):
            return


def _control(source: Path, job: str, at: datetime):
    with Copy(source) as copy:
        process = _start(copy.env, job, at)
        _wait_started(process, job)
        started = time.perf_counter()
        work = _finish(process, job)
        seconds = time.perf_counter() - started
        if work:
            _until_done(copy.env, job, at)
        return work, seconds, _rows(copy.database)


def _killed(source: Path, job: str, at: datetime, after: float) -> dict[str, int]:
    with Copy(source) as copy:
        process = _start(copy.env, job, at)
        _wait_started(process, job)
        time.sleep(after)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)  # in the middle of the job
        process.wait()
        _until_done(copy.env, job, at)  # the next sweeps run it again
        return _rows(copy.database)


def drill(source: Path, job: str, now: datetime) -> str:
    for at in _moments(now):
        work, seconds, control = _control(source, job, at)
        if work:
            break
    else:
        return f"| {job} | no work at any moment | | | |"
    after = seconds / 2
    faulted = _killed(source, job, at, after)
    diff = {t: faulted.get(t, 0) - n for t, n in control.items()}
    duplicates = sum(d for d in diff.values() if d > 0)
    missing = -sum(d for d in diff.values() if d < 0)
    tables = ", ".join(f"{t} {d:+d}" for t, d in diff.items() if d)
    return (
        f"| {job} | {work} at {at:%Y-%m-%d} | {after * 1000:.0f} ms of {seconds * 1000:.0f} ms "
        f"| {duplicates} | {missing} | {tables}"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", type=Path, default=DEFAULT_DATABASE)
    parser.add_argument("--job", action="append", default=[])
    args = parser.parse_args(argv)
    if not args.database.exists():
        print(f"No {args.database}: make it with generate.py (see this file's docstring).")
        return 1
    with Copy(args.database) as copy:
        jobs = args.job or _job_names(copy.env)
    now = datetime.now().astimezone()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; {args.database.name}")
    print("| job | work | killed after | duplicates | missing | tables differing |")
    print("|---|---|---|---|---|---|")
    for job in jobs:
        print(drill(args.database, job, now), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
