"""TRN-08/13: the company's employer list and one employer with its contacts, the workers'
activities and the measures with it. Every read starts from `Employer.objects.visible_to`."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.http import Http404

from koers.core.models import Organisation, User
from koers.transition import models as m

PER_PAGE = 25


def employers_visible_to(user: User) -> QuerySet[m.Employer]:
    return m.Employer.objects.visible_to(user)


def employer_list(*, user: User, query: str = "", page: int | str = 1) -> Page:
    found = employers_visible_to(user).annotate(contact_count=Count("contacts", distinct=True))
    if query.strip():
        found = found.filter(name__icontains=query.strip())
    return Paginator(found.order_by("name", "id"), PER_PAGE).get_page(page)


def employer_get(*, user: User, pk: int) -> m.Employer:
    found = employers_visible_to(user).select_related("organisation").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def member_organisations(user: User) -> QuerySet[Organisation]:
    """The companies a user may add an employer for: one they are a member of."""
    orgs = Organisation.objects.filter(is_active=True)
    return orgs if user.is_administrator else orgs.filter(pk__in=user.organisation_ids())


def staff_of(organisation_id: int):
    from koers.core.models import User as UserModel

    return (
        UserModel.objects.filter(
            is_active=True,
            memberships__organisation_id=organisation_id,
            memberships__is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def files_for_contact(user: User, organisation_id: int) -> QuerySet[m.TransitionFile]:
    return (
        m.TransitionFile.objects.visible_to(user)
        .filter(trajectory__organisation_id=organisation_id)
        .select_related("client", "trajectory")
        .order_by("client__last_name", "client__first_name")
    )


def contacts_of(employer: m.Employer) -> QuerySet[m.EmployerContact]:
    return employer.contacts.select_related("by").prefetch_related("files__client")


@dataclass
class EmployerPage:
    employer: m.Employer
    contacts: list[m.EmployerContact]
    activities: list[m.Activity]
    measures: list[m.Measure]


def employer_page(*, user: User, pk: int) -> EmployerPage:
    """The employer with its typed contacts and, of the workers this user sees, the activities
    and measures with it (a fixed number of queries)."""
    employer = employer_get(user=user, pk=pk)
    return EmployerPage(
        employer=employer,
        contacts=list(contacts_of(employer)[:100]),
        activities=list(
            m.Activity.objects.visible_to(user)
            .filter(employer=employer)
            .select_related("file__client", "by")
            .order_by("-on", "-id")[:100]
        ),
        measures=list(
            m.Measure.objects.visible_to(user)
            .filter(employer=employer)
            .select_related("file__client")
            .order_by("-planned_start")[:100]
        ),
    )
