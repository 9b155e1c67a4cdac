"""`koers.core.audit`: one page of a file's changes from the audited models the caller names."""

import pytest

from koers.core import audit
from koers.core.data import ClientData
from koers.core.selectors import client_data_from
from koers.core.services import client_create, client_update

pytestmark = pytest.mark.django_db


def _client(centre, user):
    data = ClientData(first_name="Ann", last_name="Voorbeeld", postal_code="9000", city="Gent")
    return client_create(organisation=centre, data=data, acting_user=user)


def test_history_page_lists_changes_newest_first_with_who_and_what(centre, centre_staff):
    client = _client(centre, centre_staff)
    data = client_data_from(client)
    data.first_name = "Annelies"
    client_update(client=client, data=data, acting_user=centre_staff)

    entries, total = audit.history_page(sources=[audit.client_source(client)])

    assert total == 2
    changed, created = entries
    assert changed.user == centre_staff
    assert changed.action == "gewijzigd" and created.action == "aangemaakt"
    assert [(c.old, c.new) for c in changed.changes] == [("Ann", "Annelies")]
    assert changed.object_label == f"#{client.pk}"  # the default label: title or number


def test_history_page_names_objects_with_the_callers_label(centre, centre_staff):
    client = _client(centre, centre_staff)
    entries, _total = audit.history_page(
        sources=[audit.client_source(client)], label=lambda record: "de cliënt"
    )
    assert [e.object_label for e in entries] == ["de cliënt"]


def test_a_page_past_the_end_is_empty(centre, centre_staff):
    client = _client(centre, centre_staff)
    entries, total = audit.history_page(sources=[audit.client_source(client)], page=3)
    assert entries == [] and total == 1
