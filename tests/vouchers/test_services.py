"""Voucher use cases against the database: rules applied, nothing saved on refusal."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from koers.core.sweep import run_sweep
from koers.trajectories.models import (
    Contact,
    ContactForm,
    ContactOutcome,
    DocumentKind,
    DocumentStatus,
)
from koers.trajectories.services import ContactData, document_add, document_set_status
from koers.vouchers.models import Voucher, VoucherSettings
from koers.vouchers.pdfs import evaluation_letter_generate, voucher_document_generate
from koers.vouchers.selectors import aftercare_totals, voucher_summary
from koers.vouchers.services import (
    GroupMember,
    aftercare_informed,
    aftercare_register,
    certificate_issue,
    code_of_conduct_handed_over,
    evaluation_received,
    group_feedback_record,
    group_session_create,
    interim_evaluation_add,
    pop_finalise,
    pop_save,
    video_consent_record,
    voucher_close,
    voucher_contact_log,
    voucher_intake_update,
    voucher_open,
    voucher_scope_resolve,
)
from tests.factories import ClientFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _open(
    client, coach, start=None, question="Ik wil na tien jaar boekhouding iets met mensen doen."
):
    return voucher_open(
        client=client,
        responsible=coach,
        organisation=client.organisation,
        start_date=start or timezone.localdate() - timedelta(days=60),
        career_question=question,
        acting_user=coach,
    )


@pytest.fixture
def voucher(client_record, coach):
    return _open(client_record, coach)


@pytest.fixture
def voucher_2024(client_record, coach):
    """A voucher under the 2019 rule set, whatever today's date is."""
    return _open(client_record, coach, start=date(2024, 3, 1))


def _slot(days_ago, hour=10):
    return (timezone.localtime() - timedelta(days=days_ago)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )


def _log(voucher, coach, days_ago, minutes=60, form=ContactForm.INDIVIDUAL, **kw):
    return voucher_contact_log(
        voucher=voucher,
        data=ContactData(
            starts_at=_slot(days_ago),
            duration_minutes=minutes,
            form=form,
            outcome=ContactOutcome.HELD,
        ),
        acting_user=coach,
        **kw,
    ).contact


# LBC-01 ---------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_lbc_01_new_client_in_2026_gets_one_voucher_only(client_record, coach):
    voucher = _open(client_record, coach, start=date(2026, 3, 1))
    assert voucher.number == 1 and voucher.ruleset_version == "2025-reform"
    with pytest.raises(ValidationError, match="LBC-01"):
        _open(client_record, coach, start=date(2026, 9, 1))
    assert Voucher.objects.count() == 1


@pytest.mark.django_db
def test_lbc_01_client_from_2024_gets_a_second_voucher_but_never_a_third(client_record, coach):
    first = _open(client_record, coach, start=date(2024, 3, 1))
    second = _open(client_record, coach, start=date(2024, 9, 1))
    assert (first.number, second.number) == (1, 2)
    with pytest.raises(ValidationError, match="maximum is 2"):
        _open(client_record, coach, start=date(2024, 12, 1))


@pytest.mark.django_db
def test_ruleset_two_trajectories_judged_by_different_versions(centre, coach):
    old = _open(ClientFactory(organisation=centre), coach, start=date(2024, 3, 1))
    new = _open(ClientFactory(organisation=centre), coach, start=date(2026, 3, 1))
    assert old.ruleset_version == "2019-seeds"
    assert new.ruleset_version == "2025-reform"


# LBC-02..08 -----------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("minutes", [45, 20, 150])
def test_lbc_02_contact_not_in_blocks_or_too_long_is_refused_and_not_saved(voucher, coach, minutes):
    with pytest.raises(ValidationError, match="LBC-02"):
        _log(voucher, coach, 5, minutes=minutes)
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_lbc_07_phone_call_of_any_length_is_saved_but_never_counts(voucher, coach):
    _log(voucher, coach, 5, minutes=10, form=ContactForm.PHONE)
    summary = voucher_summary(voucher)
    assert summary.counted_minutes == 0
    assert summary.contacts[0].decision.reasons[0].rule == "LBC-07"


