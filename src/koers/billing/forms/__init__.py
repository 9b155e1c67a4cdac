"""Billing forms, one module per part."""
