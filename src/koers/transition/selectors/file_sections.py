"""The sections of a worker's file page, in the order of the phases (TRN-01). Each area of the
programme adds one (key, builder): the builder reads what its section shows, in a fixed number
of queries, and the page includes `transition/file/_<key>.html` with it as `s`."""

from collections.abc import Callable
from dataclasses import dataclass

from koers.core.models import User
from koers.transition import models as m
from koers.transition.selectors import assessment
from koers.transition.selectors.activities import activities_section
from koers.transition.selectors.intake import intake_section
from koers.transition.selectors.plan import plan_file_section
from koers.transition.selectors.referral import referral_section

Builder = Callable[[m.TransitionFile, User], object]

SECTIONS: list[tuple[str, Builder]] = [
    ("referral", referral_section),
    ("intake", intake_section),
    ("assessment", assessment.file_section),
    ("plan", plan_file_section),  # TRN-07
    ("activities", activities_section),  # TRN-08
]


@dataclass(frozen=True)
class Section:
    template: str
    data: object


def file_sections(file: m.TransitionFile, user: User) -> list[Section]:
    return [Section(f"transition/file/_{key}.html", build(file, user)) for key, build in SECTIONS]


# measures (TRN-09..12) and their follow-up (TRN-17)
from koers.transition.selectors.followup import followup_section  # noqa: E402
from koers.transition.selectors.measures import measures_section  # noqa: E402

SECTIONS += [("measures", measures_section), ("followup", followup_section)]
