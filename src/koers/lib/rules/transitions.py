"""Status transition tables: may a status move from one state to another.

Pure: no Django.
"""

from collections.abc import Mapping

from koers.lib.rules.reasons import Reason, reason


def transition_refusal(
    table: Mapping[str, frozenset[str] | set[str] | tuple[str, ...]],
    current: str,
    new: str,
    rule: str,
    labels: Mapping[str, str] | None = None,
) -> Reason | None:
    """Why a status may not move from `current` to `new` under a transition table, or None.

    Every stateful entity keeps its table in its rule module; its one `<entity>_set_state`
    service asks this before it writes the field. `labels` are the states' names as the reader
    reads them (the caller passes the model's translated choice labels).
    """
    if new in table.get(current, ()):
        return None
    names = labels or {}
    return reason(
        rule,
        "Van ‘{current}’ kan de status niet naar ‘{new}’.",
        current=names.get(current, current),
        new=names.get(new, new),
    )
