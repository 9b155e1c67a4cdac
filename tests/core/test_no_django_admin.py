"""Issue 16: the Django admin ("/beheer/") bypassed `visible_to`, the access log and the rules,
and sent Koers' administrators to a login that refused them: it is gone. Koers' own pages
(staff, organisations, rule sets) are the administrator's."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_issue_16_the_administrator_finds_no_django_admin(logged_in, administrator):
    assert logged_in(administrator).get("/beheer/").status_code == 404
    assert "django.contrib.admin" not in settings.INSTALLED_APPS
