"""The client name search through an index (issue 14, `core/search.py`): normalised names, every
word a substring, an FTS5 trigram table on SQLite kept by triggers, pg_trgm on PostgreSQL."""

import re

import pytest
from django.db import connection

from koers.core.models import Client
from koers.core.search import (
    FTS_TABLE,
    PG_INDEX,
    TRIGGERS,
    client_search_name,
    fts_phrase,
    name_condition,
)
from koers.core.selectors import client_data_from, client_search
from koers.core.services import client_update
from koers.lib.text import search_text
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the FTS5 table exists on SQLite only"
)


def names(user, query):
    return sorted(c.full_name for c in client_search(user=user, query=query))


@pytest.fixture
def clients(centre):
    for first, last in [
        ("Céline", "Van Dyck"),
        ("Celine", "Janssens"),
        ("Zoë", "D'Hondt"),
        ("Jan", "Peeters"),
        ("Anna", "Peeters-Maes"),
        ("Bert", "Maes"),
    ]:
        ClientFactory(organisation=centre, first_name=first, last_name=last)


def test_search_text_lowercases_strips_accents_and_collapses_spaces():
    assert search_text("  Céline \t VAN  Dyck ") == "celine van dyck"
    assert search_text("Zoë Ærøskøbing Straße") == "zoe ærøskøbing strasse"
    assert len(client_search_name("ß" * 100, "ß" * 100)) == 201  # fits the column


def test_accents_and_case_do_not_matter(centre_staff, clients):
    assert names(centre_staff, "celine") == ["Celine Janssens", "Céline Van Dyck"]
    assert names(centre_staff, "CÉLINE") == ["Celine Janssens", "Céline Van Dyck"]
    assert names(centre_staff, "zoe") == ["Zoë D'Hondt"]


def test_partial_words_match_anywhere(centre_staff, clients):
    assert names(centre_staff, "eeter") == ["Anna Peeters-Maes", "Jan Peeters"]
    assert names(centre_staff, "ae") == ["Anna Peeters-Maes", "Bert Maes"]  # under 3 characters


def test_every_word_must_match_in_any_order(centre_staff, clients):
    assert names(centre_staff, "peeters jan") == ["Jan Peeters"]
    assert names(centre_staff, "maes an") == ["Anna Peeters-Maes"]
    assert names(centre_staff, "maes nobody") == []


@pytest.mark.parametrize(
    "query",
    ['"', '""', 'd"hondt', '"peeters', "d'hondt", "peeters OR maes", "pee*", "NEAR(a b)", "^jan"],
)
def test_quotes_and_query_syntax_are_plain_characters(centre_staff, clients, query):
    found = names(centre_staff, query)  # no syntax error
    assert found == (["Zoë D'Hondt"] if query == "d'hondt" else [])


def test_fts_phrase_doubles_double_quotes():
    assert fts_phrase('a"b') == '"a""b"'


def test_search_stays_within_what_the_user_may_see(coach, trajectory, clients):
    assert names(coach, "celine") == []
    assert names(coach, trajectory.client.last_name[:4]) == [trajectory.client.full_name]


def test_created_updated_and_deleted_clients_are_found_or_not(centre_staff, centre):
    client = ClientFactory(organisation=centre, first_name="Ilse", last_name="Wouters")
    assert names(centre_staff, "wouter") == ["Ilse Wouters"]
    data = client_data_from(client)
    data = data.__class__(**{**data.__dict__, "last_name": "Goossens"})
    client_update(client=client, data=data, acting_user=centre_staff)
    assert names(centre_staff, "wouter") == []
    assert names(centre_staff, "gooss") == ["Ilse Goossens"]
    Client.objects.filter(pk=client.pk).delete()
    assert names(centre_staff, "gooss") == []


@sqlite_only
def test_the_triggers_survive_all_migrations():
    """A migration that rebuilds `core_client` drops its triggers on SQLite: call
    `core.search.install` again in it (see `core/search.py`)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {row[0] for row in cursor.fetchall()}
    assert set(TRIGGERS) <= triggers


@sqlite_only
def test_search_reads_the_fts_table_not_every_client(centre_staff, clients):
    query = client_search(user=centre_staff, query="peeters")[:25].query
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
    assert f"SCAN {FTS_TABLE} VIRTUAL TABLE" in plan
    assert "SEARCH core_client USING INTEGER PRIMARY KEY" in plan, plan
    assert not re.search(r"SCAN core_client\b", plan), plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm on PostgreSQL only")
def test_postgresql_search_uses_the_trigram_index(centre_staff, centre):
    Client.objects.bulk_create(
        Client(
            organisation=centre,
            first_name="Voornaam",
            last_name=f"Naam{n:04d}",
            search_name=client_search_name("Voornaam", f"Naam{n:04d}"),
        )
        for n in range(2000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE core_client")
    queryset = client_search(user=centre_staff, query="naam0123")
    sql, params = queryset[:25].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"Bitmap Index Scan on {PG_INDEX}" in plan, plan
    assert [c.last_name for c in queryset] == ["Naam0123"]


def test_the_data_migration_normalises_existing_names(centre):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("koers.core.migrations.0005_client_search_normalised")
    old = ClientFactory(organisation=centre, first_name="Céline", last_name="Van Dyck")
    Client.objects.filter(pk=old.pk).update(search_name="céline van dyck")  # as saved before
    migration.recompute(apps, None)
    old.refresh_from_db()
    assert old.search_name == "celine van dyck"
    assert names_of_all("celine") == ["Céline Van Dyck"]


def names_of_all(query):
    return [c.full_name for c in Client.objects.filter(name_condition(query))]
