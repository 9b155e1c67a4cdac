"""BIL-05 and BIL-06 services: who may act, what is refused, what is recorded."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from koers.billing.models import ChangeKind, CoachLocation, DevelopmentPlan, LocationChange
from koers.billing.services import coaches as services

pytestmark = pytest.mark.django_db


def test_bil_05_a_coach_reports_a_new_location_and_staff_get_a_change(coach, deurne, started):
    assert started.centre_id == deurne.organisation_id
    assert started.reported_on == date(2026, 6, 15)
    (change,) = LocationChange.objects.filter(coach_location=started)
    assert change.kind == ChangeKind.STARTED and change.on == date(2026, 3, 1)
    assert not change.is_passed_on
    assert started.history.first().history_user == coach


def test_bil_05_a_free_location_name_when_the_centres_do_not_fit(coach):
    x = services.coach_location_start(
        coach=coach, location_name=" Bib Lier ", started_on=date(2026, 5, 1), acting_user=coach
    )
    assert x.name == "Bib Lier" and x.location is None


def test_bil_05_the_same_location_twice_is_refused_and_nothing_saved(coach, deurne, started):
    with pytest.raises(ValidationError) as exc:
        services.coach_location_start(
            coach=coach, location=deurne, started_on=date(2026, 4, 1), acting_user=coach
        )
    assert "al op Deurne sinds 01/03/2026. (BIL-05)" in exc.value.message_dict["started_on"][0]
    assert CoachLocation.objects.count() == 1 and LocationChange.objects.count() == 1


def test_bil_05_no_location_or_a_location_of_another_centre_is_refused(
    coach, elsewhere_coach, deurne
):
    with pytest.raises(ValidationError) as exc:
        services.coach_location_start(coach=coach, started_on=date(2026, 4, 1), acting_user=coach)
    assert "location" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.coach_location_start(
            coach=elsewhere_coach,
            location=deurne,
            started_on=date(2026, 4, 1),
            acting_user=elsewhere_coach,
        )


def test_bil_05_another_coach_may_not_report_for_a_coach_but_staff_may(
    coach, other_coach, centre_staff, deurne
):
    with pytest.raises(ValidationError):
        services.coach_location_start(
            coach=coach, location=deurne, started_on=date(2026, 4, 1), acting_user=other_coach
        )
    x = services.coach_location_start(
        coach=coach, location=deurne, started_on=date(2026, 4, 1), acting_user=centre_staff
    )
    assert x.history.first().history_user == centre_staff


def test_bil_05_ending_a_location_records_a_change_once(coach, started):
    services.coach_location_end(
        coach_location=started, ended_on=date(2026, 6, 30), acting_user=coach
    )
    started.refresh_from_db()
    assert started.ended_on == date(2026, 6, 30)
    assert LocationChange.objects.filter(coach_location=started, kind=ChangeKind.ENDED).exists()
    with pytest.raises(ValidationError) as exc:
        services.coach_location_end(
            coach_location=started, ended_on=date(2026, 7, 1), acting_user=coach
        )
    assert "al niet meer op Deurne" in exc.value.message_dict["ended_on"][0]


def test_bil_05_a_location_does_not_end_before_it_started(coach, started):
    with pytest.raises(ValidationError) as exc:
        services.coach_location_end(
            coach_location=started, ended_on=date(2026, 2, 1), acting_user=coach
        )
    assert "(BIL-05)" in exc.value.message_dict["ended_on"][0]
    started.refresh_from_db()
    assert started.ended_on is None


def test_bil_05_database_refuses_an_end_before_the_start_and_two_open_rows(coach, started):
    with pytest.raises(IntegrityError), transaction.atomic():
        CoachLocation.objects.filter(pk=started.pk).update(ended_on=date(2026, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        CoachLocation.objects.create(
            coach=coach,
            centre=started.centre,
            location=started.location,
            started_on=date(2026, 5, 1),
            reported_on=date(2026, 5, 1),
        )


def test_bil_05_staff_pass_a_change_on_once_and_a_coach_cannot(coach, centre_staff, started):
    change = started.changes.get()
    with pytest.raises(ValidationError):
        services.location_change_passed_on(change=change, acting_user=coach)
    done = services.location_change_passed_on(change=change, acting_user=centre_staff)
    assert done.passed_on_by == centre_staff and done.passed_on_at is not None
    with pytest.raises(ValidationError) as exc:
        services.location_change_passed_on(change=change, acting_user=centre_staff)
    assert "al doorgegeven aan VDAB. (BIL-05)" in exc.value.messages[0]


def test_bil_06_first_plan_is_first_time_then_returning(coach, centre_staff):
    first = services.development_plan_receive(
        coach=coach, year=2025, received_on=date(2025, 12, 1), acting_user=centre_staff
    )
    assert first.template == "first_time"
    second = services.development_plan_receive(
        coach=coach, year=2026, received_on=date(2026, 6, 1), acting_user=centre_staff
    )
    assert second.template == "returning" and second.received_by == centre_staff


def test_bil_06_a_plan_is_received_once_a_year_by_staff_and_not_in_the_future(coach, centre_staff):
    with pytest.raises(ValidationError):
        services.development_plan_receive(
            coach=coach, year=2026, received_on=date(2026, 6, 1), acting_user=coach
        )
    with pytest.raises(ValidationError) as exc:
        services.development_plan_receive(
            coach=coach, year=2026, received_on=date(2026, 6, 20), acting_user=centre_staff
        )
    assert "(BIL-06)" in exc.value.message_dict["received_on"][0]
    services.development_plan_receive(
        coach=coach, year=2026, received_on=date(2026, 6, 1), acting_user=centre_staff
    )
    with pytest.raises(ValidationError) as exc:
        services.development_plan_receive(
            coach=coach, year=2026, received_on=date(2026, 6, 2), acting_user=centre_staff
        )
    assert "al ontvangen op 01/06/2026" in exc.value.message_dict["received_on"][0]
    assert DevelopmentPlan.objects.count() == 1


def test_bil_06_staff_of_another_centre_cannot_record_a_plan(coach, elsewhere_staff):
    with pytest.raises(ValidationError):
        services.development_plan_receive(
            coach=coach, year=2026, received_on=date(2026, 6, 1), acting_user=elsewhere_staff
        )