@pytest.mark.django_db
def test_lbc_02_no_contacts_on_a_closed_voucher(voucher, coach):
    voucher_close(voucher=voucher, acting_user=coach, reason="client_stopped")
    with pytest.raises(ValidationError, match="afgesloten"):
        _log(voucher, coach, 5)


@pytest.mark.django_db
def test_int_08_introduction_is_registered_but_never_counted(voucher, coach):
    _log(voucher, coach, 20, minutes=30, is_introduction=True)
    _log(voucher, coach, 10, minutes=120)
    summary = voucher_summary(voucher)
    assert summary.counted_minutes == 120
    assert summary.contacts[0].decision.reasons[0].rule == "INT-08"


@pytest.mark.django_db
def test_lbc_06_video_counts_once_the_screenshot_is_uploaded(voucher_2024, coach):
    voucher = voucher_2024
    video_consent_record(
        voucher=voucher, consent="consent", on=timezone.localdate(), acting_user=coach
    )
    voucher.refresh_from_db()
    contact = _log(voucher, coach, 5, form=ContactForm.VIDEO)
    assert voucher_summary(voucher).counted_minutes == 0
    document_add(
        trajectory=voucher.trajectory,
        kind=DocumentKind.SCREENSHOT,
        title="Screenshot",
        upload=SimpleUploadedFile("shot.png", PNG),
        contact=contact,
        acting_user=coach,
    )
    assert voucher_summary(voucher).counted_minutes == 60


@pytest.mark.django_db
def test_lbc_01_summary_shows_used_counted_and_left(voucher, coach):
    for days in (40, 30, 20):
        _log(voucher, coach, days, minutes=120)
    summary = voucher_summary(voucher)
    assert summary.used_minutes == 360
    assert summary.counted_minutes == 240
    assert summary.left_minutes == 0
    assert summary.contacts[-1].decision.reasons[0].rule == "LBC-01"


# LBC-04 / 05 group sessions -------------------------------------------------------------------
def _group_vouchers(centre, coach, n=2):
    # 2024: under the 2019 rule set whatever today's date is.
    return [
        _open(ClientFactory(organisation=centre), coach, start=date(2024, 3, 1)) for _ in range(n)
    ]


@pytest.mark.django_db
def test_lbc_05_two_participants_from_one_employer_are_refused(centre, coach):
    a, b = _group_vouchers(centre, coach)
    with pytest.raises(ValidationError, match="dezelfde organisatie"):
        group_session_create(
            organisation=centre,
            coach=coach,
            theme="Mijn waarden in mijn loopbaan",
            starts_at=_slot(3),
            duration_minutes=120,
            members=[
                GroupMember(a, "Zorggroep Noord", True, True),
                GroupMember(b, "zorggroep  noord", True, True),
            ],
            aims_at_reflection=True,
            acting_user=coach,
        )
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_lbc_05_info_session_theme_is_refused(centre, coach):
    a, b = _group_vouchers(centre, coach)
    with pytest.raises(ValidationError, match="reflectie"):
        group_session_create(
            organisation=centre,
            coach=coach,
            theme="Solliciteren voor beginners",
            starts_at=_slot(3),
            duration_minutes=60,
            members=[GroupMember(a, "A", True, True), GroupMember(b, "B", True, True)],
            aims_at_reflection=False,
            acting_user=coach,
        )


@pytest.mark.django_db
def test_lbc_04_group_hours_go_to_each_participant_capped(centre, coach):
    a, b = _group_vouchers(centre, coach)
    session = group_session_create(
        organisation=centre,
        coach=coach,
        theme="Mijn talenten in beeld",
        starts_at=_slot(3),
        duration_minutes=120,
        members=[
            GroupMember(a, "Bakkerij Janssens", True, True, True),
            GroupMember(b, "Stad Gent", True, True, True),
        ],
        aims_at_reflection=True,
        outcome=ContactOutcome.HELD,
        acting_user=coach,
    )
    assert session.participants.count() == 2
    for days_ago, voucher in ((2, a), (1, b)):
        assert voucher_summary(voucher).counted_minutes == 0  # LBC-05: not yet fed back
        individual = _log(voucher, coach, days_ago)
        group_feedback_record(
            voucher=voucher,
            group_contact_id=session.participants.get(voucher=voucher).contact_id,
            feedback_contact_id=individual.pk,
            acting_user=coach,
        )
        summary = voucher_summary(voucher)
        assert summary.group_minutes == 90  # voucher 1: group max 1.5 h
        assert summary.counted_minutes == 150
        assert "LBC-04" in [r.rule for r in summary.contacts[0].decision.reasons]


