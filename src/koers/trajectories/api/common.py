"""What the trajectory core's routers share: a visible row, a page of a trajectory's rows."""

from django.db import models
from django.http import HttpRequest

from koers.api.lookups import PageQuery, auth_user, page


def visible_row(model: type[models.Model], request: HttpRequest, pk: int) -> models.Model:
    """The row if the user may see it (else DoesNotExist: the API's 404)."""
    return model.objects.visible_to(auth_user(request)).get(pk=pk)


def trajectory_rows(
    model: type[models.Model],
    request: HttpRequest,
    params: PageQuery,
    trajectory: int | None,
    order: tuple[str, ...],
) -> dict:
    """A page of the rows the user may see, of one trajectory when `trajectory` is given."""
    rows = model.objects.visible_to(auth_user(request)).order_by(*order)
    if trajectory is not None:
        rows = rows.filter(trajectory_id=trajectory)
    return page(rows, params)
