# ruff: noqa: F811 - the walkers' fixtures are imported and used as arguments
"""Issue 15: every transition page that reads a worker's file writes a FileAccess row for that
client (the walkers' URLs and objects: tests/transition/test_url_access_*.py)."""

import pytest

import tests.transition.test_url_access_assessment as assessment
import tests.transition.test_url_access_intake as intake
import tests.transition.test_url_access_measures as measures
import tests.transition.test_url_access_plan as plan
from koers.core.access_log import registry
from koers.core.models import FileAccess
from tests.transition.test_url_access_assessment import objects as assessment_objects  # noqa: F401
from tests.transition.test_url_access_intake import objects as intake_objects  # noqa: F401
from tests.transition.test_url_access_measures import objects as measures_objects  # noqa: F401
from tests.transition.test_url_access_plan import objects as plan_objects  # noqa: F401

WALKS = {"assessment": assessment, "intake": intake, "measures": measures, "plan": plan}


def _get_pages(module) -> set[str]:
    pages = getattr(module, "GET_PAGES", None) or set(module.OBJECT_FOR_URL) - module.POST_ONLY
    return {name for name in pages if name in registry().pages}


CASES = sorted((walk, name) for walk, module in WALKS.items() for name in _get_pages(module))


@pytest.mark.django_db
@pytest.mark.parametrize(("walk", "name"), CASES)
def test_opening_a_transition_page_writes_a_row(
    walk, name, request, transition_file, job_coach, logged_in
):
    module = WALKS[walk]
    objects = request.getfixturevalue(f"{walk}_objects")
    url = module._url(name, objects)
    assert logged_in(job_coach).get(url).status_code == 200
    rows = list(FileAccess.objects.filter(user=job_coach, path=url))
    assert rows, f"{name} wrote no FileAccess row"
    assert {r.kind for r in rows} == {registry().pages[name].kind}
    assert transition_file.client_id in {r.client_id for r in rows}
