"""LBC-10: the intake topics (rules/intake.py)."""

from koers.vouchers.rules.intake import INTAKE_TOPICS, missing_intake_topics


# LBC-10 -------------------------------------------------------------------------------------
def test_lbc_10_intake_has_the_ten_topics_of_the_seed():
    assert len(INTAKE_TOPICS) == 10
    assert missing_intake_topics(set(INTAKE_TOPICS)) == []
    assert missing_intake_topics({"confidentiality"})[0] == "right_to_guidance"
