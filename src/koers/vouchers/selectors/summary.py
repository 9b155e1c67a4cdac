"""The voucher replayed: every contact judged in time order, the hours, the dossier checklist.

Two ways in, one replay: `voucher_summary` loads the contacts as model instances (a write, a PDF,
a billing list needs them); `voucher_figures` reads them as value rows (`rows.py`: two queries,
no instance per contact), for pages that show a page of contacts but figures over all of them."""

from collections.abc import Sequence
from dataclasses import dataclass, replace

from django.db.models import Prefetch
from django.utils import timezone

from koers.lib.rules import Reason
from koers.trajectories.models import (
    Contact,
    ContactForm,
    ContactOutcome,
    Document,
    DocumentKind,
    DocumentStatus,
)
from koers.vouchers import rules
from koers.vouchers.models import Voucher, VoucherPrint
from koers.vouchers.rules.dossier import (
    ChecklistItem,
    DossierFacts,
    GuidanceContact,
    closes_early,
    dossier_checklist,
    open_at_closing,
)
from koers.vouchers.rules.intake import missing_intake_topics
from koers.vouchers.selectors.common import ruleset_of
from koers.vouchers.selectors.pop import pop_plan, pop_plans
from koers.vouchers.selectors.rows import ContactRow, contact_rows

_PROOF_PRESENT = (DocumentStatus.GENERATED, DocumentStatus.SIGNED, DocumentStatus.ORIGINAL_RECEIVED)


@dataclass(frozen=True)
class JudgedContact:
    contact: Contact | ContactRow  # a row from `voucher_figures`: the fields the pages show
    decision: rules.Decision
    is_introduction: bool
    attendance_original: bool
    screenshot: bool

    @property
    def is_video(self) -> bool:
        """LBC-06: a video call is proven by its screenshot, not by a signature."""
        return self.contact.form == ContactForm.VIDEO


@dataclass(frozen=True)
class VoucherSummary:
    voucher: Voucher
    ruleset: rules.Ruleset
    contacts: Sequence[JudgedContact]  # every contact, in time order
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

    def judged(self, contact_id: int) -> JudgedContact:
        """One contact as the replay judged it (a write answers with its own contact)."""
        return next(j for j in self.contacts if j.contact.pk == contact_id)


def replay_queryset():
    """Contacts loaded as the replay reads them (what `replay_contacts` needs, no query per row)."""
    documents = Document.objects.filter(kind__in=[DocumentKind.ATTENDANCE, DocumentKind.SCREENSHOT])
    return (
        Contact.objects.select_related("introduction", "group_participation__session", "staff")
        .prefetch_related(Prefetch("documents", queryset=documents))
        .order_by("starts_at", "id")
    )


def _contacts(voucher: Voucher) -> list[Contact]:
    return _contacts_of([voucher.trajectory_id])


def _contacts_of(trajectory_ids: list[int]) -> list[Contact]:
    return list(replay_queryset().filter(trajectory_id__in=trajectory_ids))


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


def row_of(contact: Contact) -> ContactRow:
    """What the replay reads of a contact loaded as `replay_queryset` loads it."""
    group = contact.form == ContactForm.GROUP
    return ContactRow(
        pk=contact.pk,
        starts_at=contact.starts_at,
        form=contact.form,
        duration_minutes=contact.duration_minutes,
        outcome=contact.outcome,
        is_introduction=hasattr(contact, "introduction"),
        screenshot=_has(contact, DocumentKind.SCREENSHOT, _PROOF_PRESENT),
        attendance_signed=_has(
            contact, DocumentKind.ATTENDANCE, (DocumentStatus.ORIGINAL_RECEIVED,)
        ),
        group_ok=_group_ok(contact) if group else True,
        group_fed_back=_group_fed_back(contact) if group else True,
    )


def replay_rows(
    voucher: Voucher, rows: Sequence[ContactRow], ruleset: rules.Ruleset
) -> tuple[list[rules.Decision], rules.Tally, int, int]:
    """LBC-02..08 over the voucher's contacts in time order (caps depend on what counted
    before): a decision per row, the tally, the used and the individual minutes. Pure."""
    tally = rules.Tally()
    decisions: list[rules.Decision] = []
    used = individual = 0
    for row in rows:
        facts = rules.ContactFacts(
            form=row.form,
            duration_minutes=row.duration_minutes,
            held=row.outcome == ContactOutcome.HELD,
            is_introduction=row.is_introduction,
            has_screenshot=row.screenshot,
            video_consent=bool(voucher.video_consent),
            group_ok=row.group_ok,
            group_fed_back=row.group_fed_back,
        )
        decision = rules.judge_contact(facts, tally, voucher.number, ruleset)
        if facts.held and not row.is_introduction and row.form in rules.COUNTABLE_FORMS:
            used += row.duration_minutes
        if row.form != ContactForm.GROUP:
            individual += decision.counted_minutes
        tally = rules.Tally(
            tally.counted_minutes + decision.counted_minutes,
            tally.group_minutes
            + (decision.counted_minutes if row.form == ContactForm.GROUP else 0),
        )
        decisions.append(decision)
    return decisions, tally, used, individual


def _judge(
    voucher: Voucher,
    contacts: Sequence[Contact | ContactRow],
    rows: Sequence[ContactRow],
    ruleset: rules.Ruleset,
    covered: set[int],
) -> tuple[list[JudgedContact], rules.Tally, int, int]:
    decisions, tally, used, individual = replay_rows(voucher, rows, ruleset)
    judged = [
        JudgedContact(
            contact,
            decision,
            row.is_introduction,
            row.attendance_signed or row.pk in covered,
            row.screenshot,
        )
        for contact, row, decision in zip(contacts, rows, decisions, strict=True)
    ]
    return judged, tally, used, individual


