"""The lead name search through an index (issue 14, `workplace/lead_search.py`): the same
matches as before (every word a substring of the normalised name, accents and case ignored),
an FTS5 trigram table on SQLite kept by triggers on every write, pg_trgm on PostgreSQL."""

import re

import pytest
from django.db import connection
from django.utils import timezone

from koers.intake.models import Lead
from koers.workplace.lead_search import LEAD_FTS_TABLE, LEAD_TRIGGERS
from koers.workplace.search import lead_matches, read_terms
from tests.workplace.test_search import make_lead
from tests.workplace.test_search_plans import plan

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 on SQLite only")


def names(user, query):
    return sorted(lead.full_name for lead in lead_matches(user=user, terms=read_terms(query)))


@pytest.fixture
def leads(centre):
    for first, last in [
        ("Céline", "Van Dyck"),
        ("Celine", "Janssens"),
        ("Zoë", "D'Hondt"),
        ("Jan", "Peeters"),
        ("Anna", "Peeters-Maes"),
        ("Bert", "Maes"),
    ]:
        make_lead(centre, first_name=first, last_name=last, email=f"{first}@example.be")


def test_a_part_of_a_lead_name_matches_anywhere_without_accents(centre_staff, leads):
    assert names(centre_staff, "eeter") == ["Anna Peeters-Maes", "Jan Peeters"]
    assert names(centre_staff, "CÉLINE") == ["Celine Janssens", "Céline Van Dyck"]
    assert names(centre_staff, "zoe d'h") == ["Zoë D'Hondt"]


def test_words_under_three_characters_still_match_as_parts(centre_staff, leads):
    assert names(centre_staff, "ae") == ["Anna Peeters-Maes", "Bert Maes"]
    assert names(centre_staff, "maes an") == ["Anna Peeters-Maes"]


def test_every_word_must_match_in_any_order(centre_staff, leads):
    assert names(centre_staff, "peeters jan") == ["Jan Peeters"]
    assert names(centre_staff, "jan nobody") == []


@pytest.mark.parametrize("query", ['"peeters', "peeters OR maes", "pee*", "NEAR(a b)", "^jan"])
def test_query_syntax_is_plain_characters(centre_staff, leads, query):
    assert names(centre_staff, query) == []  # no syntax error, no operator


def test_a_renamed_lead_is_found_by_its_new_name_only(centre_staff, centre):
    lead = make_lead(centre, first_name="Oud", last_name="Naamloos")
    Lead.objects.filter(pk=lead.pk).update(first_name="Nieuw")
    assert names(centre_staff, "nieuw naamloos") == ["Nieuw Naamloos"]
    assert names(centre_staff, "oud naamloos") == []


def test_a_deleted_lead_is_not_found(centre_staff, centre):
    make_lead(centre, last_name="Weggedaan").delete()
    assert names(centre_staff, "weggedaan") == []


def test_leads_made_in_bulk_are_found(centre_staff, centre):
    now = timezone.now()
    Lead.objects.bulk_create(
        Lead(
            organisation=centre,
            first_name="Bülk",
            last_name=f"Gemaakt{n}",
            career_question="-",
            arrived_at=now,
            clock_started_at=now,
        )
        for n in range(3)
    )
    assert names(centre_staff, "bulk gemaakt") == [
        "Bülk Gemaakt0",
        "Bülk Gemaakt1",
        "Bülk Gemaakt2",
    ]


@sqlite_only
def test_the_lead_search_table_and_triggers_survive_all_migrations():
    """A migration that rebuilds `intake_lead` on SQLite drops its triggers: run
    `workplace.lead_search.install` again in it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        found = {row[0] for row in cursor.fetchall()}
    assert {LEAD_FTS_TABLE, *LEAD_TRIGGERS} <= found


@sqlite_only
def test_a_lead_name_search_reads_the_fts_table_not_every_lead(centre_staff, leads):
    found = plan(lead_matches(user=centre_staff, terms=read_terms("peeters")))
    assert f"{LEAD_FTS_TABLE} VIRTUAL TABLE" in found, found
    assert not re.search(r"SCAN intake_lead\b", found), found


@pytest.mark.parametrize("query", ["e_", "e%", "n\\"])
def test_like_wildcards_in_a_short_word_are_plain_characters(centre_staff, leads, query):
    assert names(centre_staff, query) == []
