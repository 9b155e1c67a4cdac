"""What the voucher services share: the voucher locked for a change."""

from koers.vouchers.models import Voucher


def lock_voucher(voucher: Voucher) -> Voucher:
    # Two writes on one voucher (two tabs, the API and the page, the sweep) would each start
    # from the row as they read it and the last save would undo the first: lock it, then read.
    return (
        Voucher.objects.select_for_update()
        .select_related("trajectory", "client")
        .get(pk=voucher.pk)
    )
