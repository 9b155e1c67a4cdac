"""The portal's sign-in links: each may be used once (a forwarded e-mail must not open the file)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.models import Client


class LoginLink(models.Model):
    """One e-mailed sign-in link. Only a hash of its secret is kept; `used_at` ends it."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    secret_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("aanmeldlink")
        verbose_name_plural = _("aanmeldlinks")

    def __str__(self) -> str:
        return f"{self.client_id} @ {self.created_at:%Y-%m-%d %H:%M}"
