"""The centre's house style and e-mail wording (INT-04, COM-01) and its recorded communication
checks (COM-02)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.models import Organisation


def logo_upload_to(instance: "CentreBranding", filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"branding/{instance.organisation_id}/{secrets.token_hex(8)}.{ext}"


class CentreBranding(models.Model):
    """INT-04 / COM-01: the centre's name, address, logo and signature on every e-mail."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="branding"
    )
    sender_name = models.CharField(_("naam afzender"), max_length=200, blank=True)
    sender_email = models.EmailField(_("e-mailadres van het centrum"), blank=True)
    address = models.TextField(_("adres"), blank=True)
    signature = models.TextField(_("e-mailhandtekening"), blank=True)
    logo = models.FileField(_("logo"), upload_to=logo_upload_to, blank=True)
    logo_content_type = models.CharField(max_length=40, blank=True)
    # COM-01: the voucher logo (as VDAB supplies it to the centre) stands next to the centre's
    # logo wherever vouchers are mentioned. Koers does not ship VDAB's logo itself.
    voucher_logo = models.FileField(
        _("logo van de loopbaancheque (VDAB)"), upload_to=logo_upload_to, blank=True
    )
    voucher_logo_content_type = models.CharField(max_length=40, blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Huisstijl {self.organisation}"


class TemplateKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Bevestiging van de inschrijving")
    ACKNOWLEDGEMENT = "acknowledgement", _("Aanvraag ontvangen, we bellen op … (INT-03)")
    HANDOVER = "handover", _("Een collega neemt contact op (INT-06)")
    INTRODUCTION = "introduction", _("Uitnodiging kennismakingsgesprek")


class EmailTemplate(models.Model):
    """A centre's wording of a message; placeholders like {voornaam} are filled in."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="email_templates"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=TemplateKind.choices)
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind"], name="email_template_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.organisation_id})"


class CommunicationCheck(models.Model):
    """COM-02: the centre checked how a coach or subcontractor communicates about vouchers."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="communication_checks"
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("coach"),
    )
    source = models.CharField(_("bron (website, post, mailing …)"), max_length=300)
    text = models.TextField(_("tekst"))
    ok = models.BooleanField()
    findings = models.JSONField(default=list)
    note = models.TextField(_("opvolging"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField()

    class Meta:
        ordering = ["-checked_at"]

    def __str__(self) -> str:
        return f"Controle {self.source} {self.checked_at:%d/%m/%Y}"
