"""LBC-12 (empty and malformed POPs), LBC-13/18 (synthesis dates of a combined POP, aftercare on
voucher 1) against the database, the pages and the demo data."""

from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from koers.trajectories.models import (
    ContactForm,
    ContactOutcome,
    Plan,
    PlanKind,
    PlanVersion,
)
from koers.trajectories.services import ContactData
from koers.vouchers.models import Voucher
from koers.vouchers.rules.pop import MalformedPop
from koers.vouchers.selectors import aftercare_totals, pop_facts, pop_plan
from koers.vouchers.services import (
    aftercare_register,
    pop_finalise,
    pop_save,
    voucher_combine_pop,
    voucher_contact_log,
    voucher_open,
)

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


def _open(client, coach, start):
    # Vouchers started in 2024 fall under the 2019 rule set whatever today's date is.
    return voucher_open(
        client=client,
        responsible=coach,
        organisation=client.organisation,
        start_date=start,
        career_question="Ik wil na tien jaar boekhouding iets met mensen doen.",
        acting_user=coach,
    )


def _log(voucher, coach, days_ago):
    starts_at = (timezone.localtime() - timedelta(days=days_ago)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    return voucher_contact_log(
        voucher=voucher,
        data=ContactData(
            starts_at=starts_at,
            duration_minutes=60,
            form=ContactForm.INDIVIDUAL,
            outcome=ContactOutcome.HELD,
        ),
        acting_user=coach,
    ).contact


@pytest.fixture
def voucher(client_record, coach):
    return _open(client_record, coach, date(2024, 3, 1))


# LBC-12: an empty POP is no version ------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    "content",
    [
        {},
        {"style": "action", "sections": {"career_question": " ", "reflections": ""}, "actions": []},
    ],
)
def test_lbc_12_empty_pop_is_refused_and_not_saved(voucher, coach, content):
    with pytest.raises(ValidationError, match="leeg POP"):
        pop_save(voucher=voucher, content=content, acting_user=coach)
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_lbc_12_malformed_pop_is_refused_on_write(voucher, coach):
    with pytest.raises(ValidationError, match="LBC-12"):
        pop_save(
            voucher=voucher,
            content={"sections": {"career_question": "x"}, "actions": "Meelopen"},
            acting_user=coach,
        )
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_lbc_12_malformed_stored_pop_is_read_loudly(voucher, coach):
    """Data written around the services is not silently misread: the reader raises."""
    pop_save(voucher=voucher, content=POP, acting_user=coach)
    version = pop_plan(voucher).versions.get()
    PlanVersion.objects.filter(pk=version.pk).update(content={"actions": "Meelopen"})
    version.refresh_from_db()
    with pytest.raises(MalformedPop):
        pop_facts(voucher, version.content)


@pytest.mark.django_db
def test_lbc_12_empty_pop_on_the_page_keeps_the_form_and_saves_nothing(voucher, coach, logged_in):
    web = logged_in(coach)
    response = web.post(reverse("voucher_pop", args=[voucher.pk]), {"style": "action"})
    assert response.status_code == 200
    assert "leeg POP" in response.content.decode()
    assert not Plan.objects.exists()


# LBC-13 / LBC-18: a combined POP stores voucher 1's own synthesis date --------------------------
@pytest.fixture
def pair(client_record, coach):
    first = _open(client_record, coach, date(2024, 2, 1))
    second = _open(client_record, coach, date(2024, 6, 1))
    _log(first, coach, 40)
    _log(second, coach, 10)
    voucher_combine_pop(voucher=second, combined=True, acting_user=coach)
    first.refresh_from_db()
    second.refresh_from_db()
    return first, second


@pytest.mark.django_db
def test_lbc_13_finalising_a_combined_pop_stores_voucher_1s_own_synthesis_date(pair, coach):
    first, second = pair
    content = POP | {"covered": {"1": "Intake en waarden", "2": "Netwerkgesprekken"}}
    pop_save(voucher=second, content=content, acting_user=coach)
    pop_finalise(voucher=second, acting_user=coach)
    first.refresh_from_db()
    second.refresh_from_db()
    today = timezone.localdate()
    assert first.synthesis_date == today - timedelta(days=40)
    assert second.synthesis_date == today - timedelta(days=10)