@pytest.mark.django_db
def test_lbc_05_client_not_told_they_may_stop_and_switch_is_refused(centre, coach):
    a, b = _group_vouchers(centre, coach)
    with pytest.raises(ValidationError, match="altijd kan stoppen"):
        group_session_create(
            organisation=centre,
            coach=coach,
            theme="Mijn waarden in mijn loopbaan",
            starts_at=_slot(3),
            duration_minutes=60,
            members=[GroupMember(a, "A", True, True, True), GroupMember(b, "B", True, True)],
            aims_at_reflection=True,
            acting_user=coach,
        )
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_lbc_05_feedback_is_a_held_individual_session_on_the_voucher_after_the_group(centre, coach):
    a, b = _group_vouchers(centre, coach)
    before = _log(a, coach, 5)
    session = group_session_create(
        organisation=centre,
        coach=coach,
        theme="Mijn talenten in beeld",
        starts_at=_slot(3),
        duration_minutes=60,
        members=[GroupMember(a, "A", True, True, True), GroupMember(b, "B", True, True, True)],
        aims_at_reflection=True,
        outcome=ContactOutcome.HELD,
        acting_user=coach,
    )
    group_contact = session.participants.get(voucher=a).contact_id
    other_voucher = _log(b, coach, 1)
    for feedback in (before.pk, other_voucher.pk, group_contact):
        with pytest.raises(ValidationError, match="LBC-05"):
            group_feedback_record(
                voucher=a,
                group_contact_id=group_contact,
                feedback_contact_id=feedback,
                acting_user=coach,
            )
    with pytest.raises(ValidationError, match="geen groepssessie"):
        group_feedback_record(
            voucher=a, group_contact_id=before.pk, feedback_contact_id=before.pk, acting_user=coach
        )
    assert not session.participants.filter(feedback_contact__isnull=False).exists()


@pytest.mark.django_db
def test_lbc_06_consent_is_recorded_and_can_be_withdrawn(voucher_2024, coach):
    voucher = voucher_2024
    video_consent_record(
        voucher=voucher, consent="request", on=timezone.localdate(), acting_user=coach
    )
    voucher.refresh_from_db()
    assert (voucher.video_consent, voucher.video_consent_on) == ("request", timezone.localdate())
    with pytest.raises(ValidationError):
        video_consent_record(
            voucher=voucher,
            consent="consent",
            on=timezone.localdate() + timedelta(days=1),
            acting_user=coach,
        )
    video_consent_record(voucher=voucher, consent="", on=timezone.localdate(), acting_user=coach)
    voucher.refresh_from_db()
    assert (voucher.video_consent, voucher.video_consent_on) == ("", None)


# LBC-10 / 19 ----------------------------------------------------------------------------------
@pytest.mark.django_db
def test_lbc_10_intake_topics_and_lbc_19_scope_warning(voucher, coach):
    voucher = voucher_intake_update(
        voucher=voucher,
        career_question="Ik wil hulp bij mijn burn-out",
        topics=["confidentiality"],
        acting_user=coach,
    )
    assert voucher.intake_topics == ["confidentiality"]
    assert voucher.scope_warnings[0]["rule"] == "LBC-19"
    with pytest.raises(ValidationError):
        voucher_scope_resolve(voucher=voucher, resolution="ok", acting_user=coach)
    voucher = voucher_scope_resolve(
        voucher=voucher,
        resolution="Herstel is voorbij; de vraag gaat over een nieuwe richting in zijn job.",
        acting_user=coach,
    )
    assert voucher.scope_resolved_by == coach
    # A new question reopens the doubt.
    voucher = voucher_intake_update(
        voucher=voucher,
        career_question="Ik zoek therapie",
        topics=["confidentiality"],
        acting_user=coach,
    )
    assert voucher.scope_resolved_at is None


