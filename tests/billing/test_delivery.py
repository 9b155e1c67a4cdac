"""BIL-01: delivery batches of complete dossiers, the quarterly reminder, audits."""

from dataclasses import replace
from datetime import date

from koers.billing.rules.delivery import (
    HANDED_IN,
    POSTED,
    PREPARED,
    RECEIVED,
    DossierFacts,
    audit_status,
    batch_refusals,
    batch_state_refusal,
    late_for_audit,
    quarter_reminder,
    to_deliver,
)
from koers.billing.rules.ruleset import ruleset_for
from koers.lib.rules import phrase

RULES = ruleset_for(date(2026, 3, 1))  # quarter reminder 14 days, audit reminder 7 (to confirm)
DONE = DossierFacts("101", "An Peeters", "c1", closed_on=date(2026, 2, 10))
INCOMPLETE = DossierFacts(
    "102",
    "Bart Claes",
    "c1",
    closed_on=date(2026, 2, 20),
    missing=(phrase("origineel contract"), phrase("evaluatie of herinneringen")),
)


def test_bil_01_complete_dossiers_go_into_a_batch():
    assert batch_refusals([DONE], "c1") == ()
    assert to_deliver([DONE, INCOMPLETE]) == [DONE]


def test_bil_01_an_incomplete_dossier_is_refused_naming_what_is_missing():
    (refused,) = batch_refusals([DONE, INCOMPLETE], "c1")
    assert refused.rule == "BIL-01"
    assert refused.message == (
        "Cheque 102 (Bart Claes) is niet volledig; er ontbreekt: origineel contract, "
        "evaluatie of herinneringen."
    )


def test_bil_01_running_delivered_foreign_duplicate_and_empty_batches_are_refused():
    running = replace(DONE, voucher="103", closed_on=None)
    delivered = replace(DONE, voucher="104", delivered_on=date(2026, 3, 1))
    foreign = replace(DONE, voucher="105", coach="c2")
    messages = [r.message for r in batch_refusals([running, delivered, foreign, DONE, DONE], "c1")]
    assert messages == [
        "Cheque 103 (An Peeters) is nog niet afgerond.",
        "Cheque 104 is al bezorgd op 01/03/2026.",
        "Cheque 105 is niet van deze coach.",
        "Cheque 101 staat twee keer in de zending.",
    ]
    assert batch_refusals([], "c1")[0].rule == "BIL-01"


def test_bil_01_a_posted_batch_stays_posted_until_staff_confirm_receipt():
    assert batch_state_refusal(PREPARED, POSTED) is None
    assert batch_state_refusal(POSTED, RECEIVED) is None
    assert batch_state_refusal(HANDED_IN, RECEIVED) is None
    assert batch_state_refusal(PREPARED, RECEIVED).rule == "BIL-01"
    assert batch_state_refusal(RECEIVED, POSTED).rule == "BIL-01"


def test_bil_01_reminder_before_the_quarter_ends_when_nothing_was_delivered():
    reminder = quarter_reminder([DONE], None, date(2026, 3, 17), RULES)
    assert reminder.rule == "BIL-01"
    assert "1 dossier(s) klaar, het kwartaal eindigt op 31/03/2026" in reminder.message
    assert quarter_reminder([DONE], None, date(2026, 3, 16), RULES) is None  # too early
    assert quarter_reminder([DONE], date(2026, 1, 5), date(2026, 3, 20), RULES) is None
    assert quarter_reminder([DONE], date(2025, 12, 20), date(2026, 3, 20), RULES) is not None
    assert quarter_reminder([INCOMPLETE], None, date(2026, 3, 20), RULES) is None


def test_bil_01_audit_every_completed_dossier_must_be_in_by_the_deadline():
    later = replace(DONE, voucher="106", closed_on=date(2026, 5, 2))
    status = audit_status(
        "c1", [DONE, INCOMPLETE, later], date(2026, 4, 30), date(2026, 4, 1), RULES
    )
    assert [d.voucher for d in status.due] == ["101"]
    assert status.reasons == () and not status.late
    reminded = audit_status("c1", [DONE], date(2026, 4, 30), date(2026, 4, 23), RULES)
    assert "ten laatste op 30/04/2026" in reminded.reasons[0].message


def test_bil_01_staff_see_who_is_late_for_the_audit():
    on_time = replace(DONE, voucher="201", coach="c2", delivered_on=date(2026, 4, 20))
    dossiers = [DONE, on_time, INCOMPLETE]
    assert late_for_audit(dossiers, date(2026, 4, 30), date(2026, 5, 1), RULES) == ["c1"]
    assert late_for_audit(dossiers, date(2026, 4, 30), date(2026, 4, 30), RULES) == []
    status = audit_status("c1", dossiers, date(2026, 4, 30), date(2026, 5, 1), RULES)
    assert status.late and "Te laat voor de audit" in status.reasons[0].message


def test_bil_01_the_batch_transition_table_is_complete():
    from koers.billing.rules.delivery import BATCH_TRANSITIONS

    states = {PREPARED, HANDED_IN, POSTED, RECEIVED}
    assert set(BATCH_TRANSITIONS) == states
    assert set().union(*BATCH_TRANSITIONS.values()) <= states
    assert BATCH_TRANSITIONS[RECEIVED] == frozenset()  # received originals stay received


def test_bil_01_two_dossiers_with_the_same_voucher_number_are_told_apart_by_their_key():
    # A voucher's number is 1 or 2 per client: two clients' voucher 1 are two dossiers.
    first = replace(DONE, voucher="1", key=11)
    second = replace(DONE, voucher="1", client_name="Bart Claes", key=12)
    assert batch_refusals([first, second], "c1") == ()
    assert (
        batch_refusals([first, first], "c1")[0].message == "Cheque 1 staat twee keer in de zending."
    )
