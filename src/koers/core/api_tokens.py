"""Personal API tokens (a model of the core app, kept beside `models.py`, which re-exports it)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

API_TOKEN_DAYS = 90


def api_token_default_expiry():
    return timezone.now() + timedelta(days=API_TOKEN_DAYS)


class TokenScope(models.TextChoices):
    READ = "read", _("Alleen lezen")
    READ_WRITE = "read_write", _("Lezen en schrijven")


class APIToken(models.Model):
    """A personal API token. Only its hash is stored; the token is shown once at creation.

    It works until `expires_at` (chosen at creation); a read-only token may not change anything.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("naam"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # Tokens made before expiry existed get 90 days from the migration (the default, evaluated once).
    expires_at = models.DateTimeField(_("vervalt op"), default=api_token_default_expiry)
    scope = models.CharField(
        _("rechten"), max_length=16, choices=TokenScope.choices, default=TokenScope.READ_WRITE
    )

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def read_only(self) -> bool:
        return self.scope == TokenScope.READ
