"""TRN-13: the KPI spreadsheet — the 16 KPIs of the period, the baseline and the difference,
and the month series — written with `koers.lib.exports` (openpyxl write-only, formula injection
neutralised). A short period is written at once; a long one runs as a huey job that records its
progress on the `KpiExport` row, which the status page shows. Who exported what is logged on
`koers.audit.exports` (ids and counts only, as billing does)."""

import logging
from datetime import date, timedelta

from django.utils import timezone
from huey.contrib.djhuey import db_task

from koers.core.models import User
from koers.lib.exports import xlsx_bytes
from koers.transition import models as m
from koers.transition.rules.kpis import KPIS, Period
from koers.transition.selectors import kpi_page as page
from koers.transition.selectors.kpis import KpiFigures, Team, kpi_figures, team_get

audit = logging.getLogger("koers.audit.exports")
logger = logging.getLogger(__name__)

CHUNK_MONTHS = 12  # the job counts a year at a time, and says how far it is after each


def _chunks(start: date, end: date) -> list[tuple[date, date]]:
    out, first = [], start
    while first <= end:
        last = min(end, date(first.year, 12, 31))
        out.append((first, last))
        first = last + timedelta(days=1)
    return out


def _figures(team: Team, start: date, end: date, done, total: int) -> KpiFigures:
    """The figures of a period a year at a time (the KPIs are additive), `done` after each."""
    counts, series = None, ()
    for first, last in _chunks(start, end):
        part = kpi_figures(team, Period(first, last))
        counts = part.counts if counts is None else counts + part.counts
        series += part.series
        done(total)
    return KpiFigures(Period(start, end), counts, series)


def kpi_export_run(export_id: int) -> None:
    """Write the spreadsheet of an export (the job's body; also run inline for a short one)."""
    export = m.KpiExport.objects.select_related("organisation", "coach", "requested_by").get(
        pk=export_id
    )
    team = Team(export.organisation, export.coach)
    steps = len(_chunks(export.start, export.end)) + len(
        _chunks(export.baseline_start, export.baseline_end)
    )
    state = {"done": 0}

    def done(total: int) -> None:
        state["done"] += 1
        progress = min(99, state["done"] * 100 // max(1, total))
        m.KpiExport.objects.filter(pk=export.pk).update(progress=progress)

    try:
        current = _figures(team, export.start, export.end, done, steps)
        before = _figures(team, export.baseline_start, export.baseline_end, done, steps)
        content = xlsx_bytes(page.export_table(team, current, before))
    except Exception as exc:  # a failed job says so on its page instead of running forever
        logger.exception("KPI export %s failed", export.pk)
        m.KpiExport.objects.filter(pk=export.pk).update(error=type(exc).__name__)
        return
    m.KpiExport.objects.filter(pk=export.pk).update(
        progress=100,
        content=content,
        file_name=page.export_file_name(team, current.period),
        finished_at=timezone.now(),
    )
    audit.info(
        "transition kpi export id=%s user=%s organisation=%s coach=%s period=%s..%s "
        "baseline=%s..%s rows=%d",
        export.pk,
        export.requested_by_id,
        export.organisation_id,
        export.coach_id or "-",
        export.start,
        export.end,
        export.baseline_start,
        export.baseline_end,
        len(KPIS),
    )


@db_task()
def kpi_export_task(export_id: int) -> None:
    kpi_export_run(export_id)


def kpi_export_start(
    *,
    user: User,
    organisation_id: int | None,
    coach_id: int | None,
    period,
    baseline,
) -> m.KpiExport:
    """Record the export and write it: at once when short, as a job when long (the caller shows
    the status page then). The team is looked up for the user (404 when it is not theirs)."""
    team = team_get(user, organisation_id, coach_id)
    export = m.KpiExport.objects.create(
        organisation=team.organisation,
        coach=team.coach,
        start=period.start,
        end=period.end,
        baseline_start=baseline.start,
        baseline_end=baseline.end,
        requested_by=user,
    )
    if not page.export_is_large(period, baseline):
        kpi_export_run(export.pk)
    else:
        try:
            kpi_export_task(export.pk)
        except Exception as exc:  # the queue is down: say so on the status page
            logger.warning("KPI export %s not queued: %s", export.pk, type(exc).__name__)
            export.error = type(exc).__name__
            export.save(update_fields=["error"])
    export.refresh_from_db()
    return export