# LBC-12 / 16 / 18 / 20 ------------------------------------------------------------------------
POP = {
    "style": "action",
    "sections": {
        "career_question": "Blijf ik in de boekhouding?",
        "reflections": "Ik haal energie uit mensen.",
    },
    "actions": [
        {
            "what": "Inschrijven voor de opleiding HR-assistent",
            "by_when": "2027-01-15",
            "by_whom": "cliënt",
        }
    ],
}


@pytest.mark.django_db
def test_lbc_12_pop_versions_and_finalising_sets_synthesis_date(voucher, coach):
    _log(voucher, coach, 10)
    pop_save(
        voucher=voucher,
        content={"sections": {"career_question": "x"}},
        acting_user=None,
        by_client=True,
    )
    with pytest.raises(ValidationError, match="Reflecties"):
        pop_finalise(voucher=voucher, acting_user=coach)
    pop_save(voucher=voucher, content=POP, acting_user=coach)
    plan = pop_finalise(voucher=voucher, acting_user=coach)
    assert plan.title == "POP (loopbaancheque 1)"
    assert plan.versions.count() == 2
    voucher.refresh_from_db()
    assert voucher.synthesis_date == (timezone.localdate() - timedelta(days=10))


@pytest.mark.django_db
def test_lbc_12_centre_setting_refuses_pop_without_concrete_actions(voucher, coach):
    VoucherSettings.objects.create(
        organisation=voucher.trajectory.organisation, pop_requires_actions=True
    )
    content = dict(POP, actions=[{"what": "Nadenken", "by_when": "", "by_whom": ""}])
    pop_save(voucher=voucher, content=content, acting_user=coach)
    with pytest.raises(ValidationError, match="niet concreet"):
        pop_finalise(voucher=voucher, acting_user=coach)


@pytest.mark.django_db
def test_lbc_16_interim_evaluation_recorded(voucher, coach):
    ev = interim_evaluation_add(
        voucher=voucher,
        held_on=timezone.localdate(),
        going_as_wished="Ja",
        would_change="",
        acting_user=coach,
    )
    assert ev.voucher == voucher


@pytest.mark.django_db
def test_lbc_18_all_aftercare_is_registered_in_half_hours_beyond_the_right(voucher_2024, coach):
    voucher = voucher_2024
    with pytest.raises(ValidationError, match="synthesegesprek"):
        aftercare_register(
            voucher=voucher,
            on=timezone.localdate(),
            minutes=30,
            form="email",
            note="",
            acting_user=coach,
        )
    voucher.synthesis_date = timezone.localdate() - timedelta(days=5)
    voucher.save()
    aftercare_register(
        voucher=voucher,
        on=timezone.localdate(),
        minutes=30,
        form="phone",
        note="Vraag",
        acting_user=coach,
    )
    aftercare_register(
        voucher=voucher,
        on=timezone.localdate(),
        minutes=60,
        form="email",
        note="",
        acting_user=coach,
    )
    with pytest.raises(ValidationError, match="per half uur"):
        aftercare_register(
            voucher=voucher,
            on=timezone.localdate(),
            minutes=45,
            form="email",
            note="",
            acting_user=coach,
        )
    assert voucher.aftercare.count() == 2
    totals = aftercare_totals(voucher)
    assert (totals.registered_minutes, totals.within_right_minutes) == (90, 30)
    aftercare_informed(voucher=voucher, acting_user=coach)
    voucher.refresh_from_db()
    assert voucher.aftercare_informed_at is not None


@pytest.mark.django_db
def test_lbc_20_certificate_only_when_training_is_in_the_pop_and_only_once(voucher, coach):
    pop_save(voucher=voucher, content=POP, acting_user=coach)
    with pytest.raises(ValidationError, match="LBC-20"):
        certificate_issue(
            voucher=voucher,
            training="Bachelor verpleegkunde",
            benefit_academic_year_start=date(2027, 9, 1),
            only_to_obtain_benefit=False,
            acting_user=coach,
        )
    certificate_issue(
        voucher=voucher,
        training="opleiding HR-assistent",
        benefit_academic_year_start=date(2027, 9, 1),
        only_to_obtain_benefit=False,
        acting_user=coach,
    )
    with pytest.raises(ValidationError, match="één keer"):
        certificate_issue(
            voucher=voucher,
            training="opleiding HR-assistent",
            benefit_academic_year_start=date(2027, 9, 1),
            only_to_obtain_benefit=False,
            acting_user=coach,
        )


