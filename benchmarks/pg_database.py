"""Create the PostgreSQL database a URL names, when it is not there yet (for `make bench`).

python benchmarks/pg_database.py postgres://user@host:5432/name
"""

import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql


def ensure(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    # Connect to the server's own `postgres` database: the one named may not exist yet.
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


if __name__ == "__main__":
    ensure(sys.argv[1])
