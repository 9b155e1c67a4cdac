"""TRN-13 (issue 14): every write of what the KPI figures count raises the KPI stamp of the
organisation(s) it touches (`services.kpi_stamps`), whichever page, API, job or other app made
it, so a memo of the figures (`selectors.kpi_memo`) is never read after it. Connected in
`TransitionConfig.ready()`.

After a save the stamp is raised for the row as it is now and, for a row that already existed,
for the organisation it belonged to before (a trajectory handed to another organisation, a file
moved); a delete raises it inside the delete's transaction, while the row and its parents are
still there. What bypasses the ORM's save and delete (`QuerySet.update`, `bulk_create`, raw SQL)
passes no signal: it must call `kpi_memos_forget()` after it (no code path in Koers writes the
counted columns that way today; the benchmark generator does, and forgets at its end; every
`migrate` forgets, for data migrations).
"""

from django.db import connections
from django.db.models import F, Q
from django.db.models.signals import post_migrate, post_save, pre_delete, pre_save

from koers.core.models import Organisation
from koers.trajectories.models import Contact, Plan, PlanVersion, Programme, Trajectory
from koers.transition import models as m
from koers.transition.services.kpi_stamps import kpi_memos_forget, kpi_stamp_raise

FILE = "file__trajectory__organisation_id"

# Each model the figures read: the path from its row to the organisation whose figures it
# counts in, and the condition under which it counts at all (a transition trajectory's).
SOURCES = {
    m.TransitionFile: ("trajectory__organisation_id", {}),
    m.Activity: (FILE, {}),
    m.SessionCandidate: (FILE, {}),
    m.Placement: (FILE, {}),
    m.Measure: (FILE, {}),
    m.FollowupRecord: ("placement__" + FILE, {}),
    m.Employer: ("organisation_id", {}),
    m.EmployerContact: ("employer__organisation_id", {}),
    Trajectory: ("organisation_id", {"programme": Programme.TRANSITION}),
    Contact: ("trajectory__organisation_id", {"trajectory__programme": Programme.TRANSITION}),
    Plan: ("trajectory__organisation_id", {"trajectory__programme": Programme.TRANSITION}),
    PlanVersion: (
        "plan__trajectory__organisation_id",
        {"plan__trajectory__programme": Programme.TRANSITION},
    ),
}

_BEFORE = "_kpi_organisations_before"


def _organisations(model, pks):
    path, condition = SOURCES[model]
    return model._default_manager.filter(pk__in=pks, **condition).values(org=F(path))


def _before_save(sender, instance, raw=False, **kwargs) -> None:
    """The organisation a row counted in before this save (none for a new row)."""
    if instance._state.adding or instance.pk is None:
        return
    found = _organisations(sender, [instance.pk]).values_list("org", flat=True)
    setattr(instance, _BEFORE, list(found))


def _after_save(sender, instance, **kwargs) -> None:
    now = _organisations(sender, [instance.pk])
    before = getattr(instance, _BEFORE, None)
    if before:  # one statement for both: where the row counts now, and where it counted
        delattr(instance, _BEFORE)
        now = Organisation.objects.filter(Q(pk__in=before) | Q(pk__in=now)).values(org=F("pk"))
    kpi_stamp_raise(now)


def _before_delete(sender, instance, **kwargs) -> None:
    kpi_stamp_raise(_organisations(sender, [instance.pk]))


def _forget_after_migrate(sender, using="default", **kwargs) -> None:
    """A data migration writes past the signals: every `migrate` forgets the memos (when the
    table is there: not after migrating back before it)."""
    if sender.label != "transition":
        return
    if m.KpiMemo._meta.db_table in connections[using].introspection.table_names():
        kpi_memos_forget()


def connect() -> None:
    post_migrate.connect(_forget_after_migrate, dispatch_uid="kpi-memos-after-migrate")
    for model in SOURCES:
        uid = f"kpi-stamp-{model._meta.label}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}-pre-save")
        post_save.connect(_after_save, sender=model, dispatch_uid=f"{uid}-save")
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"{uid}-delete")
