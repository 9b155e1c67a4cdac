"""Reads for vouchers: what counts, what is left, and what still blocks delivery."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet, Sum
from django.utils import timezone

from koers.core import permissions
from koers.core.models import User
from koers.trajectories.models import (
    Contact,
    ContactForm,
    ContactOutcome,
    Document,
    DocumentKind,
    DocumentStatus,
    Programme,
)
from koers.trajectories.rulesets import ruleset_missing, versions
from koers.vouchers import rules
from koers.vouchers.models import GroupParticipant, Voucher, VoucherPrint
from koers.vouchers.rules.aftercare import aftercare_deadline, aftercare_within_right
from koers.vouchers.rules.dossier import (
    ChecklistItem,
    DossierFacts,
    GuidanceContact,
    dossier_checklist,
)
from koers.vouchers.rules.entitlement import voucher_entitlement
from koers.vouchers.rules.intake import missing_intake_topics
from koers.vouchers.services import group_feedback_candidates, pop_plan, ruleset_of

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
        and participation.may_stop_and_switch
    )


def _contacts_on_received_sheets(documents: list[Document]) -> set[int]:
    sheets = [
        d.pk
        for d in documents
        if d.kind == DocumentKind.ATTENDANCE and d.status == DocumentStatus.ORIGINAL_RECEIVED
    ]
    if not sheets:
        return set()
    return set(
        VoucherPrint.contacts.through.objects.filter(
            voucherprint__document_id__in=sheets
        ).values_list("contact_id", flat=True)
    )


def _pop_copy(plan, documents: list[Document]) -> bool:
    """LBC-11.4: only a copy of the finalised POP counts — a PDF printed before finalising
    ("nog niet gefinaliseerd") does not; an uploaded copy counts once added after finalising."""
    if plan is None or plan.finalised_at is None:
        return False
    for d in documents:
        if d.kind != DocumentKind.PLAN or d.status not in _PROOF_PRESENT:
            continue
        printed = getattr(d, "voucher_print", None)
        if printed is not None and printed.pop_finalised:
            return True
        if printed is None and d.created_at >= plan.finalised_at:
            return True
    return False


def _group_fed_back(contact: Contact) -> bool:
    participation = getattr(contact, "group_participation", None)
    return participation is not None and participation.feedback_contact_id is not None


def voucher_summary(voucher: Voucher) -> VoucherSummary:
    """Judge every contact in time order (caps depend on what counted before) — a fixed number
    of queries whatever the number of contacts."""
    ruleset = ruleset_of(voucher)
    documents = list(
        Document.objects.filter(
            trajectory_id=voucher.trajectory_id, contact__isnull=True
        ).select_related("voucher_print")
    )
    # LBC-11.3: an attendance sheet is signed per contact, so a received signed original proves
    # exactly the contacts printed on it (stored when it was generated), never a later one.
    covered = _contacts_on_received_sheets(documents)
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
            video_consent=bool(voucher.video_consent),
            group_ok=_group_ok(contact) if contact.form == ContactForm.GROUP else True,
            group_fed_back=_group_fed_back(contact) if contact.form == ContactForm.GROUP else True,
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
                or contact.pk in covered,
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

    return DossierFacts(
        voucher_number=voucher.number,
        counted_minutes=tally.counted_minutes,
        individual_minutes=individual,
        contract_original=DocumentStatus.ORIGINAL_RECEIVED in status_of(DocumentKind.CONTRACT),
        code_of_conduct_given=voucher.code_of_conduct_handed_on is not None,
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
        pop_copy=_pop_copy(plan, documents),
        pop_checklist=voucher.pop_checklist_only,
        pop_follows_with_voucher_2=voucher.combined_pop and voucher.number == 1,
        intake_topics_missing=len(missing_intake_topics(set(voucher.intake_topics))),
        evaluation_received=voucher.evaluation_received_on is not None,
        evaluation_correspondence_added=voucher.evaluation_correspondence_added_on is not None,
        aftercare_informed=voucher.aftercare_informed_at is not None,
    )


@dataclass(frozen=True)
class AftercareTotals:
    """LBC-18: what was registered, how much of it is within the client's right, until when."""

    registered_minutes: int
    within_right_minutes: int
    right_minutes: int
    deadline: date | None

    @property
    def beyond_right_minutes(self) -> int:
        return self.registered_minutes - self.within_right_minutes


def aftercare_totals(voucher: Voucher) -> AftercareTotals:
    ruleset = ruleset_of(voucher)
    registered = voucher.aftercare.aggregate(total=Sum("minutes"))["total"] or 0
    return AftercareTotals(
        registered_minutes=registered,
        within_right_minutes=aftercare_within_right(registered, ruleset),
        right_minutes=ruleset.aftercare_minutes,
        deadline=aftercare_deadline(voucher.synthesis_date, ruleset)
        if voucher.synthesis_date
        else None,
    )


@dataclass(frozen=True)
class GroupFeedbackRow:
    """LBC-05: a group session of this voucher, where its insights were fed back (or the choice)."""

    participation: GroupParticipant
    candidates: list[Contact]


def group_feedback_rows(voucher: Voucher) -> list[GroupFeedbackRow]:
    participations = GroupParticipant.objects.filter(voucher=voucher).select_related(
        "session", "contact", "feedback_contact", "voucher"
    )
    return [
        GroupFeedbackRow(p, [] if p.feedback_contact_id else group_feedback_candidates(p))
        for p in participations.order_by("session__starts_at", "id")
    ]


@dataclass(frozen=True)
class VoucherOffer:
    """What the client's page offers: "+ Loopbaancheque", or why a new voucher is not possible."""

    can_open: bool
    why_not: str = ""  # the reason's sentence, in the reader's language
    rule: str = "LBC-01"


def voucher_offer(*, user: User, client, today) -> VoucherOffer | None:
    """None when this user opens no vouchers for this client's organisation at all (a mediator,
    a job coach, another organisation's mandate): then nothing is offered."""
    if permissions.programme_refusal(user, client.organisation, Programme.VOUCHER):
        return None
    started = list(
        Voucher.objects.filter(client=client).values_list("trajectory__start_date", flat=True)
    )
    missing = ruleset_missing(Programme.VOUCHER, today)
    if missing:  # it names the last version and who can publish the next one
        return VoucherOffer(False, missing)
    entitlement = voucher_entitlement(
        started_on=started, today=today, rulesets=versions(Programme.VOUCHER)
    )
    if entitlement.allowed:
        return VoucherOffer(True)
    return VoucherOffer(False, entitlement.reason.message, entitlement.reason.rule)
