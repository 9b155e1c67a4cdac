"""Resolving ids that arrive in API input, always through the user's access rules.

A path id or a related id the user may not see answers 404 (the row might as well not exist);
an organisation or a responsible the user may not choose answers 422 with the field named.
"""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field as SchemaField
from ninja import Query, Schema

from koers.core.keyset import CursorNotFound, keyset_slice
from koers.core.models import Organisation, User

MAX_LIMIT = 100


class PageParams(Schema):
    limit: int = SchemaField(25, ge=1, le=MAX_LIMIT)
    # Bounded so that a huge offset is a 422, not a database overflow.
    offset: int = SchemaField(0, ge=0, le=10_000_000)


PageQuery = Query[PageParams]


def page(queryset: QuerySet, params: PageParams) -> dict:
    """One COUNT and one SELECT for the slice, whatever the size of the table."""
    return {
        "count": queryset.count(),
        "items": list(queryset[params.offset : params.offset + params.limit]),
    }


def keyset_page(
    queryset: QuerySet, params: PageParams, *, ordering: tuple[str, ...], after: int | None
) -> dict:
    """Like `page`, plus `next`: the id to give as `after` for the following page (null on the
    last). With `after` the rows after that one are read through the ordering's index, so a
    deep page costs what the first costs (issue 14); `offset` stays for the first pages."""
    if after is not None and params.offset:
        raise ValidationError({"after": [_("Geef after of offset, niet beide.")]})
    if after is None:
        rows = list(queryset.order_by(*ordering)[params.offset : params.offset + params.limit + 1])
        has_next, rows = len(rows) > params.limit, rows[: params.limit]
    else:
        try:
            rows, _previous, has_next = keyset_slice(
                queryset, ordering=ordering, size=params.limit, after=after
            )
        except CursorNotFound:
            raise ValidationError(
                {
                    "after": [
                        _("Dit id staat niet (meer) in deze lijst; begin opnieuw zonder after.")
                    ]
                }
            ) from None
    return {"count": queryset.count(), "items": rows, "next": rows[-1].pk if has_next else None}


def auth_user(request: HttpRequest) -> User:
    return request.auth  # set by koers.api.auth (token or session)


def acting_organisation(
    user: User, organisation_id: int | None, *, field: str = "organisation_id"
) -> Organisation:
    """The organisation the user acts for: one they are a member of (any, for an administrator).

    Without an id, the user's only organisation; a user of several must choose.
    """
    member_of = user.organisation_ids()
    if organisation_id is None:
        if len(set(member_of)) == 1:
            return Organisation.objects.get(pk=member_of[0])
        raise ValidationError({field: [_("Kies de organisatie waarvoor u dit doet.")]})
    allowed = Organisation.objects.filter(is_active=True)
    if not user.is_administrator:
        allowed = allowed.filter(pk__in=member_of)
    organisation = allowed.filter(pk=organisation_id).first()
    if organisation is None:
        raise ValidationError({field: [_("U werkt niet voor deze organisatie.")]})
    return organisation


def staff_member(
    organisation: Organisation, user_id: int, *, field: str = "responsible_id"
) -> User:
    """An active user with an active role in `organisation`, or a 422 on `field`."""
    member = (
        User.objects.filter(
            pk=user_id,
            is_active=True,
            memberships__organisation=organisation,
            memberships__is_active=True,
        )
        .distinct()
        .first()
    )
    if member is None:
        raise ValidationError(
            {field: [_("Deze medewerker werkt niet (meer) voor deze organisatie.")]}
        )
    return member


def patch_changes(payload: Schema, clearable: dict[str, object]) -> dict[str, object]:
    """The fields a PATCH sent: a value sets the field; `null` empties a field listed in
    `clearable` (to the value given there) and leaves any other field as it is."""
    changes = {}
    for name, value in payload.model_dump(exclude_unset=True).items():
        if value is not None:
            changes[name] = value
        elif name in clearable:
            changes[name] = clearable[name]
    return changes
