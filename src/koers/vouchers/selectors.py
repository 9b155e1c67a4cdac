"""Reads for vouchers: what counts, what is left, and what still blocks delivery."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from koers.core import permissions
from koers.core.models import User
from koers.lib.rules import Reason
from koers.trajectories.models import (
    Contact,
    ContactForm,
    ContactOutcome,
    Document,
    DocumentKind,
    DocumentStatus,
    Programme,
)
from koers.vouchers import rules
from koers.vouchers.models import Voucher
from koers.vouchers.rules.dossier import (
    ChecklistItem,
    DossierFacts,
    GuidanceContact,
    dossier_checklist,
)
from koers.vouchers.rules.entitlement import voucher_entitlement
from koers.vouchers.rules.intake import missing_intake_topics
from koers.vouchers.services import pop_plan, ruleset_of

_PROOF_PRESENT = (DocumentStatus.GENERATED, DocumentStatus.SIGNED, DocumentStatus.ORIGINAL_RECEIVED)


def voucher_get(*, user: User, pk: int) -> Voucher:
    return (
        Voucher.objects.visible_to(user)
        .select_related(
            "trajectory", "trajectory__responsible", "trajectory__organisation", "client"
        )
        .get(pk=pk)
    )


def vouchers_for_user(*, user: User) -> QuerySet[Voucher]:
    return Voucher.objects.visible_to(user).select_related(
        "client", "trajectory", "trajectory__responsible"
    )


@dataclass(frozen=True)
class JudgedContact:
    contact: Contact
    decision: rules.Decision
    is_introduction: bool
    attendance_original: bool
    screenshot: bool


@dataclass(frozen=True)
class VoucherSummary:
    voucher: Voucher
    ruleset: rules.Ruleset
    contacts: list[JudgedContact]
    used_minutes: int  # held guidance time registered, counted or not
    counted_minutes: int
    group_minutes: int
    individual_minutes: int
    left_minutes: int
    checklist: list[ChecklistItem]

    @property
    def complete(self) -> bool:
        return all(item.ok for item in self.checklist)

    @property
    def blockers(self) -> list[ChecklistItem]:
        return [item for item in self.checklist if not item.ok]


def _contacts(voucher: Voucher) -> list[Contact]:
    documents = Document.objects.filter(kind__in=[DocumentKind.ATTENDANCE, DocumentKind.SCREENSHOT])
    return list(
        Contact.objects.filter(trajectory_id=voucher.trajectory_id)
        .select_related("introduction", "group_participation__session", "staff")
        .prefetch_related(Prefetch("documents", queryset=documents))
        .order_by("starts_at", "id")
    )


def _has(contact: Contact, kind: str, statuses) -> bool:
    return any(d.kind == kind and d.status in statuses for d in contact.documents.all())


def _group_ok(contact: Contact) -> bool:
    participation = getattr(contact, "group_participation", None)
    if participation is None:
        return False  # a group contact outside a recorded group session cannot show LBC-05
    session = participation.session
    return (
        session.aims_at_reflection
        and not session.part_of_other_service
        and participation.free_choice
        and participation.linked_to_question
    )


def voucher_summary(voucher: Voucher) -> VoucherSummary:
    """Judge every contact in time order (caps depend on what counted before) — a fixed number
    of queries whatever the number of contacts."""
    ruleset = ruleset_of(voucher)
    documents = list(
        Document.objects.filter(trajectory_id=voucher.trajectory_id, contact__isnull=True)
    )
    # The attendance sheet has a signature line per contact (LBC-11.3): once its signed original
    # is received, it covers every contact held before that moment.
    sheet_received = max(
        (
            d.updated_at
            for d in documents
            if d.kind == DocumentKind.ATTENDANCE and d.status == DocumentStatus.ORIGINAL_RECEIVED
        ),
        default=None,
    )
    tally = rules.Tally()
    judged: list[JudgedContact] = []
    used = individual = 0
    for contact in _contacts(voucher):
        is_intro = hasattr(contact, "introduction")
        screenshot = _has(contact, DocumentKind.SCREENSHOT, _PROOF_PRESENT)
        facts = rules.ContactFacts(
            form=contact.form,
            duration_minutes=contact.duration_minutes,
            held=contact.outcome == ContactOutcome.HELD,
            is_introduction=is_intro,
            has_screenshot=screenshot,
            group_ok=_group_ok(contact) if contact.form == ContactForm.GROUP else True,
        )
        decision = rules.judge_contact(facts, tally, voucher.number, ruleset)
        if facts.held and not is_intro and contact.form in rules.COUNTABLE_FORMS:
            used += contact.duration_minutes
        if contact.form != ContactForm.GROUP:
            individual += decision.counted_minutes
        tally = rules.Tally(
            tally.counted_minutes + decision.counted_minutes,
            tally.group_minutes
            + (decision.counted_minutes if contact.form == ContactForm.GROUP else 0),
        )
        judged.append(
            JudgedContact(
                contact,
                decision,
                is_intro,
                _has(contact, DocumentKind.ATTENDANCE, (DocumentStatus.ORIGINAL_RECEIVED,))
                or (sheet_received is not None and contact.starts_at <= sheet_received),
                screenshot,
            )
        )
    checklist = dossier_checklist(
        _dossier_facts(voucher, documents, judged, tally, individual), ruleset
    )
    return VoucherSummary(
        voucher=voucher,
        ruleset=ruleset,
        contacts=judged,
        used_minutes=used,
        counted_minutes=tally.counted_minutes,
        group_minutes=tally.group_minutes,
        individual_minutes=individual,
        left_minutes=ruleset.voucher_minutes - tally.counted_minutes,
        checklist=checklist,
    )


def _dossier_facts(
    voucher: Voucher,
    documents: list[Document],
    judged: list[JudgedContact],
    tally: rules.Tally,
    individual: int,
) -> DossierFacts:
    plan = pop_plan(voucher)

    def status_of(kind: str) -> set[str]:
        return {d.status for d in documents if d.kind == kind}

    pop_copy = bool(plan and plan.finalised_at) and bool(
        status_of(DocumentKind.PLAN) & set(_PROOF_PRESENT)
    )
    return DossierFacts(
        voucher_number=voucher.number,
        counted_minutes=tally.counted_minutes,
        individual_minutes=individual,
        contract_original=DocumentStatus.ORIGINAL_RECEIVED in status_of(DocumentKind.CONTRACT),
        code_of_conduct_given=bool(status_of(DocumentKind.CODE_OF_CONDUCT) & set(_PROOF_PRESENT)),
        contacts=tuple(
            GuidanceContact(
                label=f"{timezone.localtime(j.contact.starts_at):%d/%m/%Y %H:%M}",
                is_video=j.contact.form == ContactForm.VIDEO,
                attendance_original=j.attendance_original,
                screenshot=j.screenshot,
            )
            for j in judged
            if j.decision.counted_minutes > 0
        ),
        pop_copy=pop_copy,
        pop_checklist=voucher.pop_checklist_only,
        pop_follows_with_voucher_2=voucher.combined_pop and voucher.number == 1,
        intake_topics_missing=len(missing_intake_topics(set(voucher.intake_topics))),
        evaluation_received=voucher.evaluation_received_on is not None,
        evaluation_correspondence_added=voucher.evaluation_correspondence_added_on is not None,
        aftercare_informed=voucher.aftercare_informed_at is not None,
    )


@dataclass(frozen=True)
class VoucherOffer:
    """What the client's page offers: "+ Loopbaancheque", or why a new voucher is not possible."""

    can_open: bool
    reason: Reason | None


def voucher_offer(*, user: User, client, today) -> VoucherOffer | None:
    """None when this user opens no vouchers for this client's organisation at all (a mediator,
    a job coach, another organisation's mandate): then nothing is offered."""
    if permissions.programme_refusal(user, client.organisation, Programme.VOUCHER):
        return None
    started = list(
        Voucher.objects.filter(client=client).values_list("trajectory__start_date", flat=True)
    )
    try:
        entitlement = voucher_entitlement(started_on=started, today=today)
    except LookupError:
        return VoucherOffer(
            False, Reason("LBC-01", "Voor vandaag is er geen regelset voor loopbaancheques.")
        )
    return VoucherOffer(entitlement.allowed, None if entitlement.allowed else entitlement.reason)
