"""The reads every other voucher read stands on: the voucher as a user may see it, its rule set."""

from django.db.models import QuerySet

from koers.core.models import User
from koers.lib.rules import shown
from koers.trajectories.models import Document, Programme
from koers.trajectories.rulesets import ruleset_by_version
from koers.vouchers import rules
from koers.vouchers.models import GroupSession, Voucher
from koers.vouchers.rules.intake import missing_intake_topics
from koers.vouchers.rules.scope import scope_warnings


def voucher_get(*, user: User, pk: int) -> Voucher:
    return (
        Voucher.objects.visible_to(user)
        .select_related(
            "trajectory", "trajectory__responsible", "trajectory__organisation", "client"
        )
        .get(pk=pk)
    )


def vouchers_for_user(*, user: User) -> QuerySet[Voucher]:
    """The vouchers `user` may see, `trajectory IN (their trajectories)`: in the API list's order
    (the voucher's trajectory, newest first) SQLite walks the voucher's own unique trajectory
    index with no sort, also on a database without statistics. As a condition on the joined
    trajectory (`visible_by_join`) an analysed database walked that index backwards too, but one
    without statistics (Koers never runs ANALYZE) sorted every voucher of the centre (issue 14;
    `tests/api/test_list_plans.py`)."""
    return Voucher.objects.visible_to(user).select_related(
        "client", "trajectory", "trajectory__responsible"
    )


def ruleset_of(voucher: Voucher) -> rules.Ruleset:
    """The version the voucher was opened under, built-in or published, expired or not."""
    return ruleset_by_version(Programme.VOUCHER, voucher.ruleset_version)


def scope_payload(question: str, ruleset: rules.Ruleset) -> list[dict]:
    """LBC-19: the warnings for a career question, as the voucher stores them."""
    return [
        {"exclusion": w.exclusion, "matched": w.matched, **w.reason.as_dict()}
        for w in scope_warnings(question, ruleset)
    ]


def intake_topics_missing(voucher: Voucher) -> list[str]:
    """LBC-10: the intake topics not yet explained, in the seed's order."""
    return missing_intake_topics(set(voucher.intake_topics))


def closing_open_points(voucher: Voucher) -> list[dict]:
    """The dossier points open at closing, as stored, in the reader's language."""
    return shown(voucher.closing_open_points)


def voucher_documents(*, user: User, voucher: Voucher) -> QuerySet[Document]:
    return (
        Document.objects.visible_to(user)
        .filter(trajectory_id=voucher.trajectory_id)
        .order_by("-created_at", "-id")
    )


def group_sessions_for_user(user: User) -> QuerySet[GroupSession]:
    """Sessions with at least one participant whose voucher the user may see."""
    visible = Voucher.objects.visible_to(user).values("pk")
    return (
        GroupSession.objects.filter(participants__voucher__in=visible)
        .distinct()
        .prefetch_related("participants")
        .order_by("-starts_at", "-id")
    )


def visible_voucher_ids(user: User, sessions: list[GroupSession]) -> set[int]:
    """Of these sessions' participants, the vouchers the user may see (one query, page-sized)."""
    voucher_ids = {p.voucher_id for s in sessions for p in s.participants.all()}
    return set(
        Voucher.objects.visible_to(user).filter(pk__in=voucher_ids).values_list("pk", flat=True)
    )


def group_session_get(pk: int) -> GroupSession:
    return GroupSession.objects.prefetch_related("participants").get(pk=pk)
