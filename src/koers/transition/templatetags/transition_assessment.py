"""Template helpers of the assessment pages."""

from django import template

register = template.Library()


@register.filter
def get_item(container, key):
    """`{{ names|get_item:code }}`, `{{ counts|get_item:forloop.counter0 }}` (empty when missing)."""
    if not container:
        return ""
    if isinstance(container, list | tuple):
        return container[key] if 0 <= key < len(container) else ""
    return container.get(key, "")
