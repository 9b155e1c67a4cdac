"""TRN-03 (and TRN-01 where the phase moves): the intake with a second coach, page 1, STARR
notes, the decision, the feedback, the engagement statement and the kick-off — each refusal
changes nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from koers.transition import models as m
from koers.transition.selectors.intake import intake_section
from koers.transition.services import engagement, intake
from tests.transition.conftest import TRN_TODAY, open_file
from tests.transition.steps_intake import FULL_STARR, held, invited, signed, started

pytestmark = pytest.mark.django_db


def _intake(file):
    return m.Intake.objects.select_related("file__trajectory").get(file=file)


def test_trn_03_no_intake_before_the_invitation(transition_file, job_coach):
    with pytest.raises(ValidationError, match="uitnodiging"):
        intake.intake_hold(
            file=transition_file,
            holding=intake.IntakeHolding(held_on=TRN_TODAY),
            acting_user=job_coach,
        )
    assert not m.Intake.objects.exists()


def test_trn_03_one_coach_warns_a_second_independent_one_does_not(
    transition_file, job_coach, second_job_coach
):
    held(transition_file, job_coach)
    section = intake_section(transition_file, job_coach)
    assert any("tweede, onafhankelijke" in w.message for w in section.warnings)
    intake.intake_hold(
        file=transition_file,
        holding=intake.IntakeHolding(
            held_on=TRN_TODAY, second_coach=second_job_coach, second_coach_independent=True
        ),
        acting_user=job_coach,
    )
    assert intake_section(transition_file, job_coach).warnings == ()


def test_trn_03_the_second_coach_is_one_of_the_companys_job_coaches(
    transition_file, job_coach, outside_job_coach
):
    invited(transition_file, job_coach)
    with pytest.raises(ValidationError) as refused:
        intake.intake_hold(
            file=transition_file,
            holding=intake.IntakeHolding(held_on=TRN_TODAY, second_coach=outside_job_coach),
            acting_user=job_coach,
        )
    assert "second_coach" in refused.value.message_dict
    assert not m.Intake.objects.exists()


def test_trn_03_page_one_by_the_worker_then_completed_by_the_coach(transition_file, job_coach):
    invited(transition_file, job_coach)
    intake.intake_administrative_save(
        file=transition_file,
        data=intake.Administrative(answers={"name": "Karim", "bogus": "x"}, via_portal=True),
        acting_user=None,
    )
    done = _intake(transition_file)
    assert done.administrative["name"] == "Karim" and "bogus" not in done.administrative
    assert done.administrative_by_worker and done.administrative_via_portal
    assert not done.administrative_completed
    intake.intake_administrative_save(
        file=transition_file,
        data=intake.Administrative(
            answers={"name": "Karim Benali"},
            by_worker=True,
            completed=True,
            language_observation="Schrijft vlot",
        ),
        acting_user=job_coach,
    )
    done = _intake(transition_file)
    assert done.administrative_completed and done.administrative_via_portal
    with pytest.raises(ValidationError):  # the portal cannot overwrite what the coach completed
        intake.intake_administrative_save(
            file=transition_file,
            data=intake.Administrative(answers={"name": "X"}, via_portal=True),
            acting_user=None,
        )
    assert _intake(transition_file).administrative["name"] == "Karim Benali"


def test_trn_03_starr_note_outside_the_profile_is_refused(transition_file, job_coach):
    done = held(transition_file, job_coach)
    with pytest.raises(ValidationError) as refused:
        intake.starr_note_add(
            intake=done, starr=intake.Starr(competence="vliegen"), acting_user=job_coach
        )
    assert "competence" in refused.value.message_dict
    assert not m.StarrNote.objects.exists()


def test_trn_03_an_incomplete_starr_note_is_kept_as_a_draft(transition_file, job_coach):
    done = held(transition_file, job_coach)
    note = intake.starr_note_add(
        intake=done,
        starr=intake.Starr(competence="samenwerken", situation="Drukte"),
        acting_user=job_coach,
    )
    line = intake_section(transition_file, job_coach).notes[0]
    assert line.note == note and "mist nog" in line.missing[0].message
    intake.starr_note_update(note=note, starr=FULL_STARR, acting_user=job_coach)
    assert intake_section(transition_file, job_coach).notes[0].missing == ()


def test_trn_03_04_an_organisations_own_profile_decides_the_competences(
    transition_file, job_coach, company
):
    m.Competence.objects.create(organisation=company, code="eigen", name="Eigen", group="extra")
    done = held(transition_file, job_coach)
    with pytest.raises(ValidationError):
        intake.starr_note_add(intake=done, starr=FULL_STARR, acting_user=job_coach)
    intake.starr_note_add(
        intake=done, starr=intake.Starr(competence="eigen"), acting_user=job_coach
    )


def test_trn_03_start_needs_a_starr_example_and_the_completed_page_one(transition_file, job_coach):
    done = held(transition_file, job_coach)
    with pytest.raises(ValidationError, match="STARR"):
        intake.intake_decide(
            intake=done, decision="start", decided_on=TRN_TODAY, reason="", acting_user=job_coach
        )
    file = m.TransitionFile.objects.get(pk=transition_file.pk)
    assert (_intake(file).decision, file.referral_state) == ("", "invited")


def test_trn_03_decision_not_before_the_intake(transition_file, job_coach):
    done = held(transition_file, job_coach)
    with pytest.raises(ValidationError, match="vóór het intakegesprek"):
        intake.intake_decide(
            intake=done,
            decision="no_start",
            decided_on=TRN_TODAY - timedelta(days=1),
            reason="",
            acting_user=job_coach,
        )


def test_trn_01_trn_03_no_start_stops_in_phase_1_2(transition_file, job_coach):
    done = held(transition_file, job_coach)
    intake.intake_decide(
        intake=done,
        decision="no_start",
        decided_on=TRN_TODAY,
        reason="Nog niet klaar",
        acting_user=job_coach,
    )
    file = m.TransitionFile.objects.select_related("trajectory").get(pk=transition_file.pk)
    assert file.referral_state == "intake"
    assert file.trajectory.phase == "1.2"
    assert len(intake_section(file, job_coach).feedback_missing) == 2


def test_trn_03_feedback_to_worker_and_supervisors(transition_file, job_coach):
    done = started(transition_file, job_coach)
    intake.intake_feedback(
        intake=done,
        worker_on=TRN_TODAY,
        supervisors_on=TRN_TODAY,
        text="Geselecteerd",
        acting_user=job_coach,
    )
    assert intake_section(transition_file, job_coach).feedback_missing == ()
    with pytest.raises(ValidationError):
        intake.intake_feedback(
            intake=done,
            worker_on=TRN_TODAY - timedelta(days=3),
            supervisors_on=None,
            text="",
            acting_user=job_coach,
        )
    assert _intake(transition_file).feedback_text == "Geselecteerd"


def test_trn_01_trn_03_both_signatures_are_the_first_milestone(transition_file, job_coach):
    done = started(transition_file, job_coach)
    with pytest.raises(ValidationError, match="allebei"):
        engagement.engagement_sign(
            intake=done, worker_on=TRN_TODAY, coach_on=None, acting_user=job_coach
        )
    assert _intake(transition_file).engagement_worker_signed_on is None
    engagement.engagement_sign(
        intake=done, worker_on=TRN_TODAY, coach_on=TRN_TODAY, acting_user=job_coach
    )
    file = m.TransitionFile.objects.select_related("trajectory").get(pk=transition_file.pk)
    assert file.trajectory.phase == "1.3"
    assert intake_section(file, job_coach).engagement_signed_on == TRN_TODAY


def test_trn_03_no_engagement_after_no_start(transition_file, job_coach):
    done = held(transition_file, job_coach)
    intake.intake_decide(
        intake=done, decision="no_start", decided_on=TRN_TODAY, reason="", acting_user=job_coach
    )
    with pytest.raises(ValidationError, match="positieve beslissing"):
        engagement.engagement_sign(
            intake=done, worker_on=TRN_TODAY, coach_on=TRN_TODAY, acting_user=job_coach
        )


def test_trn_03_kick_off_refuses_a_worker_not_selected(transition_file, job_coach, company):
    signed(transition_file, job_coach)
    other = open_file(
        type(transition_file.client).objects.create(
            organisation=company, first_name="Els", last_name="Peeters"
        ),
        job_coach,
        company,
        proposed_by="coach",
        why="x",
    )
    invitations = [engagement.Invitation(file=transition_file), engagement.Invitation(file=other)]
    with pytest.raises(ValidationError, match="Els Peeters is niet geselecteerd"):
        engagement.kick_off_create(
            organisation=company,
            held_on=TRN_TODAY,
            place="",
            note="",
            invitations=invitations,
            acting_user=job_coach,
        )
    assert not m.KickOff.objects.exists()


def test_trn_01_trn_03_kick_off_with_supervisors_warns_when_left_out(
    transition_file, job_coach, company
):
    m.TransitionFile.objects.filter(pk=transition_file.pk).update(supervisors=["An", "Patrick"])
    transition_file.refresh_from_db()
    signed(transition_file, job_coach)
    kick_off, warnings = engagement.kick_off_create(
        organisation=company,
        held_on=TRN_TODAY,
        place="Refter",
        note="",
        invitations=[engagement.Invitation(file=transition_file, supervisors_invited=("An",))],
        acting_user=job_coach,
    )
    assert "Patrick" in warnings[0].message
    assert kick_off.invitees.get().supervisors_invited == ["An"]
    assert intake_section(transition_file, job_coach).kick_offs[0].kick_off == kick_off
