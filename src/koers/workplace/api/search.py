"""/search: the header's search box for machines (issue 16), the same groups as /zoeken/."""

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.workplace import search as selectors

router = Router(tags=["search"])


class SearchHitOut(Schema):
    id: int
    name: str = Field(description="Naam (cliënt, aanvraag) of traject met cliënt")
    detail: str
    url: str = Field(description="De pagina in Koers")


class SearchGroupOut(Schema):
    kind: str = Field(description="clients, leads of trajectories")
    title: str
    count: int = Field(description="Alle treffers; `items` toont er hoogstens 8")
    items: list[SearchHitOut]
    more_url: str | None = Field(description="De volledige lijst, als er meer zijn")


class SearchOut(Schema):
    query: str
    too_short: bool = Field(description="Minder dan twee tekens: niets gezocht")
    groups: list[SearchGroupOut]


def _client(client) -> dict:
    return {
        "id": client.pk,
        "name": client.full_name,
        "detail": ", ".join(v for v in (client.phone, client.city) if v),
        "url": reverse("client_detail", args=[client.pk]),
    }


def _lead(lead) -> dict:
    return {
        "id": lead.pk,
        "name": lead.full_name,
        "detail": str(lead.get_state_display()),
        "url": reverse("intake_lead_detail", args=[lead.pk]),
    }


def _trajectory(trajectory) -> dict:
    return {
        "id": trajectory.pk,
        "name": f"#{trajectory.pk} {trajectory.get_programme_display()} — {trajectory.client}",
        "detail": str(trajectory.get_status_display()),
        "url": reverse("trajectory_detail", args=[trajectory.pk]),
    }


HIT = {selectors.CLIENTS: _client, selectors.LEADS: _lead, selectors.TRAJECTORIES: _trajectory}


@router.get("/search", response={200: SearchOut, **ERRORS}, summary="Zoeken")
def search(request: HttpRequest, q: str = ""):
    """Clients by name (also partial, accents ignored), e-mail, phone or exact national number;
    leads by name, e-mail or phone; trajectories by number. Only what you may see."""
    result = selectors.search(user=auth_user(request), query=q)
    groups = [
        {
            "kind": g.kind,
            "title": g.title,
            "count": g.count,
            "items": [HIT[g.kind](item) for item in g.items],
            "more_url": g.more_url or None,
        }
        for g in result.groups
    ]
    return {"query": result.query, "too_short": result.too_short, "groups": groups}
