"""An outgoing message and its attachments.

A message has no status field: what happened to it is in its timestamps, each written once by
the delivery (`outbox.delivery`): `sent_at` (delivered), `failed_at` (gave up after the last
attempt; a retry by staff clears it), `claimed_until` (a worker is sending it now; when that
passes, the worker died and another may take it), `cleared_at` (the body was erased after the
retention period). `state` names it for the page.

The row holds what is needed to send the message (addresses, text): personal data, so it is
never logged, and the sweep clears it once the message is sent and the retention has passed.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.models import Organisation


class Channel(models.TextChoices):
    MAIL = "mail", _("e-mail")
    SMS = "sms", _("sms")


class OutboxMessageQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True, failed_at__isnull=True)

    def due(self, now):
        """Unsent and nobody is sending it: its next attempt has come, or its sender's claim
        ran out (a killed worker)."""
        free = models.Q(claimed_until__isnull=True, next_attempt_at__lte=now)
        return self.unsent().filter(free | models.Q(claimed_until__lt=now))


class OutboxMessage(models.Model):
    channel = models.CharField(_("kanaal"), max_length=8, choices=Channel.choices)
    # What the message is, in code words ("intake.acknowledgement"): the page and the logs
    # name it without any of its content.
    kind = models.CharField(_("soort"), max_length=60)
    # Whose centre staff see it when it keeps failing; None: administrators only.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sender = models.CharField(max_length=320, blank=True)
    recipients = models.JSONField(_("aan"), default=list)
    reply_to = models.JSONField(default=list, blank=True)
    subject = models.CharField(_("onderwerp"), max_length=998, blank=True)
    body = models.TextField(blank=True)
    html = models.TextField(blank=True)
    # A credential (the portal's login link): the text is erased as soon as it is sent.
    erase_when_sent = models.BooleanField(default=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    next_attempt_at = models.DateTimeField()
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    # The exception's class and, for SMTP, its code: never the server's text (it can carry the
    # address).
    last_error = models.CharField(_("laatste fout"), max_length=200, blank=True)
    sent_at = models.DateTimeField(_("verstuurd"), null=True, blank=True)
    failed_at = models.DateTimeField(_("opgegeven"), null=True, blank=True)
    cleared_at = models.DateTimeField(null=True, blank=True)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitgaand bericht")
        verbose_name_plural = _("uitgaande berichten")
        indexes = [
            # The sweep's question: what is unsent and due.
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(sent_at__isnull=True, failed_at__isnull=True),
                name="outbox_unsent_due",
            ),
            models.Index(fields=["organisation", "-failed_at"], name="outbox_failed_by_org"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"

    @property
    def state(self) -> str:
        if self.sent_at:
            return _("verstuurd")
        if self.failed_at:
            return _("mislukt")
        return _("wacht op verzending")


class OutboxAttachment(models.Model):
    message = models.ForeignKey(OutboxMessage, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=200)
    content = models.BinaryField()
    mimetype = models.CharField(max_length=100)

    def __str__(self) -> str:
        return self.filename