@pytest.mark.django_db
def test_lbc_18_aftercare_on_voucher_1_of_a_combined_pop_is_registered(pair, coach):
    first, second = pair
    content = POP | {"covered": {"1": "Intake en waarden", "2": "Netwerkgesprekken"}}
    pop_save(voucher=second, content=content, acting_user=coach)
    pop_finalise(voucher=second, acting_user=coach)
    aftercare_register(
        voucher=Voucher.objects.get(pk=first.pk),
        on=timezone.localdate(),
        minutes=30,
        form="email",
        note="Vraag over de opleiding",
        acting_user=coach,
    )
    assert aftercare_totals(first).registered_minutes == 30


# LBC-18 on the page -----------------------------------------------------------------------------
@pytest.mark.django_db
def test_lbc_18_page_registers_an_hour_of_aftercare_and_shows_the_right(voucher, coach, logged_in):
    voucher.synthesis_date = timezone.localdate() - timedelta(days=3)
    voucher.save()
    web = logged_in(coach)
    response = web.post(
        reverse("voucher_aftercare", args=[voucher.pk]),
        {"on": timezone.localdate().isoformat(), "minutes": "60", "form": "session", "note": ""},
        follow=True,
    )
    page = response.content.decode()
    assert voucher.aftercare.get().minutes == 60
    assert "60 min geregistreerd" in page
    assert "30 min binnen het recht van 30 min" in page


# The demo's POPs are well-formed and their pages answer -----------------------------------------
@pytest.mark.django_db
@time_machine.travel(datetime(2026, 6, 1, 12, tzinfo=ZoneInfo("Europe/Brussels")), tick=False)
def test_lbc_12_demo_pops_are_well_formed_and_their_pages_answer(logged_in):
    call_command("demo", stdout=StringIO())
    versions = PlanVersion.objects.filter(plan__kind=PlanKind.DEVELOPMENT).select_related(
        "plan__trajectory__voucher"
    )
    assert versions.exists()
    for version in versions:
        voucher = version.plan.trajectory.voucher
        pop_facts(voucher, version.content)  # raises MalformedPop on a malformed version
    from tests.api.conftest import Api

    for voucher in Voucher.objects.select_related("trajectory__responsible"):
        coach = voucher.trajectory.responsible
        web = logged_in(coach)
        assert web.get(reverse("voucher_detail", args=[voucher.pk])).status_code == 200
        assert web.get(reverse("voucher_pop", args=[voucher.pk])).status_code == 200
        assert Api(coach).get(f"/vouchers/{voucher.pk}/pop").status_code == 200


@pytest.mark.django_db
def test_lbc_12_generic_plan_writes_cannot_store_a_malformed_pop(voucher, coach):
    from koers.trajectories.services import plan_create, plan_save_version
    from tests.api.conftest import Api

    with pytest.raises(ValidationError, match="POP-pagina"):
        plan_create(
            trajectory=voucher.trajectory,
            kind=PlanKind.DEVELOPMENT,
            title="POP (loopbaancheque 1)",
            content={"career_question": "x", "actions": "Meelopen"},
            acting_user=coach,
        )
    response = Api(coach).post(
        "/plans",
        {
            "trajectory_id": voucher.trajectory_id,
            "kind": "development",
            "title": "POP (loopbaancheque 1)",
            "content": {"actions": "Meelopen"},
        },
    )
    assert response.status_code == 422
    assert not Plan.objects.exists()
    pop_save(voucher=voucher, content=POP, acting_user=coach)
    plan = pop_plan(voucher)
    with pytest.raises(ValidationError, match="LBC-12"):
        plan_save_version(plan=plan, content={"text": "Vrije tekst"}, acting_user=coach)
    response = Api(coach).post(f"/plans/{plan.pk}/versions", {"content": {"actions": "x"}})
    assert response.status_code == 422
    assert plan.versions.count() == 1
