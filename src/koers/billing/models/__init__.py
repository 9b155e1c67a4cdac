"""The billing app's tables, one module per part (docs/billing.md)."""