def replay_contacts(
    voucher: Voucher, contacts: list[Contact], ruleset: rules.Ruleset, covered: set[int]
) -> tuple[list[JudgedContact], rules.Tally, int, int]:
    """Judge the voucher's contacts (all of them, in time order, loaded as `_contacts` loads them)
    as LBC-02..08 count them: the judged contacts, the tally, the used and individual minutes.
    No query of its own, so a caller judging many vouchers loads their contacts at once."""
    return _judge(voucher, contacts, [row_of(c) for c in contacts], ruleset, covered)


def _loose_documents(voucher: Voucher) -> tuple[list[Document], set[int]]:
    """The trajectory's documents not tied to a contact, and the contacts proven by them.
    LBC-11.3: an attendance sheet is signed per contact, so a received signed original proves
    exactly the contacts printed on it (stored when it was generated), never a later one."""
    documents = list(
        Document.objects.filter(
            trajectory_id=voucher.trajectory_id, contact__isnull=True
        ).select_related("voucher_print")
    )
    return documents, _contacts_on_received_sheets(documents)


def voucher_summary(voucher: Voucher) -> VoucherSummary:
    """Judge every contact in time order (caps depend on what counted before) — a fixed number
    of queries whatever the number of contacts."""
    documents, covered = _loose_documents(voucher)
    return summarise(voucher, documents, covered, _contacts(voucher), pop_plan(voucher))


_UNREAD = object()


def voucher_figures(voucher: Voucher, plan=_UNREAD) -> VoucherSummary:
    """`voucher_summary` with the contacts read as value rows: the same figures, checklist and
    decisions (the same replay), without a model instance per contact — for a page or an API
    list that shows one page of contacts (`JudgedContact.contact` is then a `ContactRow`).
    `plan`: the voucher's POP (`pop_plan`) when the caller already read it."""
    documents, covered = _loose_documents(voucher)
    rows = contact_rows(voucher.trajectory_id)
    plan = pop_plan(voucher) if plan is _UNREAD else plan
    return _summary_of(voucher, documents, covered, rows, rows, plan)


def voucher_summaries(vouchers: list[Voucher]) -> dict[int, VoucherSummary]:
    """`voucher_summary` of many vouchers at once, by voucher id, in a fixed number of queries
    whatever the number of vouchers (the dossier lists of billing, BIL-01)."""
    trajectory_ids = [v.trajectory_id for v in vouchers]
    documents: dict[int, list[Document]] = {t: [] for t in trajectory_ids}
    for d in Document.objects.filter(
        trajectory_id__in=trajectory_ids, contact__isnull=True
    ).select_related("voucher_print"):
        documents[d.trajectory_id].append(d)
    covered = _contacts_on_received_sheets([d for ds in documents.values() for d in ds])
    contacts: dict[int, list[Contact]] = {t: [] for t in trajectory_ids}
    for c in _contacts_of(trajectory_ids):
        contacts[c.trajectory_id].append(c)
    plans = pop_plans(vouchers)
    return {
        v.pk: summarise(
            v, documents[v.trajectory_id], covered, contacts[v.trajectory_id], plans.get(v.pk)
        )
        for v in vouchers
    }


def summarise(
    voucher: Voucher,
    documents: list[Document],
    covered: set[int],
    contacts: list[Contact],
    plan,
) -> VoucherSummary:
    """The replay on what was read: the trajectory's loose documents, the contacts proven by
    received sheets, the contacts in time order (with their documents) and the POP."""
    rows = [row_of(c) for c in contacts]
    return _summary_of(voucher, documents, covered, contacts, rows, plan)


def _summary_of(
    voucher: Voucher,
    documents: list[Document],
    covered: set[int],
    contacts: Sequence[Contact | ContactRow],
    rows: Sequence[ContactRow],
    plan,
) -> VoucherSummary:
    ruleset = ruleset_of(voucher)
    judged, tally, used, individual = _judge(voucher, contacts, rows, ruleset, covered)
    checklist = dossier_checklist(
        _dossier_facts(voucher, documents, judged, tally, individual, plan), ruleset
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
    plan,
) -> DossierFacts:

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
        pop_follows_with_voucher_2=voucher.pop_follows_with_voucher_2,
        intake_topics_missing=len(missing_intake_topics(set(voucher.intake_topics))),
        evaluation_received=voucher.evaluation_received_on is not None,
        evaluation_correspondence_added=voucher.evaluation_correspondence_added_on is not None,
        aftercare_informed=voucher.aftercare_informed_at is not None,
    )


def with_contacts(judged: Sequence[JudgedContact]) -> list[JudgedContact]:
    """One page of `voucher_figures`' judged rows with their contacts as instances (one query)."""
    contacts = Contact.objects.select_related("staff").in_bulk([j.contact.pk for j in judged])
    return [replace(j, contact=contacts[j.contact.pk]) for j in judged]


@dataclass(frozen=True)
class ClosingFacts:
    """What closing the voucher now means: the dossier points still open, and whether it ends
    early (the guidance hours or the individual minimum not reached: a reason is needed)."""

    open_points: list[ChecklistItem]
    early: Reason | None


def closing_facts(voucher: Voucher) -> ClosingFacts:
    checklist = voucher_summary(voucher).checklist
    return ClosingFacts(open_at_closing(checklist), closes_early(checklist))
