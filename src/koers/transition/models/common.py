"""Access for what a social-economy company keeps beside its workers' trajectories."""

from django.db import models


class OrganisationQuerySet(models.QuerySet):
    """Rows that belong to an organisation (its competence profile, assessment sessions,
    employers, checklists): seen by the organisation's members and by administrators."""

    def visible_to(self, user):
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_administrator:
            return self
        return self.filter(organisation_id__in=user.organisation_ids())


class FileQuerySet(models.QuerySet):
    """Rows that hang under a worker's transition file: seen as its trajectory is (core.access)."""

    def visible_to(self, user, path: str = "file__"):
        from koers.trajectories.models import Trajectory

        return self.filter(**{f"{path}trajectory__in": Trajectory.objects.visible_to(user)})
