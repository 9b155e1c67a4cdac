"""What the rule-set tests share: the days around the end of the built-in voucher versions, a
publication of the next one, and a voucher opened on a day."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from koers.trajectories.rulesets import ruleset_publish
from koers.vouchers.services import voucher_open

BRUSSELS = ZoneInfo("Europe/Brussels")
AFTER_THE_END = datetime(2027, 3, 15, 10, 0, tzinfo=BRUSSELS)
BEFORE_THE_END = datetime(2026, 6, 1, 10, 0, tzinfo=BRUSSELS)
NO_RULESET = (
    "Er is geen regelset voor loopbaancheques geldig op 15/03/2027 (de laatste liep tot "
    "31/12/2026). Een beheerder van het centrum publiceert een nieuwe versie onder Centrum ▾ "
    "Regelsets."
)


def publish(user, **overrides):
    data = {
        "programme": "voucher",
        "version": "2027-loopbaankrediet",
        "valid_from": date(2027, 1, 1),
        "valid_until": None,
        "based_on": "2025-reform",
        "changes": {"own_contribution_cents": 5000},
        "reason": "Mededeling VDAB van 10/03/2027 over het loopbaankrediet.",
        "acting_user": user,
    }
    return ruleset_publish(**{**data, **overrides})


def open_voucher(client_record, coach, day):
    return voucher_open(
        client=client_record,
        responsible=coach,
        organisation=client_record.organisation,
        start_date=day,
        acting_user=coach,
    )
