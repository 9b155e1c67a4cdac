"""Billing exports as XLSX and CSV (issue 12 "Exports"): hours per coach and month, statements,
deliveries. Each export is a `BillingExport` in `EXPORTS`: a kind (the API's name), the page's
word for it and a function that builds the `koers.lib.exports.Table` a user may see, starting
from the same visibility as the page (a coach their own rows, centre staff their centre's, an
administrator all). A fixed number of queries per export, whatever the number of rows.

Adding an export (e.g. invoices) is one table function and one `register_export(...)`; the page
link, the download view and `GET /api/v1/billing/exports/{kind}` follow (docs/billing.md).
"""

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.billing.models import (
    BatchDossier,
    DeliveryBatch,
    HourEntry,
    Invoice,
    Statement,
    StatementCorrection,
    StatementLine,
)
from koers.billing.rules.periods import Month, hours_of
from koers.billing.selectors.hours import HOURS_MONTHS_BACK, coaches_of, staff_centres
from koers.core.models import Role, User
from koers.lib.exports import CONTENT_TYPES, FORMATS, Column, Table, export_bytes
from koers.trajectories.billable import billable_hours
from koers.trajectories.models import Trajectory

# Who exported what, as ids and counts only (never a name): Koers keeps no audit table for
# downloads (FileAccess is per client file), so the record is this log line.
audit = logging.getLogger("koers.audit.exports")

HOURS = "0.00"  # hours to the hundredth (half-hour blocks: 1.50)
AMOUNT = "#,##0.00"  # euro amounts


@dataclass(frozen=True)
class BillingExport:
    kind: str  # "hours": the API's name, the file's name
    slug: str  # "uren": the page's word (`/facturatie/export/uren/`)
    table: Callable[[User, date, Month | None], Table]  # (user, today, month or None)


EXPORTS: dict[str, BillingExport] = {}


def register_export(export: BillingExport) -> None:
    EXPORTS[export.kind] = export


def export_by_slug(slug: str) -> BillingExport | None:
    return next((e for e in EXPORTS.values() if e.slug == slug), None)


@dataclass(frozen=True)
class ExportFile:
    filename: str
    content_type: str
    content: bytes

    def as_response(self) -> HttpResponse:
        """The download, for the page and the API alike."""
        response = HttpResponse(self.content, content_type=self.content_type)
        response["Content-Disposition"] = f'attachment; filename="{self.filename}"'
        response["Cache-Control"] = "no-store"  # personal data: kept by no browser or proxy
        return response


def export_file(
    *, user: User, kind: str, fmt: str, today: date, month: Month | None = None
) -> ExportFile:
    """The export `kind` as `fmt` ("csv" or "xlsx") for `user`: only the rows the user may see.
    KeyError for an unknown kind, ValueError for an unknown format."""
    export = EXPORTS[kind]
    if fmt not in FORMATS:
        raise ValueError(fmt)
    table = export.table(user, today, month)
    rows = list(table.rows)
    content = export_bytes(Table(table.title, table.columns, rows), fmt)
    audit.info(
        "billing export kind=%s format=%s user=%s month=%s rows=%d",
        kind,
        fmt,
        user.pk,
        month or "-",
        len(rows),
    )
    suffix = f"-{month}" if month else f"-{today:%Y-%m-%d}"
    return ExportFile(f"koers-{export.slug}{suffix}.{fmt}", CONTENT_TYPES[fmt], content)


def parse_month(text: str | None) -> Month | None:
    """ "2026-05" → the month; empty → None; ValueError otherwise (the view answers 400)."""
    if not text:
        return None
    year, _sep, month = text.partition("-")
    return Month(int(year), int(month))


# ---- hours per coach and month (BIL-02, BIL-03) ---------------------------------------------


def _coach_ids(user: User) -> list[int]:
    """A coach's own hours; centre staff those of their centres' coaches; an administrator all."""
    ids = {user.pk} if Role.COACH in user.roles else set()
    if user.is_administrator or user.is_centre_staff:
        ids |= set(coaches_of(staff_centres(user)).values_list("pk", flat=True))
    return sorted(ids)


