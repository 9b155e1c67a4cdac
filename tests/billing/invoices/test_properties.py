"""BIL-04 property on the database: whatever mix of issues, refused issues (a wrong IBAN) and credit
notes two coaches of one company and a third with their own make, in whatever order and year,
every series (seller enterprise number, kind, year) runs 1, 2, 3 … without a gap or duplicate."""

import contextlib
from collections import defaultdict
from datetime import date

from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from koers.billing.models import CoachCompany, Invoice
from koers.billing.rules.numbering import series_refusal
from koers.billing.services.invoices import credit_note_issue, invoice_issue
from koers.core.models import OrganisationKind, Role
from tests.billing.invoices import factories
from tests.factories import OrganisationFactory, staff_user

step = st.tuples(
    st.sampled_from(["a", "b", "c"]),  # a and b invoice through one company, c through its own
    st.sampled_from(["issue", "issue", "refused", "credit"]),
    st.sampled_from([2026, 2027]),
)


class NumberingProperties(TestCase):
    @settings(max_examples=15)
    @given(steps=st.lists(step, min_size=1, max_size=12))
    def test_bil_04_every_series_is_gapless_whatever_was_issued_refused_or_credited(self, steps):
        centre = OrganisationFactory(kind=OrganisationKind.CAREER_CENTRE)
        factories.billing_details(centre)
        coaches = {k: staff_user(centre, Role.COACH) for k in "abc"}
        factories.company(coaches["a"])
        factories.company(coaches["b"])
        factories.company(
            coaches["c"],
            enterprise_number=factories.EXEMPT_ENTERPRISE,
            vat_number=f"BE{factories.EXEMPT_ENTERPRISE}",
            vat_exempt=True,
        )
        months = defaultdict(int)
        for who, action, year in steps:
            coach = coaches[who]
            today = date(year, 6, 15)
            if action == "credit":
                invoice = Invoice.objects.filter(
                    coach=coach, kind="invoice", credit_notes__isnull=True
                ).first()
                if invoice and invoice.issue_date <= today:
                    credit_note_issue(
                        invoice_id=invoice.pk, reason="Fout", acting_user=coach, today=today
                    )
                continue
            months[who] += 1
            made = factories.statement(
                coach, centre, date(2020 + months[who] // 12, months[who] % 12 + 1, 1)
            )
            company = CoachCompany.objects.get(coach=coach)
            iban = company.iban
            if action == "refused":
                CoachCompany.objects.filter(pk=company.pk).update(iban="BE21001234567804")
            with contextlib.suppress(ValidationError):
                invoice_issue(statement_id=made.pk, acting_user=coach, today=today)
            CoachCompany.objects.filter(pk=company.pk).update(iban=iban)
        series = defaultdict(list)
        for key in Invoice.objects.values_list(
            "seller_enterprise_number", "kind", "year", "sequence"
        ):
            series[key[:3]].append(key[3])
        for used in series.values():
            assert series_refusal(used) is None
