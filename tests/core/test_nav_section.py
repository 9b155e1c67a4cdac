"""The main menu lights exactly one entry per page (issue 16: on /trajecten/ both "Cliënten"
and "Trajecten" were lit)."""

import re

import pytest
from django.urls import reverse

from koers.core.context_processors import nav_section


@pytest.mark.parametrize(
    ("url_name", "section"),
    [
        ("dashboard", "dashboard"),
        ("work_list", "dashboard"),
        ("trajectory_list", "trajectories"),
        ("contact_list", "trajectories"),
        ("trajectory_detail", "clients"),
        ("client_detail", "clients"),
        ("voucher_detail", "clients"),
        ("contact_update", "clients"),
        ("intake_lead_list", "leads"),
        ("intake_marketing", "centre"),
        ("privacy_home", "centre"),
        ("mediation_dashboard", "mediation"),
        ("transition_home", "transition"),
        ("billing_hours", "billing"),
        ("search", ""),
        (None, ""),
    ],
)
def test_a_page_belongs_to_one_menu_entry(url_name, section):
    assert nav_section(url_name) == section


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "label"), [("trajectory_list", "Trajecten"), ("client_list", "Cliënten")]
)
def test_the_menu_lights_only_the_entry_of_the_page(client, centre_staff, url_name, label):
    client.force_login(centre_staff)
    html = client.get(reverse(url_name)).content.decode()
    lit = re.findall(r'aria-current="page">([^<]+)<', html)
    assert lit == [label]
