"""A partner mediator in a real browser: a mediation partner has no mandate for career vouchers,
so the client's page offers none, and a direct visit to /cheques/nieuw/ is refused with the reason."""

from datetime import UTC, datetime

import pytest
import time_machine

from koers.core.models import OrganisationKind, Role
from koers.trajectories.models import Programme
from koers.vouchers.models import Voucher
from tests.factories import ClientFactory, OrganisationFactory, TrajectoryFactory, staff_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_mediator_is_offered_no_voucher_and_refused_at_the_voucher_page(
    live_server, browser_page
):
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=True):
        _mediator_refused(live_server, browser_page)


def _mediator_refused(live_server, page):
    partner = OrganisationFactory(name="Werkkracht vzw", kind=OrganisationKind.MEDIATION_PARTNER)
    mediator = staff_user(
        partner, Role.MEDIATOR, username="e2e-bemiddelaar", first_name="Edu", last_name="Vlbr06"
    )
    client = ClientFactory(organisation=partner, first_name="Nora", last_name="Claes")
    TrajectoryFactory(
        client=client, organisation=partner, responsible=mediator, programme=Programme.MEDIATION
    )
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", "e2e-bemiddelaar")
    page.fill("input[name=password]", "secret-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")

    page.goto(f"{base}/clienten/{client.pk}/")
    assert page.get_by_role("heading", name="Nora Claes").is_visible()
    assert page.get_by_role("link", name="+ Loopbaancheque").count() == 0
    assert page.locator("a[href*='/cheques/nieuw/']").count() == 0

    response = page.goto(f"{base}/cheques/nieuw/?client={client.pk}")
    assert response.status == 403
    alert = page.get_by_role("alert")
    assert "Een traject loopbaancheques kan niet bij een bemiddelingspartner" in alert.inner_text()
    assert page.locator("form button[type=submit]", has_text="Openen").count() == 0
    page.get_by_role("link", name="Terug naar de cliënt").click()
    page.wait_for_url(f"{base}/clienten/{client.pk}/")
    assert not Voucher.objects.exists()
