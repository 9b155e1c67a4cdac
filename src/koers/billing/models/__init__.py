"""The billing app's tables, one module per part (docs/billing.md)."""

from koers.billing.models.delivery import Audit, BatchDossier, BatchState, DeliveryBatch

__all__ = ["Audit", "BatchDossier", "BatchState", "DeliveryBatch"]