def hours_table(user: User, today: date, month: Month | None) -> Table:
    """Per coach and month: the counted hours, entered at VDAB or still to enter, settled on a
    statement, and aftercare (registered, never paid). Without a month: the last year, as the
    hours page shows it."""
    since = month.first_day if month else Month.of(today).plus(-HOURS_MONTHS_BACK).first_day
    until = min(month.last_day, today) if month else today
    coach_ids = _coach_ids(user)
    hours = billable_hours(coach_ids=coach_ids, since=since, until=until)
    visible = set(
        Trajectory.objects.visible_to(user)
        .filter(pk__in={h.trajectory_id for h in hours})
        .values_list("pk", flat=True)
    )
    entries = {
        e.contact_id: e
        for e in HourEntry.objects.visible_to(user)
        .filter(coach_id__in=coach_ids, day__gte=since, day__lte=until)
        .select_related("settled")
    }
    names = {u.pk: u.get_full_name() for u in User.objects.filter(pk__in=coach_ids)}
    sums: dict[tuple[int, Month], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for hour in hours:
        if hour.trajectory_id not in visible:
            continue
        entry = entries.get(hour.contact_id)
        row = sums[(hour.coach_id, Month.of(hour.day))]
        if hour.aftercare:
            row[4] += hour.minutes
            continue
        row[0] += hour.minutes
        row[1 if entry else 2] += hour.minutes
        if entry is not None and getattr(entry, "settled", None) is not None:
            row[3] += entry.settled.minutes
    rows = [
        [names.get(coach, ""), str(m), *map(hours_of, v)]
        for (coach, m), v in sorted(sums.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    ]
    titles = (
        _("Getelde uren"),
        _("Ingegeven bij VDAB"),
        _("Nog in te geven"),
        _("Afgerekend"),
        _("Nazorg (niet vergoed)"),
    )
    columns = [Column(_("Coach"), 28), Column(_("Maand"), 10)]
    columns += [Column(t, 16, HOURS) for t in titles]
    return Table(_("Uren per coach en maand"), columns, rows)


# ---- statements (BIL-03) ----------------------------------------------------------------------


def statements_table(user: User, today: date, month: Month | None) -> Table:
    """Every line and correction entry of the statements the user sees (the statements page)."""
    lines = StatementLine.objects.filter(statement__in=_statements(user, month)).select_related(
        "statement__coach", "statement__centre"
    )
    corrections = StatementCorrection.objects.filter(
        statement__in=_statements(user, month)
    ).select_related("statement__coach", "statement__centre")
    keyed = []
    for item in [*lines, *corrections]:
        s = item.statement
        correction = isinstance(item, StatementCorrection)
        row = [
            f"{s.month:%Y-%m}",
            s.coach.get_full_name(),
            str(s.centre),
            item.client_name,
            item.voucher,
            item.rate,
            hours_of(item.minutes),
            item.amount,
            _("correctie") if correction else _("afrekening"),
            item.note if correction else "",
            s.pk,
        ]
        keyed.append(((s.month, row[1], s.pk, correction, item.pk), row))
    rows = [row for _key, row in sorted(keyed, key=lambda kr: kr[0])]
    columns = [
        Column(_("Maand"), 10),
        Column(_("Coach"), 28),
        Column(_("Centrum"), 24),
        Column(_("Cliënt"), 28),
        Column(_("Cheque"), 8),
        Column(_("Uurtarief"), 10, AMOUNT),
        Column(_("Uren"), 8, HOURS),
        Column(_("Bedrag"), 12, AMOUNT),
        Column(_("Soort"), 12),
        Column(_("Reden"), 40),
        Column(_("Afrekening nr."), 12),
    ]
    return Table(_("Afrekeningen"), columns, rows)


def _statements(user: User, month: Month | None):
    statements = Statement.objects.visible_to(user)
    return statements.filter(month=month.first_day) if month else statements


# ---- deliveries (BIL-01) ----------------------------------------------------------------------


def deliveries_table(user: User, today: date, month: Month | None) -> Table:
    """Every dossier of the delivery batches the user sees, with its batch's state."""
    dossiers = BatchDossier.objects.filter(batch__in=_batches(user, month)).select_related(
        "batch__coach", "batch__organisation"
    )
    rows = [
        [
            d.batch.pk,
            timezone.localtime(d.batch.created_at),
            d.batch.coach.get_full_name(),
            str(d.batch.organisation),
            d.batch.get_state_display(),
            d.voucher,
            d.client_name,
            d.closed_on,
        ]
        for d in dossiers.order_by("-batch__created_at", "-batch_id", "client_name", "pk")
    ]
    columns = [
        Column(_("Zending nr."), 10),
        Column(_("Klaargezet op"), 17),
        Column(_("Coach"), 28),
        Column(_("Centrum"), 24),
        Column(_("Status"), 18),
        Column(_("Cheque"), 8),
        Column(_("Cliënt"), 28),
        Column(_("Afgerond op"), 12),
    ]
    return Table(_("Zendingen van dossiers"), columns, rows)


def _batches(user: User, month: Month | None):
    batches = DeliveryBatch.objects.visible_to(user)
    if month is None:
        return batches
    return batches.filter(
        created_at__date__gte=month.first_day, created_at__date__lte=month.last_day
    )


# ---- invoices and credit notes (BIL-04) -------------------------------------------------------


def invoices_table(user: User, today: date, month: Month | None) -> Table:
    """Every invoice and credit note the user sees (the invoices page), with the seller as
    issued (the copy on the invoice, not today's company data)."""
    invoices = Invoice.objects.visible_to(user).select_related(
        "coach", "centre", "credited_invoice"
    )
    if month:
        invoices = invoices.filter(period=month.first_day)
    rows = [
        [
            i.number,
            i.get_kind_display(),
            i.issue_date,
            f"{i.period:%Y-%m}" if i.period else "",
            i.coach.get_full_name(),
            i.seller.get("name", ""),
            str(i.centre),
            i.net_total,
            i.vat_total,
            i.payable,
            i.credited_invoice.number if i.credited_invoice else "",
            i.statement_id,
        ]
        for i in invoices.order_by("issue_date", "kind", "number")
    ]
    columns = [
        Column(_("Nummer"), 14),
        Column(_("Soort"), 12),
        Column(_("Datum"), 12),
        Column(_("Maand"), 10),
        Column(_("Coach"), 28),
        Column(_("Onderneming"), 28),
        Column(_("Centrum"), 24),
        Column(_("Zonder btw"), 12, AMOUNT),
        Column(_("Btw"), 10, AMOUNT),
        Column(_("Te betalen"), 12, AMOUNT),
        Column(_("Crediteert factuur"), 14),
        Column(_("Afrekening nr."), 12),
    ]
    return Table(_("Facturen en creditnota's"), columns, rows)


register_export(BillingExport("hours", "uren", hours_table))
register_export(BillingExport("statements", "afrekeningen", statements_table))
register_export(BillingExport("deliveries", "dossiers", deliveries_table))
register_export(BillingExport("invoices", "facturen", invoices_table))
