"""Publishing a version (rulesets/publication.py): audited, never changed, never re-judging a
trajectory, every problem at once, administrators only.

The clock is frozen where it matters: 2027-03-15 is after the last built-in voucher version
(2025-reform, until 2026-12-31)."""

from datetime import date, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from koers.trajectories.models import RulesetVersion
from koers.trajectories.rulesets import (
    ruleset_in_force,
    ruleset_overview,
)
from tests.trajectories.rulesets.cliff import (
    AFTER_THE_END,
    BEFORE_THE_END,
    BRUSSELS,
    open_voucher,
    publish,
)

pytestmark = pytest.mark.ruleset_cliff


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_publication_is_audited_and_never_changed_afterwards(administrator):
    row = publish(administrator)
    history = row.history.get()
    assert history.history_type == "+" and history.history_user == administrator
    assert history.reason.startswith("Mededeling VDAB")
    row.valid_until = date(2027, 12, 31)
    with pytest.raises(ValueError, match="never changed"):
        row.save()
    with pytest.raises(ValueError, match="never deleted"):
        row.delete()
    assert RulesetVersion.objects.get().valid_until is None


@pytest.mark.django_db
@time_machine.travel(BEFORE_THE_END, tick=False)
def test_ruleset_lbc_01_version_may_not_cover_a_day_a_trajectory_was_already_judged(
    client_record, coach, administrator
):
    """Publishing from 2026-05-01 would judge the voucher that started on 2026-06-01 (and the
    client's entitlement) by other numbers than the 2025-reform it was opened under."""
    open_voucher(client_record, coach, date(2026, 6, 1))
    with pytest.raises(ValidationError) as refused:
        publish(administrator, version="2026-correctie", valid_from=date(2026, 5, 1))
    assert "Op 01/06/2026 is nog een traject gestart" in refused.value.message_dict["valid_from"][0]
    publish(administrator, version="2026-tweede-helft", valid_from=date(2026, 6, 2))
    assert ruleset_in_force("voucher", date(2026, 6, 2)).version == "2026-tweede-helft"
    assert ruleset_in_force("voucher", date(2026, 6, 1)).version == "2025-reform"


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_version_used_by_a_trajectory_is_never_replaced(
    client_record, coach, administrator
):
    publish(administrator)
    open_voucher(client_record, coach, date(2027, 3, 1))
    with pytest.raises(ValidationError) as refused:
        publish(administrator, version="2027-correctie")
    assert "Op 01/03/2027 is nog een traject gestart" in refused.value.message_dict["valid_from"][0]
    assert ruleset_in_force("voucher", date(2027, 3, 1)).version == "2027-loopbaankrediet"


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_unused_version_is_corrected_by_a_new_one_with_the_same_start(administrator):
    publish(administrator)
    publish(
        administrator,
        version="2027-correctie",
        based_on="2027-loopbaankrediet",
        changes={"own_contribution_cents": 4500},
    )
    assert ruleset_in_force("voucher", date(2027, 3, 15)).own_contribution_cents == 4500
    statuses = {v.version: v.status for v in ruleset_overview(today=date(2027, 3, 15))[0].versions}
    assert statuses == {
        "2027-correctie": "in_force",
        "2027-loopbaankrediet": "replaced",
        "2025-reform": "expired",
        "2019-seeds": "expired",
    }


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_publication_reports_every_problem_at_once_and_saves_nothing(administrator):
    with pytest.raises(ValidationError) as refused:
        publish(
            administrator,
            version="2025-reform",
            reason="  ",
            changes={"vouchers_per_client": 3, "voucher_minutes": "veel"},
        )
    errors = refused.value.message_dict
    assert set(errors) == {"version", "reason", "parameters.voucher_minutes"}
    with pytest.raises(ValidationError) as refused:
        publish(administrator, changes={"vouchers_per_client": 3, "unknown": 1})
    assert set(refused.value.message_dict) == {"parameters.unknown"}
    with pytest.raises(ValidationError) as refused:
        publish(administrator, changes={"vouchers_per_client": 3})
    assert refused.value.message_dict == {
        "parameters.vouchers_per_client": [
            "Koers kent loopbaancheque 1 en 2: kies 1 of 2. (LBC-01)"
        ]
    }
    assert not RulesetVersion.objects.exists()


@pytest.mark.django_db
def test_ruleset_only_an_administrator_publishes(coach, centre_staff):
    for user in (coach, centre_staff):
        with pytest.raises(PermissionDenied):
            publish(user)
    assert not RulesetVersion.objects.exists()


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_med_12_numbers_are_not_changed_here_but_others_are(administrator):
    with pytest.raises(ValidationError) as refused:
        publish(
            administrator,
            programme="mediation",
            version="2027-med",
            based_on="2019-seed-004",
            changes={"passive_month_ends": 4},
        )
    assert set(refused.value.message_dict) == {"parameters.passive_month_ends"}
    publish(
        administrator,
        programme="mediation",
        version="2027-med",
        based_on="2019-seed-004",
        changes={"letter_max_pages": 10},
    )
    published = ruleset_in_force("mediation", date(2027, 3, 15))
    assert published.letter_max_pages == 10 and published.passive_month_ends == 3


@pytest.mark.django_db
def test_ruleset_intake_is_listed_but_not_published_as_data(administrator):
    with pytest.raises(ValidationError) as refused:
        publish(administrator, programme="intake", based_on="2019-seeds", changes={})
    assert "programme" in refused.value.message_dict
    keys = [item.key for item in ruleset_overview(today=date(2027, 3, 15))]
    assert set(keys) == {"voucher", "mediation", "intake", "billing", "transition"}


@pytest.mark.django_db
@time_machine.travel(datetime(2027, 6, 1, 9, 0, tzinfo=BRUSSELS), tick=False)
def test_ruleset_lbc_01_demo_after_the_last_voucher_version_publishes_a_demo_version():
    from io import StringIO

    from django.core.management import call_command

    from koers.vouchers.models import Voucher

    call_command("demo", stdout=StringIO())
    row = RulesetVersion.objects.get()
    assert (row.version, row.valid_from, row.based_on) == (
        "demo-2027",
        date(2027, 1, 1),
        "2025-reform",
    )
    assert Voucher.objects.filter(ruleset_version="demo-2027").exists()
