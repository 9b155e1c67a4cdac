"""After the sessions: interim evaluation (LBC-16), evaluation (LBC-15), aftercare (LBC-18), certificate (LBC-20)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.languages import in_language_of
from koers.core.models import User
from koers.lib.links import absolute
from koers.lib.refusals import refusal
from koers.outbox.services import mail_queue
from koers.trajectories.centre_mail import centre_sender
from koers.vouchers.models import (
    AftercareEntry,
    CodeOfConductHandover,
    InterimEvaluation,
    Voucher,
)
from koers.vouchers.rules.aftercare import aftercare_refusal
from koers.vouchers.rules.certificate import certificate_refusal
from koers.vouchers.selectors import pop_latest, pop_plan, ruleset_of
from koers.vouchers.services.common import lock_voucher


@transaction.atomic
def interim_evaluation_add(
    *, voucher: Voucher, held_on: date, going_as_wished: str, would_change: str, acting_user: User
) -> InterimEvaluation:
    """LBC-16."""
    if not going_as_wished.strip():
        raise ValidationError({"going_as_wished": [_("Noteer het antwoord van de cliënt.")]})
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": [_("Een evaluatie ligt niet in de toekomst.")]})
    return save_with_user(
        InterimEvaluation(
            voucher=voucher,
            held_on=held_on,
            going_as_wished=going_as_wished.strip(),
            would_change=would_change.strip(),
            recorded_by=acting_user,
        ),
        acting_user,
    )


@transaction.atomic
def aftercare_register(
    *, voucher: Voucher, on: date, minutes: int, form: str, note: str, acting_user: User
) -> AftercareEntry:
    """LBC-18: all aftercare done is registered, in half hours, up to a year after the synthesis;
    the client's right (30 minutes per voucher) is shown next to it, never a reason to refuse."""
    voucher = lock_voucher(voucher)
    if form not in AftercareEntry.Form.values:
        raise ValidationError({"form": [_("Kies een vorm uit de lijst.")]})
    if on > timezone.localdate():
        raise ValidationError({"on": [_("Nazorg registreer je nadat ze gebeurd is.")]})
    reason = aftercare_refusal(
        minutes=minutes,
        on=on,
        synthesis_date=voucher.synthesis_date,
        ruleset=ruleset_of(voucher),
    )
    if reason:
        raise refusal("minutes", reason)
    entry = AftercareEntry(
        voucher=voucher,
        on=on,
        minutes=minutes,
        form=form,
        note=note.strip(),
        recorded_by=acting_user,
    )
    return save_with_user(entry, acting_user)


@transaction.atomic
def aftercare_informed(*, voucher: Voucher, acting_user: User) -> Voucher:
    """LBC-18: the coach told the client about aftercare when the voucher ended."""
    voucher = lock_voucher(voucher)
    if voucher.aftercare_informed_at is None:
        voucher.aftercare_informed_at = timezone.now()
    return save_with_user(voucher, acting_user)


@transaction.atomic
def code_of_conduct_handed_over(
    *, voucher: Voucher, how: str, on: date, acting_user: User
) -> Voucher:
    """LBC-11.2: the coach records handing the code of conduct over or e-mailing it, with the date.
    Generating its PDF is not handing it over."""
    voucher = lock_voucher(voucher)
    if how not in CodeOfConductHandover.values:
        raise ValidationError({"how": [_("Kies: meegegeven of gemaild.")]})
    if on > timezone.localdate():
        raise ValidationError({"on": [_("Noteer de overhandiging nadat ze gebeurd is.")]})
    if on < voucher.trajectory.start_date:
        raise ValidationError({"on": [_("Deze datum ligt vóór de start van de cheque.")]})
    voucher.code_of_conduct_handed_how = how
    voucher.code_of_conduct_handed_on = on
    return save_with_user(voucher, acting_user)


@transaction.atomic
def evaluation_received(*, voucher: Voucher, on: date, acting_user: User | None) -> Voucher:
    voucher = lock_voucher(voucher)
    voucher.evaluation_received_on = voucher.evaluation_received_on or on
    return save_with_user(voucher, acting_user)


@transaction.atomic
def evaluation_submit(*, voucher: Voucher, response) -> None:
    """LBC-15: the client's evaluation comes in; it is linked to the voucher and the coach gets a copy."""
    voucher = lock_voucher(voucher)
    if hasattr(voucher, "evaluation"):
        raise ValidationError({"__all__": [_("Deze evaluatie werd al ingevuld. Bedankt!")]})
    response.voucher = voucher
    response.save()
    voucher.evaluation_received_on = timezone.localdate()
    save_with_user(voucher, None)
    coach = voucher.trajectory.responsible
    if coach.email:
        with in_language_of(coach):  # the copy is written in the coach's language
            yes_no = _("ja") if response.would_recommend else _("nee")
            subject = _("Kopie evaluatie loopbaancheque")
            body = _(
                "Evaluatie loopbaancheque %(number)s (dossier %(pk)s)\n\n"
                "Tevredenheid: %(satisfaction)s/5\nGeholpen: %(helped)s/5\n"
                "Aanraden: %(recommend)s\n\n"
                "Wat geleerd:\n%(learned)s\n\nOpmerkingen:\n%(remarks)s\n\n"
                "De cheque: %(link)s\n"
            ) % {
                "link": absolute("voucher_detail", voucher.pk),
                "number": voucher.number,
                "pk": voucher.pk,
                "satisfaction": response.satisfaction,
                "helped": response.helped,
                "recommend": yes_no,
                "learned": response.learned,
                "remarks": response.remarks,
            }
        mail_queue(
            kind="vouchers.evaluation_copy",
            organisation=voucher.trajectory.organisation,
            sender=centre_sender(voucher.trajectory.organisation),
            to=[coach.email],
            subject=subject,
            body=body,
        )


@transaction.atomic
def certificate_issue(
    *,
    voucher: Voucher,
    training: str,
    benefit_academic_year_start: date,
    only_to_obtain_benefit: bool,
    acting_user: User,
) -> Voucher:
    """LBC-20: issue the training certificate once, or refuse with the reason."""
    voucher = lock_voucher(voucher)
    latest = pop_latest(pop_plan(voucher))
    text = " ".join(
        str(v) for v in (latest.content.get("sections", {}).values() if latest else [])
    ).lower()
    text += " ".join(
        a.get("what", "") for a in (latest.content.get("actions", []) if latest else [])
    ).lower()
    named = bool(training.strip()) and training.strip().lower() in text
    reason = certificate_refusal(
        already_issued=voucher.certificate_issued_at is not None,
        training_named_in_pop=named,
        guidance_started_on=voucher.trajectory.start_date,
        benefit_academic_year_start=benefit_academic_year_start,
        only_to_obtain_benefit=only_to_obtain_benefit,
    )
    if reason:
        raise refusal("__all__", reason)
    voucher.certificate_issued_at = timezone.now()
    voucher.certificate_training = training.strip()
    return save_with_user(voucher, acting_user)
