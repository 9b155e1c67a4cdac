"""Every transition URL with an id is walked by one of the `tests/transition/test_url_access_*.py`
modules (each names its URLs in `OBJECT_FOR_URL`): the owner opens it, a job coach of another
company and the company's other coach get 404 (as for every programme, core.access)."""

import importlib
import pkgutil
import re

import pytest
from django.urls import get_resolver, reverse

import tests.transition
from tests.test_url_access import _named_patterns


def _walked() -> set[str]:
    names: set[str] = set()
    for info in pkgutil.iter_modules(tests.transition.__path__):
        if info.name.startswith("test_url_access_"):
            module = importlib.import_module(f"tests.transition.{info.name}")
            names |= set(module.OBJECT_FOR_URL)
    return names | set(OBJECT_FOR_URL)


def test_every_transition_url_with_an_id_is_walked():
    names = {
        name
        for name, route in _named_patterns(get_resolver())
        if name.startswith("transition_") and re.search(r"<(int:)?\w+>", route)
    }
    assert names - _walked() == set()


OBJECT_FOR_URL = {"transition_file": "file"}


@pytest.mark.django_db
def test_trn_01_the_file_page_opens_for_its_job_coach_only(
    transition_file, job_coach, outside_job_coach, second_job_coach, logged_in
):
    url = reverse("transition_file", kwargs={"pk": transition_file.pk})
    assert logged_in(job_coach).get(url).status_code == 200
    assert logged_in(outside_job_coach).get(url).status_code == 404
    assert logged_in(second_job_coach).get(url).status_code == 404
