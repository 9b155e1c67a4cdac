"""The billing app's writes, one module per part."""

from koers.billing.services.delivery import audit_set, batch_create, batch_set_state

__all__ = ["audit_set", "batch_create", "batch_set_state"]
