"""The database settings, built one way whatever the mode: SQLite always gets the options that keep
concurrent writers safe (issue 14: production on a `sqlite://` URL lost them and answered
"database is locked" under load)."""

from pathlib import Path

import dj_database_url

SQLITE_ENGINE = "django.db.backends.sqlite3"
POSTGRESQL_ENGINE = "django.db.backends.postgresql"

# IMMEDIATE takes the write lock at BEGIN, so concurrent writers wait (busy timeout) instead of
# failing with "database is locked" halfway a transaction; WAL lets readers go on meanwhile.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 10,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;"
    ),
}

# PostgreSQL's JIT compiles a plan when its estimated cost is high; for Koers' short page queries
# over a whole centre that compilation costs more than the query itself (about 27 ms on the
# centre staff's client count at 20,000 clients), so it is off for Koers' own connections.
POSTGRESQL_OPTIONS = {"options": "-c jit=off"}


def database(url: str, *, sqlite_path: Path, conn_max_age: int) -> dict:
    """The `default` database: from `url` (DATABASE_URL) or, when empty, SQLite at
    `sqlite_path`; a SQLite database always with `SQLITE_OPTIONS`, PostgreSQL with
    `POSTGRESQL_OPTIONS`."""
    if url:
        config = dj_database_url.parse(url, conn_max_age=conn_max_age)
    else:
        config = {"ENGINE": SQLITE_ENGINE, "NAME": sqlite_path}
    if config["ENGINE"] == SQLITE_ENGINE:
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    elif config["ENGINE"] == POSTGRESQL_ENGINE:
        config["OPTIONS"] = {**POSTGRESQL_OPTIONS, **config.get("OPTIONS", {})}
    return config
