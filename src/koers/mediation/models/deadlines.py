"""The deadlines of "klanten opvolgen" as rows (issue 14), kept by `services.deadlines`."""

from django.db import models


class ServiceDeadline(models.Model):
    """One deadline of an open service (`rules.deadlines`: MED-02/03/05/14), rewritten for the
    service by `services.deadlines.refresh` after every save or delete of what it is computed
    from: the service, its referral appointments, its agreement sheets (`signals.py`, in the same
    transaction). "Klanten opvolgen" and the dashboard's panel then read one indexed page in due
    order instead of computing every open service's deadlines on every request.

    A cache, never a source: `rebuild_all` (the first `migrate` with the table, the benchmark
    generator) writes it again from the facts. A plain service id, no foreign key, on purpose: a
    refresh may run in the middle of a cascade delete, the last one leaves the rows right; the
    reads join the visible open services, so a row of a service no longer open is never shown."""

    service_id = models.BigIntegerField(db_index=True)
    kind = models.PositiveSmallIntegerField()  # its place in `rules.deadlines.KIND_ORDER`
    due_on = models.DateField()
    number = models.PositiveSmallIntegerField(null=True)  # a first appointment's
    appointment_kind = models.CharField(max_length=16, blank=True)

    class Meta:
        indexes = [
            # The list's order (due day, then service, then kind): read in index order, no sort.
            models.Index(fields=["due_on", "service_id", "kind"], name="mediation_deadline_order"),
        ]

    def __str__(self) -> str:
        return f"{self.due_on} {self.service_id}/{self.kind}"
