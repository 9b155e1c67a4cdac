"""The funder's numbers, versioned by validity dates (RULESET in domain.md)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from koers.lib.rules import VersionedRuleset, in_force


@dataclass(frozen=True)
class Ruleset(VersionedRuleset):
    """The funder's numbers, valid for a period (RULESET in domain.md)."""

    vouchers_per_client: int
    voucher_minutes: int = 240  # LBC-01
    block_minutes: int = 30  # LBC-02
    contact_min_minutes: int = 30  # LBC-02
    contact_max_minutes: int = 120  # LBC-02
    # LBC-04 (seed 001, VDAB's own rule): 1.5 h on voucher 1, 1 h on voucher 2.
    group_max_minutes: Mapping[int, int] = field(
        default_factory=lambda: MappingProxyType({1: 90, 2: 60})
    )
    own_contribution_cents: int = 4000  # LBC-01: "80 euro for 8 hours"
    subsidy_at_risk_cents: int = 102000  # LBC-19
    aftercare_minutes: int = 30  # LBC-18: the client's right per voucher (more may be registered)
    aftercare_window_years: int = 1  # LBC-18: "tot maximaal een jaar", a calendar year
    evaluation_reminders: int = 2  # LBC-15
    evaluation_reminder_interval_days: int = 7  # LBC-15: not in the seeds, our choice

    def individual_min_minutes(self, voucher_number: int) -> int:
        """LBC-03: the individual minimum follows from the group cap."""
        return self.voucher_minutes - self.group_max_minutes[voucher_number]


RULESETS: tuple[Ruleset, ...] = (
    Ruleset(
        version="2019-seeds",
        valid_from=date(2019, 1, 1),
        valid_until=date(2024, 12, 31),
        vouchers_per_client=2,
    ),
    # The 2025 reform: one voucher for new clients, until the announced career credit (2027).
    Ruleset(
        version="2025-reform",
        valid_from=date(2025, 1, 1),
        valid_until=date(2026, 12, 31),
        vouchers_per_client=1,
    ),
)


def ruleset_for(day: date, rulesets: Iterable[Ruleset] = RULESETS) -> Ruleset:
    return in_force(day, rulesets, "voucher")
