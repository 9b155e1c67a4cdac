"""The demo's transition workers spread over the early phases (TRN-01..03, TRN-15), built through
the referral and intake services: the 1st file (by client id) only proposed, the 2nd in dialogue,
the 3rd..5th with the intake held, decision "start" and the engagement statement signed (the later
parts of the demo build on them), plus two workers of the company: one invited to intake, one
called off. The three selected workers meet at a kick-off with their supervisors."""

from datetime import date, timedelta

from koers.core.data import ClientData
from koers.core.demo import Demo, register_demo
from koers.core.services import client_create
from koers.trajectories.models import Programme
from koers.trajectories.services import programme_open
from koers.transition import models as m
from koers.transition.services import engagement, intake, intake_pdfs, referral

SUPERVISORS = (
    ("Werkleider Patrick",),
    ("Instructeur An", "Ploegbaas Wim"),
    ("Werkleider Patrick",),
)
ANSWERS = {
    "motivation": "Wil op eigen kracht een vaste job buiten het maatwerkbedrijf.",
    "strengths": "Stipt en behulpzaam; let op: vraagt niet snel hulp.",
    "why_ready": "Haalt al een jaar de normen en leert nieuwe collega's het werk aan.",
    "job_target": "Ja, het jobdoelwit is duidelijk.",
}
STARR = intake.Starr(
    competence="initiatief",
    situation="Op een drukke dag viel een collega van de ploeg uit.",
    task="De bestellingen moesten toch voor vier uur klaarstaan.",
    action="Verdeelde het werk opnieuw en vroeg de ploegbaas om een extra hand.",
    result="Alles stond op tijd klaar; de ploegbaas bedankte de ploeg.",
    reflection="Zou de ploegbaas sneller verwittigen; het verdelen lukte goed.",
)
EXTRA_WORKERS = (("Nadia", "Bouzid"), ("Tom", "Claeys"))


def _day(start: date, days: int, today: date) -> date:
    return min(start + timedelta(days=days), today)


def _dialogue(file, coach, today) -> None:
    held = _day(file.referred_on, 3, today)
    referral.referral_dialogue(file=file, answers=ANSWERS, held_on=held, acting_user=coach)


def _invite(file, coach, today) -> None:
    _dialogue(file, coach, today)
    checks = referral.Checks(basic_dutch_confirmed=True, no_pretext_confirmed=True)
    on = _day(file.referred_on, 7, today)
    referral.referral_invite(file=file, checks=checks, invited_on=on, acting_user=coach)


def _selected(file, coach, today, supervisors) -> None:
    changes = referral.ReferralChanges(
        proposed_by=file.proposed_by,
        proposer_name=file.proposer_name,
        why=file.why,
        job_target=file.job_target,
        supervisors=supervisors,
    )
    referral.referral_update(file=file, changes=changes, acting_user=coach)
    _invite(file, coach, today)
    held_on = _day(file.referred_on, 10, today)
    holding = intake.IntakeHolding(held_on=held_on, motivation=ANSWERS["motivation"])
    done = intake.intake_hold(file=file, holding=holding, acting_user=coach)
    page_one = intake.Administrative(
        answers={"name": str(file.client), "driving_licence": "B", "languages": "Nederlands"},
        by_worker=True,
        completed=True,
        language_observation="Vult het blad zelfstandig in.",
    )
    intake.intake_administrative_save(file=file, data=page_one, acting_user=coach)
    intake.starr_note_add(intake=done, starr=STARR, acting_user=coach)
    intake.intake_decide(
        intake=done,
        decision="start",
        decided_on=held_on,
        reason="Gemotiveerd en klaar.",
        acting_user=coach,
    )
    intake.intake_feedback(
        intake=done,
        worker_on=held_on,
        supervisors_on=_day(held_on, 1, today),
        text="Geselecteerd voor het doorstroomtraject.",
        acting_user=coach,
    )
    signed = _day(held_on, 2, today)
    engagement.engagement_sign(intake=done, worker_on=signed, coach_on=signed, acting_user=coach)


def _extra_worker(demo: Demo, company, coach, first: str, last: str, weeks: int):
    client = client_create(
        organisation=company, data=ClientData(first_name=first, last_name=last), acting_user=coach
    )
    demo.counts["clients"] += 1
    trajectory = programme_open(
        client=client,
        programme=Programme.TRANSITION,
        responsible=coach,
        organisation=company,
        start_date=demo.today - timedelta(weeks=weeks),
        acting_user=coach,
    )
    demo.counts["trajectories"] += 1
    file = trajectory.transition
    changes = referral.ReferralChanges(
        proposed_by="worker",
        why="Wil graag meer uren en een vast contract.",
        job_target="Winkelbediende",
    )
    return referral.referral_update(file=file, changes=changes, acting_user=coach)


def build_intake(demo: Demo) -> None:
    company, coach, today = demo.orgs["social"], demo.staff["jobcoach"], demo.today
    files = list(
        m.TransitionFile.objects.filter(trajectory__organisation=company)
        .select_related("trajectory", "client")
        .order_by("client_id")
    )
    if len(files) < 5:
        return
    _dialogue(files[1], coach, today)
    for file, names in zip(files[2:5], SUPERVISORS, strict=True):
        _selected(file, coach, today, names)
    invited = _extra_worker(demo, company, coach, *EXTRA_WORKERS[0], weeks=2)
    _invite(invited, coach, today)
    intake_pdfs.invitation_pdf(file=invited, acting_user=coach)
    off = _extra_worker(demo, company, coach, *EXTRA_WORKERS[1], weeks=5)
    _dialogue(off, coach, today)
    referral.referral_call_off(
        file=off,
        ground="lack_of_engagement",
        reason="Kwam twee keer niet naar de afgesproken gesprekken en ziet het niet meer zitten.",
        called_off_on=_day(off.referred_on, 14, today),
        acting_user=coach,
    )
    for f in files[2:5]:
        f.refresh_from_db()
    engagement.kick_off_create(
        organisation=company,
        held_on=today,
        place="Refter van het maatwerkbedrijf",
        note="Kennismaking met collega-doorstromers, de aanpak en de engagementen.",
        invitations=[
            engagement.Invitation(file=f, supervisors_invited=tuple(f.supervisors))
            for f in files[2:5]
        ],
        acting_user=coach,
    )
    engagement_doc = m.Intake.objects.get(file=files[2])
    intake_pdfs.engagement_pdf(intake=engagement_doc, acting_user=coach)


register_demo("transition_intake", build_intake, order=40)