# LBC-15 evaluation sweep ----------------------------------------------------------------------
@pytest.mark.django_db
def test_lbc_15_invitation_two_reminders_then_correspondence_idempotent(
    fixed_voucher, coach, django_capture_on_commit_callbacks
):
    voucher = fixed_voucher
    voucher_close(voucher=voucher, acting_user=coach, reason="client_stopped")
    start = timezone.now()

    def sweep(at):
        with django_capture_on_commit_callbacks(execute=True):
            run_sweep(at)

    sweep(start)
    sweep(start)  # idempotent: one invitation
    assert len(mail.outbox) == 1
    assert "evaluatie" in mail.outbox[0].subject.lower()
    assert voucher.trajectory.organisation.name in mail.outbox[0].from_email
    assert "/portal/evaluatie/" in mail.outbox[0].body
    assert "30 minuten nazorg" in mail.outbox[0].body  # LBC-18: the end-of-voucher message
    for week in (1, 2):
        sweep(start + timedelta(days=7 * week))
    assert len(mail.outbox) == 3
    sweep(start + timedelta(days=21))
    sweep(start + timedelta(days=28))
    voucher.refresh_from_db()
    assert len(mail.outbox) == 3
    assert voucher.evaluation_correspondence_added_on is not None
    assert voucher.trajectory.documents.filter(kind=DocumentKind.CORRESPONDENCE).count() == 1


@pytest.mark.django_db
def test_lbc_15_received_evaluation_stops_reminders(
    fixed_voucher, coach, django_capture_on_commit_callbacks
):
    voucher = fixed_voucher
    voucher_close(voucher=voucher, acting_user=coach, reason="client_stopped")
    with django_capture_on_commit_callbacks(execute=True):
        run_sweep(timezone.now())
    evaluation_received(voucher=voucher, on=timezone.localdate(), acting_user=None)
    with django_capture_on_commit_callbacks(execute=True):
        run_sweep(timezone.now() + timedelta(days=8))
    assert len(mail.outbox) == 1


# LBC-11 dossier --------------------------------------------------------------------------------
@pytest.mark.django_db
def test_lbc_11_dossier_turns_complete_only_with_every_piece(fixed_voucher, coach):
    voucher = fixed_voucher
    for days in (40, 30, 20, 10):
        _log(voucher, coach, days, minutes=60)
    summary = voucher_summary(voucher)
    assert not summary.complete
    assert {b.key for b in summary.blockers} >= {
        "contract",
        "attendance",
        "pop",
        "evaluation",
        "intake",
    }
    voucher = voucher_intake_update(
        voucher=voucher,
        career_question=voucher.career_question,
        topics=list(__import__("koers.vouchers.rules.intake", fromlist=["x"]).INTAKE_TOPICS),
        acting_user=coach,
    )
    contract = document_add(
        trajectory=voucher.trajectory, kind=DocumentKind.CONTRACT, title="c", acting_user=coach
    )
    document_set_status(
        document=contract, status=DocumentStatus.ORIGINAL_RECEIVED, acting_user=coach
    )
    sheet = voucher_document_generate(voucher=voucher, kind="attendance", acting_user=coach)
    document_set_status(document=sheet, status=DocumentStatus.ORIGINAL_RECEIVED, acting_user=coach)
    code_of_conduct_handed_over(
        voucher=voucher, how="given", on=timezone.localdate(), acting_user=coach
    )
    pop_save(voucher=voucher, content=POP, acting_user=coach)
    pop_finalise(voucher=voucher, acting_user=coach)
    voucher_document_generate(voucher=voucher, kind="pop", acting_user=coach)
    evaluation_received(voucher=voucher, on=timezone.localdate(), acting_user=coach)
    aftercare_informed(voucher=voucher, acting_user=coach)
    summary = voucher_summary(Voucher.objects.get(pk=voucher.pk))
    assert [b.key for b in summary.blockers] == []
    assert summary.complete


