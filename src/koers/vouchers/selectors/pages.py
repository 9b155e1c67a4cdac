"""Page assembly: everything a voucher page shows, read and judged here, so that the views only
add their forms and render (and never ask the rules themselves)."""

from dataclasses import dataclass, fields
from datetime import date, datetime

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet

from koers.core import permissions
from koers.core import selectors as core_selectors
from koers.core.models import Client, Role, User
from koers.lib.rules import Reason
from koers.trajectories.models import (
    Contact,
    Document,
    DocumentKind,
    DocumentStatus,
    Programme,
    TrajectoryStatus,
)
from koers.vouchers.models import GroupSession, Voucher, VoucherPrint
from koers.vouchers.rules.entitlement import Entitlement
from koers.vouchers.rules.evaluation import EvaluationStep
from koers.vouchers.rules.intake import INTAKE_TOPICS
from koers.vouchers.rules.phases import PHASE_LABELS, PHASE_ORDER, can_move
from koers.vouchers.selectors.followup import (
    AftercareTotals,
    GroupFeedbackRow,
    aftercare_totals,
    entitlement_today,
    evaluation_letter_step,
    evaluation_next_letter_on,
    group_feedback_rows,
)
from koers.vouchers.selectors.pop import PopState, pop_state
from koers.vouchers.selectors.summary import (
    ChecklistItem,
    VoucherSummary,
    closing_facts,
    voucher_figures,
)

CONTACTS_PAGE_SIZE = 25  # the contacts on the voucher page, the newest first (`?contacts=<page>`)


