# ruff: noqa: F811 - the walkers' fixtures are imported and used as arguments
"""Issue 15: every mediation page that reads a service's file writes a FileAccess row for its
client (the walker's URLs and objects: tests/mediation/test_url_access.py)."""

import pytest
from django.urls import reverse

import tests.mediation.test_url_access as walk
from koers.core.access_log import registry
from koers.core.models import FileAccess
from tests.mediation.test_url_access import objects  # noqa: F401 - a fixture


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(walk.GET_PAGES))
def test_opening_a_mediation_page_writes_a_row(
    name,
    objects,
    mediator,
    partner_staff,
    logged_in,  # noqa: F811
):
    reader = partner_staff if name in walk.STAFF_ONLY else mediator
    service = objects[walk.OBJECT_FOR_URL[name]]
    url = reverse(name, kwargs={"pk": service.pk})
    assert logged_in(reader).get(url).status_code == 200
    (row,) = FileAccess.objects.filter(user=reader, path=url)
    assert (row.kind, row.object_id, row.client_id, row.channel) == (
        registry().pages[name].kind,
        service.pk,
        service.client_id,
        "page",
    )


def test_every_mediation_url_is_declared():
    assert set(walk.OBJECT_FOR_URL) <= set(registry().pages)
