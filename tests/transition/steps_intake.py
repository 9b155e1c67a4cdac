"""Shared steps of the referral and intake tests: a file brought to a state through the services."""

from datetime import timedelta

from koers.transition.services import engagement, intake, referral
from tests.transition.conftest import TRN_TODAY

ANSWERS = {
    "motivation": "Wil een vast contract",
    "strengths": "Stipt; soms te snel",
    "why_ready": "Haalt de normen al een jaar",
    "job_target": "Ja: magazijnmedewerker",
}
CHECKS = referral.Checks(basic_dutch_confirmed=True, no_pretext_confirmed=True)
FULL_STARR = intake.Starr(
    competence="initiatief",
    situation="Een collega viel uit",
    task="Zijn ploeg bijstaan",
    action="Nam de planning over",
    result="Alles tijdig klaar",
    reflection="Sneller hulp vragen",
)


def in_dialogue(file, coach):
    return referral.referral_dialogue(
        file=file, answers=ANSWERS, held_on=TRN_TODAY, acting_user=coach
    )


def invited(file, coach):
    in_dialogue(file, coach)
    return referral.referral_invite(
        file=file, checks=CHECKS, invited_on=TRN_TODAY, acting_user=coach
    )


def held(file, coach, second=None):
    invited(file, coach)
    done = intake.intake_hold(
        file=file,
        holding=intake.IntakeHolding(
            held_on=TRN_TODAY, second_coach=second, second_coach_independent=bool(second)
        ),
        acting_user=coach,
    )
    intake.intake_administrative_save(
        file=file,
        data=intake.Administrative(answers={"name": "Karim"}, by_worker=True, completed=True),
        acting_user=coach,
    )
    return done


def started(file, coach, second=None):
    done = held(file, coach, second)
    intake.starr_note_add(intake=done, starr=FULL_STARR, acting_user=coach)
    return intake.intake_decide(
        intake=done, decision="start", decided_on=TRN_TODAY, reason="", acting_user=coach
    )


def signed(file, coach):
    done = started(file, coach)
    day = TRN_TODAY + timedelta(days=0)
    return engagement.engagement_sign(intake=done, worker_on=day, coach_on=day, acting_user=coach)
