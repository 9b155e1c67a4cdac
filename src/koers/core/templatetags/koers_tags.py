"""Small helpers for the staff templates."""

from django import template
from django.forms import CheckboxInput, CheckboxSelectMultiple, RadioSelect

from koers.lib.rules import reason_from_json

register = template.Library()

_BADGES = {
    # trajectory
    "planned": "info",
    "active": "ok",
    "closed": "muted",
    "cancelled": "muted",
    # contact outcome
    "held": "ok",
    "absent": "warn",
    "rescheduled": "info",
    # assignment
    "open": "info",
    "done": "ok",
    "not_done": "warn",
    # document
    "missing": "warn",
    "generated": "info",
    "signed": "ok",
    "original_received": "ok",
}


@register.filter
def badge(value: str) -> str:
    """The CSS modifier for a status value."""
    return _BADGES.get(str(value), "muted")


@register.simple_tag
def widget(field, **extra):
    """Render a bound field's widget with accessible error attributes and our CSS class."""
    attrs = dict(extra)
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if field.errors:
        attrs["aria-invalid"] = "true"
        described.append(f"{field.auto_id}_errors")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if not isinstance(field.field.widget, CheckboxInput | CheckboxSelectMultiple | RadioSelect):
        attrs["class"] = (attrs.get("class", "") + " input").strip()
    return field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(field) -> bool:
    return isinstance(field.field.widget, CheckboxInput)


@register.filter
def is_multi(field) -> bool:
    return isinstance(field.field.widget, CheckboxSelectMultiple | RadioSelect)


@register.filter
def plan_text(content) -> list[tuple[str, str]]:
    """A plan version's content as (heading, text) pairs; the free text has no heading."""
    if not isinstance(content, dict):
        return [("", str(content))]
    return [
        ("" if key == "text" else key.replace("_", " "), str(value))
        for key, value in content.items()
    ]


@register.filter
def filesize(value) -> str:
    size = int(value or 0)
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} kB".replace(".", ",")
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


@register.filter
def reason_message(stored: dict) -> str:
    """A reason stored as JSON (`reason_to_json`), in the reader's language; rows stored before
    the template was kept show their sentence as it was."""
    return reason_from_json(stored).message


@register.simple_tag(takes_context=True)
def page_query(context, name: str, number) -> str:
    """The current query string with the page parameter `name` set to `number` (a page with
    more than one paginated list names each list's parameter, e.g. `?contacts=2`)."""
    query = context["request"].GET.copy()
    query[name] = number
    return "?" + query.urlencode()


@register.filter
def work_state(item, today) -> str:
    """A dashboard work item's badge: late, soon or later (`workplace.worklist.WorkItem`)."""
    return item.state(today)
