"""Peppol BIS Billing 3.0 UBL 2.1 for coach invoices and credit notes (BIL-04), built with lxml.

Not a `rules` package (it does I/O-free XML work with lxml), and no Django either.
"""

from koers.billing.ubl.document import CUSTOMIZATION_ID, PROFILE_ID, ubl_bytes, ubl_document

__all__ = ["CUSTOMIZATION_ID", "PROFILE_ID", "ubl_bytes", "ubl_document"]
