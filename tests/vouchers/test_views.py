"""Voucher pages: a coach logs contacts and sees at once what counts and why."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from koers.trajectories.models import Contact, ContactOutcome, Trajectory
from koers.trajectories.services import ContactData
from koers.vouchers.models import Voucher
from koers.vouchers.services import voucher_close, voucher_contact_log, voucher_open
from tests.factories import ClientFactory, ContactFactory, TrajectoryFactory


@pytest.fixture
def voucher_2024(client_record, coach):
    """A voucher under the 2019 rule set, whatever today's date is."""
    return voucher_open(
        client=client_record,
        responsible=coach,
        organisation=client_record.organisation,
        start_date=date(2024, 3, 1),
        career_question="Ik wil iets anders doen na twintig jaar in de logistiek.",
        acting_user=coach,
    )


def _contact_post(days_ago=2, minutes="60", form="individual", **extra):
    day = timezone.localdate() - timedelta(days=days_ago)
    return {
        "date": day.strftime("%d/%m/%Y"),
        "start_time": "10:00",
        "duration_minutes": minutes,
        "form": form,
        "outcome": "held",
        "place": "Kantoor Gent",
        **extra,
    }


@pytest.mark.django_db
def test_open_voucher_from_the_client(client_record, coach, logged_in):
    TrajectoryFactory(
        client=client_record, responsible=coach, organisation=client_record.organisation
    )
    web = logged_in(coach)
    url = reverse("voucher_create") + f"?client={client_record.pk}"
    assert "Dit wordt loopbaancheque 1" in web.get(url).content.decode()
    response = web.post(
        url,
        {"start_date": timezone.localdate().strftime("%d/%m/%Y"), "career_question": "Welke job?"},
    )
    voucher = Voucher.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "voucher_detail", args=[voucher.pk]
    )
    page = web.get(url).content.decode()
    assert "LBC-01" in page and "maximum is 1" in page


@pytest.mark.django_db
def test_lbc_02_page_explains_what_counts(voucher, coach, logged_in):
    web = logged_in(coach)
    response = web.post(
        reverse("voucher_contact_create", args=[voucher.pk]),
        _contact_post(form="video"),
        follow=True,
    )
    page = response.content.decode()
    assert "0 minuten tellen mee" in page
    assert "LBC-06" in page


@pytest.mark.django_db
def test_lbc_02_bad_block_shows_error_and_saves_nothing(voucher, coach, logged_in):
    web = logged_in(coach)
    response = web.post(
        reverse("voucher_contact_create", args=[voucher.pk]), _contact_post(minutes="45")
    )
    assert response.status_code == 422
    assert "blokken van 30 minuten" in response.content.decode()
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_future_held_contact_is_refused_on_the_page(voucher, coach, logged_in):
    web = logged_in(coach)
    response = web.post(
        reverse("voucher_contact_create", args=[voucher.pk]), _contact_post(days_ago=-3)
    )
    assert response.status_code == 422
    assert "toekomst" in response.content.decode()


@pytest.mark.django_db
def test_overlap_with_another_contact_is_refused(voucher, coach, logged_in):
    web = logged_in(coach)
    web.post(reverse("voucher_contact_create", args=[voucher.pk]), _contact_post())
    response = web.post(
        reverse("voucher_contact_create", args=[voucher.pk]), _contact_post(minutes="30")
    )
    assert response.status_code == 422
    assert Contact.objects.count() == 1


@pytest.mark.django_db
def test_lbc_19_warning_must_be_resolved_explicitly(voucher, coach, logged_in):
    web = logged_in(coach)
    web.post(
        reverse("voucher_intake", args=[voucher.pk]),
        {
            "career_question": "Ik kom uit een burn-out",
            "topics": ["right_to_guidance", "confidentiality"],
        },
    )
    page = web.get(reverse("voucher_detail", args=[voucher.pk])).content.decode()
    assert "€ 1.020" in page
    web.post(
        reverse("voucher_scope", args=[voucher.pk]),
        {"resolution": "Herstel is voorbij; vraag over nieuwe job."},
    )
    voucher.refresh_from_db()
    assert voucher.scope_resolved_by == coach


