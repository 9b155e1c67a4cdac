"""LBC hour rules: which minutes of a contact count on a voucher, and why.

No Django, no clock: callers pass the facts and the rule set in force. Every decision carries
the rule ID and a Dutch sentence so the UI and the API can explain it.
"""

from dataclasses import dataclass

from koers.lib.rules import Reason
from koers.vouchers.rules.ruleset import Ruleset


@dataclass(frozen=True)
class ContactFacts:
    form: str  # individual | group | video | phone | written | online_tool | tool_interpretation
    duration_minutes: int
    held: bool = True
    is_introduction: bool = False
    has_screenshot: bool = False  # LBC-06 proof for a video call
    video_consent: bool = True  # LBC-06: the client agreed to, or asked for, e-coaching
    group_ok: bool = True  # LBC-05 conditions met (theme, organisations, free choice, may stop)
    group_fed_back: bool = True  # LBC-05: the insights were fed back in an individual session


@dataclass(frozen=True)
class Tally:
    """What already counts on the voucher before this contact."""

    counted_minutes: int = 0
    group_minutes: int = 0


@dataclass(frozen=True)
class Decision:
    counted_minutes: int
    reasons: tuple[Reason, ...]

    @property
    def counts(self) -> bool:
        return self.counted_minutes > 0


COUNTABLE_FORMS = frozenset({"individual", "group", "video", "tool_interpretation"})


def check_duration(facts: ContactFacts, ruleset: Ruleset) -> Reason | None:
    """LBC-02 / LBC-03: a countable contact is 30 to 120 minutes in whole 30-minute blocks."""
    if facts.form not in COUNTABLE_FORMS or facts.is_introduction:
        return None
    minutes = facts.duration_minutes
    if minutes % ruleset.block_minutes:
        return Reason(
            "LBC-02",
            f"Registreer in blokken van {ruleset.block_minutes} minuten (30, 60, 90 of 120).",
        )
    if not ruleset.contact_min_minutes <= minutes <= ruleset.contact_max_minutes:
        return Reason(
            "LBC-02",
            f"Een contact duurt minstens {ruleset.contact_min_minutes} minuten en hoogstens "
            f"{ruleset.contact_max_minutes // 60} uur.",
        )
    return None


def judge_contact(
    facts: ContactFacts, tally: Tally, voucher_number: int, ruleset: Ruleset
) -> Decision:
    """How many minutes of this contact count on the voucher, with the reasons."""
    if facts.is_introduction:
        return Decision(
            0, (Reason("INT-08", "Het kennismakingsgesprek is gratis en telt nooit mee."),)
        )
    if not facts.held:
        return Decision(0, (Reason("LBC-02", "Enkel gehouden contacten tellen mee."),))
    if facts.form in ("phone", "written"):
        return Decision(
            0,
            (
                Reason(
                    "LBC-07",
                    "Telefoon, chat en e-mail tellen nooit als begeleidingsuren (enkel als nazorg).",
                ),
            ),
        )
    if facts.form == "online_tool":
        return Decision(
            0,
            (
                Reason(
                    "LBC-08",
                    "De tijd voor het afnemen van online tools telt niet; de bespreking ervan wel.",
                ),
            ),
        )
    invalid = check_duration(facts, ruleset)
    if invalid:
        return Decision(0, (invalid,))
    if facts.form == "video" and not facts.video_consent:
        return Decision(
            0,
            (
                Reason(
                    "LBC-06",
                    "E-coaching telt enkel mee met het akkoord van de cliënt of op diens vraag; "
                    "noteer dat bij de cheque.",
                ),
            ),
        )
    if facts.form == "video" and not facts.has_screenshot:
        return Decision(
            0,
            (
                Reason(
                    "LBC-06",
                    "Een videogesprek telt pas mee met een screenshot van datum en duur in het dossier.",
                ),
            ),
        )
    if facts.form == "group" and not facts.group_ok:
        return Decision(
            0,
            (
                Reason(
                    "LBC-05", "Deze groepssessie voldoet niet aan de voorwaarden en telt niet mee."
                ),
            ),
        )
    if facts.form == "group" and not facts.group_fed_back:
        return Decision(
            0,
            (
                Reason(
                    "LBC-05",
                    "De groepssessie telt mee zodra de inzichten in een individueel gesprek "
                    "teruggekoppeld zijn.",
                ),
            ),
        )

    reasons: list[Reason] = []
    minutes = facts.duration_minutes
    left = ruleset.voucher_minutes - tally.counted_minutes
    if facts.form == "group":
        group_left = ruleset.group_max_minutes[voucher_number] - tally.group_minutes
        if minutes > group_left:
            minutes = max(group_left, 0)
            reasons.append(
                Reason(
                    "LBC-04",
                    f"Groepsbegeleiding telt op cheque {voucher_number} maximaal "
                    f"{_hours(ruleset.group_max_minutes[voucher_number])}.",
                )
            )
    if minutes > left:
        minutes = max(left, 0)
        reasons.append(
            Reason("LBC-01", f"Een loopbaancheque telt {_hours(ruleset.voucher_minutes)}.")
        )
    if minutes == facts.duration_minutes:
        reasons.append(Reason("LBC-02", f"{_hours(minutes)} telt mee."))
    return Decision(minutes, tuple(reasons))


def _hours(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return f"{hours} uur"
    return f"{hours},5 uur" if rest == 30 else f"{minutes} minuten"
