"""TRN-13 (issue 14): the KPI figures, kept between requests and thrown away at every write.

`KpiStamp` is a number per organisation that every write of what the figures count raises
(`koers.transition.signals`, in the writer's transaction). `KpiMemo` keeps the rows of one KPI
statement (its SQL and parameters, as a digest) with the stamp they were counted at; a memo
whose stamp is not the organisation's current one is never read. Both are caches, never a
source: no database constraints, and emptying them only costs one recount per page.
"""

from django.db import models


class KpiStamp(models.Model):
    organisation_id = models.BigIntegerField(primary_key=True)
    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.version}"


class KpiMemo(models.Model):
    digest = models.CharField(max_length=64, unique=True)  # of the statement (SQL, parameters)
    organisation_id = models.BigIntegerField(db_index=True)
    version = models.BigIntegerField()  # the organisation's stamp when the rows were counted
    rows = models.JSONField()  # [[month, key, p, b], …] as the statement gave them

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.digest[:12]} @ {self.version}"
