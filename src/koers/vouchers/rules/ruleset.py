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


ABSOLUTE_MAX_VOUCHERS = 2  # the seeds only ever know voucher 1 and 2

# How an administrator reads each parameter when publishing a new version (Centrum ▾ Regelsets).
PARAMETER_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "vouchers_per_client": "Loopbaancheques per cliënt (LBC-01)",
        "voucher_minutes": "Minuten per loopbaancheque (LBC-01)",
        "block_minutes": "Blok in minuten (LBC-02)",
        "contact_min_minutes": "Kortste contact in minuten (LBC-02)",
        "contact_max_minutes": "Langste contact in minuten (LBC-02)",
        "group_max_minutes": "Groepsbegeleiding: maximum minuten per chequenummer (LBC-04)",
        "own_contribution_cents": "Eigen bijdrage per cheque in eurocent (LBC-01)",
        "subsidy_at_risk_cents": "Subsidie die op het spel staat in eurocent (LBC-19)",
        "aftercare_minutes": "Nazorg in minuten (LBC-18)",
        "aftercare_window_years": "Nazorg mogelijk tot dezelfde datum zoveel jaar na de synthese (LBC-18)",
        "evaluation_reminders": "Herinneringen voor de evaluatie (LBC-15)",
        "evaluation_reminder_interval_days": "Dagen tussen de herinneringen (LBC-15)",
    }
)


def parameter_problems(ruleset: Ruleset) -> dict[str, str]:
    """Whether a version's numbers hang together, before anyone is judged by them."""
    problems: dict[str, str] = {}
    block = ruleset.block_minutes
    if not 1 <= ruleset.vouchers_per_client <= ABSOLUTE_MAX_VOUCHERS:
        problems["vouchers_per_client"] = "Koers kent loopbaancheque 1 en 2: kies 1 of 2. (LBC-01)"
    if block < 1:
        problems["block_minutes"] = "Een blok duurt minstens 1 minuut. (LBC-02)"
        return problems
    for name in ("voucher_minutes", "contact_min_minutes", "contact_max_minutes"):
        value = getattr(ruleset, name)
        if value < block or value % block:
            problems[name] = f"Geef een veelvoud van het blok ({block} minuten). (LBC-02)"
    if ruleset.contact_max_minutes < ruleset.contact_min_minutes:
        problems["contact_max_minutes"] = "Het langste contact is korter dan het kortste. (LBC-02)"
    if ruleset.aftercare_minutes % block:
        problems["aftercare_minutes"] = (
            f"Geef een veelvoud van het blok ({block} minuten). (LBC-18)"
        )
    missing = [n for n in range(1, ABSOLUTE_MAX_VOUCHERS + 1) if n not in ruleset.group_max_minutes]
    too_much = [
        n for n, minutes in ruleset.group_max_minutes.items() if minutes > ruleset.voucher_minutes
    ]
    if missing:
        problems["group_max_minutes"] = (
            f"Geef een maximum voor cheque {', '.join(map(str, missing))}. (LBC-04)"
        )
    elif set(ruleset.group_max_minutes) - set(range(1, ABSOLUTE_MAX_VOUCHERS + 1)):
        problems["group_max_minutes"] = "Koers kent enkel cheque 1 en 2. (LBC-04)"
    elif too_much:
        problems["group_max_minutes"] = (
            "Groepsbegeleiding kan niet meer zijn dan de minuten van een cheque. (LBC-04)"
        )
    if ruleset.evaluation_reminder_interval_days < 1:
        problems["evaluation_reminder_interval_days"] = "Geef minstens 1 dag. (LBC-15)"
    return problems
