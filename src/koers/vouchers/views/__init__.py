"""Voucher pages: the voucher with what counts and why, the intake, the POP, documents, dossier,
group sessions and the centre's POP store.

Every voucher is looked up through `Voucher.objects.visible_to(user)`: otherwise a 404. What a
page shows comes from `koers.vouchers.selectors` (the pages' assembly is there); every write
goes through `koers.vouchers.services`.
"""
