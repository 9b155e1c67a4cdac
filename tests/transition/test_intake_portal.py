"""TRN-03: a worker invited to intake fills in page 1 in the portal (`administrative_via_portal`)."""

import pytest
from django.urls import reverse

from koers.portal.views import SESSION_KEY
from koers.transition import models as m
from tests.transition.steps_intake import invited

pytestmark = pytest.mark.django_db


def _portal(client, worker):
    session = client.session
    session[SESSION_KEY] = worker.pk
    session.save()
    return client


def test_trn_03_the_worker_fills_in_page_one_in_the_portal(client, transition_file, job_coach):
    portal = _portal(client, transition_file.client)
    assert portal.get(reverse("portal_intake")).status_code == 302  # not invited yet
    invited(transition_file, job_coach)
    assert portal.get(reverse("portal_intake")).status_code == 200
    response = portal.post(reverse("portal_intake"), {"name": "Karim Benali", "languages": "NL"})
    assert response.status_code == 302
    done = m.Intake.objects.get(file=transition_file)
    assert done.administrative_via_portal and done.administrative_by_worker
    assert done.administrative["languages"] == "NL" and not done.administrative_completed
