"""E-mails to (potential) clients: from the centre's address, with its name, logo, address and
signature (INT-04, COM-01), in wording the centre edits (EmailTemplate). Never a coach's own
address or logo, never a global (server) address: a reply reaches the coach (Reply-To).

A centre without an address of its own sends nothing: the e-mail is left out and logged, and the
actions where the coach chooses e-mail refuse it (INT-04)."""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from koers.core.models import Organisation, User
from koers.intake.models import CentreBranding, EmailTemplate, TemplateKind
from koers.intake.rules.communication import VOUCHER_TERMS
from koers.outbox.services import mail_queue

logger = logging.getLogger(__name__)

DEFAULT_TEMPLATES: dict[str, tuple[str, str]] = {
    TemplateKind.CONFIRMATION: (
        "We hebben je aanvraag goed ontvangen",
        "Dag {voornaam},\n\nBedankt voor je aanvraag bij {centrum}. Een loopbaanbegeleider "
        "neemt binnen 24 uur contact met je op, op een van de momenten die je opgaf:\n{momenten}\n\n"
        "Je loopbaanvraag aan {centrum}:\n{vraag}",
    ),
    TemplateKind.ACKNOWLEDGEMENT: (
        "Je aanvraag is goed ontvangen: we bellen je op {datum}",
        # {bericht} is the text the coach sent (INT-03), proposed by Koers and editable; it names
        # the date and time too. {datum} and {uur} are required in this template.
        "{bericht}\n\nGepland telefoongesprek: {datum} om {uur}. Past dat moment toch niet? "
        "Antwoord dan op deze e-mail.",
    ),
    TemplateKind.HANDOVER: (
        "Een collega neemt contact met je op",
        "Dag {voornaam},\n\nBedankt voor het gesprek. {coach} past beter bij je loopbaanvraag "
        "en neemt binnenkort contact met je op.",
    ),
    TemplateKind.INTRODUCTION: (
        "Je gratis kennismakingsgesprek",
        "Dag {voornaam},\n\nFijn dat we kennismaken. Je gratis kennismakingsgesprek met {coach} "
        "van {centrum} is gepland op {datum} om {uur} ({plaats}). Het gesprek is vrijblijvend. "
        "{centrum} is een erkend loopbaancentrum: je betaalt de begeleiding met een loopbaancheque "
        "van VDAB, en dit gesprek telt niet mee in de uren van je loopbaancheque.",
    ),
}

# INT-03: an acknowledgement names the date and time of the call.
REQUIRED_PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    TemplateKind.ACKNOWLEDGEMENT: ("datum", "uur"),
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


def centre_address(organisation: Organisation, branding: CentreBranding | None = None) -> str:
    """INT-04: the centre's own address (its house style, else the organisation's); never a
    global one. Empty when the centre has none."""
    branding = branding or branding_for(organisation)
    return branding.sender_email or organisation.email


def centre_sender(organisation: Organisation, branding: CentreBranding | None = None) -> str:
    """INT-04: "<centre name> <centre address>", never the coach's; empty without an address."""
    branding = branding or branding_for(organisation)
    address = centre_address(organisation, branding)
    return f"{centre_name(organisation, branding)} <{address}>" if address else ""


def centre_signature(organisation: Organisation, branding: CentreBranding | None = None) -> str:
    """The centre's e-mail signature (house style), else its name."""
    branding = branding or branding_for(organisation)
    return branding.signature or centre_name(organisation, branding)


def reply_to(coach: User | None) -> list[str]:
    """A reply reaches the coach who handles the lead or client."""
    return [coach.email] if coach is not None and coach.email else []


def logo_url(organisation: Organisation, branding: CentreBranding) -> str:
    if not branding.logo:
        return ""
    return settings.KOERS_BASE_URL.rstrip("/") + reverse(
        "intake_public_logo", args=[organisation.pk]
    )


def voucher_logo_url(organisation: Organisation, branding: CentreBranding) -> str:
    if not branding.voucher_logo:
        return ""
    return settings.KOERS_BASE_URL.rstrip("/") + reverse(
        "intake_public_voucher_logo", args=[organisation.pk]
    )


def template_text(organisation: Organisation, kind: str) -> tuple[str, str]:
    """The centre's wording, or Koers' default; a stored wording without a required field (e.g.
    an acknowledgement without {datum}, saved before it was required) gives way to the default."""
    stored = EmailTemplate.objects.filter(organisation=organisation, kind=kind).first()
    if stored is None or any(
        "{" + name + "}" not in stored.body for name in REQUIRED_PLACEHOLDERS.get(kind, ())
    ):
        return DEFAULT_TEMPLATES[kind]
    return stored.subject, stored.body


def mentions_vouchers(text: str) -> bool:
    return bool(VOUCHER_TERMS.search(text))


def render_body(organisation: Organisation, body: str) -> tuple[str, str]:
    """(text, html) of a message body with the centre's signature, address and logo; with the
    voucher logo at the top, next to the centre's, when the message mentions vouchers (COM-01)."""
    branding = branding_for(organisation)
    signature = centre_signature(organisation, branding)
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
            "vouchers": mentions_vouchers(body),
            "voucher_logo_url": voucher_logo_url(organisation, branding),
        },
    )
    return text, html


def render_message(
    organisation: Organisation, kind: str, values: dict[str, str]
) -> tuple[str, str, str, str]:
    """(subject, text, html, sender) of a message with the centre's branding."""
    branding = branding_for(organisation)
    subject, body = template_text(organisation, kind)
    values = _Blank({"centrum": centre_name(organisation, branding), **values})
    subject = subject.format_map(values)
    body = body.format_map(values)
    text, html = render_body(organisation, body)
    return subject, text, html, centre_sender(organisation, branding)


def send_centre_mail(
    organisation: Organisation,
    *,
    subject: str,
    text: str,
    html: str,
    to: str,
    coach: User | None = None,
    kind: str = "centre_mail",
) -> bool:
    """INT-04: queue in the outbox (sent after the caller's transaction commits, retried until
    delivered) from the centre's address with a Reply-To to the coach. Without a centre address
    or a recipient nothing goes out (logged). True when queued."""
    sender = centre_sender(organisation)
    if not sender or not to:
        # The subject can carry a name: only the kind of mail is logged.
        logger.error(
            "INT-04: organisation %s: %s not sent (%s)",
            organisation.pk,
            kind,
            "no centre e-mail address" if not sender else "no recipient",
        )
        return False
    mail_queue(
        kind=kind,
        organisation=organisation,
        to=[to],
        subject=subject,
        body=text,
        html=html,
        sender=sender,
        reply_to=reply_to(coach),
    )
    return True


def send_branded(
    organisation: Organisation,
    kind: str,
    to: str,
    values: dict[str, str],
    *,
    coach: User | None = None,
) -> bool:
    subject, text, html, _sender = render_message(organisation, kind, values)
    return send_centre_mail(
        organisation,
        subject=subject,
        text=text,
        html=html,
        to=to,
        coach=coach,
        kind=f"intake.{kind}",
    )
