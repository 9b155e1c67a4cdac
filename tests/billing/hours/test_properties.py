"""BIL-03 properties on the database: re-running the settlement changes nothing, an hour is on at
most one statement, and a statement's total is the sum of its lines — whatever hours were held,
when they were entered at VDAB and how often the settlement ran."""

import contextlib
from datetime import date, timedelta

import pytest
from django.http import Http404
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from koers.billing.models import HourEntry, Statement, StatementHour, StatementLine
from koers.billing.rules.periods import Month
from koers.billing.services.hours import hour_mark_entered, statement_settle
from koers.core.models import OrganisationKind, Role
from tests.billing.factories import held_contact, open_voucher, rate
from tests.factories import OrganisationFactory, staff_user

hour = st.tuples(
    st.integers(min_value=0, max_value=80),  # guidance day: days after 2 March 2026
    st.sampled_from([30, 60, 90, 120]),
    st.one_of(st.none(), st.integers(min_value=0, max_value=40)),  # entered n days later
)


@pytest.mark.usefixtures("voucher_rules_in_force")
class SettlementProperties(TestCase):
    @settings(max_examples=15)
    @given(
        hours=st.lists(hour, min_size=1, max_size=8),
        runs=st.lists(st.integers(min_value=3, max_value=5), min_size=1, max_size=4),
    )
    def test_bil_03_rerunning_changes_nothing_and_an_hour_is_settled_once(self, hours, runs):
        centre = OrganisationFactory(kind=OrganisationKind.CAREER_CENTRE)
        coach = staff_user(centre, Role.COACH)
        staff = staff_user(centre, Role.CENTRE_STAFF)
        rate(coach, centre)
        voucher = open_voucher(coach, centre)
        start = date(2026, 3, 2)
        for days, minutes, entered_after in hours:
            day = start + timedelta(days=days)
            contact = held_contact(voucher, day, minutes)
            if entered_after is not None:
                with contextlib.suppress(Http404):  # past the voucher's 4 hours: does not count
                    hour_mark_entered(
                        contact_id=contact.pk,
                        entered_on=day + timedelta(days=entered_after),
                        acting_user=coach,
                        today=date(2026, 7, 15),
                    )
        for month in runs:  # months settled in any order, some more than once
            statement_settle(
                centre=centre, month=Month(2026, month), acting_user=staff, today=date(2026, 7, 15)
            )
        snapshot = sorted(Statement.objects.filter(coach=coach).values_list("pk", "month", "total"))
        lines = StatementLine.objects.filter(statement__coach=coach).count()
        for month in runs:
            statement_settle(
                centre=centre, month=Month(2026, month), acting_user=None, today=date(2026, 7, 15)
            )
        assert (
            sorted(Statement.objects.filter(coach=coach).values_list("pk", "month", "total"))
            == snapshot
        )
        assert StatementLine.objects.filter(statement__coach=coach).count() == lines
        settled = StatementHour.objects.filter(entry__coach=coach)
        assert settled.count() == len(set(settled.values_list("entry_id", flat=True)))
        assert settled.count() <= HourEntry.objects.filter(coach=coach).count()
        for statement in Statement.objects.filter(coach=coach).prefetch_related("lines"):
            assert statement.total == sum(x.amount for x in statement.lines.all())


aftercare = st.tuples(
    st.integers(min_value=0, max_value=80),  # day: days after 2 March 2026
    st.sampled_from([30, 60]),
    st.integers(min_value=0, max_value=20),  # entered at VDAB n days later
)


@pytest.mark.usefixtures("voucher_rules_in_force")
class AftercareProperties(TestCase):
    @settings(max_examples=10)
    @given(
        hours=st.lists(hour, min_size=0, max_size=5),
        aftercare_done=st.lists(aftercare, min_size=1, max_size=4),
        months=st.lists(st.integers(min_value=3, max_value=5), min_size=1, max_size=3),
    )
    def test_bil_02_aftercare_is_never_settled_whatever_was_entered(
        self, hours, aftercare_done, months
    ):
        from koers.billing.services.aftercare import aftercare_mark_entered
        from koers.vouchers.models import AftercareEntry

        centre = OrganisationFactory(kind=OrganisationKind.CAREER_CENTRE)
        coach = staff_user(centre, Role.COACH)
        rate(coach, centre)
        voucher = open_voucher(coach, centre)
        start, today = date(2026, 3, 2), date(2026, 6, 28)
        for days, minutes, entered_after in hours:
            contact = held_contact(voucher, start + timedelta(days=days), minutes)
            if entered_after is not None:
                with contextlib.suppress(Http404):
                    hour_mark_entered(
                        contact_id=contact.pk,
                        entered_on=contact.starts_at.date() + timedelta(days=entered_after),
                        acting_user=coach,
                        today=today,
                    )
        for days, minutes, entered_after in aftercare_done:
            day = start + timedelta(days=days)
            entry = AftercareEntry.objects.create(
                voucher=voucher, on=day, minutes=minutes, form="phone", recorded_by=coach
            )
            aftercare_mark_entered(
                aftercare_id=entry.pk,
                entered_on=day + timedelta(days=entered_after),
                acting_user=coach,
                today=today,
            )
        for month in months:
            statement_settle(centre=centre, month=Month(2026, month), acting_user=None, today=today)
        assert not StatementHour.objects.filter(entry__aftercare__isnull=False).exists()
        assert HourEntry.objects.filter(aftercare__isnull=False).count() == len(aftercare_done)
        for statement in Statement.objects.filter(coach=coach).prefetch_related("lines"):
            assert statement.total == sum(x.amount for x in statement.lines.all())
            assert statement.total > 0
