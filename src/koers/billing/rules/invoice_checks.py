"""BIL-04: what Koers checks itself before an invoice or credit note is issued — the rules of
EN 16931 and Peppol BIS Billing 3.0 it can check in Python (mandatory fields, totals BR-CO-10..16,
the VAT breakdown BR-S-*/BR-E-*, the Belgian enterprise number with scheme 0208), and the
enterprise number, VAT number and IBAN validated with python-stdnum.

Each problem is a `Reason` whose rule is the published rule's ID (docs.peppol.eu, Peppol BIS
Billing 3.0 → Rules), or BIL-04 where the check is Koers' own. An invoice with a problem is not
issued. The official validator (UBL schema, CEN and Peppol Schematron) runs in the tests.

Pure: no Django (python-stdnum is plain Python).
"""

from stdnum import iban as stdnum_iban
from stdnum.be import vat as stdnum_be_vat
from stdnum.exceptions import ValidationError

from koers.billing.rules.invoices import CREDIT_NOTE, ZERO, Invoice, Party
from koers.billing.rules.ruleset import BillingRuleset
from koers.billing.rules.statements import money
from koers.lib.rules import Reason, reason


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit())


def enterprise_number_refusal(number: str, who: str) -> Reason | None:
    """PEPPOL-COMMON-R043: a Belgian enterprise number (scheme 0208) is 10 digits, mod 97."""
    digits = _digits(number)
    if len(digits) == 10 and stdnum_be_vat.is_valid(digits):
        return None
    return reason(
        "PEPPOL-COMMON-R043",
        "Het ondernemingsnummer van {who} ({number}) is geen geldig Belgisch ondernemingsnummer.",
        who=who,
        number=number,
    )


def vat_number_refusal(party: Party, who: str) -> Reason | None:
    """BIL-04: a Belgian VAT number is valid and is "BE" + the enterprise number."""
    vat = party.vat_number or ""
    try:
        compact = stdnum_be_vat.validate(vat)
    except ValidationError:
        return reason(
            "BIL-04", "Het btw-nummer van {who} ({number}) is ongeldig.", who=who, number=vat
        )
    if not vat.upper().replace(" ", "").startswith("BE"):
        return reason("BIL-04", "Schrijf het btw-nummer van {who} met BE ervoor.", who=who)
    if compact != _digits(party.enterprise_number):
        return reason(
            "BIL-04",
            "Het btw-nummer van {who} hoort niet bij het ondernemingsnummer.",
            who=who,
        )
    return None


def iban_refusal(account: str | None) -> Reason | None:
    """BIL-04 (and BR-61): the seller's account the centre pays to is a valid IBAN."""
    if not account:
        return Reason("BR-61", "Geef het rekeningnummer (IBAN) waarop het centrum betaalt.")
    if stdnum_iban.is_valid(account):
        return None
    return reason("BIL-04", "Het rekeningnummer {iban} is geen geldig IBAN.", iban=account)


def party_problems(party: Party, role: str) -> list[Reason]:
    """Mandatory fields of a seller (BR-06, BR-08, BR-09) or buyer (BR-07, BR-10, BR-11)."""
    seller = role == "seller"
    who = "de verkoper" if seller else "de koper"
    problems: list[Reason] = []
    if not party.name.strip():
        problems.append(reason("BR-06" if seller else "BR-07", "Geef de naam van {who}.", who=who))
    address = party.address
    if not (address.street.strip() and address.city.strip() and address.postal_code.strip()):
        problems.append(
            reason("BR-08" if seller else "BR-10", "Geef het volledige adres van {who}.", who=who)
        )
    if len(address.country) != 2:
        problems.append(
            reason("BR-09" if seller else "BR-11", "Geef de landcode van {who} (BE).", who=who)
        )
    refused = enterprise_number_refusal(party.enterprise_number, who)
    if refused:
        problems.append(refused)
    if seller or party.vat_number:
        refused = vat_number_refusal(party, who)
        if refused:
            problems.append(refused)
    if seller:
        refused = iban_refusal(party.iban)
        if refused:
            problems.append(refused)
    return problems


def _line_problems(invoice: Invoice, ruleset: BillingRuleset) -> list[Reason]:
    problems: list[Reason] = []
    if not invoice.lines:
        problems.append(Reason("BR-16", "Een factuur heeft minstens één lijn."))
    for line in invoice.lines:
        if money(line.quantity * line.price) != line.amount:
            problems.append(
                reason(
                    "PEPPOL-EN16931-R120",
                    "Lijn {line}: het bedrag is niet het aantal uren maal het tarief.",
                    line=line.line_id,
                )
            )
        if line.price not in ruleset.allowed_hourly_rates:
            problems.append(
                reason(
                    "BIL-04", "Lijn {line}: dit uurtarief is niet toegelaten.", line=line.line_id
                )
            )
        if line.unit_code != "HUR" or not line.client_name.strip():
            problems.append(
                reason(
                    "BIL-04",
                    "Lijn {line}: vermeld de cliënt en de uren begeleiding.",
                    line=line.line_id,
                )
            )
    return problems


_TOTALS = {
    "BR-CO-10": Reason("BR-CO-10", "Het totaal van de lijnen is niet de som van de lijnbedragen."),
    "BR-CO-11": Reason("BR-CO-11", "Koers geeft geen kortingen op de hele factuur."),
    "BR-CO-12": Reason("BR-CO-12", "Koers rekent geen toeslagen op de hele factuur aan."),
    "BR-CO-13": Reason(
        "BR-CO-13", "Het totaal zonder btw is niet lijnen min kortingen plus toeslagen."
    ),
    "BR-CO-14": Reason("BR-CO-14", "Het btw-totaal is niet de som van de btw per categorie."),
    "BR-CO-15": Reason("BR-CO-15", "Het totaal met btw is niet het totaal zonder btw plus de btw."),
    "BR-CO-16": Reason(
        "BR-CO-16", "Het te betalen bedrag is niet het totaal met btw min wat al betaald is."
    ),
}


