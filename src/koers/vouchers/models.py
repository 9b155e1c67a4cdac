"""Career vouchers (LBC): a voucher is a trajectory of the "voucher" programme plus these facts."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.core.access import trajectory_condition
from koers.core.models import Client, Organisation
from koers.trajectories.models import (
    Contact,
    Document,
    DocumentKind,
    Trajectory,
    TrajectoryStatus,
)


class VoucherQuerySet(models.QuerySet):
    def visible_to(self, user):
        """As `trajectory IN (...)`: a list pages through the vouchers' own index (issue 14)."""
        return self.filter(trajectory__in=Trajectory.objects.visible_to(user))

    def visible_by_join(self, user):
        """The same, on the joined trajectory: a dashboard's count may start from a narrower
        index (an evaluation out, a synthesis day) than every trajectory of the centre."""
        condition = trajectory_condition(user, "trajectory__")
        return self if condition is None else self.filter(condition)


class CodeOfConductHandover(models.TextChoices):
    """LBC-11.2: the code of conduct is handed over or e-mailed to the client."""

    GIVEN = "given", _("Meegegeven")
    EMAILED = "emailed", _("Gemaild")


class ClosingReason(models.TextChoices):
    """Why a voucher was closed before its hours were complete."""

    CLIENT_STOPPED = "client_stopped", _("De cliënt stopte met de begeleiding")
    MOVED = "moved", _("De cliënt verhuisde")
    NO_LONGER_NEEDED = "no_longer_needed", _("De cliënt heeft geen verdere begeleiding nodig")
    UNREACHABLE = "unreachable", _("De cliënt is niet meer bereikbaar")
    OTHER = "other", _("Andere reden")


class VideoConsent(models.TextChoices):
    """LBC-06: e-coaching only with the client's consent or at their request."""

    CONSENT = "consent", _("De cliënt gaat akkoord met e-coaching (videogesprek)")
    REQUEST = "request", _("Op vraag van de cliënt")


class Voucher(models.Model):
    trajectory = models.OneToOneField(Trajectory, on_delete=models.CASCADE, related_name="voucher")
    # Denormalised from the trajectory so the database can guard "one voucher 1, one voucher 2".
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="vouchers")
    number = models.PositiveSmallIntegerField(_("chequenummer"))
    ruleset_version = models.CharField(_("regelset"), max_length=40)
    career_question = models.TextField(_("loopbaanvraag"), blank=True)
    intake_topics = models.JSONField(_("intake-onderwerpen"), default=list, blank=True)
    scope_warnings = models.JSONField(default=list, blank=True)
    scope_resolution = models.TextField(_("toelichting loopbaanbegeleiding"), blank=True)
    scope_resolved_at = models.DateTimeField(null=True, blank=True)
    scope_resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    synthesis_date = models.DateField(_("datum synthesegesprek"), null=True, blank=True)
    combined_pop = models.BooleanField(_("gecombineerd POP (cheque 1 en 2)"), default=False)
    pop_checklist_only = models.BooleanField(
        _("cliënt houdt POP privé (Checklist POP)"), default=False
    )
    aftercare_informed_at = models.DateTimeField(
        _("cliënt ingelicht over nazorg"), null=True, blank=True
    )
    code_of_conduct_handed_on = models.DateField(
        _("gedragscode overhandigd op"), null=True, blank=True
    )
    code_of_conduct_handed_how = models.CharField(
        _("gedragscode overhandigd"),
        max_length=16,
        choices=CodeOfConductHandover.choices,
        blank=True,
    )
    closed_incomplete = models.BooleanField(_("afgesloten, onvolledig"), default=False)
    closing_reason = models.CharField(
        _("reden van afsluiten"), max_length=24, choices=ClosingReason.choices, blank=True
    )
    closing_note = models.TextField(_("toelichting bij het afsluiten"), blank=True)
    # The dossier points still open when the coach closed the voucher, as shown in the confirmation.
    closing_open_points = models.JSONField(default=list, blank=True)
    video_consent = models.CharField(
        _("e-coaching: akkoord of vraag van de cliënt"),
        max_length=16,
        choices=VideoConsent.choices,
        blank=True,
    )
    video_consent_on = models.DateField(
        _("e-coaching: akkoord genoteerd op"), null=True, blank=True
    )
    evaluation_invited_on = models.DateField(null=True, blank=True)
    evaluation_reminders_sent = models.PositiveSmallIntegerField(default=0)
    evaluation_last_sent_on = models.DateField(null=True, blank=True)
    evaluation_received_on = models.DateField(_("evaluatie ontvangen"), null=True, blank=True)
    evaluation_correspondence_added_on = models.DateField(null=True, blank=True)
    certificate_issued_at = models.DateTimeField(null=True, blank=True)
    certificate_training = models.CharField(
        _("opleiding op het attest"), max_length=200, blank=True
    )
    history = HistoricalRecords()

    objects = VoucherQuerySet.as_manager()

    class Meta:
        verbose_name = _("loopbaancheque")
        verbose_name_plural = _("loopbaancheques")
        constraints = [
            models.UniqueConstraint(fields=["client", "number"], name="voucher_one_per_number"),
            models.CheckConstraint(condition=Q(number__in=[1, 2]), name="voucher_number_1_or_2"),
        ]
        indexes = [
            # The dashboards' work (issue 14): aftercare windows closing by synthesis day
            # (LBC-18), evaluations still out (LBC-15) among the few that are.
            models.Index(fields=["synthesis_date"], name="voucher_synthesis"),
            models.Index(
                fields=["trajectory"],
                condition=Q(
                    evaluation_received_on__isnull=True,
                    evaluation_correspondence_added_on__isnull=True,
                ),
                name="voucher_evaluation_out",
            ),
        ]

    def __str__(self) -> str:
        return f"Loopbaancheque {self.number} — {self.client}"

    @property
    def is_open(self) -> bool:
        """Its trajectory is planned or active: contacts and actions may still be added."""
        return self.trajectory.status in (TrajectoryStatus.PLANNED, TrajectoryStatus.ACTIVE)

    @property
    def keeps_combined_pop(self) -> bool:
        """LBC-13: voucher 2 of a combined POP, where the one POP for both is written."""
        return self.combined_pop and self.number == 2

    @property
    def pop_follows_with_voucher_2(self) -> bool:
        """LBC-13: voucher 1 of a combined POP: its POP is delivered with voucher 2."""
        return self.combined_pop and self.number == 1


