"""BIL-04: the coach's company (the seller), the centre's legal billing entity (the buyer, beside
its working name: COM-01), invoices and credit notes with their lines, the numbering series, and
the delivery outbox.

An issued invoice is never edited or deleted: `Invoice` and `InvoiceLine` refuse a second save
and every delete (also through their querysets); a correction is a credit note that refers to
the invoice. Seller and buyer are copied into the invoice (`seller`, `buyer` JSON) when it is
issued, so a later edit of a company or an organisation changes no issued invoice. Numbers are
gapless per seller enterprise number, kind and year: `InvoiceSeries` is the row the issuing
transaction locks. A statement has at most one invoice that is not credited: after a credit note
the coach issues the statement again, a new invoice that names the credit note it follows
(`after_credit_note`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.billing.models.hours import Statement
from koers.billing.models.visibility import StaffOrOwnQuerySet
from koers.billing.rules.invoices import issued_edit_refusal
from koers.core.models import Organisation


class CoachCompany(models.Model):
    """The company under which a coach invoices the centre (one per coach, edited by the coach)."""

    coach = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="billing_company"
    )
    legal_name = models.CharField(_("naam van de onderneming"), max_length=200)
    enterprise_number = models.CharField(_("ondernemingsnummer"), max_length=10)
    vat_number = models.CharField(_("btw-nummer"), max_length=14)
    vat_exempt = models.BooleanField(
        _("vrijstellingsregeling kleine ondernemingen"),
        default=False,
        help_text=_("Btw-categorie E: 0 % btw, met de vermelding op de factuur."),
    )
    street = models.CharField(_("straat en nummer"), max_length=200)
    postal_code = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("gemeente"), max_length=100)
    country = models.CharField(_("land"), max_length=2, default="BE")
    iban = models.CharField(_("rekeningnummer (IBAN)"), max_length=34)
    email = models.EmailField(_("e-mail"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("onderneming van een coach")
        verbose_name_plural = _("ondernemingen van coaches")

    def __str__(self) -> str:
        return self.legal_name


class CentreBillingDetails(models.Model):
    """The centre's legal billing entity beside `core.Organisation` (which keeps the legal `name`,
    the `working_name` and the `enterprise_number`): VAT number, the admin address, invoice e-mail."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.PROTECT, related_name="billing_details"
    )
    vat_number = models.CharField(_("btw-nummer"), max_length=14, blank=True)
    street = models.CharField(_("straat en nummer"), max_length=200)
    postal_code = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("gemeente"), max_length=100)
    country = models.CharField(_("land"), max_length=2, default="BE")
    email = models.EmailField(_("e-mail voor facturen"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("facturatiegegevens van een centrum")
        verbose_name_plural = _("facturatiegegevens van centra")

    def __str__(self) -> str:
        return f"Facturatiegegevens {self.organisation_id}"


class InvoiceKind(models.TextChoices):
    INVOICE = "invoice", _("Factuur")
    CREDIT_NOTE = "credit_note", _("Creditnota")


class InvoiceSeries(models.Model):
    """One gapless numbering series: the seller's enterprise number (the legal issuer, so two
    coaches of one company share it), the kind and the calendar year. The issuing transaction
    locks this row, takes `last_sequence + 1` and saves it with the invoice."""

    seller_enterprise_number = models.CharField(max_length=10)
    kind = models.CharField(max_length=16, choices=InvoiceKind.choices)
    year = models.PositiveSmallIntegerField()
    last_sequence = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["seller_enterprise_number", "kind", "year"], name="invoice_series_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.seller_enterprise_number} {self.kind} {self.year}"


def _refuse_edit():
    raise ValidationError(str(issued_edit_refusal()), code="issued")


class WrittenOnceQuerySet(models.QuerySet):
    """Bulk writes would slip past `save()`: they are refused too."""

    def update(self, **kwargs):
        _refuse_edit()

    def delete(self):
        _refuse_edit()


class IssuedQuerySet(WrittenOnceQuerySet, StaffOrOwnQuerySet):
    """`visible_to(user)`: a coach their own invoices, centre staff their centre's."""


class Invoice(models.Model):
    """An issued invoice (or credit note) of a coach's company to a centre. Written once."""

    kind = models.CharField(_("soort"), max_length=16, choices=InvoiceKind.choices)
    number = models.CharField(_("nummer"), max_length=20)
    issue_date = models.DateField(_("factuurdatum"))
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    seller_enterprise_number = models.CharField(max_length=10)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="billing_invoices"
    )
    centre = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="invoices")
    credited_invoice = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_notes",
        verbose_name=_("gecrediteerde factuur"),
    )
    # A statement's invoice issued again after a full credit note: the credit note it follows.
    after_credit_note = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reissues",
        verbose_name=_("opnieuw uitgereikt na creditnota"),
    )
    # The parties as they were when issued (koers.billing.models.invoice_values.party_json).
    seller = models.JSONField(_("verkoper"))
    buyer = models.JSONField(_("koper"))
    vat = models.JSONField(_("btw-overzicht"))
    buyer_reference = models.CharField(max_length=100)
    period = models.DateField(null=True, blank=True)  # the statement's month (first day)
    currency = models.CharField(max_length=3, default="EUR")
    payment_terms = models.CharField(max_length=200)
    note = models.TextField(_("vermelding"), blank=True)
    net_total = models.DecimalField(_("totaal zonder btw"), max_digits=12, decimal_places=2)
    vat_total = models.DecimalField(_("btw"), max_digits=12, decimal_places=2)
    payable = models.DecimalField(_("te betalen"), max_digits=12, decimal_places=2)
    ubl_xml = models.BinaryField(_("UBL-XML"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["ubl_xml"])

    objects = IssuedQuerySet.as_manager()

    class Meta:
        verbose_name = _("factuur")
        verbose_name_plural = _("facturen")
        ordering = ["-issue_date", "-pk"]
        constraints = [
            # At most one uncredited invoice per statement (see docs/decisions.md, "BIL-04 —
            # issuing a statement again"): one first invoice, and every further one follows its
            # own credit note; the service checks under the statement lock that this credit
            # note credits the statement's last invoice.
            models.UniqueConstraint(
                fields=["statement"],
                condition=Q(kind="invoice", after_credit_note__isnull=True),
                name="invoice_first_once_per_statement",
            ),
            models.UniqueConstraint(
                fields=["after_credit_note"], name="invoice_once_after_credit_note"
            ),
            models.CheckConstraint(
                condition=Q(kind="invoice") | Q(after_credit_note__isnull=True),
                name="only_an_invoice_follows_a_credit_note",
            ),
            models.UniqueConstraint(
                fields=["credited_invoice"],
                condition=Q(kind="credit_note"),
                name="credit_note_once_per_invoice",
            ),
            models.UniqueConstraint(
                fields=["seller_enterprise_number", "kind", "year", "sequence"],
                name="invoice_number_once_per_series",
            ),
            models.CheckConstraint(
                condition=(Q(kind="invoice") & Q(credited_invoice__isnull=True))
                | (Q(kind="credit_note") & Q(credited_invoice__isnull=False)),
                name="credit_note_refers_to_invoice",
            ),
            models.CheckConstraint(condition=Q(sequence__gte=1), name="invoice_sequence_from_1"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            _refuse_edit()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_edit()

    @property
    def is_credit_note(self) -> bool:
        return self.kind == InvoiceKind.CREDIT_NOTE


class InvoiceLine(models.Model):
    """One line as issued: "Loopbaanbegeleiding <client>", hours (HUR), the rate, the amount."""

    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="lines")
    line_id = models.CharField(max_length=10)
    client_name = models.CharField(_("cliënt"), max_length=200)
    voucher = models.CharField(_("cheque"), max_length=20)
    quantity = models.DecimalField(_("uren"), max_digits=9, decimal_places=2)
    price = models.DecimalField(_("uurtarief"), max_digits=7, decimal_places=2)
    amount = models.DecimalField(_("bedrag"), max_digits=12, decimal_places=2)
    vat_category = models.CharField(max_length=2)
    vat_percent = models.DecimalField(max_digits=5, decimal_places=2)
    note = models.CharField(_("correctie"), max_length=2000, blank=True)

    objects = WrittenOnceQuerySet.as_manager()

    class Meta:
        ordering = ["invoice_id", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["invoice", "line_id"], name="invoice_line_once")
        ]

    def __str__(self) -> str:
        return f"Lijn {self.line_id} van {self.invoice_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            _refuse_edit()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_edit()


class InvoiceDelivery(models.Model):
    """The outbox of an issued document through the delivery backend (KOERS_PEPPOL_BACKEND): when
    it was delivered and the backend's receipt; a failure is recorded and the sweep retries. Kept
    apart so that the invoice row itself never changes."""

    invoice = models.OneToOneField(Invoice, on_delete=models.PROTECT, related_name="delivery")
    backend = models.CharField(max_length=200, blank=True)
    delivered_at = models.DateTimeField(_("bezorgd op"), null=True, blank=True)
    receipt = models.CharField(_("ontvangstbewijs"), max_length=500, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Bezorging {self.invoice_id}"
