"""Fault drill for the outbox (issue 15): kill the huey worker by its pid while it delivers, and
stop the mail server mid-run; then count what arrived twice and what never arrived.

    .venv/bin/python benchmarks/faults.py [--messages 200]

It works in a throw-away data folder (SQLite database and huey queue), starts a local SMTP
sink (Python's `smtpd`, a child process whose received subjects are appended to a file), a huey
worker (`manage.py run_huey`), queues the messages through `outbox.services.mail_queue` as the
programmes do, and:
1. kills the worker (SIGKILL, by pid) once part of the messages arrived, restarts it, and lets
   the sweep (`deliver_due_messages`) catch up once the claims ran out;
2. stops the SMTP sink halfway through a second batch, restarts it, and lets the outbox deliver
   what failed meanwhile.
It prints one table row per scenario: queued, delivered, duplicates, missing.
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SMTP_PORT = 8125

SINK = """
import smtpd, asyncore, sys, email
class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kw):
        subject = email.message_from_bytes(data)["Subject"]
        with open(sys.argv[2], "a") as out:
            out.write(subject + "\\n")
Sink(("127.0.0.1", int(sys.argv[1])), None, decode_data=False)
asyncore.loop()
"""


def _env(data: Path) -> dict:
    return {
        **os.environ,
        "KOERS_ENV": "development",
        "KOERS_DATA_DIR": str(data),
        "HUEY_IMMEDIATE": "0",
        "PYTHONWARNINGS": "ignore",
        "PYTHONPATH": str(ROOT),  # benchmarks.faults_mail, the sink's mail backend
        "EMAIL_BACKEND": "benchmarks.faults_mail.SinkBackend",
        "KOERS_OUTBOX_RETRY_SECONDS": "1",
        "KOERS_OUTBOX_LEASE_SECONDS": "3",
    }


def _manage(env: dict, *args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([PYTHON, "manage.py", *args], cwd=ROOT, env=env, **kw)  # noqa: S603 (our own argv)


def _django(env: dict, code: str) -> str:
    run = subprocess.run(  # noqa: S603 (our own argv)
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.strip()


def _sink(received: Path) -> subprocess.Popen:
    return subprocess.Popen([PYTHON, "-c", SINK, str(SMTP_PORT), str(received)])  # noqa: S603


def _queue(env: dict, prefix: str, count: int) -> None:
    _django(
        env,
        "from django.db import transaction\n"
        "from koers.outbox.services import mail_queue\n"
        f"for i in range({count}):\n"
        "    with transaction.atomic():\n"
        f"        mail_queue(kind='faults', to=['drill@example.org'], subject='{prefix}-%d' % i,"
        " body='x')\n",
    )


def _received(received: Path, prefix: str) -> Counter:
    if not received.exists():
        return Counter()
    return Counter(s for s in received.read_text().split() if s.startswith(prefix + "-"))


def _sweep_until_done(env: dict, received: Path, prefix: str, count: int, timeout=60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len(_received(received, prefix)) < count:
        time.sleep(1)
        _django(
            env,
            "from django.utils import timezone\n"
            "from koers.outbox.jobs import deliver_due_messages\n"
            "deliver_due_messages(timezone.now())",
        )


def _row(name: str, received: Path, prefix: str, count: int) -> str:
    got = _received(received, prefix)
    duplicates = sum(n - 1 for n in got.values() if n > 1)
    missing = sum(1 for i in range(count) if got[f"{prefix}-{i}"] == 0)
    return f"| {name} | {count} | {sum(got.values())} | {duplicates} | {missing} |"


def _wait_for(received: Path, prefix: str, at_least: int, timeout=60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and sum(_received(received, prefix).values()) < at_least:
        time.sleep(0.05)


def worker_killed(env: dict, received: Path, count: int) -> str:
    worker = _manage(env, "run_huey", "--quiet", stdout=subprocess.DEVNULL)
    _queue(env, "kill", count)
    _wait_for(received, "kill", count // 3)
    os.kill(worker.pid, signal.SIGKILL)  # in the middle of delivering
    worker.wait()
    time.sleep(4)  # the dead worker's claims run out
    worker = _manage(env, "run_huey", "--quiet", stdout=subprocess.DEVNULL)
    _sweep_until_done(env, received, "kill", count)
    worker.terminate()
    worker.wait()
    return _row("worker killed (SIGKILL) mid-delivery, restarted", received, "kill", count)


def server_down(env: dict, received: Path, count: int) -> str:
    sink = _sink(received)
    time.sleep(0.5)
    worker = _manage(env, "run_huey", "--quiet", stdout=subprocess.DEVNULL)
    _queue(env, "down", count)
    _wait_for(received, "down", count // 2)
    sink.terminate()  # the mail server goes away halfway
    sink.wait()
    _queue(env, "down2", count)  # queued while it is down: they must wait, not vanish
    time.sleep(2)
    sink = _sink(received)
    time.sleep(0.5)
    _sweep_until_done(env, received, "down", count)
    _sweep_until_done(env, received, "down2", count)
    worker.terminate()
    worker.wait()
    sink.terminate()
    return "\n".join(
        [
            _row("mail server stopped mid-run, restarted", received, "down", count),
            _row("queued while the mail server was down", received, "down2", count),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="koers-faults-") as folder:
        data = Path(folder)
        env = _env(data)
        received = data / "received.txt"
        subprocess.run(  # noqa: S603 (our own argv)
            [PYTHON, "manage.py", "migrate", "--verbosity", "0"], cwd=ROOT, env=env, check=True
        )
        sink = _sink(received)
        time.sleep(0.5)
        print("| scenario | queued | delivered | duplicates | missing |")
        print("|---|---|---|---|---|")
        print(worker_killed(env, received, args.messages))
        sink.terminate()
        sink.wait()
        print(server_down(env, received, args.messages))


if __name__ == "__main__":
    main()
