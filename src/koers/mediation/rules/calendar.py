"""Calendar months for the MED-12/13/14 durations: pure date arithmetic."""

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    """Calendar months; the 31st becomes the last day of a shorter month."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def previous_month_ends(today: date, count: int) -> list[date]:
    """The last `count` month-ends on or before `today`, most recent first."""
    year, month = today.year, today.month
    if today != month_end(year, month):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    ends = []
    for _ in range(count):
        ends.append(month_end(year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return ends
