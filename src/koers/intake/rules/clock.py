"""INT-02 / INT-03: the 24-hour clock, the moment to call, and the acknowledgement.

All datetimes are aware; the caller passes them in the centre's local time where text is made.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from koers.intake.rules.ruleset import Ruleset
from koers.lib.rules import Reason, reason

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


@dataclass(frozen=True)
class Window:
    """A period in which the person can be reached (INT-01)."""

    starts_at: datetime
    ends_at: datetime


def deadline(clock_started_at: datetime, ruleset: Ruleset) -> datetime:
    """INT-02: the coach contacts the lead within 24 hours of its arrival (or of a hand-over)."""
    return clock_started_at + timedelta(hours=ruleset.lead_clock_hours)


@dataclass(frozen=True)
class CallPlan:
    call_at: datetime | None  # when to phone: the start of the first usable window
    window: Window | None
    acknowledgement_due: bool
    deadline: datetime
    reason: Reason


def call_plan(arrived_at: datetime, windows: list[Window], ruleset: Ruleset) -> CallPlan:
    """INT-03: the first reachable window that has not ended is the moment to call.

    When it starts later than the deadline, an acknowledgement (SMS or e-mail) is due within the
    24 hours, naming the date and time of the call. Otherwise the call itself meets INT-02.
    """
    due = deadline(arrived_at, ruleset)
    usable = sorted((w for w in windows if w.ends_at > arrived_at), key=lambda w: w.starts_at)
    if not usable:
        return CallPlan(
            None,
            None,
            False,
            due,
            Reason("INT-02", "Geen bereikbaar moment opgegeven: bel binnen 24 uur."),
        )
    first = usable[0]
    call_at = max(first.starts_at, arrived_at)
    if first.starts_at > due:
        return CallPlan(
            call_at,
            first,
            True,
            due,
            Reason(
                "INT-03",
                "Het eerste bereikbare moment valt later dan 24 uur na de aanvraag: stuur binnen "
                "24 uur een sms of e-mail met de datum en het uur waarop je belt.",
            ),
        )
    return CallPlan(
        call_at,
        first,
        False,
        due,
        Reason("INT-03", "Bel in het eerste bereikbare moment; een bevestiging is niet nodig."),
    )


def format_moment(moment: datetime) -> tuple[str, str]:
    """nl-BE date and time of a (local) moment: ("dinsdag 01/12/2026", "14:00")."""
    return f"{WEEKDAYS[moment.weekday()]} {moment:%d/%m/%Y}", f"{moment:%H:%M}"


def acknowledgement_text(*, first_name: str, call_at: datetime) -> str:
    """INT-03: "request received, I will call you on <date> at <time>" (call_at in local time).
    The sender's signature is added by the channel: the centre's e-mail signature, or the
    coach's and centre's name at the end of an SMS."""
    day, hour = format_moment(call_at)
    return (
        f"Dag {first_name}, we hebben je aanvraag voor loopbaanbegeleiding goed ontvangen. "
        f"Ik bel je op {day} om {hour}."
    )


def names_moment(text: str, moment: datetime) -> bool:
    """INT-03: does the text name the date *and* the time of the call (`moment`, local time)?

    Dates as 3/3, 03/03/2026, 3-3 or "3 maart"; times as 15:00, 15.00, 15u00, 15u or 15 uur
    (the last two only on the hour)."""
    d, m, h, mi = moment.day, moment.month, moment.hour, moment.minute
    date_re = (
        rf"(?<!\d)0?{d}\s*[/.-]\s*0?{m}(?!\d)(?:\s*[/.-]\s*(?:{moment.year}|{moment.year % 100:02d}))?"
        rf"(?!\d)|(?<!\d)0?{d}\s+{MONTHS[m - 1]}\b"
    )
    time_re = rf"(?<![\d/.-])0?{h}\s*[:.u]\s*{mi:02d}(?!\d)"
    if mi == 0:
        time_re += rf"|(?<![\d/.-])0?{h}\s*(?:u|uur)\b"
    return bool(re.search(date_re, text, re.IGNORECASE) and re.search(time_re, text, re.IGNORECASE))


def acknowledgement_refusals(
    *,
    plan: CallPlan,
    windows: list[Window],
    call_at: datetime,
    text: str,
    now: datetime,
) -> dict[str, Reason]:
    """INT-03: why an acknowledgement may not go out (empty: it may). Per field.

    It is only called for when the first reachable window starts later than the 24 hours; the
    call it announces lies in the future, in a window the person gave; and the message names
    the date and the time of that call. `call_at` and `now` in the same (local) time zone."""
    if not plan.acknowledgement_due:
        return {
            "__all__": Reason(
                "INT-03",
                "Geen bevestiging nodig: het eerste bereikbare moment valt binnen 24 uur na de "
                "aanvraag. Bel dan: dat gesprek haalt de 24 uur.",
            )
        }
    refusals: dict[str, Reason] = {}
    if call_at <= now:
        refusals["call_at"] = Reason(
            "INT-03", "Het belmoment ligt in het verleden: kies een moment in de toekomst."
        )
    elif not any(
        w.starts_at.replace(second=0, microsecond=0) <= call_at < w.ends_at for w in windows
    ):  # to the minute: a form gives hours and minutes
        refusals["call_at"] = Reason(
            "INT-03",
            "Bel op een moment waarop de persoon bereikbaar is (zie de opgegeven momenten).",
        )
    if not names_moment(text, call_at):
        day, hour = format_moment(call_at)
        refusals["text"] = reason(
            "INT-03",
            "Noem in het bericht de datum en het uur waarop je belt, bv. “{day} om {hour}”.",
            day=day,
            hour=hour,
        )
    return refusals


def sms_signature(text: str, *, coach: str, centre: str) -> str:
    """INT-04 for SMS: it is signed with the centre's (working) name, once."""
    if centre and centre.lower() in text.lower():
        return text
    return f"{text} {coach} ({centre})".strip() if coach else f"{text} {centre}".strip()


