"""Template filters about trajectories: `{% load trajectory_tags %}`."""

from django import template

from koers.trajectories.selectors import phase_label

register = template.Library()


@register.filter
def phase(trajectory) -> str:
    """The trajectory's phase as its programme names it."""
    return phase_label(trajectory.programme, trajectory.phase) if trajectory.phase else ""
