"""The transition files ("Doorstroom", `transition_home`) as a list export (issue 16): the same
read as the page (`files_filtered`: `visible_to(user)`, the search `q` and the phase `fase`), so
a job coach exports their own workers and nobody another company's. Read through the transition
programme's selectors; a chunk costs no query beyond the page's one join."""

from django.utils.translation import gettext as _

from koers.lib.exports import Column
from koers.listexports.registry import SEARCH, ListKind, register_list
from koers.transition.selectors import files as transition_files


def _columns():
    return [
        Column(_("Werknemer"), 24),
        Column(_("Fase"), 28),
        Column(_("Toeleiding"), 16),
        Column(_("Voorgesteld op"), 12),
        Column(_("Jobdoelwit"), 24),
        Column(_("Jobcoach"), 20),
    ]


def _files(user, filters):
    return transition_files.files_filtered(
        user=user, query=filters.get(SEARCH, ""), phase=filters.get("fase", "")
    )


def _phase(trajectory) -> str:
    if not trajectory.phase:
        return ""
    return f"{trajectory.phase} {transition_files.phase_label(trajectory.phase)}"


def _rows(user, chunk):
    for f in chunk:
        coach = f.trajectory.responsible
        yield (
            f"{f.client.last_name}, {f.client.first_name}",
            _phase(f.trajectory),
            f.get_referral_state_display(),
            f.referred_on,
            f.job_target,
            (coach.get_full_name() or coach.username) if coach else "",
        )


register_list(
    ListKind(
        "transition",
        lambda: _("Doorstroom"),
        (SEARCH, "fase"),
        _columns,
        _files,
        _rows,
    )
)
