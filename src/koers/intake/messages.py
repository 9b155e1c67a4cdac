"""E-mails to (potential) clients: from the centre's address, with its name, logo, address and
signature (INT-04, COM-01), in wording the centre edits (EmailTemplate). Never a coach's own
address or logo."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from koers.core.models import Organisation
from koers.intake.models import CentreBranding, EmailTemplate, TemplateKind

DEFAULT_TEMPLATES: dict[str, tuple[str, str]] = {
    TemplateKind.CONFIRMATION: (
        "We hebben je aanvraag goed ontvangen",
        "Dag {voornaam},\n\nBedankt voor je aanvraag bij {centrum}. Een loopbaanbegeleider "
        "neemt binnen 24 uur contact met je op, in een moment dat je opgaf:\n{momenten}\n\n"
        "Je loopbaanvraag:\n{vraag}",
    ),
    TemplateKind.ACKNOWLEDGEMENT: (
        "Je aanvraag is goed ontvangen",
        # {bericht} is the text the coach sent (INT-03), proposed by Koers and editable.
        "{bericht}",
    ),
    TemplateKind.HANDOVER: (
        "Een collega neemt contact met je op",
        "Dag {voornaam},\n\nBedankt voor het gesprek. {coach} past beter bij je loopbaanvraag "
        "en neemt binnenkort contact met je op.",
    ),
    TemplateKind.INTRODUCTION: (
        "Je gratis kennismakingsgesprek",
        "Dag {voornaam},\n\nFijn dat we kennismaken. Je gratis kennismakingsgesprek met {coach} "
        "is gepland op {datum} om {uur} ({plaats}). Het gesprek is vrijblijvend en telt niet mee "
        "in de uren van een loopbaancheque.",
    ),
}

PLACEHOLDERS = (
    "bericht",
    "voornaam",
    "achternaam",
    "centrum",
    "coach",
    "datum",
    "uur",
    "plaats",
    "momenten",
    "vraag",
)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def branding_for(organisation: Organisation) -> CentreBranding:
    branding = CentreBranding.objects.filter(organisation=organisation).first()
    return branding or CentreBranding(organisation=organisation)


def centre_name(organisation: Organisation, branding: CentreBranding | None = None) -> str:
    branding = branding or branding_for(organisation)
    return branding.sender_name or organisation.working_name or organisation.name


def centre_sender(organisation: Organisation, branding: CentreBranding | None = None) -> str:
    """INT-04: the centre's address, never the coach's."""
    branding = branding or branding_for(organisation)
    address = branding.sender_email or organisation.email or settings.DEFAULT_FROM_EMAIL
    return f"{centre_name(organisation, branding)} <{address}>"


def logo_url(organisation: Organisation, branding: CentreBranding) -> str:
    if not branding.logo:
        return ""
    return settings.KOERS_BASE_URL.rstrip("/") + reverse(
        "intake_public_logo", args=[organisation.pk]
    )


def template_text(organisation: Organisation, kind: str) -> tuple[str, str]:
    stored = EmailTemplate.objects.filter(organisation=organisation, kind=kind).first()
    return (stored.subject, stored.body) if stored else DEFAULT_TEMPLATES[kind]


def render_message(
    organisation: Organisation, kind: str, values: dict[str, str]
) -> tuple[str, str, str, str]:
    """(subject, text, html, sender) of a message with the centre's branding."""
    branding = branding_for(organisation)
    subject, body = template_text(organisation, kind)
    values = _Blank({"centrum": centre_name(organisation, branding), **values})
    subject = subject.format_map(values)
    body = body.format_map(values)
    signature = branding.signature or centre_name(organisation, branding)
    text = f"{body}\n\nMet vriendelijke groeten,\n{signature}\n"
    if branding.address:
        text += f"\n{branding.address}\n"
    html = render_to_string(
        "intake/email/message.html",
        {
            "body": body,
            "signature": signature,
            "address": branding.address,
            "name": centre_name(organisation, branding),
            "logo_url": logo_url(organisation, branding),
        },
    )
    return subject, text, html, centre_sender(organisation, branding)


def send_branded(organisation: Organisation, kind: str, to: str, values: dict[str, str]) -> None:
    subject, text, html, sender = render_message(organisation, kind, values)
    message = EmailMultiAlternatives(subject, text, sender, [to])
    message.attach_alternative(html, "text/html")
    message.send()
