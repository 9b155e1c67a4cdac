"""One row per create a user asked for under an idempotency key: which record it made.

Only the id of the result is kept, not the answer's body: a replay renders the record again, so
no copy of personal data (names, national numbers) lies around in this table. Rows are deleted
after `KOERS_IDEMPOTENCY_HOURS` by the sweep.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.models import User

KEY_MAX_LENGTH = 100


class IdempotentRequest(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    # What was created: "page:client_create", "api:clients.create", …
    scope = models.CharField(max_length=60)
    key = models.CharField(max_length=KEY_MAX_LENGTH)
    # sha256 of the request body: the same key with another body is refused (API).
    fingerprint = models.CharField(max_length=64, blank=True)
    result_id = models.BigIntegerField(null=True)
    status_code = models.PositiveSmallIntegerField(null=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("eenmalige aanvraag")
        verbose_name_plural = _("eenmalige aanvragen")
        constraints = [
            # The guard against two parallel creates: the second insert waits for the first
            # transaction and then fails, and its caller replays the first result.
            models.UniqueConstraint(fields=["user", "scope", "key"], name="idempotency_once"),
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}"
