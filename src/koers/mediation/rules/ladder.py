"""MED-02, MED-03, MED-04: the first-appointment ladder as one explicit state machine.

Only referral appointments ("eerste afspraak voor bemiddeling bij partner") walk this ladder,
never later contacts. Every state is the appointment that is due now; every recorded outcome moves
to the next state through TRANSITIONS, and nothing else does.

    ORDINARY_1  --absent invalid/none-->  REGISTERED_2  --absent invalid/none-->  STOPPED
        |                                     |  --absent valid--> REGISTERED_3
        |--absent valid--> ORDINARY_2 --absent (any reason)--> REGISTERED_3
    REGISTERED_3 --absent (any reason, recorded "ongeldige reden")--> STOPPED
    any open state --present--> PRESENT
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from koers.lib.rules import Reason, reason
from koers.mediation.rules.ruleset import Ruleset


class LadderState(StrEnum):
    ORDINARY_1 = "ordinary_1"
    REGISTERED_2 = "registered_2"  # after an invalid (or no) reason on the 1st
    ORDINARY_2 = "ordinary_2"  # after a valid reason on the 1st
    REGISTERED_3 = "registered_3"
    PRESENT = "present"  # MED-04: mediatorship passes to the partner
    STOPPED = "stopped"  # MED-03: service refused for absence


class AppointmentKind(StrEnum):
    ORDINARY = "ordinary"
    REGISTERED = "registered"  # the invitation goes by registered letter


class Outcome(StrEnum):
    PRESENT = "present"
    ABSENT_NONE = "absent_none"  # "Geen reden": counts as invalid (MED-02)
    ABSENT_VALID = "absent_valid"
    ABSENT_INVALID = "absent_invalid"


class AbsenceReason(StrEnum):
    NONE = "none"
    VALID = "valid"
    INVALID = "invalid"


TERMINAL = frozenset({LadderState.PRESENT, LadderState.STOPPED})

# state -> (attempt number, kind of appointment due in that state)
APPOINTMENT: dict[LadderState, tuple[int, AppointmentKind]] = {
    LadderState.ORDINARY_1: (1, AppointmentKind.ORDINARY),
    LadderState.REGISTERED_2: (2, AppointmentKind.REGISTERED),
    LadderState.ORDINARY_2: (2, AppointmentKind.ORDINARY),
    LadderState.REGISTERED_3: (3, AppointmentKind.REGISTERED),
}

# The whole machine: (state, outcome) -> next state. Absent pairs are illegal moves.
TRANSITIONS: dict[tuple[LadderState, Outcome], LadderState] = {}
for _state in APPOINTMENT:
    TRANSITIONS[(_state, Outcome.PRESENT)] = LadderState.PRESENT
TRANSITIONS.update(
    {
        (LadderState.ORDINARY_1, Outcome.ABSENT_INVALID): LadderState.REGISTERED_2,
        (LadderState.ORDINARY_1, Outcome.ABSENT_NONE): LadderState.REGISTERED_2,
        (LadderState.ORDINARY_1, Outcome.ABSENT_VALID): LadderState.ORDINARY_2,
        (LadderState.REGISTERED_2, Outcome.ABSENT_INVALID): LadderState.STOPPED,
        (LadderState.REGISTERED_2, Outcome.ABSENT_NONE): LadderState.STOPPED,
        (LadderState.REGISTERED_2, Outcome.ABSENT_VALID): LadderState.REGISTERED_3,
        (LadderState.ORDINARY_2, Outcome.ABSENT_INVALID): LadderState.REGISTERED_3,
        (LadderState.ORDINARY_2, Outcome.ABSENT_NONE): LadderState.REGISTERED_3,
        (LadderState.ORDINARY_2, Outcome.ABSENT_VALID): LadderState.REGISTERED_3,
        (LadderState.REGISTERED_3, Outcome.ABSENT_INVALID): LadderState.STOPPED,
        (LadderState.REGISTERED_3, Outcome.ABSENT_NONE): LadderState.STOPPED,
        (LadderState.REGISTERED_3, Outcome.ABSENT_VALID): LadderState.STOPPED,
    }
)


def outcome_of(present: bool, reason: str | None) -> Outcome:
    if present:
        return Outcome.PRESENT
    return {
        AbsenceReason.NONE: Outcome.ABSENT_NONE,
        AbsenceReason.VALID: Outcome.ABSENT_VALID,
        AbsenceReason.INVALID: Outcome.ABSENT_INVALID,
    }[AbsenceReason(reason or AbsenceReason.NONE)]


@dataclass(frozen=True)
class Step:
    before: LadderState
    outcome: Outcome
    after: LadderState
    # What goes on record: on the registered 3rd every absence is "afwezig – ongeldige reden".
    recorded_reason: AbsenceReason | None
    reasons: tuple[Reason, ...]

    @property
    def stops(self) -> bool:
        return self.after == LadderState.STOPPED

    @property
    def next_kind(self) -> AppointmentKind | None:
        return APPOINTMENT[self.after][1] if self.after in APPOINTMENT else None


class LadderError(ValueError):
    def __init__(self, reason: Reason):
        super().__init__(reason.message)
        self.reason = reason


def ladder_step(state: LadderState, outcome: Outcome) -> Step:
    """MED-03: the one way the ladder moves. Refuses any move from a terminal state."""
    state, outcome = LadderState(state), Outcome(outcome)
    if state in TERMINAL:
        raise LadderError(
            Reason("MED-03", "De eerste afspraak is al afgewerkt: er kan geen uitkomst meer bij.")
            if state == LadderState.PRESENT
            else Reason(
                "MED-03", "De service is gestopt wegens afwezigheid: er kan geen uitkomst meer bij."
            )
        )
    after = TRANSITIONS[(state, outcome)]
    recorded: AbsenceReason | None = None
    if outcome != Outcome.PRESENT:
        recorded = {
            Outcome.ABSENT_NONE: AbsenceReason.NONE,
            Outcome.ABSENT_VALID: AbsenceReason.VALID,
            Outcome.ABSENT_INVALID: AbsenceReason.INVALID,
        }[outcome]
        if state == LadderState.REGISTERED_3:
            recorded = AbsenceReason.INVALID
    return Step(state, outcome, after, recorded, (_explain(state, outcome, after),))


def _explain(state: LadderState, outcome: Outcome, after: LadderState) -> Reason:
    if after == LadderState.PRESENT:
        return Reason(
            "MED-04",
            "De cliënt was aanwezig: het bemiddelaarschap gaat nu naar de partner.",
        )
    if after == LadderState.STOPPED:
        if state == LadderState.REGISTERED_3:
            return Reason(
                "MED-03",
                "Afwezig op de derde (aangetekende) afspraak: afgewerkt als “afwezig – ongeldige "
                "reden”. De service stopt en de VDAB-bemiddelaar krijgt het signaal “service "
                "geweigerd wegens afwezigheid”.",
            )
        return Reason(
            "MED-03",
            "Opnieuw afwezig zonder geldige reden op de aangetekende afspraak: de service stopt "
            "en de VDAB-bemiddelaar krijgt het signaal “service geweigerd wegens afwezigheid”.",
        )
    kind = APPOINTMENT[after][1]
    number = APPOINTMENT[after][0]
    if kind == AppointmentKind.REGISTERED:
        return reason(
            "MED-03",
            "Maak een nieuwe, aangetekende afspraak (afspraak {number}); het blijft een "
            "toeleidingsafspraak.",
            number=number,
        )
    return reason("MED-03", "Maak een nieuwe gewone afspraak (afspraak {number}).", number=number)


def ladder_fold(outcomes: list[Outcome] | tuple[Outcome, ...]) -> LadderState:
    """The state after a sequence of recorded outcomes (raises LadderError past a terminal state)."""
    state = LadderState.ORDINARY_1
    for outcome in outcomes:
        state = ladder_step(state, outcome).after
    return state


@dataclass(frozen=True)
class NextStep:
    """MED-03: what the mediator sees after an absence."""

    state: LadderState
    kind: AppointmentKind | None
    attempt: int | None
    plan_by: date | None  # target to fix the new appointment (warn, never block)
    late: bool
    stops_on_next_absence: bool
    stops_on_next_invalid_absence: bool
    reasons: tuple[Reason, ...]

    @property
    def registered(self) -> bool:
        """The next appointment goes by registered letter (MED-03)."""
        return self.kind == AppointmentKind.REGISTERED


def next_step(
    *,
    state: LadderState,
    last_absent_on: date | None,
    appointment_made: bool,
    today: date,
    ruleset: Ruleset,
) -> NextStep:
    """What comes next on the ladder, with the 7-day target to fix a new appointment."""
    state = LadderState(state)
    if state in TERMINAL:
        return NextStep(state, None, None, None, False, False, False, ())
    attempt, kind = APPOINTMENT[state]
    plan_by = (
        last_absent_on + timedelta(days=ruleset.replan_target_days) if last_absent_on else None
    )
    late = bool(plan_by and not appointment_made and today > plan_by)
    stops_any = state == LadderState.REGISTERED_3
    stops_invalid = state in (LadderState.REGISTERED_2, LadderState.REGISTERED_3)
    reasons: list[Reason] = []
    if plan_by and not appointment_made:
        reasons.append(
            reason(
                "MED-03",
                "Leg uiterlijk op {date} een nieuwe aangetekende eerste afspraak vast "
                "(de afspraak zelf mag later vallen).",
                date=f"{plan_by:%d/%m/%Y}",
            )
            if kind == AppointmentKind.REGISTERED
            else reason(
                "MED-03",
                "Leg uiterlijk op {date} een nieuwe gewone eerste afspraak vast "
                "(de afspraak zelf mag later vallen).",
                date=f"{plan_by:%d/%m/%Y}",
            )
        )
        if late:
            reasons.append(
                Reason("MED-03", "De streefdatum van 7 kalenderdagen is voorbij: plan meteen.")
            )
    if stops_any:
        reasons.append(
            Reason(
                "MED-03",
                "Is de cliënt ook op deze afspraak afwezig, met of zonder geldige reden, dan stopt "
                "de service automatisch.",
            )
        )
    elif stops_invalid:
        reasons.append(
            Reason(
                "MED-03",
                "Is de cliënt afwezig zonder geldige reden, dan stopt de service automatisch; met "
                "een geldige reden volgt een derde, aangetekende afspraak.",
            )
        )
    return NextStep(state, kind, attempt, plan_by, late, stops_any, stops_invalid, tuple(reasons))


def replan_on_time(*, absent_on: date, fixed_on: date, ruleset: Ruleset) -> Reason | None:
    """MED-03: a warning (never a refusal) when the new appointment was fixed after the target."""
    if (fixed_on - absent_on).days <= ruleset.replan_target_days:
        return None
    return reason(
        "MED-03",
        "De nieuwe afspraak werd pas {days} dagen na de afwezigheid vastgelegd (streefdoel: "
        "binnen {target} kalenderdagen).",
        days=(fixed_on - absent_on).days,
        target=ruleset.replan_target_days,
    )


# ---- MED-02: rescheduling and outcomes -------------------------------------------------------


def reschedule_refusal(
    *,
    appointment_outcome: str | None,
    mediator_unavailable: bool,
    kind_before: str,
    kind_after: str,
    registered_invitation_missing: bool = False,
) -> Reason | None:
    """'Contact herinplannen' is only for when the mediator cannot be there; the type never changes.

    One more case: a registered appointment whose registered letter never left before the date
    was never a valid invitation (MED-03), so it may be moved to a new date as well."""
    if appointment_outcome:
        return Reason(
            "MED-02",
            "Deze afspraak is al afgewerkt. Was de cliënt afwezig, gebruik dan “Nieuwe eerste "
            "afspraak maken”, nooit “contact herinplannen”.",
        )
    if not mediator_unavailable and not registered_invitation_missing:
        return Reason(
            "MED-02",
            "Herinplannen mag alleen als u als bemiddelaar zelf niet aanwezig kunt zijn (bv. "
            "ziekte), nooit omdat de cliënt afwezig is.",
        )
    if kind_before != kind_after:
        return Reason("MED-02", "Bij herinplannen kan het type afspraak niet wijzigen.")
    return None


def send_by_refusal(*, kind: str, send_by: str) -> Reason | None:
    """MED-02/MED-03: a registered appointment goes by registered letter, never by e-mail."""
    if kind == AppointmentKind.REGISTERED and send_by != "letter":
        return Reason(
            "MED-03",
            "Een aangetekende afspraak wordt per aangetekende brief verstuurd, niet per e-mail.",
        )
    return None


def stop_refusal(*, kind: str, registered_letter_sent: bool) -> Reason | None:
    """MED-03: a stop for absence rests on a registered appointment whose registered letter was
    actually sent before the appointment; otherwise the citizen was never validly invited."""
    if kind == AppointmentKind.REGISTERED and not registered_letter_sent:
        return Reason(
            "MED-03",
            "De aangetekende uitnodiging voor deze afspraak werd nooit (vóór de afspraak) per "
            "brief verstuurd: een stop wegens afwezigheid kan daar niet op steunen. Plan de "
            "afspraak opnieuw in (“Contact herinplannen”) en verstuur de aangetekende brief.",
        )
    return None


def outcome_refusal(*, planned_on_or_before_now: bool) -> Reason | None:
    if not planned_on_or_before_now:
        return Reason(
            "MED-02",
            "Deze afspraak ligt nog in de toekomst: aanwezig of afwezig registreert u nadien.",
        )
    return None
