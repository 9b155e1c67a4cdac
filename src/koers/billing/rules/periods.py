"""Months and quarters as the billing rules count them. Pure: no Django, no clock."""

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"no month {self.month}")

    @classmethod
    def of(cls, day: date) -> "Month":
        return cls(day.year, day.month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def plus(self, months: int) -> "Month":
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def label(self) -> str:
        """As the pages show it: 03/2026."""
        return f"{self.month:02d}/{self.year}"

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}"


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_end(day: date) -> date:
    """The last day of the quarter `day` falls in."""
    return Month(day.year, ((day.month - 1) // 3 + 1) * 3).last_day


def quarter_start(day: date) -> date:
    return date(day.year, ((day.month - 1) // 3) * 3 + 1, 1)


def day_label(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def hours_of(minutes: int) -> Decimal:
    """Minutes as hours to the hundredth (VDAB counts in half-hour blocks, so this is exact)."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


def hours_label(minutes: int) -> str:
    """As the pages show hours: "1,5", "4"."""
    text = f"{hours_of(minutes):f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
