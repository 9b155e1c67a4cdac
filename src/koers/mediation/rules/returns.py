"""MED-17: after closing, does mediation return to VDAB, and to whom (annex 3 and 4)."""

from dataclasses import dataclass

from koers.lib.rules import Phrase, Reason
from koers.mediation.rules.closing_terms import (
    RETURN_PHRASES,
    Advice,
    ClosingReason,
    ClosingWay,
    ReturnTo,
)
from koers.mediation.rules.ruleset import Tender

# Annex 3 (and annex 4 for WIJ3: only the maximum-duration rows). advice None = no advice.
RETURN_TABLE: dict[tuple[ClosingReason, ClosingWay, Advice | None], ReturnTo] = {
    (ClosingReason.PASSIVE, ClosingWay.PARTNER_ADVICE, Advice.NEED): ReturnTo.NONE,
    (ClosingReason.PASSIVE, ClosingWay.PARTNER_ADVICE, Advice.REASSESS): ReturnTo.NONE,
    (ClosingReason.PASSIVE, ClosingWay.PARTNER_ADVICE, Advice.NO_NEED): ReturnTo.NONE,
    (ClosingReason.PASSIVE, ClosingWay.PARTNER_ADVICE, Advice.EXHAUSTED): ReturnTo.NONE,
    (ClosingReason.PASSIVE, ClosingWay.AUTOMATIC, None): ReturnTo.NONE,
    (ClosingReason.PASSIVE, ClosingWay.VDAB, None): ReturnTo.VDAB_MEDIATOR,
    (ClosingReason.MAX_DURATION, ClosingWay.PARTNER_ADVICE, Advice.NEED): ReturnTo.CHEF_OE,
    (ClosingReason.MAX_DURATION, ClosingWay.PARTNER_ADVICE, Advice.NO_NEED): ReturnTo.NONE,
    (ClosingReason.MAX_DURATION, ClosingWay.PARTNER_ADVICE, Advice.EXHAUSTED): ReturnTo.NONE,
    (ClosingReason.MAX_DURATION, ClosingWay.AUTOMATIC, None): ReturnTo.CHEF_OE,
    (ClosingReason.MAX_DURATION, ClosingWay.VDAB, None): ReturnTo.VDAB_MEDIATOR,
}


@dataclass(frozen=True)
class ReturnDecision:
    to: ReturnTo
    reasons: tuple[Reason, ...]


def return_to_vdab(
    *, tender: str, reason: str, way: str, advice: str | None, open_items: bool
) -> ReturnDecision:
    """MED-17: does mediation return to VDAB, and to whom?

    Open trajectory actions or contacts always send it back, whatever the table says; the seed
    names no addressee for that case, so it goes to the VDAB mediator who referred the client.
    A service stopped for absence (MED-03) goes back to the VDAB mediator with its own signal.
    """
    if reason == ClosingReason.ABSENCE:
        return ReturnDecision(
            ReturnTo.VDAB_MEDIATOR,
            (
                Reason(
                    "MED-03",
                    "Signaal aan de VDAB-bemiddelaar: service geweigerd wegens afwezigheid.",
                ),
            ),
        )
    if tender == Tender.WIJ3 and reason == ClosingReason.PASSIVE:
        raise ValueError("WIJ3 never closes on passive category (MED-13)")
    key = (
        ClosingReason(reason),
        ClosingWay(way),
        Advice(advice) if advice and way == ClosingWay.PARTNER_ADVICE else None,
    )
    to = RETURN_TABLE[key]
    reasons = [
        Reason(
            "MED-17",
            "Volgens {annex}: {to}.",
            (
                ("annex", Phrase("bijlage 4") if tender == Tender.WIJ3 else Phrase("bijlage 3")),
                ("to", RETURN_PHRASES[to]),
            ),
        )
    ]
    if open_items and to == ReturnTo.NONE:
        to = ReturnTo.VDAB_MEDIATOR
        reasons.append(
            Reason(
                "MED-17",
                "Er staan nog open trajectacties of contacten in het dossier: de bemiddeling "
                "komt altijd terug bij VDAB.",
            )
        )
    return ReturnDecision(to, tuple(reasons))
