"""`{% billing_ruleset_notice %}`: on the billing pages, the notice that the billing rule set
still holds Koers' placeholders (centre staff and administrators; selectors.ruleset)."""

from django import template
from django.utils import timezone

from koers.billing.selectors.ruleset import ruleset_notice

register = template.Library()


@register.inclusion_tag("billing/_ruleset_notice.html", takes_context=True)
def billing_ruleset_notice(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return {"notice": None}
    return {"notice": ruleset_notice(user=user, today=timezone.localdate())}
