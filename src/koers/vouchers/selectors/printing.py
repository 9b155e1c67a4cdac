"""The voucher's dossier on paper (issue 16): everything the screen page spreads over pages —
every contact with what counts and why, the dossier checklist, the POP, the assignments and the
documents — in one bounded read, for the coach who still brings paper."""

from dataclasses import dataclass
from datetime import datetime

from koers.core.models import User
from koers.vouchers.models import Voucher
from koers.vouchers.selectors.pages import VoucherPage, voucher_page
from koers.vouchers.selectors.summary import JudgedContact, with_contacts

PRINT_CONTACTS = 500  # the most contacts a printed dossier lists (the oldest first); it says so


@dataclass(frozen=True)
class VoucherPrint:
    page: VoucherPage  # the screen page's figures, checklist, POP, assignments and documents
    contacts: list[JudgedContact]  # the oldest first, at most PRINT_CONTACTS
    contacts_total: int
    printed_at: datetime

    @property
    def cut(self) -> bool:
        return self.contacts_total > len(self.contacts)

    def context(self) -> dict:
        return self.page.context() | {
            "print_contacts": self.contacts,
            "contacts_total": self.contacts_total,
            "contacts_cut": self.cut,
            "printed_at": self.printed_at,
        }


def voucher_print(
    *, user: User, voucher: Voucher, now: datetime, limit: int = PRINT_CONTACTS
) -> VoucherPrint:
    """The voucher page's reads plus every judged contact up to `limit`, in time order: a fixed
    number of queries and a bounded list, however many contacts."""
    page = voucher_page(user=user, voucher=voucher, now=now)
    judged = page.summary.contacts
    return VoucherPrint(page, with_contacts(judged[:limit]), len(judged), now)
