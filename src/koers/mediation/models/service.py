"""MED-01: a service is a trajectory of the "mediation" programme plus these facts."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.access import VisibleQuerySet
from koers.core.models import Client
from koers.mediation.models.choices import (
    Advice,
    ClosingReason,
    ClosingWay,
    LadderState,
    ReturnTo,
    ServiceState,
    Tender,
)
from koers.mediation.rules import closing as closing_rules
from koers.mediation.rules import ladder, states
from koers.trajectories.models import Document, Trajectory


class ServiceQuerySet(VisibleQuerySet):
    """`visible_to(user)`: the services of the trajectories the user may see, as a condition on the
    joined trajectory (an `IN (visible trajectories)` list made SQLite build the list of a whole
    centre's trajectories for every read, issue 14)."""


class MediationService(models.Model):
    """MED-01: the service "intensieve bemiddeling" a VDAB mediator referred to the partner."""

    trajectory = models.OneToOneField(
        Trajectory, on_delete=models.CASCADE, related_name="mediation"
    )
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="mediations")
    ruleset_version = models.CharField(_("regelset"), max_length=40)
    # Blank only while the referral is incomplete (MED-01): no placeholder values.
    tender = models.CharField(_("tender"), max_length=16, choices=Tender.choices, blank=True)
    lot = models.CharField(_("perceel"), max_length=60, blank=True)
    vdab_mediator_name = models.CharField(_("VDAB-bemiddelaar"), max_length=200, blank=True)
    vdab_mediator_email = models.EmailField(_("e-mail VDAB-bemiddelaar"), blank=True)
    # The client's number at VDAB from the referral (issue 16: the PDFs showed Koers' own id).
    vdab_client_number = models.CharField(_("VDAB-klantnummer"), max_length=12, blank=True)
    work_points = models.JSONField(_("werkpunten"), default=list, blank=True)
    thresholds = models.JSONField(_("drempels"), default=list, blank=True)
    referral_date = models.DateField(_("datum toeleiding"))
    state = models.CharField(
        _("status"), max_length=16, choices=ServiceState.choices, default=ServiceState.REFERRED
    )
    ladder_state = models.CharField(
        max_length=16, choices=LadderState.choices, default=LadderState.ORDINARY_1
    )
    present_on = models.DateField(_("aanwezig op de eerste afspraak"), null=True, blank=True)
    mediation_started_on = models.DateField(_("start bemiddeling"), null=True, blank=True)
    closing_reason = models.CharField(
        _("reden afsluiting"), max_length=16, choices=ClosingReason.choices, blank=True
    )
    closing_due_on = models.DateField(_("ter afsluiting sinds"), null=True, blank=True)
    advice_deadline = models.DateField(_("eindadvies uiterlijk"), null=True, blank=True)
    closing_way = models.CharField(
        _("wijze van afsluiten"), max_length=16, choices=ClosingWay.choices, blank=True
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    advice = models.CharField(_("eindadvies"), max_length=16, choices=Advice.choices, blank=True)
    advice_remark = models.TextField(_("opmerking bij het eindadvies"), blank=True)
    advice_mail = models.BooleanField(_("mail eindadvies"), default=False)
    advice_print = models.BooleanField(_("print eindadvies"), default=False)
    advice_given_at = models.DateTimeField(null=True, blank=True)
    advice_document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    returned_to = models.CharField(
        _("bemiddeling terug bij VDAB"),
        max_length=16,
        choices=ReturnTo.choices,
        default=ReturnTo.NONE,
    )
    returned_reasons = models.JSONField(default=list, blank=True)
    vdab_signal = models.CharField(_("signaal aan VDAB"), max_length=200, blank=True)
    file_checklist = models.JSONField(default=dict, blank=True)  # MED-08: {"cv": true, ...}
    file_checklist_extra = models.JSONField(default=dict, blank=True)  # {"label": bool}
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("service intensieve bemiddeling")
        verbose_name_plural = _("services intensieve bemiddeling")
        indexes = [
            models.Index(fields=["state"], name="mediation_state"),
            # The lists' order (oldest referral first): read in index order, no sort (issue 14).
            models.Index(fields=["referral_date", "id"], name="mediation_referral_order"),
            # The figures per tender and lot of "klanten opvolgen" (every service of the
            # organisations): grouped from this index alone, in its order, no table read.
            models.Index(
                fields=[
                    "tender",
                    "lot",
                    "state",
                    "closing_reason",
                    "advice",
                    "returned_to",
                    "trajectory",
                ],
                name="mediation_outcome_figures",
            ),
            # Its stopped services of the last 90 days, newest first: a range of this index.
            models.Index(fields=["state", "closed_at"], name="mediation_state_closed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="closed") | Q(closed_at__isnull=False),
                name="mediation_closed_has_moment",
            ),
            models.CheckConstraint(
                condition=Q(advice="") | ~Q(closing_reason="max_duration") | ~Q(advice="reassess"),
                name="mediation_no_reassess_after_max_duration",
            ),
        ]

    def __str__(self) -> str:
        return f"Intensieve bemiddeling {self.get_tender_display()} — {self.client}"

    # ---- where the service stands: templates and views ask these, never compare strings ----

    @property
    def is_open(self) -> bool:
        return self.state not in states.ENDED_STATES

    @property
    def is_incomplete(self) -> bool:
        return self.state == ServiceState.INCOMPLETE

    @property
    def is_referred(self) -> bool:
        return self.state == ServiceState.REFERRED

    @property
    def is_mediating(self) -> bool:
        return self.state == ServiceState.MEDIATING

    @property
    def is_to_close(self) -> bool:
        return self.state == ServiceState.TO_CLOSE

    @property
    def is_closed(self) -> bool:
        return self.state == ServiceState.CLOSED

    @property
    def is_stopped(self) -> bool:
        return self.state == ServiceState.STOPPED

    @property
    def is_ended(self) -> bool:
        """Closed or stopped for absence: nothing can be added any more (MED-15)."""
        return not self.is_open

    @property
    def advice_options(self) -> tuple[closing_rules.Advice, ...]:
        """MED-14: the final advices allowed now; none unless the service is "ter afsluiting"."""
        if not self.is_to_close:
            return ()
        return closing_rules.advice_options(self.closing_reason)

    @property
    def ladder_done(self) -> bool:
        """MED-03/04: the first-appointment ladder ended (present, or stopped for absence)."""
        return self.ladder_state in ladder.TERMINAL

    @property
    def referral_missing(self) -> list[str]:
        """MED-01: what the referral still lacks before it is a "Nieuwe service"."""
        labels = {
            "tender": _("tender"),
            "lot": _("perceel"),
            "vdab_mediator_name": _("naam VDAB-bemiddelaar"),
            "vdab_mediator_email": _("e-mail VDAB-bemiddelaar"),
        }
        return [str(label) for name, label in labels.items() if not getattr(self, name).strip()]

    @property
    def partner_is_mediator(self) -> bool:
        """MED-04: from "present" on, until the red bar goes (MED-15/16)."""
        return self.present_on is not None
