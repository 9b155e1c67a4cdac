"""INT-04 / COM-01: every e-mail Koers ships names the centre where vouchers are mentioned, shows
the voucher logo with the centre's, and goes out from the centre's own address with a Reply-To to
the coach (never a global address)."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from koers.core.models import OrganisationKind, Role
from koers.intake.messages import DEFAULT_TEMPLATES, render_message
from koers.intake.models import EmailTemplate, Lead, TemplateKind
from koers.intake.rules import communication_check, ruleset_for
from koers.intake.services import branding_update, lead_acknowledge, lead_submit
from koers.trajectories.models import Trajectory, TrajectoryStatus
from koers.vouchers.rules.evaluation import EvaluationStep
from tests.factories import ClientFactory, OrganisationFactory, staff_user
from tests.intake.conftest import NOW, lead_data

pytestmark = pytest.mark.django_db

RULESET = ruleset_for(NOW.date())
SAMPLE = {
    "voornaam": "Lotte",
    "achternaam": "Janssens",
    "coach": "An Peeters",
    "datum": "dinsdag 03/03/2026",
    "uur": "15:00",
    "plaats": "Gent",
    "momenten": "- dinsdag 03/03/2026 15:00–17:00",
    "vraag": "Ik wil iets anders doen met mijn loopbaancheque.",
    "bericht": "Dag Lotte, ik bel je op dinsdag 03/03/2026 om 15:00.",
}


def _passes(text: str, name: str) -> bool:
    ok, findings = communication_check(text, name, RULESET)
    return ok, [f.reason.message for f in findings if not f.ok]


def _voucher(centre, coach):
    from koers.vouchers.services import voucher_open

    return voucher_open(
        client=ClientFactory(organisation=centre, first_name="Ann", email="ann@example.org"),
        responsible=coach,
        organisation=centre,
        start_date=NOW.date() - timedelta(days=60),
        acting_user=coach,
    )


def test_com_01_every_email_template_koers_ships_passes_the_check(centre, coach):
    """All intake templates (rendered as the client gets them) and the voucher e-mails."""
    from koers.vouchers.messages import evaluation_message

    centre.working_name = "Horizon"
    centre.save()
    assert set(DEFAULT_TEMPLATES) == set(TemplateKind.values)
    for kind in TemplateKind.values:
        subject, text, _html, _sender = render_message(centre, kind, SAMPLE)
        for part in (subject, text):
            ok, problems = _passes(part, "Horizon")
            assert ok, (kind, problems)
    voucher = _voucher(centre, coach)
    for step in (EvaluationStep.INVITE, EvaluationStep.REMIND):
        subject, body, _sender = evaluation_message(voucher, step)
        for part in (subject, body):
            ok, problems = _passes(part, "Horizon")
            assert ok, (step, problems)


def test_com_01_the_introduction_names_the_centre_next_to_the_voucher(centre):
    centre.working_name = "Horizon"
    centre.save()
    _subject, text, _html, _sender = render_message(centre, TemplateKind.INTRODUCTION, SAMPLE)
    paragraph = next(p for p in text.split("\n\n") if "loopbaancheque" in p)
    assert "Horizon is een erkend loopbaancentrum" in paragraph


def test_com_01_voucher_logo_stands_with_the_centre_logo_before_the_first_mention(
    centre, centre_staff, client
):
    _s, _t, html, _f = render_message(centre, TemplateKind.INTRODUCTION, SAMPLE)
    badge = html.index("Loopbaancheque VDAB")
    assert badge < html.lower().index("loopbaancheque van vdab, en")
    _s, _t, handover, _f = render_message(centre, TemplateKind.HANDOVER, SAMPLE)
    assert "Loopbaancheque VDAB" not in handover  # no voucher, no voucher logo
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    branding_update(
        organisation=centre,
        sender_name="",
        sender_email="",
        address="",
        signature="",
        logo=None,
        voucher_logo=SimpleUploadedFile("cheque.png", png),
        acting_user=centre_staff,
    )
    _s, _t, html, _f = render_message(centre, TemplateKind.INTRODUCTION, SAMPLE)
    url = reverse("intake_public_voucher_logo", args=[centre.pk])
    assert url in html
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"


def test_com_01_voucher_logo_must_be_png_or_svg(centre, centre_staff):
    with pytest.raises(ValidationError) as exc:
        branding_update(
            organisation=centre,
            sender_name="",
            sender_email="",
            address="",
            signature="",
            logo=None,
            voucher_logo=SimpleUploadedFile("cheque.gif", b"GIF89a......"),
            acting_user=centre_staff,
        )
    assert "voucher_logo" in exc.value.message_dict


def test_int_04_mail_leaves_from_the_leads_own_centre_with_a_reply_to_the_coach(
    centre, coach, django_capture_on_commit_callbacks
):
    elsewhere = OrganisationFactory(name="Loopbaancentrum Elders", email="info@elders.example")
    their_coach = staff_user(elsewhere, Role.COACH, username="elders", email="ria@elders.example")
    with django_capture_on_commit_callbacks(execute=True):
        lead_submit(organisation=centre, data=lead_data(), now=NOW)
        lead_submit(organisation=elsewhere, data=lead_data(email="piet@example.org"), now=NOW)
    ours = next(m for m in mail.outbox if m.to == ["lotte@example.org"])
    theirs = next(m for m in mail.outbox if m.to == ["piet@example.org"])
    assert ours.from_email == "Loopbaancentrum Horizon <info@horizon.example.be>"
    assert ours.reply_to == [coach.email]
    assert theirs.from_email == "Loopbaancentrum Elders <info@elders.example>"
    assert theirs.reply_to == ["ria@elders.example"] and their_coach.email in theirs.reply_to


def test_int_04_no_global_address_a_centre_without_one_sends_nothing(
    django_capture_on_commit_callbacks,
):
    bare = OrganisationFactory(name="Loopbaancentrum Zonder Adres")
    coach = staff_user(bare, Role.COACH, username="zonder", email="coach@zonder.example")
    late = NOW + timedelta(hours=30)
    with django_capture_on_commit_callbacks(execute=True):
        lead, _created = lead_submit(
            organisation=bare, data=lead_data(windows=[(late, late + timedelta(hours=2))]), now=NOW
        )
    assert not [m for m in mail.outbox if m.to == ["lotte@example.org"]]  # no global sender
    with pytest.raises(ValidationError) as exc:
        lead_acknowledge(lead=lead, channel="email", text="", now=NOW, acting_user=coach)
    assert "INT-04" in exc.value.message_dict["channel"][0]
    assert all(m.to == [coach.email] for m in mail.outbox)  # only the coach's own notice


def test_int_04_voucher_evaluation_mail_from_the_centre_with_its_logo_and_a_reply_to_the_coach(
    centre, coach, django_capture_on_commit_callbacks
):
    from koers.vouchers.jobs import _send

    voucher = _voucher(centre, coach)
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        _send(voucher, EvaluationStep.INVITE)
    message = mail.outbox[-1]
    assert message.from_email == "Loopbaancentrum Horizon <info@horizon.example.be>"
    assert message.reply_to == [coach.email]
    html = message.alternatives[0][0]
    assert html.index("Loopbaancheque VDAB") < html.index("Je loopbaanbegeleiding met")


def test_int_04_evaluation_sweep_waits_for_the_centres_address(coach):
    from koers.core.sweep import run_sweep

    bare = OrganisationFactory(
        name="Loopbaancentrum Zonder Adres", kind=OrganisationKind.CAREER_CENTRE
    )
    voucher = _voucher(bare, staff_user(bare, Role.COACH, username="coach-zonder-adres"))
    Trajectory.objects.filter(pk=voucher.trajectory_id).update(
        status=TrajectoryStatus.CLOSED, end_date=NOW.date() - timedelta(days=1)
    )
    with time_machine.travel(NOW, tick=False):
        run_sweep(NOW)
    voucher.refresh_from_db()
    assert voucher.evaluation_invited_on is None and mail.outbox == []


def test_com_01_demo_mails_and_templates_pass_the_check(django_capture_on_commit_callbacks):
    """The demo's e-mails to its fictional leads: from the centre's address with its signature,
    a Reply-To to the coach, and COM-01 met; so does any template the demo stores."""
    with time_machine.travel(NOW), django_capture_on_commit_callbacks(execute=True):
        call_command("demo", stdout=StringIO())
    leads = list(Lead.objects.select_related("organisation", "coach"))
    assert len(leads) == 3
    for lead in leads:
        sent = [m for m in mail.outbox if m.to == [lead.email]]
        assert sent, lead
        name = lead.organisation.working_name or lead.organisation.name
        for message in sent:
            assert message.from_email == f"Horizon <{lead.organisation.email}>"
            assert message.reply_to == [lead.coach.email]
            assert "Het team van Horizon" in message.body
            for part in (message.subject, message.body):
                ok, problems = _passes(part, name)
                assert ok, problems
    for template in EmailTemplate.objects.all():
        for part in (template.subject, template.body):
            ok, problems = _passes(part.replace("{centrum}", "Horizon"), "Horizon")
            assert ok, problems