def _total_problems(invoice: Invoice) -> list[Reason]:
    t = invoice.totals
    ok = {
        "BR-CO-10": t.line_extension == sum((x.amount for x in invoice.lines), ZERO),
        "BR-CO-11": t.allowance_total == ZERO,
        "BR-CO-12": t.charge_total == ZERO,
        "BR-CO-13": t.tax_exclusive == t.line_extension - t.allowance_total + t.charge_total,
        "BR-CO-14": t.tax_total == sum((s.tax for s in invoice.vat), ZERO),
        "BR-CO-15": t.tax_inclusive == t.tax_exclusive + t.tax_total,
        "BR-CO-16": t.payable == t.tax_inclusive - t.prepaid + t.rounding,
    }
    return [_TOTALS[rule] for rule, holds in ok.items() if not holds]


def _vat_problems(invoice: Invoice, ruleset: BillingRuleset) -> list[Reason]:
    """BR-S-* and BR-E-*: the breakdown per category matches the lines and the registration."""
    problems: list[Reason] = []
    std, exempt = ruleset.vat_standard_category, ruleset.vat_exempt_category
    expected = exempt if invoice.seller.vat_exempt else std
    if any(line.vat_category != expected for line in invoice.lines):
        problems.append(
            reason(
                "BIL-04",
                "De btw-categorie van de lijnen volgt de registratie van de verkoper: {category}.",
                category=expected,
            )
        )
    subtotals = {(s.category, s.percent): s for s in invoice.vat}
    for line in invoice.lines:
        if line.vat_category == std and line.vat_percent <= 0:
            problems.append(
                Reason("BR-S-05", "Een lijn met normaal btw-tarief heeft een tarief boven 0 %.")
            )
        if line.vat_category == exempt and line.vat_percent != 0:
            problems.append(Reason("BR-E-05", "Een vrijgestelde lijn heeft btw-tarief 0 %."))
        if (line.vat_category, line.vat_percent) not in subtotals:
            rule = "BR-E-01" if line.vat_category == exempt else "BR-S-01"
            problems.append(
                reason(
                    rule,
                    "Er ontbreekt een btw-overzicht voor categorie {category}.",
                    category=line.vat_category,
                )
            )
    for sub in invoice.vat:
        taxable = sum(
            (
                x.amount
                for x in invoice.lines
                if (x.vat_category, x.vat_percent) == (sub.category, sub.percent)
            ),
            ZERO,
        )
        is_exempt = sub.category == exempt
        if sub.taxable != taxable:
            problems.append(
                Reason(
                    "BR-E-08", "Het vrijgestelde bedrag is niet de som van de vrijgestelde lijnen."
                )
                if is_exempt
                else Reason(
                    "BR-S-08", "Het belastbare bedrag is niet de som van de lijnen aan dat tarief."
                )
            )
        if is_exempt and sub.tax != ZERO:
            problems.append(Reason("BR-E-09", "Bij vrijstelling is de btw 0."))
        if not is_exempt and sub.tax != money(sub.taxable * sub.percent / 100):
            problems.append(
                Reason("BR-S-09", "De btw is niet het belastbare bedrag maal het tarief.")
            )
        if is_exempt and not (sub.exemption_reason or "").strip():
            problems.append(Reason("BR-E-10", "Vermeld de reden van de vrijstelling."))
        if not is_exempt and sub.exemption_reason:
            problems.append(
                Reason("BR-S-10", "Bij het normale tarief hoort geen reden van vrijstelling.")
            )
    if invoice.vat and not invoice.seller.vat_number:
        rule = "BR-E-02" if invoice.seller.vat_exempt else "BR-S-02"
        problems.append(Reason(rule, "Vermeld het btw-nummer van de verkoper."))
    return problems


def _document_problems(invoice: Invoice) -> list[Reason]:
    problems: list[Reason] = []
    if not invoice.number.strip():
        problems.append(Reason("BR-02", "Een factuur heeft een nummer."))
    if len(invoice.currency) != 3:
        problems.append(Reason("BR-05", "Geef de munt van de factuur (EUR)."))
    if not invoice.buyer_reference.strip():
        problems.append(
            Reason("PEPPOL-EN16931-R003", "Vermeld de afrekening als referentie van de koper.")
        )
    if invoice.totals.payable > 0 and not invoice.payment_terms.strip():
        problems.append(Reason("BR-CO-25", "Vermeld de betalingsvoorwaarden."))
    if invoice.type_code == CREDIT_NOTE and not (invoice.preceding_number or "").strip():
        problems.append(
            Reason("BR-55", "Een creditnota verwijst naar de factuur die ze corrigeert.")
        )
    return problems


def invoice_problems(invoice: Invoice, ruleset: BillingRuleset) -> tuple[Reason, ...]:
    """Every problem Koers finds before issuing; empty when the invoice may be issued."""
    return tuple(
        _document_problems(invoice)
        + party_problems(invoice.seller, "seller")
        + party_problems(invoice.buyer, "buyer")
        + _line_problems(invoice, ruleset)
        + _total_problems(invoice)
        + _vat_problems(invoice, ruleset)
    )


__all__ = [
    "enterprise_number_refusal",
    "iban_refusal",
    "invoice_problems",
    "party_problems",
    "vat_number_refusal",
]
