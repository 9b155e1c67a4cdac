"""LBC-01: how many vouchers a client may use, and which number the next one gets."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from koers.lib.rules import Reason, reason
from koers.vouchers.rules.ruleset import ABSOLUTE_MAX_VOUCHERS, RULESETS, Ruleset, ruleset_for

__all__ = ["ABSOLUTE_MAX_VOUCHERS", "Entitlement", "voucher_entitlement"]


@dataclass(frozen=True)
class Entitlement:
    allowed: bool
    next_number: int | None
    limit: int
    reason: Reason


def voucher_entitlement(
    *, started_on: Iterable[date], today: date, rulesets: Iterable[Ruleset] = RULESETS
) -> Entitlement:
    """LBC-01: the limit is the one of the rule set in force when the client's first voucher
    started, so the 2025 reform limits *new* clients to one voucher and lets earlier clients
    finish their second."""
    rulesets = tuple(rulesets)
    dates = sorted(started_on)
    first = dates[0] if dates else today
    limit = min(ruleset_for(first, rulesets).vouchers_per_client, ABSOLUTE_MAX_VOUCHERS)
    used = len(dates)
    if used >= limit:
        return Entitlement(
            False,
            None,
            limit,
            reason(
                "LBC-01",
                "Deze cliënt heeft al een loopbaancheque gebruikt; het maximum is {limit}.",
                limit=limit,
            )
            if used == 1
            else reason(
                "LBC-01",
                "Deze cliënt heeft al {used} loopbaancheques gebruikt; het maximum is {limit}.",
                used=used,
                limit=limit,
            ),
        )
    return Entitlement(
        True,
        used + 1,
        limit,
        reason("LBC-01", "Dit wordt loopbaancheque {number}.", number=used + 1),
    )
