"""TRN-04/05: an organisation's competence profile, with behavioural indicators on the SAM scale."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.models import Organisation
from koers.transition.models.choices import CompetenceGroup
from koers.transition.models.common import OrganisationQuerySet


class Competence(models.Model):
    """One competence of an organisation's profile: the seed's 18 are seeded (TRN-04); an
    organisation switches them off or adds its own."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="competences"
    )
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("naam"), max_length=200)
    group = models.CharField(_("groep"), max_length=16, choices=CompetenceGroup.choices)
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    active = models.BooleanField(_("in het profiel"), default=True)
    from_seed = models.BooleanField(default=False)
    definition = models.TextField(_("definitie"), blank=True)
    history = HistoricalRecords()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("competentie")
        verbose_name_plural = _("competenties")
        ordering = ["organisation", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="transition_competence_code_once"
            )
        ]

    def __str__(self) -> str:
        return self.name


class IndicatorRow(models.Model):
    """TRN-05: one behaviour described on each of the four SAM levels."""

    competence = models.ForeignKey(Competence, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveIntegerField(default=0)
    insufficient = models.TextField(_("onvoldoende"))
    moderate = models.TextField(_("matig"))
    good = models.TextField(_("goed"))
    very_good = models.TextField(_("zeer goed"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gedragsindicator")
        verbose_name_plural = _("gedragsindicatoren")
        ordering = ["competence", "position", "id"]

    def __str__(self) -> str:
        return f"{self.competence} — {self.good[:40]}"

    @property
    def levels(self) -> tuple[str, str, str, str]:
        return (self.insufficient, self.moderate, self.good, self.very_good)