@pytest.mark.django_db
def test_documents_generate_and_pop_through_pages(voucher, coach, logged_in):
    web = logged_in(coach)
    web.post(reverse("voucher_document", args=[voucher.pk]), {"kind": "contract"})
    assert voucher.trajectory.documents.get().original_filename == "Overeenkomst cheque 1.pdf"
    response = web.post(
        reverse("voucher_pop", args=[voucher.pk]),
        {
            "style": "action",
            "section_career_question": "Welke job?",
            "section_reflections": "Ik werk graag buiten.",
            "action_0_what": "Solliciteren bij twee groendiensten",
            "action_0_by_when": "15/01/2027",
            "action_0_by_whom": "cliënt",
        },
    )
    assert response.status_code == 302
    page = web.get(reverse("voucher_pop", args=[voucher.pk])).content.decode()
    assert "POP (loopbaancheque 1)" in page and "15/01/2027" in page


@pytest.mark.django_db
def test_voucher_page_query_count_does_not_grow(
    voucher, coach, logged_in, django_assert_max_num_queries
):
    web = logged_in(coach)
    for day in range(3):
        ContactFactory(
            trajectory=voucher.trajectory,
            starts_at=timezone.now() - timedelta(days=day + 1),
            duration_minutes=30,
        )
    with django_assert_max_num_queries(40) as few:
        web.get(reverse("voucher_detail", args=[voucher.pk]))
    for day in range(3, 30):
        ContactFactory(
            trajectory=voucher.trajectory,
            starts_at=timezone.now() - timedelta(days=day + 1),
            duration_minutes=30,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        web.get(reverse("voucher_detail", args=[voucher.pk]))


def _group_post(a, b, employer_b="Stad Gent", reflective="on", days_ago=1):
    day = (timezone.localdate() - timedelta(days=days_ago)).strftime("%d/%m/%Y")
    data = {
        "theme": "Mijn waarden en mijn werk",
        "date": day,
        "start_time": "14:00",
        "duration_minutes": "120",
        "outcome": "held",
        "p0_voucher": str(a.pk),
        "p0_employer": "Bakkerij Janssens",
        "p0_free_choice": "on",
        "p0_linked": "on",
        "p0_may_stop": "on",
        "p1_voucher": str(b.pk),
        "p1_employer": employer_b,
        "p1_free_choice": "on",
        "p1_linked": "on",
        "p1_may_stop": "on",
    }
    if reflective:
        data["aims_at_reflection"] = reflective
    return data


@pytest.fixture
def two_vouchers(centre, coach):
    from tests.factories import ClientFactory

    return [
        voucher_open(
            client=ClientFactory(organisation=centre),
            responsible=coach,
            organisation=centre,
            # 2024: under the 2019 rule set whatever today's date is.
            start_date=date(2024, 3, 1),
            acting_user=coach,
        )
        for _ in range(2)
    ]


@pytest.mark.django_db
def test_lbc_05_group_session_page_refuses_same_employer(two_vouchers, coach, logged_in):
    web = logged_in(coach)
    a, b = two_vouchers
    response = web.post(
        reverse("group_session_new"), _group_post(a, b, employer_b="bakkerij janssens")
    )
    assert response.status_code == 200
    assert "dezelfde organisatie" in response.content.decode()
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_lbc_04_lbc_05_group_session_page_books_capped_hours_once_fed_back(
    two_vouchers, coach, logged_in
):
    from koers.vouchers.selectors import voucher_summary

    web = logged_in(coach)
    a, b = two_vouchers
    response = web.post(reverse("group_session_new"), _group_post(a, b, days_ago=3))
    assert response.status_code == 302
    assert [voucher_summary(v).counted_minutes for v in (a, b)] == [0, 0]
    assert "Mijn waarden" in web.get(reverse("group_session_list")).content.decode()
    for hour, voucher in (("10:00", a), ("12:00", b)):
        web.post(
            reverse("voucher_contact_create", args=[voucher.pk]),
            _contact_post(days_ago=2, start_time=hour),
        )
        page = web.get(reverse("voucher_detail", args=[voucher.pk])).content.decode()
        assert "teruggekoppeld zijn" in page
        group = Contact.objects.get(trajectory=voucher.trajectory, form="group")
        individual = Contact.objects.get(trajectory=voucher.trajectory, form="individual")
        web.post(
            reverse("voucher_group_feedback", args=[voucher.pk]),
            {"group_contact": group.pk, "feedback_contact": individual.pk},
        )
    assert [voucher_summary(v).group_minutes for v in (a, b)] == [90, 90]
    assert [voucher_summary(v).counted_minutes for v in (a, b)] == [150, 150]


@pytest.mark.django_db
def test_lbc_05_group_session_page_refuses_a_client_not_told_they_may_stop(
    two_vouchers, coach, logged_in
):
    a, b = two_vouchers
    data = _group_post(a, b)
    del data["p1_may_stop"]
    response = logged_in(coach).post(reverse("group_session_new"), data)
    assert response.status_code == 200
    assert "altijd kan stoppen" in response.content.decode()
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_lbc_14_pop_store_lists_pops_by_name_for_centre_staff_only_visible_ones(
    voucher, coach, other_coach, centre_staff, logged_in
):
    from koers.vouchers.pdfs import voucher_document_generate
    from koers.vouchers.services import pop_save

    pop_save(voucher=voucher, content={"sections": {"career_question": "x"}}, acting_user=coach)
    voucher_document_generate(voucher=voucher, kind="pop", acting_user=coach)
    staff_page = logged_in(centre_staff).get(reverse("pop_store")).content.decode()
    assert "POP Ann Peeters cheque 1.pdf" in staff_page
    other_page = logged_in(other_coach).get(reverse("pop_store")).content.decode()
    assert "Ann Peeters" not in other_page


@pytest.mark.django_db
def test_lbc_17_assignments_given_between_contacts_are_evaluated_on_the_voucher_page(
    voucher, coach, logged_in
):
    from koers.trajectories.services import AssignmentData, assignment_create, assignment_update

    assignment = assignment_create(
        trajectory=voucher.trajectory,
        data=AssignmentData(
            title="Drie mensen interviewen over hun job", deadline=timezone.localdate()
        ),
        acting_user=coach,
    )
    assignment_update(
        assignment=assignment,
        data=AssignmentData(
            title=assignment.title,
            status="done",
            evaluation="Gaf zin in de zorg; volgende stap: stage.",
        ),
        acting_user=coach,
    )
    page = logged_in(coach).get(reverse("voucher_detail", args=[voucher.pk])).content.decode()
    assert "Drie mensen interviewen" in page
    assert "volgende stap: stage" in page


@pytest.mark.django_db
def test_lbc_13_combined_pop_toggle_needs_two_vouchers(client_record, coach, logged_in):
    from datetime import date

    first = voucher_open(
        client=client_record,
        responsible=coach,
        organisation=client_record.organisation,
        start_date=date(2024, 2, 1),
        acting_user=coach,
    )
    web = logged_in(coach)
    web.post(reverse("voucher_combined_pop", args=[first.pk]), {"combined": "on"})
    first.refresh_from_db()
    assert not first.combined_pop
    second = voucher_open(
        client=client_record,
        responsible=coach,
        organisation=client_record.organisation,
        start_date=date(2024, 6, 1),
        acting_user=coach,
    )
    web.post(reverse("voucher_combined_pop", args=[second.pk]), {"combined": "on"})
    first.refresh_from_db()
    assert first.combined_pop
    from koers.vouchers.services import pop_save

    pop_save(voucher=second, content={"sections": {"career_question": "x"}}, acting_user=coach)
    assert second.trajectory.plans.get().title == "POP (loopbaancheque 1 en 2)"


@pytest.mark.django_db
def test_lbc_21_pages_show_the_phase_by_its_name(voucher, coach, logged_in):
    page = logged_in(coach).get(reverse("client_detail", args=[voucher.client_id])).content.decode()
    assert "<td>Intake</td>" in page


@pytest.mark.django_db
def test_lbc_06_screenshot_uploaded_from_the_voucher_page_makes_the_video_call_count(
    voucher_2024, coach, logged_in
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from koers.vouchers.selectors import voucher_summary

    voucher = voucher_2024
    web = logged_in(coach)
    web.post(
        reverse("voucher_video_consent", args=[voucher.pk]),
        {"video_consent": "request", "video_consent_on": timezone.localdate().strftime("%d/%m/%Y")},
    )
    web.post(reverse("voucher_contact_create", args=[voucher.pk]), _contact_post(form="video"))
    contact = Contact.objects.get()
    page = web.get(reverse("voucher_detail", args=[voucher.pk])).content.decode()
    assert "screenshot opladen" in page
    url = (
        reverse("document_create", args=[voucher.trajectory_id])
        + f"?contact={contact.pk}&kind=screenshot&next={reverse('voucher_detail', args=[voucher.pk])}"
    )
    assert f'value="{contact.pk}" selected' in web.get(url).content.decode()
    png = SimpleUploadedFile("shot.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    response = web.post(
        url, {"kind": "screenshot", "title": "", "contact": contact.pk, "file": png}
    )
    assert response["Location"] == reverse("voucher_detail", args=[voucher.pk])
    voucher.refresh_from_db()
    assert voucher_summary(voucher).counted_minutes == 60


@pytest.mark.django_db
def test_document_upload_does_not_redirect_off_site(voucher, coach, logged_in):
    web = logged_in(coach)
    url = reverse("document_create", args=[voucher.trajectory_id]) + "?next=https://evil.example/"
    response = web.post(url, {"kind": "other", "title": "Nota"})
    assert response["Location"] == reverse("trajectory_detail", args=[voucher.trajectory_id])


# ---- closing an incomplete voucher, hand-over acts, LBC-15 on paper (clock frozen) -------------
FIXED_NOW = datetime(2026, 3, 10, 12, 0, tzinfo=ZoneInfo("Europe/Brussels"))


@pytest.fixture
def frozen():
    with time_machine.travel(FIXED_NOW, tick=False) as traveller:
        yield traveller


def _fixed_voucher(client, coach):
    voucher = voucher_open(
        client=client,
        responsible=coach,
        organisation=client.organisation,
        start_date=date(2026, 1, 5),
        career_question="Ik wil iets anders doen na twintig jaar in de logistiek.",
        acting_user=coach,
    )
    for day in (2, 9, 16):  # 3 of 4 hours
        voucher_contact_log(
            voucher=voucher,
            data=ContactData(
                starts_at=datetime(2026, 2, day, 10, 0, tzinfo=ZoneInfo("Europe/Brussels")),
                duration_minutes=60,
                outcome=ContactOutcome.HELD,
            ),
            acting_user=coach,
        )
    return voucher


@pytest.mark.django_db
def test_closing_confirmation_lists_open_points_and_asks_a_reason(
    frozen, client_record, coach, logged_in
):
    voucher = _fixed_voucher(client_record, coach)
    web = logged_in(coach)
    url = reverse("voucher_close", args=[voucher.pk])
    page = web.get(url).content.decode()
    assert "4 uur begeleiding geregistreerd" in page and "180 van 240 minuten" in page
    assert "Bewijs van deelname per contact" in page
    assert 'name="reason"' in page
    response = web.post(url, {"reason": "", "note": "Stopt na drie gesprekken."})
    assert response.status_code == 422
    page = response.content.decode()
    assert "kies de reden" in page
    assert "Stopt na drie gesprekken." in page  # input kept
    assert Trajectory.objects.get(pk=voucher.trajectory_id).status == "active"
    response = web.post(url, {"reason": "client_stopped", "note": "Stopt na drie gesprekken."})
    assert response.status_code == 302
    page = web.get(reverse("voucher_detail", args=[voucher.pk])).content.decode()
    assert "afgesloten, onvolledig" in page
    assert "De cliënt stopte met de begeleiding" in page and "Stopt na drie gesprekken." in page
    client_page = web.get(reverse("client_detail", args=[client_record.pk])).content.decode()
    assert "afgesloten, onvolledig" in client_page


@pytest.mark.django_db
def test_lbc_11_code_of_conduct_hand_over_recorded_on_the_page(
    frozen, client_record, coach, logged_in
):
    voucher = _fixed_voucher(client_record, coach)
    web = logged_in(coach)
    web.post(reverse("voucher_code_of_conduct", args=[voucher.pk]), {"how": "emailed", "on": ""})
    assert Voucher.objects.get(pk=voucher.pk).code_of_conduct_handed_on is None
    response = web.post(
        reverse("voucher_code_of_conduct", args=[voucher.pk]),
        {"how": "emailed", "on": "12/01/2026"},
        follow=True,
    )
    assert "Gemaild op 12/01/2026" in response.content.decode()
    assert Voucher.objects.get(pk=voucher.pk).code_of_conduct_handed_on == date(2026, 1, 12)


@pytest.mark.django_db
def test_lbc_15_page_offers_the_paper_invitation_for_a_client_without_email(
    frozen, centre, coach, logged_in
):
    voucher = _fixed_voucher(ClientFactory(organisation=centre, email=""), coach)
    voucher_close(voucher=voucher, acting_user=coach, reason="client_stopped")
    web = logged_in(coach)
    page = web.get(reverse("voucher_detail", args=[voucher.pk])).content.decode()
    assert "Uitnodiging afdrukken en als verstuurd noteren" in page
    response = web.post(reverse("voucher_evaluation_letter", args=[voucher.pk]), follow=True)
    page = response.content.decode()
    assert "Uitnodiging evaluatie (op papier) 10/03/2026" in page
    assert "Volgende stap vanaf 17/03/2026" in page


@pytest.mark.django_db
def test_lbc_11_page_shows_which_contacts_a_sheet_lists_and_a_draft_pop_print(
    frozen, client_record, coach, logged_in
):
    from koers.vouchers.pdfs import voucher_document_generate
    from koers.vouchers.services import pop_save

    voucher = _fixed_voucher(client_record, coach)
    voucher_document_generate(voucher=voucher, kind="attendance", acting_user=coach)
    pop_save(
        voucher=voucher,
        content={
            "style": "reflexive",
            "sections": {"career_question": "Blijf ik?", "reflections": "Ik wil mensen helpen."},
            "actions": [],
        },
        acting_user=coach,
    )
    voucher_document_generate(voucher=voucher, kind="pop", acting_user=coach)
    page = logged_in(coach).get(reverse("voucher_detail", args=[voucher.pk])).content.decode()
    assert "Staat op dit blad: 02/02/2026 10:00, 09/02/2026 10:00, 16/02/2026 10:00" in page
    assert "Afgedrukt vóór het finaliseren: telt niet als kopie van het POP." in page


@pytest.mark.django_db
def test_lbc_06_video_call_with_screenshot_but_without_consent_does_not_count_on_the_page(
    voucher_2024, coach, logged_in
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from koers.vouchers.selectors import voucher_summary

    voucher = voucher_2024
    web = logged_in(coach)
    web.post(reverse("voucher_contact_create", args=[voucher.pk]), _contact_post(form="video"))
    contact = Contact.objects.get()
    png = SimpleUploadedFile("shot.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    web.post(
        reverse("document_create", args=[voucher.trajectory_id]),
        {"kind": "screenshot", "title": "", "contact": contact.pk, "file": png},
    )
    assert voucher_summary(voucher).counted_minutes == 0
    page = web.get(reverse("voucher_detail", args=[voucher.pk])).content.decode()
    assert "akkoord van de cliënt" in page
    web.post(
        reverse("voucher_video_consent", args=[voucher.pk]),
        {"video_consent": "consent", "video_consent_on": timezone.localdate().strftime("%d/%m/%Y")},
    )
    voucher.refresh_from_db()
    assert voucher.video_consent == "consent"
    assert voucher_summary(voucher).counted_minutes == 60
