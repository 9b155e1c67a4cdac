"""Intake talks to the other programmes only through the trajectory core's registries: it
provides the centre's house style (`trajectories.centre_mail`), and a converted lead's
programme takes it over (`trajectories.conversions`)."""

import pytest
from django.core import mail

from koers.intake import messages
from koers.intake.models import CentreBranding
from koers.trajectories import centre_mail
from koers.trajectories.conversions import LeadTakeover, programme_take_over
from koers.trajectories.models import Programme
from tests.factories import TrajectoryFactory

pytestmark = pytest.mark.django_db


def test_the_house_style_other_programmes_use_is_the_centres(centre):
    CentreBranding.objects.create(
        organisation=centre,
        sender_name="Horizon",
        sender_email="hallo@horizon.example.be",
        signature="Team Horizon",
    )
    assert centre_mail.centre_name(centre) == messages.centre_name(centre) == "Horizon"
    assert centre_mail.centre_address(centre) == "hallo@horizon.example.be"
    assert centre_mail.centre_sender(centre) == "Horizon <hallo@horizon.example.be>"
    assert centre_mail.centre_signature(centre) == "Team Horizon"
    assert centre_mail.render_body(centre, "Dag An,") == messages.render_body(centre, "Dag An,")


def test_mail_through_the_registry_leaves_from_the_centre_with_a_reply_to_the_coach(
    centre, coach, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        sent = centre_mail.send_centre_mail(
            centre,
            subject="Evaluatie",
            text="Dag",
            html="<p>Dag</p>",
            to="an@example.org",
            coach=coach,
        )
    assert sent
    assert mail.outbox[-1].from_email.endswith("<info@horizon.example.be>")
    assert mail.outbox[-1].reply_to == [coach.email]


def test_a_programme_without_a_takeover_takes_nothing_over(client_record, coach):
    trajectory = TrajectoryFactory(
        client=client_record,
        responsible=coach,
        organisation=client_record.organisation,
        programme=Programme.TRANSITION,
    )
    takeover = LeadTakeover(career_question="Blijf ik in de zorg?", introduction=None)
    assert programme_take_over(trajectory, takeover, acting_user=trajectory.responsible) is None