class _Context:
    def context(self) -> dict:
        """The fields as a template's context (shallow: the values stay what they are)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class VoucherPage(_Context):
    """The voucher page: what counts and why, the phases it may move to, the POP's problems,
    the documents and prints, the paper evaluation letter due, aftercare and group feedback."""

    voucher: Voucher
    client: Client
    trajectory: object
    summary: VoucherSummary  # over every contact
    contacts: Page  # the judged contacts shown: one page, the newest first
    is_open: bool
    phase_label: str
    phases: list[tuple[str, str, bool, bool]]  # value, label, current, may move there (LBC-21)
    intake_topics: list[tuple[str, str, bool]]  # key, label, explained (LBC-10)
    prints: dict[int, VoucherPrint]
    paper_step: str | None
    paper_invites: bool  # the paper letter due is the invitation (else a reminder)
    paper_next_on: date | None
    interims: QuerySet
    assignments: list
    has_pair: bool
    aftercare: list
    aftercare_totals: AftercareTotals
    group_feedback: list[GroupFeedbackRow]
    plan: object
    pop_version: object
    pop_reasons: list[Reason]
    pop_required: bool
    documents: QuerySet
    document_statuses: list
    sees_ruleset: bool


def voucher_page(
    *, user: User, voucher: Voucher, now: datetime, contacts_page: str | None = None
) -> VoucherPage:
    """The figures and the dossier over every contact (judged from value rows), one page of
    contacts shown: a fixed number of queries and a bounded page, however many contacts."""
    trajectory = voucher.trajectory
    phase = trajectory.phase
    pop: PopState = pop_state(voucher)
    paper_step = evaluation_letter_step(voucher, now.date())
    summary = voucher_figures(voucher, plan=pop.plan)  # the POP read once
    return VoucherPage(
        voucher=voucher,
        client=voucher.client,
        trajectory=trajectory,
        summary=summary,
        contacts=_contacts_page(summary, contacts_page),
        is_open=voucher.is_open,
        phase_label=PHASE_LABELS.get(phase, phase),
        phases=[
            (p.value, PHASE_LABELS[p], p.value == phase, can_move(phase, p.value))
            for p in PHASE_ORDER
        ],
        intake_topics=[
            (key, label, key in voucher.intake_topics) for key, label in INTAKE_TOPICS.items()
        ],
        prints=_prints(trajectory),
        paper_step=paper_step,
        paper_invites=paper_step == EvaluationStep.INVITE,
        paper_next_on=evaluation_next_letter_on(voucher),
        interims=voucher.interim_evaluations.select_related("recorded_by"),
        assignments=list(trajectory.assignments.order_by("deadline", "id")),
        has_pair=Voucher.objects.filter(client_id=voucher.client_id).count() == 2,
        aftercare=list(voucher.aftercare.all()),
        aftercare_totals=aftercare_totals(voucher),
        group_feedback=group_feedback_rows(voucher),
        plan=pop.plan,
        pop_version=pop.latest,
        pop_reasons=pop.problems,
        pop_required=pop.actions_required,
        documents=trajectory.documents.filter(contact__isnull=True).order_by("kind", "-created_at"),
        document_statuses=DocumentStatus.choices,
        sees_ruleset=user.is_administrator or user.is_centre_staff,
    )


def _contacts_page(summary: VoucherSummary, number: str | None) -> Page:
    """One page of the judged contacts, the newest first, as the value rows the replay read
    (`ContactRow` shows what the page's table shows): no model instance per contact."""
    newest_first = list(reversed(summary.contacts))
    return Paginator(newest_first, CONTACTS_PAGE_SIZE).get_page(number)


def _prints(trajectory) -> dict[int, VoucherPrint]:
    """LBC-11: what each generated PDF showed when it was printed, by document."""
    printed = (
        VoucherPrint.objects.filter(document__trajectory=trajectory)
        .select_related("document")
        .prefetch_related(
            Prefetch("contacts", queryset=Contact.objects.order_by("starts_at", "id"))
        )
    )
    return {p.document_id: p for p in printed}


@dataclass(frozen=True)
class VoucherOpening:
    """The page that opens a voucher (LBC-01): why this user may not, or what the rule set says
    today, and whom the user may choose as responsible (None: the user self)."""

    refusal: str | None
    no_ruleset: str | None
    entitlement: Entitlement | None
    responsibles: list[User] | None


def voucher_opening(*, user: User, client: Client, today: date) -> VoucherOpening:
    # Only a career centre opens vouchers, by its staff or coaches: say so instead of a form.
    refusal = permissions.programme_refusal(user, client.organisation, Programme.VOUCHER)
    if refusal is not None:
        return VoucherOpening(refusal, None, None, None)
    # No version in force today (after the last one ended): say so and who can fix it, and keep
    # the form, since a voucher that started while a version was in force can still be entered.
    no_ruleset, entitlement = entitlement_today(client, today)
    chooses = user.is_administrator or Role.CENTRE_STAFF in user.roles
    responsibles = list(core_selectors.guiding_staff(client=client)) if chooses else None
    return VoucherOpening(None, no_ruleset, entitlement, responsibles)


@dataclass(frozen=True)
class VoucherClosing(_Context):
    """The confirmation before closing: the dossier points still open, and whether the guidance
    ends early (then a reason is asked)."""

    voucher: Voucher
    client: Client
    trajectory: object
    open_points: list[ChecklistItem]
    early: Reason | None


def voucher_closing(voucher: Voucher) -> VoucherClosing:
    facts = closing_facts(voucher)
    return VoucherClosing(
        voucher, voucher.client, voucher.trajectory, facts.open_points, facts.early
    )


@dataclass(frozen=True)
class PopPage(_Context):
    voucher: Voucher
    client: Client
    trajectory: object
    plan: object
    versions: object
    finalised: bool


def pop_page(voucher: Voucher) -> tuple[PopPage, object]:
    """The POP page, and the newest version (its content fills the form)."""
    pop = pop_state(voucher)
    versions = pop.plan.versions.select_related("author").order_by("-number") if pop.plan else []
    page = PopPage(voucher, voucher.client, voucher.trajectory, pop.plan, versions, pop.finalised)
    return page, pop.latest


def open_vouchers(user: User) -> list[Voucher]:
    """The open vouchers a user may see, by client name (a group session's participants)."""
    return list(
        Voucher.objects.visible_to(user)
        .filter(trajectory__status__in=[TrajectoryStatus.PLANNED, TrajectoryStatus.ACTIVE])
        .select_related("client", "trajectory")
        .order_by("client__last_name", "client__first_name")
    )


def group_session_list(user: User) -> dict:
    """LBC-05: the organisation's group sessions, and which participants' vouchers the user sees."""
    sessions = GroupSession.objects.select_related("coach").prefetch_related(
        "participants__voucher__client"
    )
    if not user.is_administrator:
        sessions = sessions.filter(organisation_id__in=user.organisation_ids())
    visible = {v.pk for v in open_vouchers(user)} | set(
        Voucher.objects.visible_to(user).values_list("pk", flat=True)
    )
    return {"sessions": sessions[:100], "visible": visible}


def pop_store_page(*, user: User, query: str, page: str | None) -> Page:
    """LBC-14: the POP PDFs of the centre's vouchers, by file name, searchable by name."""
    documents = (
        Document.objects.visible_to(user)
        .filter(kind=DocumentKind.PLAN, trajectory__programme=Programme.VOUCHER)
        .exclude(file="")
        .select_related("trajectory__client", "trajectory__responsible")
        .order_by("original_filename", "-updated_at")
    )
    if query:
        documents = documents.filter(original_filename__icontains=query)
    return Paginator(documents, 25).get_page(page)