@pytest.mark.django_db
def test_lbc_02_blocks_also_hold_for_contacts_entered_outside_the_voucher_page(voucher, coach):
    from koers.trajectories.services import contact_log, contact_update

    with pytest.raises(ValidationError, match="LBC-02"):
        contact_log(
            trajectory=voucher.trajectory,
            data=ContactData(starts_at=_slot(4), duration_minutes=45, outcome=ContactOutcome.HELD),
            acting_user=coach,
        )
    contact = contact_log(
        trajectory=voucher.trajectory,
        data=ContactData(starts_at=_slot(4), duration_minutes=60, outcome=ContactOutcome.HELD),
        acting_user=coach,
    )
    with pytest.raises(ValidationError, match="LBC-02"):
        contact_update(
            contact=contact,
            data=ContactData(starts_at=_slot(4), duration_minutes=150, outcome=ContactOutcome.HELD),
            acting_user=coach,
        )


@pytest.mark.django_db
def test_int_08_short_introduction_can_be_edited(voucher, coach):
    from koers.trajectories.services import contact_update

    intro = _log(voucher, coach, 20, minutes=20, is_introduction=True)
    contact_update(
        contact=intro,
        data=ContactData(starts_at=_slot(20), duration_minutes=25, outcome=ContactOutcome.HELD),
        acting_user=coach,
    )


# ---- vouchers-a: LBC-11 per contact, hand-over acts, closing early, LBC-15 on paper -----------
# The clock is frozen on a fixed day (before the voucher is opened) so the rule set and the
# dates never depend on today.
FIXED_NOW = datetime(2026, 3, 10, 12, 0, tzinfo=ZoneInfo("Europe/Brussels"))


