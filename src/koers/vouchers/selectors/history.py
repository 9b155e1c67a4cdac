"""What the voucher programme adds to a client file's history ("Geschiedenis", core/audit.py)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from koers.core.audit import HistorySource
from koers.vouchers.models import EvaluationResponse, InterimEvaluation


def voucher_history_sources(trajectory_ids: list[int]) -> list[HistorySource]:
    """The audited voucher rows under these (visible) trajectories."""
    under = Q(voucher__trajectory_id__in=trajectory_ids)
    return [
        HistorySource(InterimEvaluation.history, under, _("tussentijdse evaluatie")),
        HistorySource(EvaluationResponse.history, under, _("evaluatie door de cliënt")),
    ]