class VoucherPrint(models.Model):
    """What a generated voucher PDF showed when it was printed (LBC-11): the contacts on an
    attendance sheet (each with its own signature line), and whether the POP printed was final."""

    document = models.OneToOneField(
        Document, on_delete=models.CASCADE, related_name="voucher_print"
    )
    contacts = models.ManyToManyField(Contact, blank=True, related_name="attendance_sheets")
    pop_finalised = models.BooleanField(default=False)
    printed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Afdruk {self.document_id}"

    @property
    def is_attendance_sheet(self) -> bool:
        return self.document.kind == DocumentKind.ATTENDANCE

    @property
    def is_pop(self) -> bool:
        return self.document.kind == DocumentKind.PLAN


class VoucherSettings(models.Model):
    """A centre's choices where the seeds differ (LBC-12: warn or refuse a POP without actions)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="voucher_settings"
    )
    pop_requires_actions = models.BooleanField(
        _("POP zonder concrete acties weigeren"),
        default=False,
        help_text=_(
            "Uit: Koers waarschuwt. Aan: een POP zonder concrete acties kan niet gefinaliseerd worden."
        ),
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Instellingen loopbaancheques {self.organisation}"


class GroupSession(models.Model):
    """LBC-05: a group session; each participant's hours go to their own voucher."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="group_sessions"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="group_sessions"
    )
    theme = models.CharField(_("thema"), max_length=200)
    method = models.TextField(_("methodiek"), blank=True)
    starts_at = models.DateTimeField(_("start"))
    duration_minutes = models.PositiveIntegerField(_("duur (minuten)"))
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    aims_at_reflection = models.BooleanField(
        _("thema gericht op reflectie en zelfinzicht over loopbaancompetenties"), default=False
    )
    part_of_other_service = models.BooleanField(
        _("onderdeel van andere dienstverlening"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("groepssessie")
        verbose_name_plural = _("groepssessies")
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.theme


class GroupParticipant(models.Model):
    session = models.ForeignKey(GroupSession, on_delete=models.CASCADE, related_name="participants")
    voucher = models.ForeignKey(
        Voucher, on_delete=models.PROTECT, related_name="group_participations"
    )
    contact = models.OneToOneField(
        Contact, on_delete=models.CASCADE, related_name="group_participation"
    )
    employer = models.CharField(_("werkgever"), max_length=200, blank=True)
    free_choice = models.BooleanField(_("vrije keuze van de cliënt"), default=False)
    linked_to_question = models.BooleanField(
        _("besproken en gekoppeld aan de loopbaanvraag"), default=False
    )
    may_stop_and_switch = models.BooleanField(
        _(
            "kan altijd stoppen en kiezen voor individuele gesprekken; kiest zelf de graad van deelname"
        ),
        default=False,
    )
    feedback_contact = models.ForeignKey(
        Contact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="group_feedback",
        verbose_name=_("inzichten teruggekoppeld in het individuele gesprek"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "voucher"], name="group_participant_once"),
        ]

    def __str__(self) -> str:
        return f"{self.voucher} @ {self.session}"


class IntroductionContact(models.Model):
    """Marks a contact as the free introductory conversation (INT-08): never counted."""

    contact = models.OneToOneField(Contact, on_delete=models.CASCADE, related_name="introduction")

    def __str__(self) -> str:
        return f"Kennismaking {self.contact_id}"


class InterimEvaluation(models.Model):
    """LBC-16: "is it going as you wished? anything you would do differently?"."""

    voucher = models.ForeignKey(
        Voucher, on_delete=models.CASCADE, related_name="interim_evaluations"
    )
    held_on = models.DateField(_("datum"))
    going_as_wished = models.TextField(_("Loopt het traject naar wens?"))
    would_change = models.TextField(_("Wat zou je anders willen?"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"Tussentijdse evaluatie {self.held_on}"


class AftercareEntry(models.Model):
    """LBC-18: aftercare, its own registration type, outside the 4 hours and never invoiced."""

    class Form(models.TextChoices):
        SESSION = "session", _("Mini-sessie")
        EMAIL = "email", _("E-mail")
        PHONE = "phone", _("Telefoon")
        VIDEO = "video", _("Videogesprek")

    voucher = models.ForeignKey(Voucher, on_delete=models.CASCADE, related_name="aftercare")
    on = models.DateField(_("datum"))
    minutes = models.PositiveIntegerField(_("minuten"))
    form = models.CharField(_("vorm"), max_length=16, choices=Form.choices)
    note = models.TextField(_("vraag en antwoord"), blank=True)
    evidence = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["on"]
        constraints = [
            models.CheckConstraint(condition=Q(minutes__gt=0), name="aftercare_minutes_positive")
        ]

    def __str__(self) -> str:
        return f"Nazorg {self.on} ({self.minutes} min)"


class EvaluationResponse(models.Model):
    """LBC-15: the client's evaluation of the voucher. No name is asked; it is linked to the voucher
    so the dossier shows it came in, and the coach gets a copy."""

    voucher = models.OneToOneField(Voucher, on_delete=models.CASCADE, related_name="evaluation")
    satisfaction = models.PositiveSmallIntegerField(_("tevredenheid (1–5)"))
    helped = models.PositiveSmallIntegerField(_("heeft de begeleiding je geholpen? (1–5)"))
    learned = models.TextField(_("wat heb je geleerd?"), blank=True)
    would_recommend = models.BooleanField(_("zou je het aanraden?"), default=True)
    remarks = models.TextField(_("opmerkingen"), blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(satisfaction__gte=1, satisfaction__lte=5, helped__gte=1, helped__lte=5),
                name="evaluation_scores_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"Evaluatie {self.voucher_id}"


class CountedContact(models.Model):
    """What the judged replay (LBC-02..08) counts of one held contact of a voucher, kept by
    `services.counting` whenever the voucher, one of its contacts or their proofs change: the
    billing hours (BIL-02/03) read these rows instead of replaying a coach's year of vouchers
    on every request (issue 14). Only contacts that count (minutes > 0) have a row.

    A cache of the replay, never a source: `recount_vouchers` rebuilds it from the contacts.
    No database constraints on purpose: a recount can run in the middle of a cascade delete,
    and the last recount of that delete leaves the rows right."""

    contact_id = models.BigIntegerField(primary_key=True)
    trajectory_id = models.BigIntegerField(db_index=True)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    starts_at = models.DateTimeField()
    counted_minutes = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["staff", "starts_at"], name="counted_staff_start")]

    def __str__(self) -> str:
        return f"{self.contact_id}: {self.counted_minutes} min"


class DossierTally(models.Model):
    """The dossier checklist of one voucher (LBC-11/13/15, and a proof of each aftercare contact,
    LBC-18) as last judged: what is still missing. Kept by `services.dossier_tally` whenever the
    voucher, a contact, a document, the POP or the aftercare change, so the dashboards and the
    trajectory list read a voucher's dossier state without replaying its contacts (issue 14).

    A cache of the judgement, never a source: `recount_vouchers` rebuilds it. No constraints, as
    `CountedContact`."""

    trajectory_id = models.BigIntegerField(primary_key=True)
    open_points = models.PositiveSmallIntegerField(db_index=True)
    missing = models.JSONField(default=list)  # the missing pieces, as stored phrases

    def __str__(self) -> str:
        return f"{self.trajectory_id}: {self.open_points} open"
