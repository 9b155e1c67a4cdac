"""TRN-09..12: where a work measure stands, and the moves its one door allows.

Planned (documents being gathered) → running (started: its documents complete, TRN-09..12) →
ended (closed with its evaluations); a planned or running measure can be cancelled.
Pure: no Django.
"""

from enum import StrEnum

from koers.lib.rules import Phrase, phrase


class MeasureState(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    ENDED = "ended"
    CANCELLED = "cancelled"


MEASURE_STATE_LABELS: dict[MeasureState, Phrase] = {
    MeasureState.PLANNED: phrase("Gepland"),
    MeasureState.RUNNING: phrase("Lopend"),
    MeasureState.ENDED: phrase("Afgerond"),
    MeasureState.CANCELLED: phrase("Geannuleerd"),
}

MEASURE_MOVES: dict[str, frozenset[str]] = {
    MeasureState.PLANNED: frozenset({MeasureState.RUNNING, MeasureState.CANCELLED}),
    MeasureState.RUNNING: frozenset({MeasureState.ENDED, MeasureState.CANCELLED}),
    MeasureState.ENDED: frozenset(),
    MeasureState.CANCELLED: frozenset(),
}
MEASURE_RULE = "TRN-09"
OPEN_STATES = frozenset({MeasureState.PLANNED, MeasureState.RUNNING})
