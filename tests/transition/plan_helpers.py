"""Set-up shared by the plan, activity and employer tests: a file whose engagement statement is
signed (the first milestone, TRN-01), so that the PDP and actions may be recorded."""

from datetime import date, timedelta

from koers.transition import models as m
from koers.transition.rules import plan as rules
from koers.transition.services import plan as plan_services
from tests.transition.conftest import TRN_TODAY


def signed(file: m.TransitionFile, coach, on: date = TRN_TODAY - timedelta(days=20)):
    m.Intake.objects.create(
        file=file,
        coach=coach,
        held_on=on,
        decision=m.Decision.START,
        decided_on=on,
        engagement_worker_signed_on=on,
        engagement_coach_signed_on=on,
    )
    return file


def first_pdp(file, coach, **answers):
    return plan_services.pdp_save(
        file=file,
        answers=answers or {"jobdoelwit": "Magazijnmedewerker"},
        actions=[
            rules.Action(
                "CV opmaken", TRN_TODAY - timedelta(days=10), TRN_TODAY - timedelta(days=2), "Karim"
            )
        ],
        acting_user=coach,
    )
