"""What the intake pages share: a service's write for a full-page form."""

from collections.abc import Callable

from django.core.exceptions import ValidationError

from koers.core.forms import apply_errors


def accepted(form, write: Callable[[], object]) -> bool:
    """Run the service's `write` for a valid form: True when it took it; when it refused, its
    errors stand next to the form's fields and the answer is False."""
    try:
        write()
    except ValidationError as exc:
        apply_errors(form, exc)
        return False
    return True
