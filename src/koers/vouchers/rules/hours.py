"""LBC hour rules: which minutes of a contact count on a voucher, and why.

No Django, no clock: callers pass the facts and the rule set in force. Every decision carries
the rule ID and a Dutch sentence so the UI and the API can explain it.
"""

from dataclasses import dataclass

from koers.lib.rules import Phrase, Reason, phrase, reason
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
        return reason(
            "LBC-02",
            "Registreer in blokken van {block} minuten (30, 60, 90 of 120).",
            block=ruleset.block_minutes,
        )
    if not ruleset.contact_min_minutes <= minutes <= ruleset.contact_max_minutes:
        return reason(
            "LBC-02",
            "Een contact duurt minstens {minimum} minuten en hoogstens {maximum} uur.",
            minimum=ruleset.contact_min_minutes,
            maximum=ruleset.contact_max_minutes // 60,
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
                reason(
                    "LBC-04",
                    "Groepsbegeleiding telt op cheque {number} maximaal {hours}.",
                    number=voucher_number,
                    hours=_hours(ruleset.group_max_minutes[voucher_number]),
                )
            )
    if minutes > left:
        minutes = max(left, 0)
        reasons.append(
            reason(
                "LBC-01",
                "Een loopbaancheque telt {hours}.",
                hours=_hours(ruleset.voucher_minutes),
            )
        )
    if minutes == facts.duration_minutes:
        reasons.append(reason("LBC-02", "{hours} telt mee.", hours=_hours(minutes)))
    return Decision(minutes, tuple(reasons))


def _hours(minutes: int) -> Phrase:
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return phrase("{hours} uur", hours=hours)
    if rest == 30:
        return phrase("{hours},5 uur", hours=hours)
    return phrase("{minutes} minuten", minutes=minutes)
