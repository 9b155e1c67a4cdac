"""BIL-03: a statement as its PDF shows it — coach, centre, month, the lines per client, voucher
and rate, the correction entries and the totals — read in three queries whatever the number of
lines or corrections, every value formatted as nl-BE writes it.

No access check here: the callers (the statement mail to its own coach, the download after
`statements_for(user)`) have already decided who may read it."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from koers.billing.models import Statement, StatementCorrection
from koers.billing.rules.labels import euro_label, month_label
from koers.billing.rules.periods import Month, day_label, hours_label
from koers.core.models import Organisation


@dataclass(frozen=True)
class DocumentLine:
    client: str
    voucher: str
    hours: str
    rate: str
    amount: str


@dataclass(frozen=True)
class DocumentCorrection:
    day: str
    client: str
    voucher: str
    hours: str  # signed: "-0,5" takes half an hour back
    rate: str
    amount: str
    note: str
    by: str


@dataclass(frozen=True)
class StatementDocument:
    statement: Statement
    centre: Organisation
    coach_name: str
    coach_email: str
    month: str  # "mei 2026"
    month_short: str  # "05/2026"
    made_on: str
    lines: list[DocumentLine]
    corrections: list[DocumentCorrection]
    hours: str
    total: str
    corrections_total: str
    corrected_total: str

    @property
    def centre_name(self) -> str:
        """The centre's legal name: the invoice is addressed to it (BIL-04)."""
        return self.centre.name

    @property
    def centre_working_name(self) -> str | None:
        working = self.centre.working_name.strip()
        return working if working and working != self.centre.name else None


def _signed_hours(minutes: int) -> str:
    return f"-{hours_label(-minutes)}" if minutes < 0 else f"+{hours_label(minutes)}"


def statement_document(*, statement_id: int) -> StatementDocument:
    statement = (
        Statement.objects.select_related("coach", "centre")
        .prefetch_related(
            "lines",
            Prefetch(
                "corrections", queryset=StatementCorrection.objects.select_related("created_by")
            ),
        )
        .get(pk=statement_id)
    )
    lines = list(statement.lines.all())
    corrections = list(statement.corrections.all())
    corrections_total = sum((c.amount for c in corrections), Decimal("0.00"))
    month = Month.of(statement.month)
    return StatementDocument(
        statement=statement,
        centre=statement.centre,
        coach_name=statement.coach.get_full_name() or statement.coach.get_username(),
        coach_email=statement.coach.email,
        month=month_label(month),
        month_short=month.label,
        made_on=day_label(timezone.localdate(statement.created_at)),
        lines=[
            DocumentLine(
                x.client_name,
                x.voucher,
                hours_label(x.minutes),
                euro_label(x.rate),
                euro_label(x.amount),
            )
            for x in lines
        ],
        corrections=[
            DocumentCorrection(
                day_label(timezone.localdate(c.created_at)),
                c.client_name,
                c.voucher,
                _signed_hours(c.minutes),
                euro_label(c.rate),
                euro_label(c.amount),
                c.note,
                c.created_by.get_full_name() or c.created_by.get_username(),
            )
            for c in corrections
        ],
        hours=hours_label(sum(x.minutes for x in lines)),
        total=euro_label(statement.total),
        corrections_total=euro_label(corrections_total),
        corrected_total=euro_label(statement.total + corrections_total),
    )
