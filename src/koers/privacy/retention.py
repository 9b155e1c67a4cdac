"""GDPR Art. 5.1.e, storage limitation: per kind of record a retention period (settings, in
days), a preview of what the next run touches (counts, no names) and the sweep that erases what
is due, in batches, through the same `erase_subject` as an erasure on request."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import QuerySet

from koers.privacy import registry
from koers.privacy.erasure import erase_subject
from koers.privacy.models import ErasedSubject, RetentionRun
from koers.privacy.shredding import RetentionRule


@dataclass(frozen=True)
class PreviewRow:
    kind: str
    label: str
    subject: str
    days: int
    due: int
    next_run: int
    keep: str


def retention_days(rule: RetentionRule) -> int:
    return int(getattr(settings, rule.setting))


def due_ids(rule: RetentionRule, now: datetime) -> QuerySet:
    """The subject ids of this kind whose period ended, not erased before (by any path)."""
    cutoff = now - timedelta(days=retention_days(rule))
    erased = ErasedSubject.objects.filter(kind=rule.subject).values("subject_id")
    return rule.due(cutoff).exclude(pk__in=erased).order_by("pk")


def retention_preview(now: datetime) -> list[PreviewRow]:
    """Per retention kind: how many are due today and how many the next run erases."""
    batch = settings.KOERS_RETENTION_BATCH
    rows = []
    for rule in registry.retention_rules():
        due = due_ids(rule, now).count()
        rows.append(
            PreviewRow(
                kind=rule.kind,
                label=rule.label,
                subject=rule.subject,
                days=retention_days(rule),
                due=due,
                next_run=min(due, batch),
                keep=rule.keep,
            )
        )
    return rows


def retention_sweep(*, now: datetime, batch: int | None = None) -> RetentionRun:
    """Erase up to `batch` due subjects per kind, each in its own transaction, and record the
    run. Safe to run twice or on two workers: an erased subject is never due again."""
    batch = batch or settings.KOERS_RETENTION_BATCH
    run = RetentionRun.objects.create(started_at=now)
    counts: dict[str, int] = {}
    more_due: list[str] = []
    for rule in registry.retention_rules():
        ids = list(due_ids(rule, now)[: batch + 1])
        if len(ids) > batch:
            more_due.append(rule.kind)
        erased = 0
        for subject_id in ids[:batch]:
            rows, files = erase_subject(
                kind=rule.subject, subject_id=subject_id, now=now, reason=rule.kind
            )
            # Nothing erased: another worker erased this subject a moment ago.
            erased += 1 if rows or files else 0
        counts[rule.kind] = erased
    run.counts = counts
    run.more_due = more_due
    run.finished_at = now
    run.save(update_fields=["counts", "more_due", "finished_at"])
    return run


def retention_is_due(now: datetime) -> bool:
    """Once per KOERS_RETENTION_EVERY_HOURS; sooner while a kind had more than one batch due."""
    last = RetentionRun.objects.order_by("-started_at", "-id").first()
    if last is None or last.more_due:
        return True
    return now - last.started_at >= timedelta(hours=settings.KOERS_RETENTION_EVERY_HOURS)