class LatenessStatus(StrEnum):
    """INT-02: where a lead stands against its 24 hours."""

    OPEN = "open"  # not yet contacted, time enough left
    NEARING = "nearing"  # not yet contacted, the end is near
    LATE = "late"  # not contacted within the 24 hours
    MET = "met"  # contacted within the 24 hours
    MET_LATE = "met_late"  # contacted, but after the 24 hours


@dataclass(frozen=True)
class Lateness:
    status: LatenessStatus
    deadline: datetime
    reason: Reason

    @property
    def flagged(self) -> bool:
        return self.status in (
            LatenessStatus.NEARING,
            LatenessStatus.LATE,
            LatenessStatus.MET_LATE,
        )

    @property
    def is_open(self) -> bool:
        return self.status == LatenessStatus.OPEN

    @property
    def is_nearing(self) -> bool:
        return self.status == LatenessStatus.NEARING

    @property
    def is_late(self) -> bool:
        return self.status == LatenessStatus.LATE

    @property
    def is_met(self) -> bool:
        return self.status == LatenessStatus.MET


def lateness(
    *,
    clock_started_at: datetime,
    contacted_at: datetime | None,
    now: datetime,
    ruleset: Ruleset,
) -> Lateness:
    """INT-02: is the lead (about to be) late? `contacted_at` is the first call, or the
    acknowledgement where INT-03 asks for one (both meet the deadline)."""
    due = deadline(clock_started_at, ruleset)
    if contacted_at is not None:
        if contacted_at <= due:
            return Lateness(
                LatenessStatus.MET, due, Reason("INT-02", "Binnen 24 uur gecontacteerd.")
            )
        return Lateness(
            LatenessStatus.MET_LATE, due, Reason("INT-02", "Gecontacteerd, maar later dan 24 uur.")
        )
    if now > due:
        return Lateness(
            LatenessStatus.LATE, due, Reason("INT-02", "Niet gecontacteerd binnen 24 uur.")
        )
    if due - now <= timedelta(hours=ruleset.nearing_hours):
        return Lateness(
            LatenessStatus.NEARING,
            due,
            reason(
                "INT-02",
                "Minder dan {hours} uur over om te contacteren.",
                hours=ruleset.nearing_hours,
            ),
        )
    return Lateness(LatenessStatus.OPEN, due, Reason("INT-02", "Contacteer binnen 24 uur."))
