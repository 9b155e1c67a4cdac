"""TRN-02, TRN-15 (and TRN-01 where the phase moves): proposing a worker, the readiness dialogue,
the checks before the invitation, the invitation and calling off — each refusal changes nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from koers.core.models import StateChange
from koers.transition import models as m
from koers.transition.services import Proposal, referral
from tests.factories import ClientFactory
from tests.transition.conftest import TRN_TODAY
from tests.transition.steps_intake import ANSWERS, CHECKS, in_dialogue, invited

pytestmark = pytest.mark.django_db


def _reload(file):
    return m.TransitionFile.objects.select_related("trajectory").get(pk=file.pk)


def test_trn_02_the_worker_may_propose_himself(company, job_coach):
    worker = ClientFactory(organisation=company)
    file = referral.referral_propose(
        client=worker,
        organisation=company,
        responsible=job_coach,
        proposal=Proposal(referred_on=TRN_TODAY, proposed_by="worker", why="Voelt zich klaar"),
        supervisors=["Werkleider Patrick", " "],
        acting_user=job_coach,
    )
    assert file.proposed_by == "worker"
    assert file.supervisors == ["Werkleider Patrick"]
    assert file.trajectory.phase == "1.1"


def test_trn_15_a_proposal_without_who_and_why_is_refused_and_opens_nothing(company, job_coach):
    worker = ClientFactory(organisation=company)
    with pytest.raises(ValidationError) as refused:
        referral.referral_propose(
            client=worker,
            organisation=company,
            responsible=job_coach,
            proposal=Proposal(referred_on=TRN_TODAY, proposed_by="", why=" "),
            acting_user=job_coach,
        )
    assert set(refused.value.message_dict) == {"proposed_by", "why"}
    assert "(TRN-15)" in refused.value.message_dict["why"][0]
    assert not m.TransitionFile.objects.filter(client=worker).exists()


def test_trn_15_editing_who_and_why(transition_file, job_coach):
    changes = referral.ReferralChanges(
        proposed_by="other",
        proposer_name="Maatschappelijk werker",
        why="Sterk gemotiveerd",
        job_target="Heftruckchauffeur",
        supervisors=("An", "Patrick"),
    )
    referral.referral_update(file=transition_file, changes=changes, acting_user=job_coach)
    file = _reload(transition_file)
    assert (file.proposed_by, file.job_target, file.supervisors) == (
        "other",
        "Heftruckchauffeur",
        ["An", "Patrick"],
    )
    with pytest.raises(ValidationError):
        referral.referral_update(
            file=file,
            changes=referral.ReferralChanges(proposed_by="other", why=""),
            acting_user=job_coach,
        )
    assert _reload(file).why == "Sterk gemotiveerd"


def test_trn_02_the_dialogue_records_the_four_points_and_moves_to_dialogue(
    transition_file, job_coach
):
    in_dialogue(transition_file, job_coach)
    file = _reload(transition_file)
    assert file.referral_state == "dialogue"
    assert file.dialogue == ANSWERS
    assert StateChange.objects.filter(object_id=file.pk, to_state="dialogue").count() == 1


def test_trn_02_the_dialogue_is_not_before_the_proposal(transition_file, job_coach):
    with pytest.raises(ValidationError):
        referral.referral_dialogue(
            file=transition_file,
            answers=ANSWERS,
            held_on=TRN_TODAY - timedelta(days=1),
            acting_user=job_coach,
        )
    assert _reload(transition_file).referral_state == "proposed"


def test_trn_02_trn_15_invitation_refused_with_every_reason_and_nothing_saved(
    transition_file, job_coach
):
    referral.referral_dialogue(
        file=transition_file,
        answers={**ANSWERS, "job_target": ""},
        held_on=TRN_TODAY,
        acting_user=job_coach,
    )
    with pytest.raises(ValidationError) as refused:
        referral.referral_invite(
            file=transition_file,
            checks=referral.Checks(no_pretext_confirmed=True, pretext_signals=("end_of_subsidy",)),
            invited_on=TRN_TODAY,
            acting_user=job_coach,
        )
    text = " ".join(refused.value.messages)
    assert "jobdoelwit" in text and "basiskennis Nederlands" in text and "einde subsidie" in text
    file = _reload(transition_file)
    assert (file.referral_state, file.invited_on, file.pretext_signals) == ("dialogue", None, [])
    assert file.trajectory.phase == "1.1"


def test_trn_15_a_noticed_pretext_blocks_even_with_no_pretext_ticked(transition_file, job_coach):
    in_dialogue(transition_file, job_coach)
    checks = referral.Checks(
        basic_dutch_confirmed=True,
        no_pretext_confirmed=True,
        pretext_signals=("repeated_poor_performance",),
    )
    with pytest.raises(ValidationError, match="voorwendsel"):
        referral.referral_invite(
            file=transition_file, checks=checks, invited_on=TRN_TODAY, acting_user=job_coach
        )


def test_trn_15_checks_kept_without_inviting(transition_file, job_coach):
    referral.referral_checks_save(
        file=transition_file,
        checks=referral.Checks(basic_dutch_confirmed=True, pretext_signals=("end_of_subsidy", "x")),
        acting_user=job_coach,
    )
    file = _reload(transition_file)
    assert file.basic_dutch_confirmed and file.pretext_signals == ["end_of_subsidy"]
    assert file.referral_state == "proposed"


def test_trn_01_trn_02_the_invitation_moves_to_invited_and_phase_1_2(transition_file, job_coach):
    invited(transition_file, job_coach)
    file = _reload(transition_file)
    assert (file.referral_state, file.invited_on) == ("invited", TRN_TODAY)
    assert file.trajectory.phase == "1.2"


def test_trn_02_no_invitation_from_proposed(transition_file, job_coach):
    with pytest.raises(ValidationError, match="na de dialoog"):
        referral.referral_invite(
            file=transition_file, checks=CHECKS, invited_on=TRN_TODAY, acting_user=job_coach
        )


def test_trn_02_call_off_records_ground_and_reason(transition_file, job_coach):
    invited(transition_file, job_coach)
    referral.referral_call_off(
        file=transition_file,
        ground="lack_of_engagement",
        reason="Komt niet naar de afspraken",
        called_off_on=TRN_TODAY,
        acting_user=job_coach,
    )
    file = _reload(transition_file)
    assert (file.referral_state, file.called_off_on, file.call_off_ground) == (
        "called_off",
        TRN_TODAY,
        "lack_of_engagement",
    )
    move = StateChange.objects.get(object_id=file.pk, to_state="called_off")
    assert move.why == "Komt niet naar de afspraken"
    assert file.trajectory.phase == "1.2"  # stays where it stopped


@pytest.mark.parametrize(
    ("ground", "reason", "field"), [("", "Reden", "ground"), ("other", " ", "reason")]
)
def test_trn_02_call_off_without_ground_or_reason_is_refused(
    transition_file, job_coach, ground, reason, field
):
    with pytest.raises(ValidationError) as refused:
        referral.referral_call_off(
            file=transition_file,
            ground=ground,
            reason=reason,
            called_off_on=TRN_TODAY,
            acting_user=job_coach,
        )
    assert field in refused.value.message_dict
    assert _reload(transition_file).referral_state == "proposed"


def test_trn_02_a_called_off_file_takes_nothing_more(transition_file, job_coach):
    referral.referral_call_off(
        file=transition_file,
        ground="worker_withdraws",
        reason="Ziet ervan af",
        called_off_on=TRN_TODAY,
        acting_user=job_coach,
    )
    with pytest.raises(ValidationError):
        in_dialogue(transition_file, job_coach)
    with pytest.raises(ValidationError):
        referral.referral_call_off(
            file=transition_file,
            ground="other",
            reason="Nog eens",
            called_off_on=TRN_TODAY,
            acting_user=job_coach,
        )
