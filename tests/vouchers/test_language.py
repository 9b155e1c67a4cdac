"""The voucher page's "Waarom" column speaks the coach's language (issue 10, "Language")."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.vouchers.services import voucher_open


@pytest.fixture
def voucher(client_record, coach):
    return voucher_open(
        client=client_record,
        responsible=coach,
        organisation=client_record.organisation,
        start_date=timezone.localdate() - timedelta(days=30),
        career_question="Ik wil iets anders doen na twintig jaar in de logistiek.",
        acting_user=coach,
    )


def _log_contact(web, voucher, *, form, minutes):
    day = timezone.localdate() - timedelta(days=2)
    data = {
        "date": day.strftime("%d/%m/%Y"),
        "start_time": "10:00",
        "duration_minutes": minutes,
        "form": form,
        "outcome": "held",
        "place": "Kantoor Gent",
    }
    return web.post(
        reverse("voucher_contact_create", args=[voucher.pk]), data, follow=True
    ).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "A video call only counts with a screenshot of its date and duration in the file."),
        (
            "nl-be",
            "Een videogesprek telt pas mee met een screenshot van datum en duur in het dossier.",
        ),
    ],
)
def test_lbc_06_why_column_is_in_the_coachs_language(voucher, coach, logged_in, language, shown):
    from koers.vouchers.services import video_consent_record

    coach.language = language
    coach.save(update_fields=["language"])
    # With the client's consent recorded, only the screenshot is missing (LBC-06).
    video_consent_record(
        voucher=voucher, consent="consent", on=timezone.localdate(), acting_user=coach
    )
    page = _log_contact(logged_in(coach), voucher, form="video", minutes="60")
    assert shown in page and "LBC-06" in page


@pytest.mark.django_db
def test_lbc_02_reason_with_values_is_filled_in_after_translation(voucher, coach, logged_in):
    coach.language = "en"
    coach.save(update_fields=["language"])
    page = _log_contact(logged_in(coach), voucher, form="individual", minutes="90")
    assert "1.5 hours count." in page
    assert "telt mee" not in page.split("LBC-02", 1)[1][:200]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("preferred", "subject", "line"),
    [
        ("en", "How was your career guidance? Give your evaluation", "Your answers are anonymous."),
        ("nl", "Hoe was je loopbaanbegeleiding? Geef je evaluatie", "Je antwoorden zijn anoniem."),
        ("fr", "Hoe was je loopbaanbegeleiding? Geef je evaluatie", "Je antwoorden zijn anoniem."),
    ],
)
def test_lbc_15_evaluation_mail_is_in_the_clients_language_whoever_triggers_it(
    voucher, preferred, subject, line
):
    from django.utils import translation

    from koers.vouchers.messages import evaluation_message
    from koers.vouchers.rules.evaluation import EvaluationStep

    voucher.client.preferred_language = preferred
    voucher.client.save(update_fields=["preferred_language"])
    with translation.override("nl-be" if preferred == "en" else "en"):  # the coach's language
        mail_subject, body, _sender = evaluation_message(voucher, EvaluationStep.INVITE)
    assert mail_subject == subject and line in body
