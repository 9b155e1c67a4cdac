from django.apps import AppConfig


class VouchersConfig(AppConfig):
    name = "koers.vouchers"
    label = "vouchers"
    verbose_name = "Loopbaancheques"

    def ready(self) -> None:
        from koers.trajectories.models import Programme
        from koers.trajectories.selectors import (
            register_programme_phases,
            register_programme_relation,
        )
        from koers.trajectories.services import (
            register_programme_contact_check,
            register_programme_opener,
            register_programme_plan_check,
        )
        from koers.vouchers import jobs  # noqa: F401  (registers the evaluation sweep)
        from koers.vouchers.rules.phases import PHASE_LABELS
        from koers.vouchers.services import voucher_contact_check, voucher_open, voucher_plan_check

        def open_voucher(*, title: str = "", **kwargs):
            # A voucher trajectory always gets its number and rule set (LBC-01).
            return voucher_open(**kwargs).trajectory

        register_programme_opener(Programme.VOUCHER, open_voucher)
        register_programme_relation("voucher")
        register_programme_phases(
            Programme.VOUCHER, {p.value: label for p, label in PHASE_LABELS.items()}
        )
        register_programme_contact_check(Programme.VOUCHER, voucher_contact_check)
        register_programme_plan_check(Programme.VOUCHER, voucher_plan_check)