@pytest.fixture
def frozen():
    with time_machine.travel(FIXED_NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def fixed_voucher(frozen, client_record, coach):
    return _open(client_record, coach, start=date(2026, 1, 5))


def _held(voucher, coach, day, hour=10, minutes=60, form=ContactForm.INDIVIDUAL):
    return voucher_contact_log(
        voucher=voucher,
        data=ContactData(
            starts_at=datetime(2026, 2, day, hour, 0, tzinfo=ZoneInfo("Europe/Brussels")),
            duration_minutes=minutes,
            form=form,
            outcome=ContactOutcome.HELD,
        ),
        acting_user=coach,
    ).contact


def _proven(voucher) -> dict[int, bool]:
    return {j.contact.pk: j.attendance_original for j in voucher_summary(voucher).contacts}


def _item(voucher, key):
    return next(i for i in voucher_summary(voucher).checklist if i.key == key)


@pytest.mark.django_db
def test_lbc_11_contact_after_sheet_is_not_proven(fixed_voucher, coach):
    first, second = _held(fixed_voucher, coach, 2), _held(fixed_voucher, coach, 9)
    sheet = voucher_document_generate(voucher=fixed_voucher, kind="attendance", acting_user=coach)
    later = _held(fixed_voucher, coach, 16)  # held before the sheet's original comes in
    document_set_status(document=sheet, status=DocumentStatus.ORIGINAL_RECEIVED, acting_user=coach)
    assert _proven(fixed_voucher) == {first.pk: True, second.pk: True, later.pk: False}
    attendance = _item(fixed_voucher, "attendance")
    assert not attendance.ok
    assert "16/02/2026 10:00" in attendance.reason.message
    assert "02/02/2026" not in attendance.reason.message


@pytest.mark.django_db
def test_lbc_11_a_new_sheet_listing_the_later_contact_proves_it(fixed_voucher, coach):
    _held(fixed_voucher, coach, 2)
    old = voucher_document_generate(voucher=fixed_voucher, kind="attendance", acting_user=coach)
    document_set_status(document=old, status=DocumentStatus.ORIGINAL_RECEIVED, acting_user=coach)
    later = _held(fixed_voucher, coach, 16)
    new = voucher_document_generate(voucher=fixed_voucher, kind="attendance", acting_user=coach)
    assert new.pk != old.pk  # a received original is never overwritten
    assert set(new.voucher_print.contacts.values_list("pk", flat=True)) >= {later.pk}
    assert _proven(fixed_voucher)[later.pk] is False  # printed, not yet signed and received
    document_set_status(document=new, status=DocumentStatus.ORIGINAL_RECEIVED, acting_user=coach)
    assert all(_proven(fixed_voucher).values())
    assert _item(fixed_voucher, "attendance").ok


@pytest.mark.django_db
def test_lbc_11_reprinting_a_sheet_before_signing_lists_the_contacts_of_the_new_print(
    fixed_voucher, coach
):
    _held(fixed_voucher, coach, 2)
    sheet = voucher_document_generate(voucher=fixed_voucher, kind="attendance", acting_user=coach)
    later = _held(fixed_voucher, coach, 9)
    again = voucher_document_generate(voucher=fixed_voucher, kind="attendance", acting_user=coach)
    assert again.pk == sheet.pk
    assert later.pk in set(again.voucher_print.contacts.values_list("pk", flat=True))


@pytest.mark.django_db
def test_lbc_11_code_of_conduct_pdf_alone_is_not_handed_over(fixed_voucher, coach):
    voucher_document_generate(voucher=fixed_voucher, kind="code_of_conduct", acting_user=coach)
    assert not _item(fixed_voucher, "code_of_conduct").ok
    code_of_conduct_handed_over(
        voucher=fixed_voucher, how="emailed", on=date(2026, 1, 12), acting_user=coach
    )
    voucher = Voucher.objects.get(pk=fixed_voucher.pk)
    assert (voucher.code_of_conduct_handed_how, voucher.code_of_conduct_handed_on) == (
        "emailed",
        date(2026, 1, 12),
    )
    assert _item(voucher, "code_of_conduct").ok


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("how", "on", "field"),
    [
        ("posted", date(2026, 1, 12), "how"),
        ("given", date(2026, 3, 11), "on"),  # tomorrow
        ("given", date(2026, 1, 4), "on"),  # before the voucher started
    ],
)
def test_lbc_11_code_of_conduct_hand_over_refused_and_not_saved(
    fixed_voucher, coach, how, on, field
):
    with pytest.raises(ValidationError) as exc:
        code_of_conduct_handed_over(voucher=fixed_voucher, how=how, on=on, acting_user=coach)
    assert field in exc.value.message_dict
    assert Voucher.objects.get(pk=fixed_voucher.pk).code_of_conduct_handed_on is None


@pytest.mark.django_db
def test_lbc_11_pop_pdf_printed_before_finalising_is_not_the_pop_copy(fixed_voucher, coach):
    _held(fixed_voucher, coach, 2)
    pop_save(voucher=fixed_voucher, content=POP, acting_user=coach)
    draft = voucher_document_generate(voucher=fixed_voucher, kind="pop", acting_user=coach)
    document_set_status(document=draft, status=DocumentStatus.SIGNED, acting_user=coach)
    pop_finalise(voucher=fixed_voucher, acting_user=coach)
    assert not _item(fixed_voucher, "pop").ok
    final = voucher_document_generate(voucher=fixed_voucher, kind="pop", acting_user=coach)
    assert final.pk != draft.pk and final.voucher_print.pop_finalised
    assert _item(fixed_voucher, "pop").ok


@pytest.mark.django_db
def test_closing_early_without_a_reason_is_refused_and_nothing_changes(fixed_voucher, coach):
    for day in (2, 9, 16):
        _held(fixed_voucher, coach, day)  # 3 of 4 hours
    with pytest.raises(ValidationError) as exc:
        voucher_close(voucher=fixed_voucher, acting_user=coach)
    assert "reason" in exc.value.message_dict
    assert "LBC-01" in exc.value.message_dict["reason"][0]
    with pytest.raises(ValidationError) as exc:
        voucher_close(voucher=fixed_voucher, acting_user=coach, reason="other", note="  ")
    assert "note" in exc.value.message_dict
    voucher = Voucher.objects.select_related("trajectory").get(pk=fixed_voucher.pk)
    assert voucher.trajectory.status == "active"
    assert not voucher.closed_incomplete and voucher.closing_open_points == []


