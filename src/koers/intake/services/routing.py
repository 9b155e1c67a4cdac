"""INT-01 / INT-05: a lead goes to the best available coach of the centre, with the reasons; centre
staff route again or choose the coach themselves."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import User
from koers.intake import rules
from koers.intake.models import Lead, LeadState, Routing
from koers.intake.selectors import centre_coaches, coach_facts, coach_unavailable, ruleset
from koers.intake.services.common import (
    lock_lead,
    must_be_centre_staff,
    notify_coach_new_lead,
    reasons_json,
)
from koers.intake.services.states import lead_state_move
from koers.lib.refusals import refusal


def _lead_postal(lead: Lead) -> str:
    if lead.preferred_location_id:
        return lead.preferred_location.postal_code
    return lead.postal_code


def route(lead: Lead, *, now: datetime, params: rules.Ruleset, acting_user: User | None) -> Lead:
    decision = rules.route(
        coaches=coach_facts(lead.organisation, now, params),
        postal_code=_lead_postal(lead),
        now=now,
        ruleset=params,
    )
    lead_state_move(
        lead,
        LeadState.NEW if decision.coach_id else LeadState.UNASSIGNED,
        refusal=rules.Reason(
            "INT-05",
            _(
                "Geen enkele coach is beschikbaar: de aanvraag blijft bij %(coach)s. "
                "Wijs ze met de hand toe als dat nodig is."
            )
            % {"coach": lead.coach.get_full_name() if lead.coach else "—"},
        ),
        acting_user=acting_user,
        why="; ".join(str(r) for r in decision.reasons),
        at=now,
    )
    Routing.objects.create(
        lead=lead,
        coach_id=decision.coach_id,
        reasons=reasons_json(decision.reasons),
        candidates=[
            {
                "coach_id": c.coach_id,
                "name": c.name,
                "available": c.available,
                "distance": c.distance,
                "recent_leads": c.recent_leads,
            }
            for c in decision.candidates
        ],
        at=now,
    )
    lead.coach_id = decision.coach_id
    lead.routing_reasons = reasons_json(decision.reasons)
    save_with_user(lead, acting_user, update_fields=["coach", "routing_reasons"])
    return lead


def _may_route(lead: Lead, acting_user: User) -> None:
    must_be_centre_staff(
        acting_user, lead.organisation_id, _("Alleen centrummedewerkers wijzen aanvragen toe.")
    )
    if not lead.is_open:
        raise ValidationError({"__all__": [_("Deze aanvraag is al afgehandeld.")]})


@transaction.atomic
def lead_route(*, lead: Lead, now: datetime, acting_user: User) -> Lead:
    """Route (again) automatically, e.g. an unassigned lead once a coach is back."""
    lead = lock_lead(lead)
    _may_route(lead, acting_user)
    lead = route(lead, now=now, params=ruleset(now), acting_user=acting_user)
    if lead.coach_id:
        notify_coach_new_lead(lead)
    return lead


@transaction.atomic
def lead_assign(
    *, lead: Lead, coach: User, now: datetime, acting_user: User, allow_unavailable: bool = False
) -> Lead:
    """Centre staff override the routing (INT-01). An unavailable coach (INT-05) only when they
    say so explicitly."""
    lead = lock_lead(lead)
    _may_route(lead, acting_user)
    if not centre_coaches(lead.organisation).filter(pk=coach.pk).exists():
        raise ValidationError({"coach": [_("Deze coach werkt niet voor dit centrum.")]})
    busy = coach_unavailable(lead.organisation, coach, now)
    if busy and not allow_unavailable:
        raise refusal(
            "coach",
            rules.Reason(
                "INT-05",
                _(
                    "Deze coach is afwezig in de komende 24 uur. Bevestig dat je toch wil toewijzen."
                ),
            ),
        )
    reasons = [
        rules.Reason(
            "INT-01",
            _("Toegewezen door %(who)s.")
            % {"who": acting_user.get_full_name() or acting_user.username},
        )
    ]
    if busy:
        reasons.append(rules.Reason("INT-05", _("Toegewezen ondanks afwezigheid (uitzondering).")))
    Routing.objects.create(
        lead=lead, coach=coach, reasons=reasons_json(reasons), overridden_by=acting_user, at=now
    )
    lead.coach = coach
    lead_state_move(
        lead, LeadState.NEW, acting_user=acting_user, why="; ".join(map(str, reasons)), at=now
    )
    lead.routing_reasons = reasons_json(reasons)
    lead.routing_overridden_by = acting_user
    save_with_user(lead, acting_user)
    notify_coach_new_lead(lead)
    return lead
