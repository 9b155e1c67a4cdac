"""The list exports of Koers, one `ListKind` per list page (issue 16). Each starts from the same
read as its page (`visible_to(user)` and the page's filter), so an export holds exactly the rows
the user sees there, all pages at once. Columns are in Dutch, as a coach reads them; the national
number is in no export. A chunk of rows costs a fixed number of queries."""

from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core import selectors as core_selectors
from koers.intake.models import LeadState
from koers.intake.selectors import leads_for_user, sees_all_leads
from koers.lib.exports import Column
from koers.listexports.registry import SEARCH, ListKind, register_list
from koers.mediation.models import MediationService, ServiceState, Tender
from koers.trajectories import lists


def _local(moment):
    return timezone.localtime(moment) if moment else None


def _person(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


# Clients (`client_list`): the search `q` as the page searches.
def _client_columns():
    return [
        Column(_("Achternaam"), 20),
        Column(_("Voornaam"), 16),
        Column(_("Geboortedatum"), 12),
        Column(_("Postcode"), 8),
        Column(_("Gemeente"), 18),
        Column(_("E-mail"), 28),
        Column(_("Telefoon"), 16),
        Column(_("Organisatie"), 24),
    ]


def _clients(user, filters):
    return core_selectors.client_search(user=user, query=filters.get(SEARCH, "")).order_by(
        "last_name", "first_name", "pk"
    )


def _client_rows(user, chunk):
    for c in chunk:
        yield (
            c.last_name,
            c.first_name,
            c.birth_date,
            c.postal_code,
            c.city,
            c.email,
            c.phone_display,
            c.organisation.name,
        )


# Leads (`intake_lead_list`): `status` (default open), `mijn`, `laat`, as the page filters.
def _lead_columns():
    return [
        Column(_("Achternaam"), 20),
        Column(_("Voornaam"), 16),
        Column(_("E-mail"), 28),
        Column(_("Telefoon"), 16),
        Column(_("Postcode"), 8),
        Column(_("Ontvangen"), 17),
        Column(_("Status"), 18),
        Column(_("Coach"), 20),
        Column(_("Te laat gemarkeerd"), 10),
        Column(_("Organisatie"), 24),
    ]


def _leads(user, filters):
    sees_all = sees_all_leads(user)
    mine = filters.get("mijn") == "1" or not sees_all
    leads = leads_for_user(user=user, state=filters.get("status", "open"), mine=mine and sees_all)
    if filters.get("laat") == "1":
        leads = leads.filter(late_flagged_at__isnull=False)
    return leads.order_by("-arrived_at", "-pk")


def _lead_rows(user, chunk):
    labels = dict(LeadState.choices)
    for lead in chunk:
        yield (
            lead.last_name,
            lead.first_name,
            lead.email,
            lead.phone_display,
            lead.postal_code,
            _local(lead.arrived_at),
            str(labels.get(lead.state, lead.state)),
            _person(lead.coach),
            lead.late_flagged_at is not None,
            lead.organisation.name,
        )


# Mediation services ("Klanten opvolgen", `mediation_dashboard`): `status`, `tender`.
def _service_columns():
    return [
        Column(_("Cliënt"), 24),
        Column(_("VDAB-klantnummer"), 14),
        Column(_("Tender"), 12),
        Column(_("Perceel"), 14),
        Column(_("Status"), 24),
        Column(_("Toegeleid op"), 12),
        Column(_("VDAB-bemiddelaar"), 20),
        Column(_("Start bemiddeling"), 12),
        Column(_("Eindadvies uiterlijk"), 12),
        Column(_("Afgesloten op"), 17),
    ]


def _services(user, filters):
    services = MediationService.objects.visible_to(user).select_related("client")
    if filters.get("status") in ServiceState.values:
        services = services.filter(state=filters["status"])
    if filters.get("tender") in Tender.values:
        services = services.filter(tender=filters["tender"])
    return services.order_by("-referral_date", "-pk")


def _service_rows(user, chunk):
    for s in chunk:
        yield (
            s.client.full_name,
            s.vdab_client_number,
            s.get_tender_display(),
            s.lot,
            s.get_state_display(),
            s.referral_date,
            s.vdab_mediator_name,
            s.mediation_started_on,
            s.advice_deadline,
            _local(s.closed_at),
        )


# Trajectories (`trajectory_list`): `programma`, `status`, `mijn`, `dossier`.
def _trajectory_columns():
    return [
        Column(_("Cliënt"), 24),
        Column(_("Programma"), 22),
        Column(_("Status"), 12),
        Column(_("Verantwoordelijke"), 20),
        Column(_("Organisatie"), 24),
        Column(_("Startdatum"), 12),
        Column(_("Einddatum"), 12),
        Column(_("Dossier"), 14),
        Column(_("Open punten"), 40),
    ]


def _trajectories(user, filters):
    chosen = lists.trajectory_filter(filters)
    return lists.trajectory_list(user=user, chosen=chosen).order_by(*lists.TRAJECTORY_ORDER)


def _trajectory_rows(user, chunk):
    dossiers = lists.dossier_states(chunk)
    for t in chunk:
        dossier = dossiers.get(t.pk)
        if dossier is None:
            state, missing = "", ""
        else:
            state = _("Open punten") if dossier.missing else _("Volledig")
            missing = ", ".join(str(m) for m in dossier.missing)
        yield (
            f"{t.client.last_name}, {t.client.first_name}",
            t.get_programme_display(),
            t.get_status_display(),
            _person(t.responsible),
            t.organisation.name,
            t.start_date,
            t.end_date,
            state,
            missing,
        )


# Contacts (`contact_list`): `van`, `tot` (default this month), `mijn`.
def _contact_columns():
    return [
        Column(_("Datum en uur"), 17),
        Column(_("Cliënt"), 24),
        Column(_("Programma"), 22),
        Column(_("Vorm"), 20),
        Column(_("Duur (min)"), 10),
        Column(_("Uitkomst"), 12),
        Column(_("Medewerker"), 20),
        Column(_("Plaats"), 20),
    ]


def _contacts(user, filters):
    chosen = lists.contact_filter(filters, timezone.localdate())
    return lists.contact_list(user=user, chosen=chosen).order_by(*lists.CONTACT_ORDER)


def _contact_rows(user, chunk):
    for c in chunk:
        client = c.trajectory.client
        yield (
            _local(c.starts_at),
            f"{client.last_name}, {client.first_name}",
            c.trajectory.get_programme_display(),
            c.get_form_display(),
            c.duration_minutes,
            c.get_outcome_display(),
            _person(c.staff),
            c.place,
        )


for kind in (
    ListKind("clients", lambda: _("Cliënten"), (SEARCH,), _client_columns, _clients, _client_rows),
    ListKind(
        "leads",
        lambda: _("Aanvragen"),
        ("status", "mijn", "laat"),
        _lead_columns,
        _leads,
        _lead_rows,
    ),
    ListKind(
        "mediation",
        lambda: _("Klanten opvolgen"),
        ("status", "tender"),
        _service_columns,
        _services,
        _service_rows,
    ),
    ListKind(
        "trajectories",
        lambda: _("Trajecten"),
        ("programma", "status", "mijn", "dossier"),
        _trajectory_columns,
        _trajectories,
        _trajectory_rows,
    ),
    ListKind(
        "contacts",
        lambda: _("Contacten"),
        ("van", "tot", "mijn"),
        _contact_columns,
        _contacts,
        _contact_rows,
    ),
):
    register_list(kind)
