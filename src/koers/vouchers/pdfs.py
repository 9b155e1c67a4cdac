"""The voucher's documents as PDFs in the centre's house style (LBC-11, LBC-12, LBC-14, LBC-20)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.documents.render import render_pdf
from koers.trajectories.models import (
    ContactForm,
    ContactOutcome,
    Document,
    DocumentKind,
)
from koers.trajectories.services import document_store_generated
from koers.vouchers.models import Voucher, VoucherPrint
from koers.vouchers.rules import COUNTABLE_FORMS
from koers.vouchers.rules.evaluation import EvaluationStep
from koers.vouchers.rules.pop import POP_SECTIONS, pop_file_name
from koers.vouchers.selectors import (
    evaluation_next_letter_on,
    evaluation_step,
    pop_latest,
    pop_plan,
    ruleset_of,
    voucher_summary,
)

GENERATED_KINDS = {
    "contract": DocumentKind.CONTRACT,
    "code_of_conduct": DocumentKind.CODE_OF_CONDUCT,
    "attendance": DocumentKind.ATTENDANCE,
    "pop": DocumentKind.PLAN,
    "certificate": DocumentKind.CERTIFICATE,
}


def _base_context(voucher: Voucher) -> dict:
    trajectory = voucher.trajectory
    ruleset = ruleset_of(voucher)
    return {
        "voucher": voucher,
        "client": voucher.client,
        "coach": trajectory.responsible,
        "centre": trajectory.organisation,
        "ruleset": ruleset,
        "hours": ruleset.voucher_minutes // 60,
        "contribution": f"{ruleset.own_contribution_cents / 100:.2f}".replace(".", ","),
        "today": timezone.localdate(),
    }


# Each document: its context, its file name and its title.
Built = tuple[dict, str, str]


def _contract(voucher: Voucher) -> Built:
    context = _base_context(voucher)
    # LBC-11.1: signed in duplicate, one copy for the client, the original for the centre.
    context["copies"] = [_("Exemplaar cliënt"), _("Origineel voor het loopbaancentrum")]
    return context, f"Overeenkomst cheque {voucher.number}", "Overeenkomst"


def _code_of_conduct(voucher: Voucher) -> Built:
    return _base_context(voucher), "Gedragscode", "Gedragscode"


def _attendance(voucher: Voucher) -> Built:
    summary = voucher_summary(voucher)
    rows = []
    for judged in summary.contacts:
        contact = judged.contact
        # Only guidance contacts are signed for; phone, e-mail and tool time never count (LBC-07/08).
        if (
            judged.is_introduction
            or contact.outcome != ContactOutcome.HELD
            or contact.form not in COUNTABLE_FORMS
        ):
            continue
        start = timezone.localtime(contact.starts_at)
        rows.append(
            {
                "contact_id": contact.pk,
                "date": f"{start:%d/%m/%Y}",
                "time": f"{start:%H:%M}",
                "minutes": contact.duration_minutes,
                "form": contact.get_form_display(),
                "counted": judged.decision.counted_minutes,
                "is_video": contact.form == ContactForm.VIDEO,
            }
        )
    context = _base_context(voucher) | {"rows": rows, "counted_total": summary.counted_minutes}
    return context, f"Bewijs van deelname cheque {voucher.number}", "Bewijs van deelname"


def _pop(voucher: Voucher) -> Built:
    plan = pop_plan(voucher)
    if plan is None:
        raise ValidationError({"__all__": [_("Er is nog geen POP. (LBC-12)")]})
    version = pop_latest(plan)
    combined = voucher.combined_pop
    file_name = pop_file_name(
        voucher.client.first_name, voucher.client.last_name, None if combined else voucher.number
    )
    context = _base_context(voucher) | {
        "plan": plan,
        "version": version,
        "content": version.content,
        "title": plan.title,
        "sections": POP_SECTIONS,
        "combined": combined,
    }
    return context, file_name, plan.title


def _certificate(voucher: Voucher) -> Built:
    if voucher.certificate_issued_at is None:
        raise ValidationError(
            {
                "__all__": [
                    _("Reik eerst het attest uit: Koers controleert dan of het mag. (LBC-20)")
                ]
            }
        )
    name = f"Attest opleiding POP {voucher.client.first_name} {voucher.client.last_name}"
    return _base_context(voucher), name, "Attest opleiding in het kader van het POP"


_BUILDERS = {
    "contract": _contract,
    "code_of_conduct": _code_of_conduct,
    "attendance": _attendance,
    "pop": _pop,
    "certificate": _certificate,
}


def voucher_document_generate(*, voucher: Voucher, kind: str, acting_user) -> Document:
    """Render the PDF (outside any transaction), then store it as the voucher's document of that kind.

    A document whose signed original was already received is never overwritten: a new one is added.
    """
    if kind not in _BUILDERS:
        raise ValidationError({"kind": [_("Onbekend document.")]})
    voucher = Voucher.objects.select_related(
        "client", "trajectory__responsible", "trajectory__organisation"
    ).get(pk=voucher.pk)
    context, file_name, title = _BUILDERS[kind](voucher)
    pdf = render_pdf(f"documents/pdf/{kind}.html", context)  # one template per kind
    # LBC-11: what this print shows — the contacts with a signature line, a final or draft POP.
    printed_contacts = [row["contact_id"] for row in context.get("rows", [])]
    pop_finalised = kind == "pop" and context["plan"].finalised_at is not None
    document_kind = GENERATED_KINDS[kind]
    with transaction.atomic():
        # Two prints of one kind at once would each add a document: the trajectory core locks
        # the one to replace, so the second print replaces the first's instead of adding a twin.
        document = document_store_generated(
            trajectory=voucher.trajectory,
            kind=document_kind,
            title=title,
            file_name=f"{file_name}.pdf",
            pdf=pdf,
            acting_user=acting_user,
            fill_placeholder=True,
        )
        printed, _created = VoucherPrint.objects.update_or_create(
            document=document,
            defaults={"pop_finalised": pop_finalised, "printed_at": timezone.now()},
        )
        printed.contacts.set(printed_contacts if kind == "attendance" else [])
    return document


def evaluation_letter_generate(*, voucher: Voucher, acting_user) -> Document:
    """LBC-15 for a client without an e-mail address: print the invitation or the reminder that is
    due and record it as sent, so the sweep can add the correspondence to the dossier after the
    last reminder. The printed letter is filed as correspondence."""
    from koers.vouchers.messages import evaluation_message

    voucher = Voucher.objects.select_related(
        "client", "trajectory__responsible", "trajectory__organisation"
    ).get(pk=voucher.pk)
    today = timezone.localdate()
    step = _paper_step_or_refuse(voucher, today)
    subject, body, _sender = evaluation_message(voucher, step)
    context = _base_context(voucher) | {
        "subject": subject,
        "paragraphs": [p for p in body.split("\n\n") if p.strip()],
    }
    pdf = render_pdf("documents/pdf/evaluation_letter.html", context)
    with transaction.atomic():
        # Two letters printed at once would both be recorded as the same step: locked, the
        # second sees the first's and is refused below.
        voucher = (
            Voucher.objects.select_for_update()
            .select_related("client", "trajectory")
            .get(pk=voucher.pk)
        )
        if _paper_step_or_refuse(voucher, today) != step:
            raise ValidationError(
                {"__all__": [_("Deze brief werd intussen al genoteerd. Herlaad de pagina.")]}
            )
        if step == EvaluationStep.INVITE:
            voucher.evaluation_invited_on = today
            title = _("Uitnodiging evaluatie (op papier) %(on)s")
        else:
            voucher.evaluation_reminders_sent += 1
            title = _("Herinnering %(n)d evaluatie (op papier) %(on)s")
        voucher.evaluation_last_sent_on = today
        save_with_user(voucher, acting_user)
        document = document_store_generated(
            trajectory=voucher.trajectory,
            kind=DocumentKind.CORRESPONDENCE,
            title=title % {"on": f"{today:%d/%m/%Y}", "n": voucher.evaluation_reminders_sent},
            file_name=f"{subject}.pdf",
            pdf=pdf,
            acting_user=acting_user,
        )
    return document


def _paper_step_or_refuse(voucher: Voucher, today) -> EvaluationStep:
    if voucher.client.email:
        raise ValidationError(
            {
                "__all__": [
                    _(
                        "De cliënt heeft een e-mailadres: Koers mailt de uitnodiging en de herinneringen zelf. (LBC-15)"
                    )
                ]
            }
        )
    step = evaluation_step(voucher, today)
    if step in (EvaluationStep.INVITE, EvaluationStep.REMIND):
        return step
    if (
        step is None
        and voucher.evaluation_invited_on is not None
        and (
            voucher.evaluation_received_on is None
            and voucher.evaluation_correspondence_added_on is None
        )
    ):
        due = evaluation_next_letter_on(voucher)
        raise ValidationError(
            {
                "__all__": [
                    _("De volgende herinnering kan vanaf %(on)s. (LBC-15)")
                    % {"on": f"{due:%d/%m/%Y}"}
                ]
            }
        )
    raise ValidationError(
        {
            "__all__": [
                _(
                    "Er is nu geen uitnodiging of herinnering voor de evaluatie te versturen. (LBC-15)"
                )
            ]
        }
    )
