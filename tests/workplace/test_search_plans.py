"""The header's search reads through indexes (issue 16): no scan of all clients for a name, an
e-mail, a phone or a national number, and the indexes survive every migration."""

import re

import pytest
from django.db import connection

from koers.workplace.search import client_matches, lead_matches, read_terms
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans")
INDEXES = ("client_email_lower", "client_phone", "lead_email_lower", "lead_phone")


def plan(queryset) -> str:
    sql, params = queryset[:9].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            ("EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ") + sql, params
        )
        return "\n".join(
            str(row[-1] if connection.vendor == "sqlite" else row[0]) for row in cursor.fetchall()
        )


@pytest.fixture
def many(centre):
    """Clients as in a centre: each with its own phone and national number (the planner, given
    statistics, would not use an index whose column holds one value)."""
    for n in range(60):
        client = ClientFactory.build(organisation=centre, phone=f"+3247{n:07d}")
        client.national_number_index = f"{n:064x}"
        client.save()


@pytest.fixture
def analysed(many):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def test_the_search_indexes_survive_all_migrations():
    """A migration that rebuilds `core_client` or `intake_lead` on SQLite drops them: run
    `workplace/migrations/0001_search_indexes.install` again in it."""
    with connection.cursor() as cursor:
        names = set()
        for table in ("core_client", "intake_lead"):
            names |= set(connection.introspection.get_constraints(cursor, table))
    assert set(INDEXES) <= names


@sqlite_only
@pytest.mark.parametrize(
    ("query", "index"),
    [
        ("client1@example.org", "client_email_lower"),
        ("0470 12 34 56", "client_phone"),
        ("85.07.30-033.28", "core_client_national_number_index"),
    ],
)
def test_an_exact_client_lookup_seeks_in_its_index(centre_staff, analysed, query, index):
    found = plan(client_matches(user=centre_staff, terms=read_terms(query)))
    assert "USING INDEX" in found and (index in found or "national_number_index" in found), found
    assert not re.search(r"SCAN core_client\b", found), found


@sqlite_only
def test_a_name_search_reads_the_fts_table_not_every_client(centre_staff, many):
    found = plan(client_matches(user=centre_staff, terms=read_terms("peeters")))
    assert "core_client_search VIRTUAL TABLE" in found, found
    assert not re.search(r"SCAN core_client\b", found), found


@sqlite_only
@pytest.mark.parametrize(
    ("query", "index"), [("a@b.be", "lead_email_lower"), ("0470123456", "lead_phone")]
)
def test_an_exact_lead_lookup_seeks_in_its_index(administrator, query, index):
    found = plan(lead_matches(user=administrator, terms=read_terms(query)))
    assert index in found, found


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm on PostgreSQL only")
def test_postgresql_lead_names_use_the_trigram_index_without_accents(administrator, centre):
    from django.utils import timezone

    from koers.intake.models import Lead

    now = timezone.now()
    Lead.objects.bulk_create(
        Lead(
            organisation=centre,
            first_name="Ayşe",
            last_name=f"Özdemir{n:04d}",
            email=f"x{n}@e.be",
            phone="+32470123456",
            career_question="-",
            arrived_at=now,
            clock_started_at=now,
        )
        for n in range(2000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE intake_lead")
    matches = lead_matches(user=administrator, terms=read_terms("ozdemir0123"))
    assert "lead_search_name_trgm" in plan(matches)
    assert [lead.last_name for lead in matches] == ["Özdemir0123"]
