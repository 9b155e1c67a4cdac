"""Rule sets as data: each programme's built-in versions and those an administrator publishes.

`registry` knows the programmes' rule sets and answers which version judges a day or a stored
label; `overview` is the read side (the page and `GET /api/v1/rulesets`); `publication` checks
and publishes a new version. The names are importable from here.
"""

from koers.trajectories.rulesets.overview import (
    STATUS_LABELS,
    ParameterRow,
    ProgrammeOverview,
    VersionRow,
    parameter_rows,
    ruleset_overview,
)
from koers.trajectories.rulesets.publication import (
    MIN_REASON_LENGTH,
    Publication,
    ruleset_check,
    ruleset_publish,
)
from koers.trajectories.rulesets.registry import (
    ENDING_WARNING_DAYS,
    NoRulesetInForce,
    ProgrammeRuleset,
    RulesetEnding,
    Usage,
    clear_cache,
    default_base,
    programme_entry,
    programme_ruleset,
    register_ruleset,
    registered,
    ruleset_by_version,
    ruleset_in_force,
    ruleset_missing,
    rulesets_ending,
    versions,
    where_to_fix,
)

__all__ = [
    "ENDING_WARNING_DAYS",
    "MIN_REASON_LENGTH",
    "STATUS_LABELS",
    "NoRulesetInForce",
    "ParameterRow",
    "ProgrammeOverview",
    "ProgrammeRuleset",
    "Publication",
    "RulesetEnding",
    "Usage",
    "VersionRow",
    "clear_cache",
    "default_base",
    "parameter_rows",
    "programme_entry",
    "programme_ruleset",
    "register_ruleset",
    "registered",
    "ruleset_by_version",
    "ruleset_check",
    "ruleset_in_force",
    "ruleset_missing",
    "ruleset_overview",
    "ruleset_publish",
    "rulesets_ending",
    "versions",
    "where_to_fix",
]
