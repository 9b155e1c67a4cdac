"""Access for what a social-economy company keeps beside its workers' trajectories."""

from django.db import models

from koers.core.access import trajectory_condition


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
        # A condition on the joined trajectory (not `IN (subquery)`), so the planner may start
        # from the narrowest index (issue 14).
        condition = trajectory_condition(user, f"{path}trajectory__")
        return self if condition is None else self.filter(condition)
