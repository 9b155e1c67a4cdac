"""TRN-08: a worker's application actions and trainings, and the company's employer list with
its typed contacts (TRN-13: the KPIs follow from these rows)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.models import Organisation
from koers.transition.models.choices import ActivityKind, EmployerContactKind, TrainingForm
from koers.transition.models.common import FileQuerySet, OrganisationQuerySet
from koers.transition.models.file import TransitionFile


class Employer(models.Model):
    """A company of the regular labour market (NEC) the job coaches work with."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("naam"), max_length=200)
    sector = models.CharField(_("sector"), max_length=200, blank=True)
    municipality = models.CharField(_("gemeente"), max_length=120, blank=True)
    contact_name = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    has_union_delegation = models.BooleanField(_("vakbondsafvaardiging"), null=True, blank=True)
    note = models.TextField(_("notitie"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("werkgever")
        verbose_name_plural = _("werkgevers")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["organisation", "name"], name="transition_employer_name")]

    def __str__(self) -> str:
        return self.name


class EmployerContact(models.Model):
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("soort contact"), max_length=32, choices=EmployerContactKind.choices)
    on = models.DateField(_("datum"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("door")
    )
    # A company visit by workers, a job day: the workers who took part (optional).
    files = models.ManyToManyField(TransitionFile, blank=True, related_name="employer_contacts")
    note = models.TextField(_("notitie"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("werkgeverscontact")
        verbose_name_plural = _("werkgeverscontacten")
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["kind", "on"], name="transition_empcontact_kind_on")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.on}"


class Activity(models.Model):
    """One application action, training, job-center session, job search, vacancy discussed or
    job interview of a worker (TRN-08)."""

    file = models.ForeignKey(TransitionFile, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("soort"), max_length=24, choices=ActivityKind.choices)
    on = models.DateField(_("datum"))
    training = models.CharField(_("training"), max_length=40, blank=True)  # rules.actions.TRAININGS
    training_form = models.CharField(
        _("vorm"), max_length=16, choices=TrainingForm.choices, blank=True
    )
    employer = models.ForeignKey(
        Employer, on_delete=models.SET_NULL, null=True, blank=True, related_name="activities"
    )
    vacancy = models.CharField(_("vacature"), max_length=300, blank=True)
    note = models.TextField(_("notitie"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    objects = FileQuerySet.as_manager()

    class Meta:
        verbose_name = _("sollicitatieactie")
        verbose_name_plural = _("sollicitatieacties")
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["kind", "on"], name="transition_activity_kind_on")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.on}"
