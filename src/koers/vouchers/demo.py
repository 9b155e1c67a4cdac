"""The career vouchers of `manage.py demo` (see `koers.core.demo`): a rule set that carries the
numbers on after the last version, and per voucher trajectory its intake checklist, contract and
code of conduct, a development plan, and the closing step of a closed voucher."""

from datetime import timedelta

from django.utils import timezone

from koers.core.demo import Demo, register_demo
from koers.trajectories.demo import Built, register_trajectory_demo
from koers.trajectories.models import ContactForm, DocumentKind, DocumentStatus, Programme
from koers.trajectories.rulesets import ruleset_missing, ruleset_publish, versions
from koers.trajectories.services import document_add
from koers.vouchers.models import ClosingReason, Voucher
from koers.vouchers.rules.intake import INTAKE_TOPICS
from koers.vouchers.services import (
    code_of_conduct_handed_over,
    pop_save,
    voucher_close,
    voucher_intake_update,
)

CAREER_QUESTIONS = [
    "Wil ik in de zorg blijven, of iets anders doen?",
    "Welke job past bij mij na vijftien jaar in de logistiek?",
    "Hoe zet ik mijn talenten beter in bij mijn huidige werkgever?",
    "Kan ik de overstap maken naar het onderwijs?",
]


def build_ruleset(demo: Demo) -> None:
    """After the last voucher version (2026-12-31) the demo carries its numbers on, as an
    administrator does on Centrum ▾ Regelsets once VDAB publishes the career credit."""
    today = demo.today
    if ruleset_missing(Programme.VOUCHER, today) is None:
        return
    last = max(
        (r for r in versions(Programme.VOUCHER) if r.valid_until and r.valid_until < today),
        key=lambda r: r.valid_until,
    )
    start = last.valid_until + timedelta(days=1)
    ruleset_publish(
        programme=Programme.VOUCHER,
        version=f"demo-{start:%Y}",
        valid_from=start,
        valid_until=None,
        based_on=last.version,
        changes={},
        reason=f"Demo: de cijfers van {last.version} lopen door tot VDAB de regels van het "
        "loopbaankrediet publiceert.",
        acting_user=demo.staff["beheerder"],
    )


def _intake(built: Built) -> None:
    """The career question and the LBC-10 intake checklist, partly ticked."""
    i = built.index
    topics = list(INTAKE_TOPICS)
    voucher_intake_update(
        voucher=Voucher.objects.get(trajectory=built.trajectory),
        career_question=CAREER_QUESTIONS[i % len(CAREER_QUESTIONS)],
        topics=topics if i % 4 else topics[:6],
        acting_user=built.responsible,
    )


def _documents(built: Built) -> None:
    trajectory, i = built.trajectory, built.index
    document_add(
        trajectory=trajectory,
        kind=DocumentKind.CONTRACT,
        title="Overeenkomst loopbaanbegeleiding",
        status=DocumentStatus.ORIGINAL_RECEIVED if i % 2 else DocumentStatus.SIGNED,
        acting_user=built.responsible,
    )
    document_add(
        trajectory=trajectory,
        kind=DocumentKind.CODE_OF_CONDUCT,
        title="Deontologische code",
        status=DocumentStatus.GENERATED,
        acting_user=built.responsible,
    )
    if i % 2 and trajectory.start_date <= timezone.localdate():
        # LBC-11.2: handing it over is an act the coach records, not the generated PDF.
        code_of_conduct_handed_over(
            voucher=trajectory.voucher,
            how="given",
            on=trajectory.start_date,
            acting_user=built.responsible,
        )


def _development_plan(built: Built) -> None:
    """Two versions of voucher 1's POP, written through the POP service (LBC-12's shape)."""
    if built.index != 1:
        return
    voucher = built.trajectory.voucher
    sections = {
        "career_question": "Wil ik in de zorg blijven, of iets anders doen?",
        "reflections": "Ik haal energie uit mensen helpen, minder uit de ploegendiensten.",
    }
    pop_save(
        voucher=voucher,
        content={"style": "action", "sections": sections, "actions": []},
        acting_user=built.responsible,
    )
    deadline = (built.trajectory.start_date + timedelta(weeks=12)).isoformat()
    actions = [
        {"what": "Twee dagen meelopen in een dagcentrum", "by_when": deadline, "by_whom": "cliënt"},
        {
            "what": "Infosessie opleiding begeleider volgen",
            "by_when": deadline,
            "by_whom": "cliënt",
        },
    ]
    pop_save(
        voucher=voucher,
        content={
            "style": "action",
            "sections": sections
            | {"choices": "Ik verken het werk als begeleider in een dagcentrum."},
            "actions": actions,
        },
        acting_user=built.responsible,
    )


def _close(built: Built) -> None:
    """A voucher closes through its own step: open points recorded, a reason when early."""
    voucher_close(
        voucher=built.trajectory.voucher,
        acting_user=built.responsible,
        reason=ClosingReason.CLIENT_STOPPED,
    )


register_demo("vouchers", build_ruleset, order=20)


def _place(built: Built) -> str:
    """The centre's two locations take turns."""
    return "Horizon Gent" if built.index % 2 else "Horizon Aalst"


register_trajectory_demo(
    Programme.VOUCHER,
    title="Loopbaancheque 1",
    contact_forms=(
        ContactForm.INDIVIDUAL,
        ContactForm.INDIVIDUAL,
        ContactForm.VIDEO,
        ContactForm.GROUP,
    ),
    place=_place,
    opened=_intake,
    documents=_documents,
    finished=_development_plan,
    close=_close,
)
