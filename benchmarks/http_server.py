"""What `bench_http.py` and `load.py` share: Django set up on the benchmark database, gunicorn
started on it with production settings, sessions made for the benchmark users, and a small HTTP
client with keep-alive (the standard library's `http.client`, one connection per thread).

The server runs as production does (`KOERS_ENV=production`, DEBUG off, the manifest static
storage, collected first), with the keys of the process that made the data, so national numbers
decrypt and the sessions made here are valid there. Two things differ from a deployment, both
because it answers plain HTTP on 127.0.0.1: `SECURE_SSL_REDIRECT=0` (the settings' own switch) and
the session cookie sent by hand (the browser would keep a `Secure` cookie off plain HTTP). Mail
goes to the local memory backend: a benchmark never reaches a mail server.
"""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VAR = HERE / "var"


def configure(database_url: str) -> str:
    """Set up Django in this process (development settings) on the benchmark database; returns
    the DATABASE_URL for the server: `database_url`, or the SQLite file generate.py wrote."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "koers.settings"
    os.environ.setdefault("KOERS_DATA_DIR", str(VAR))
    os.environ.setdefault("DEBUG", "0")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    if not os.environ.get("DATABASE_URL"):
        path = Path(os.environ.setdefault("SQLITE_PATH", str(HERE / "bench.sqlite3"))).resolve()
        url = f"sqlite:///{path}"
    else:
        url = os.environ["DATABASE_URL"]
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(HERE))
    import django

    django.setup()
    return url


def production_env(database_url: str) -> dict[str, str]:
    """The environment of the production-like server (call after `configure`)."""
    from django.conf import settings

    env = {k: v for k, v in os.environ.items() if k not in ("SQLITE_PATH", "DEBUG")}
    env.update(
        KOERS_ENV="production",
        DEBUG="0",
        DATABASE_URL=database_url,
        SECRET_KEY=settings.SECRET_KEY,
        FIELD_ENCRYPTION_KEYS=",".join(settings.FIELD_ENCRYPTION_KEYS),
        BLIND_INDEX_KEY=settings.BLIND_INDEX_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        KOERS_DATA_DIR=str(VAR),
        STATIC_ROOT=str(VAR / "static"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT / "src"),
    )
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn with `workers` sync workers on 127.0.0.1; the log in benchmarks/var/."""

    def __init__(self, env: dict[str, str], *, workers: int = 3, name: str = "bench"):
        self.env, self.workers, self.port = env, workers, free_port()
        VAR.mkdir(exist_ok=True)
        self.log_path = VAR / f"gunicorn-{name}.log"
        self.process = None

    def __enter__(self) -> "Server":
        bin_dir = Path(sys.executable).parent
        subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v", "0"],
            env=self.env,
            check=True,
            cwd=ROOT,
        )
        gunicorn = shutil.which("gunicorn", path=str(bin_dir)) or "gunicorn"
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(  # noqa: S603 - the venv's gunicorn
            [
                gunicorn,
                "koers.wsgi:application",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={self.workers}",
                "--timeout=120",
                "--access-logfile=-",
                "--access-logformat=%(s)s %(m)s %(U)s %(M)sms",
            ],
            env=self.env,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped; see {self.log_path}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        return self

    def __exit__(self, *exc) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()

    def log_counts(self) -> dict[str, int]:
        """Server errors and "database is locked" in gunicorn's log (tracebacks and 5xx lines)."""
        text = self.log_path.read_text(errors="replace")
        lines = text.splitlines()
        return {
            "locked": text.count("database is locked"),
            "tracebacks": text.count("Traceback"),
            "5xx": sum(1 for line in lines if line[:1] == "5" and line[3:4] == " "),
        }


def session_cookie(user) -> str:
    """A `Cookie:` header value with a fresh session of `user`, as a login with the second factor
    would make it: production asks staff for one, so the session names a confirmed TOTP device
    (enrolled here when the user has none). Without it every staff page would time a redirect."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="benchmark", confirmed=True)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


class Browser:
    """One user's connection: keep-alive when the server allows it, a new connection when not."""

    def __init__(self, port: int, headers: dict[str, str] | None = None):
        self.port, self.headers, self.conn = port, headers or {}, None

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        """(status, body bytes, seconds)."""
        all_headers = {"Host": "127.0.0.1", **self.headers, **(headers or {})}
        started = time.perf_counter()
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            try:
                self.conn.request(method, path, body=body, headers=all_headers)
                response = self.conn.getresponse()
                data = response.read()
            except (http.client.HTTPException, ConnectionError, OSError):
                self.close()
                if attempt == 2:
                    raise
                started = time.perf_counter()
                continue
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, data, time.perf_counter() - started
        raise AssertionError("unreachable")  # pragma: no cover

    def get(self, path: str):
        return self.request("GET", path)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]
