"""What every programme's rules share: a decision's reason and rule sets valid for a period.

A rule set is a frozen dataclass of parameters. Its versions are built into the code (the seeds)
or published by an administrator as data; this package holds what both need and what is pure:
the reason a decision gives (`reasons`), which version is in force on a day and which
publications are coherent (`versions`), how a version's parameters are checked, stored as JSON
and read back (`parameters`).

Pure: no Django (the import-linter contract covers this package like every `rules`).
"""

from koers.lib.rules.parameters import (
    BASE_FIELDS,
    Parameter,
    ParameterError,
    derive,
    from_json,
    parameter_changes,
    parameter_from_text,
    parameter_text,
    parameter_values,
    parameters_of,
    ruleset_from_values,
    to_json,
)
from koers.lib.rules.reasons import (
    Joined,
    Phrase,
    Reason,
    phrase,
    phrase_from_json,
    phrase_to_json,
    reason,
    reason_from_json,
    reason_to_json,
    shown,
    use_translation,
)
from koers.lib.rules.transitions import transition_refusal
from koers.lib.rules.versions import (
    R,
    VersionedRuleset,
    covered_until,
    effective_period,
    in_force,
    publication_problems,
)

__all__ = [
    "BASE_FIELDS",
    "Joined",
    "Parameter",
    "ParameterError",
    "Phrase",
    "R",
    "Reason",
    "VersionedRuleset",
    "covered_until",
    "derive",
    "effective_period",
    "from_json",
    "in_force",
    "parameter_changes",
    "parameter_from_text",
    "parameter_text",
    "parameter_values",
    "parameters_of",
    "phrase",
    "publication_problems",
    "reason",
    "phrase_from_json",
    "phrase_to_json",
    "reason_from_json",
    "reason_to_json",
    "ruleset_from_values",
    "shown",
    "to_json",
    "transition_refusal",
    "use_translation",
]
