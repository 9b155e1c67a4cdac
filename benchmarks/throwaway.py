"""Django set up for a benchmark that builds its own database: `DATABASE_URL` when given, else a
fresh SQLite file beside the benchmarks (the old one and its WAL files removed first)."""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def configure(database_url: str, sqlite_name: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "koers.settings"
    os.environ.setdefault("KOERS_DATA_DIR", str(HERE / "var"))
    os.environ.setdefault("DEBUG", "0")
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    if not os.environ.get("DATABASE_URL"):
        path = Path(os.environ.setdefault("SQLITE_PATH", str(HERE / sqlite_name)))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    sys.path.insert(0, str(HERE.parent / "src"))
    sys.path.insert(0, str(HERE))
    import django

    django.setup()
