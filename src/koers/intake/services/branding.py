"""INT-04 / COM-01 / COM-02: the centre's house style and e-mail wording, its recorded
communication checks, and a coach's private calendar address."""

import re
import secrets
from datetime import datetime

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import Organisation, User
from koers.intake import rules
from koers.intake.messages import PLACEHOLDERS, REQUIRED_PLACEHOLDERS
from koers.intake.models import (
    CalendarFeed,
    CentreBranding,
    CommunicationCheck,
    EmailTemplate,
    TemplateKind,
)
from koers.intake.selectors import ruleset
from koers.intake.services.common import must_be_centre_staff

LOGO_MAX_BYTES = 1024 * 1024
LOGO_TYPES = {"image/png": "png", "image/svg+xml": "svg"}
_SVG_HANDLER = re.compile(r"\son\w+\s*=")


def _logo_type(upload: UploadedFile) -> str:
    """PNG by its signature; SVG as XML with an <svg> root and nothing active in it (it is shown
    in e-mails and pages)."""
    head = upload.read(2048)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind and kind.mime == "image/png":
        return "image/png"
    if b"<svg" in head.lower():
        whole = upload.read().decode("utf-8", errors="ignore").lower()
        upload.seek(0)
        if "<script" in whole or "javascript:" in whole or _SVG_HANDLER.search(whole):
            raise ValidationError({"logo": [_("Een SVG-logo mag geen scripts bevatten.")]})
        return "image/svg+xml"
    raise ValidationError({"logo": [_("Kies een logo in PNG of SVG.")]})


@transaction.atomic
def branding_update(
    *,
    organisation: Organisation,
    sender_name: str,
    sender_email: str,
    address: str,
    signature: str,
    logo: UploadedFile | None,
    acting_user: User,
    voucher_logo: UploadedFile | None = None,
) -> CentreBranding:
    """INT-04 / COM-01: what every e-mail to (potential) clients carries."""
    must_be_centre_staff(
        acting_user, organisation.pk, _("Alleen centrummedewerkers beheren de huisstijl.")
    )
    errors: dict[str, list[str]] = {}
    email = sender_email.strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["sender_email"] = [_("Dit is geen geldig e-mailadres.")]
    types: dict[str, str] = {}
    for key, upload in (("logo", logo), ("voucher_logo", voucher_logo)):
        if upload is None:
            continue
        if upload.size > LOGO_MAX_BYTES:
            errors[key] = [_("Het logo is te groot (hoogstens 1 MB).")]
        else:
            try:
                types[key] = _logo_type(upload)
            except ValidationError as exc:
                errors[key] = exc.message_dict["logo"]
    if errors:
        raise ValidationError(errors)
    # Two staff saving the house style at once: the second waits for the first's row, so one
    # save does not overwrite the other's logo with a stale copy.
    branding, _created = CentreBranding.objects.select_for_update().get_or_create(
        organisation=organisation
    )
    branding.sender_name = sender_name.strip()[:200]
    branding.sender_email = email
    branding.address = address.strip()
    branding.signature = signature.strip()
    if logo is not None:
        logo.name = "logo." + LOGO_TYPES[types["logo"]]
        branding.logo = logo
        branding.logo_content_type = types["logo"]
    if voucher_logo is not None:
        voucher_logo.name = "loopbaancheque." + LOGO_TYPES[types["voucher_logo"]]
        branding.voucher_logo = voucher_logo
        branding.voucher_logo_content_type = types["voucher_logo"]
    save_with_user(branding, acting_user)
    return branding


@transaction.atomic
def template_save(
    *, organisation: Organisation, kind: str, subject: str, body: str, acting_user: User
) -> EmailTemplate:
    must_be_centre_staff(
        acting_user, organisation.pk, _("Alleen centrummedewerkers passen e-mails aan.")
    )
    if kind not in TemplateKind.values:
        raise ValidationError({"kind": [_("Onbekende soort e-mail.")]})
    errors: dict[str, list[str]] = {}
    if not subject.strip():
        errors["subject"] = [_("Vul een onderwerp in.")]
    if not body.strip():
        errors["body"] = [_("Vul een tekst in.")]
    for name in re.findall(r"\{(\w+)\}", subject + body):
        if name not in PLACEHOLDERS:
            errors.setdefault("body", []).append(_("Onbekend veld {%(name)s}.") % {"name": name})
    for name in REQUIRED_PLACEHOLDERS.get(kind, ()):
        if "{" + name + "}" not in body:
            errors.setdefault("body", []).append(
                _("Deze e-mail moet {%(name)s} bevatten: het moment waarop de coach belt. (INT-03)")
                % {"name": name}
            )
    if errors:
        raise ValidationError(errors)
    template, _created = EmailTemplate.objects.update_or_create(
        organisation=organisation,
        kind=kind,
        defaults={"subject": subject.strip(), "body": body.strip()},
    )
    return template


@transaction.atomic
def communication_check_record(
    *,
    organisation: Organisation,
    source: str,
    text: str,
    subject: User | None,
    note: str,
    now: datetime,
    acting_user: User,
) -> CommunicationCheck:
    """COM-02: the centre records a check it did on a coach's communication (COM-01 applied)."""
    must_be_centre_staff(
        acting_user, organisation.pk, _("Alleen centrummedewerkers registreren controles.")
    )
    errors: dict[str, list[str]] = {}
    if not source.strip():
        errors["source"] = [_("Waar stond de tekst? (website, post, mailing …)")]
    if not text.strip():
        errors["text"] = [_("Plak de tekst die je controleerde.")]
    if len(text) > 20000:
        errors["text"] = [_("De tekst is te lang (hoogstens 20 000 tekens).")]
    if errors:
        raise ValidationError(errors)
    ok, findings = rules.communication_check(
        text, organisation.working_name or organisation.name, ruleset(now)
    )
    return CommunicationCheck.objects.create(
        organisation=organisation,
        subject=subject,
        source=source.strip()[:300],
        text=text,
        ok=ok,
        findings=[{"ok": f.ok, "mention": f.mention, **f.reason.as_dict()} for f in findings],
        note=note.strip(),
        checked_by=acting_user,
        checked_at=now,
    )


def calendar_feed_token(*, user: User, renew: bool = False) -> str:
    """The secret of the coach's calendar address; renewing invalidates the old address."""
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is None:
        feed = CalendarFeed.objects.create(user=user, token=secrets.token_urlsafe(32))
    elif renew:
        feed.token = secrets.token_urlsafe(32)
        feed.save(update_fields=["token"])
    return feed.token
