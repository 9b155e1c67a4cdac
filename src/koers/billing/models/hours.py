"""BIL-02 and BIL-03: hours entered at VDAB, the coach's rates, monthly statements and their
corrections, and the outbox of statement mails.

Database guards: an hour is entered once (one entry per contact) and settled at most once (one
`StatementHour` per entry); a statement exists once per coach and month; a rate ends after it
starts (overlap between a coach's rates is the pure rule `rates_refusal`, checked under a lock).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.billing.models.visibility import StaffOrOwnQuerySet
from koers.core.access import trajectory_condition
from koers.core.models import Organisation
from koers.trajectories.models import Contact


class HourEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_administrator:
            return self
        condition = Q(coach=user)
        trajectories = trajectory_condition(user, "contact__trajectory__")
        if user.is_centre_staff and trajectories is not None:
            condition |= trajectories
        aftercare = trajectory_condition(user, "aftercare__voucher__trajectory__")
        if user.is_centre_staff and aftercare is not None:
            condition |= aftercare
        return self.filter(condition)


class HourEntry(models.Model):
    """BIL-02: a counted contact marked "ingegeven bij VDAB" by its coach, with the date; or an
    aftercare conversation (registered at VDAB, never billable: settlement reads only contacts)."""

    contact = models.OneToOneField(
        Contact, on_delete=models.PROTECT, null=True, blank=True, related_name="vdab_entry"
    )
    # A string reference: billing never imports the voucher programme (the independence contract).
    aftercare = models.OneToOneField(
        "vouchers.AftercareEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vdab_entry",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="vdab_entries"
    )
    day = models.DateField(_("dag van de begeleiding"))
    entered_on = models.DateField(_("ingegeven bij VDAB op"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = HourEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("uur ingegeven bij VDAB")
        verbose_name_plural = _("uren ingegeven bij VDAB")
        constraints = [
            models.CheckConstraint(
                condition=Q(entered_on__gte=F("day")), name="hour_entry_not_before_hour"
            ),
            models.CheckConstraint(
                condition=Q(contact__isnull=False, aftercare__isnull=True)
                | Q(contact__isnull=True, aftercare__isnull=False),
                name="hour_entry_contact_or_aftercare",
            ),
        ]
        indexes = [models.Index(fields=["coach", "entered_on"], name="hour_entry_coach_entered")]

    def __str__(self) -> str:
        return f"Uur {self.day} ingegeven op {self.entered_on}"


class CoachRate(models.Model):
    """BIL-04: a coach's hourly rate at a centre, from the rule set's allowed rates, for a period."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="billing_rates"
    )
    centre = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    rate = models.DecimalField(_("uurtarief"), max_digits=7, decimal_places=2)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    objects = StaffOrOwnQuerySet.as_manager()

    class Meta:
        verbose_name = _("uurtarief")
        verbose_name_plural = _("uurtarieven")
        ordering = ["coach_id", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="coach_rate_ends_after_start",
            ),
            models.CheckConstraint(condition=Q(rate__gt=0), name="coach_rate_positive"),
        ]

    def __str__(self) -> str:
        return f"€ {self.rate} vanaf {self.valid_from}"


class Statement(models.Model):
    """BIL-03: a coach's monthly statement; never edited, corrected by `StatementCorrection`."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="billing_statements"
    )
    centre = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("maand"))  # the month's first day
    total = models.DecimalField(_("totaal"), max_digits=10, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = StaffOrOwnQuerySet.as_manager()

    class Meta:
        verbose_name = _("afrekening")
        verbose_name_plural = _("afrekeningen")
        ordering = ["-month", "coach_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["coach", "month"], name="statement_once_per_coach_month"
            ),
            models.CheckConstraint(condition=Q(month__day=1), name="statement_month_first_day"),
        ]

    def __str__(self) -> str:
        return f"Afrekening {self.month:%m/%Y}"

    @property
    def label(self) -> str:
        """How a left-out hour names the statement that carries it."""
        return f"{self.month:%m/%Y}"


class StatementLine(models.Model):
    """One client, voucher and rate on a statement: minutes and amount (rounded half up)."""

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="lines")
    client_name = models.CharField(_("cliënt"), max_length=200)
    voucher = models.CharField(_("cheque"), max_length=20)
    rate = models.DecimalField(_("uurtarief"), max_digits=7, decimal_places=2)
    minutes = models.PositiveIntegerField(_("minuten"))
    amount = models.DecimalField(_("bedrag"), max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["client_name", "voucher", "rate"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "client_name", "voucher", "rate"],
                name="statement_line_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.client_name} cheque {self.voucher}: {self.minutes} min"


class StatementHour(models.Model):
    """Which entered hour a line settles: the one-to-one makes an hour settled at most once."""

    line = models.ForeignKey(StatementLine, on_delete=models.PROTECT, related_name="hours")
    entry = models.OneToOneField(HourEntry, on_delete=models.PROTECT, related_name="settled")
    minutes = models.PositiveIntegerField(_("minuten"))  # as counted when settled

    def __str__(self) -> str:
        return f"Uur {self.entry_id} op lijn {self.line_id}"


class StatementCorrection(models.Model):
    """BIL-03: a visible correction of a closed statement (signed minutes of one line's client,
    voucher and rate), with the reason; the statement itself is never changed."""

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="corrections")
    client_name = models.CharField(_("cliënt"), max_length=200)
    voucher = models.CharField(_("cheque"), max_length=20)
    rate = models.DecimalField(_("uurtarief"), max_digits=7, decimal_places=2)
    minutes = models.IntegerField(_("minuten"))
    amount = models.DecimalField(_("bedrag"), max_digits=10, decimal_places=2)
    note = models.TextField(_("reden"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(minutes=0), name="statement_correction_nonzero")
        ]

    def __str__(self) -> str:
        return f"Correctie {self.minutes:+d} min: {self.note}"


class StatementMail(models.Model):
    """The outbox: the statement mail to the coach, recorded with the statement and sent after
    commit; the sweep retries what is not sent (a mail server down loses nothing)."""

    statement = models.OneToOneField(Statement, on_delete=models.PROTECT, related_name="mail")
    recipient = models.EmailField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Mail afrekening {self.statement_id}"
