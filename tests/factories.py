"""Factories for tests. `.build()` keeps pure tests off the database."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from koers.core.models import Client, Membership, Organisation, OrganisationKind, Role, User
from koers.core.search import client_search_name
from koers.trajectories.models import (
    Assignment,
    AssignmentStatus,
    Contact,
    ContactForm,
    ContactOutcome,
    Document,
    DocumentKind,
    Plan,
    PlanKind,
    PlanVersion,
    Programme,
    Trajectory,
    TrajectoryStatus,
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Loopbaancentrum {n}")
    kind = OrganisationKind.CAREER_CENTRE


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-123")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def staff_user(organisation: Organisation, *roles: str, **kwargs) -> User:
    user = UserFactory(**kwargs)
    for role in roles:
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    organisation = factory.SubFactory(OrganisationFactory)
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    birth_date = date(1985, 7, 30)
    email = factory.Sequence(lambda n: f"client{n}@example.org")
    search_name = factory.LazyAttribute(lambda c: client_search_name(c.first_name, c.last_name))


class TrajectoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trajectory

    client = factory.SubFactory(ClientFactory)
    organisation = factory.SelfAttribute("client.organisation")
    responsible = factory.LazyAttribute(lambda t: staff_user(t.organisation, Role.COACH))
    programme = Programme.VOUCHER
    status = TrajectoryStatus.ACTIVE
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    trajectory = factory.SubFactory(TrajectoryFactory)
    staff = factory.SelfAttribute("trajectory.responsible")
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    duration_minutes = 60
    form = ContactForm.INDIVIDUAL
    outcome = ContactOutcome.HELD


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    trajectory = factory.SubFactory(TrajectoryFactory)
    title = "Drie vacatures zoeken die je aanspreken"
    created_by = factory.SelfAttribute("trajectory.responsible")


def late_assignments(trajectory, n: int) -> None:
    """`n` open assignments of the trajectory, due 1 to `n` days ago."""
    for i in range(n):
        AssignmentFactory(
            trajectory=trajectory,
            status=AssignmentStatus.OPEN,
            deadline=timezone.localdate() - timedelta(days=i + 1),
        )


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    trajectory = factory.SubFactory(TrajectoryFactory)
    kind = PlanKind.DEVELOPMENT
    title = "POP (loopbaancheque 1)"


class PlanVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanVersion

    plan = factory.SubFactory(PlanFactory)
    number = 1
    content = factory.LazyFunction(
        lambda: {"career_question": "Wat wil ik na twintig jaar in de zorg?"}
    )


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    trajectory = factory.SubFactory(TrajectoryFactory)
    kind = DocumentKind.CONTRACT
    title = "Overeenkomst"