@pytest.mark.django_db
def test_closing_early_records_the_reason_and_the_open_points(fixed_voucher, coach):
    for day in (2, 9, 16):
        _held(fixed_voucher, coach, day)
    voucher_close(
        voucher=fixed_voucher,
        acting_user=coach,
        reason="moved",
        note="Verhuisd naar Luik, begeleiding daar verder.",
    )
    voucher = Voucher.objects.select_related("trajectory").get(pk=fixed_voucher.pk)
    assert voucher.trajectory.status == "closed"
    assert voucher.closed_incomplete
    assert (voucher.closing_reason, voucher.closing_note) == (
        "moved",
        "Verhuisd naar Luik, begeleiding daar verder.",
    )
    keys = [p["key"] for p in voucher.closing_open_points]
    assert "hours" in keys and "attendance" in keys
    assert "evaluation" not in keys  # the invitation only follows the closing (LBC-15)
    assert all(p["rule"] and p["message"] for p in voucher.closing_open_points)


@pytest.mark.django_db
def test_closing_with_the_guidance_complete_needs_no_reason(fixed_voucher, coach):
    for day in (2, 9, 16, 23):
        _held(fixed_voucher, coach, day)
    voucher_close(voucher=fixed_voucher, acting_user=coach, reason="moved", note="x")
    voucher = Voucher.objects.get(pk=fixed_voucher.pk)
    assert not voucher.closed_incomplete
    assert (voucher.closing_reason, voucher.closing_note) == ("", "")
    assert "hours" not in [p["key"] for p in voucher.closing_open_points]


@pytest.mark.django_db
def test_lbc_15_client_without_email_gets_paper_letters_and_the_dossier_completes(
    frozen, centre, coach, django_capture_on_commit_callbacks
):
    client = ClientFactory(organisation=centre, email="")
    voucher = _open(client, coach, start=date(2026, 1, 5))
    for day in (2, 9, 16, 23):
        _held(voucher, coach, day)
    voucher_close(voucher=voucher, acting_user=coach)

    def sweep():
        with django_capture_on_commit_callbacks(execute=True):
            run_sweep(timezone.now())

    sweep()
    assert mail.outbox == []
    assert Voucher.objects.get(pk=voucher.pk).evaluation_invited_on is None
    invitation = evaluation_letter_generate(voucher=voucher, acting_user=coach)
    assert invitation.kind == DocumentKind.CORRESPONDENCE and invitation.file
    assert "Uitnodiging" in invitation.title
    with pytest.raises(ValidationError, match="17/03/2026"):
        evaluation_letter_generate(voucher=voucher, acting_user=coach)  # not due yet
    for week in (1, 2):
        frozen.shift(timedelta(days=7))
        sweep()
        reminder = evaluation_letter_generate(voucher=voucher, acting_user=coach)
        assert f"Herinnering {week}" in reminder.title
    frozen.shift(timedelta(days=7))
    sweep()  # after the second reminder the correspondence goes into the dossier
    voucher = Voucher.objects.get(pk=voucher.pk)
    assert (voucher.evaluation_invited_on, voucher.evaluation_reminders_sent) == (
        date(2026, 3, 10),
        2,
    )
    assert voucher.evaluation_correspondence_added_on == date(2026, 3, 31)
    assert voucher.trajectory.documents.filter(kind=DocumentKind.CORRESPONDENCE).count() == 4
    assert _item(voucher, "evaluation").ok
    assert mail.outbox == []


@pytest.mark.django_db
def test_lbc_15_paper_letter_refused_for_a_client_with_email(fixed_voucher, coach):
    voucher_close(voucher=fixed_voucher, acting_user=coach, reason="client_stopped")
    with pytest.raises(ValidationError, match="e-mailadres"):
        evaluation_letter_generate(voucher=fixed_voucher, acting_user=coach)
    assert Voucher.objects.get(pk=fixed_voucher.pk).evaluation_invited_on is None
