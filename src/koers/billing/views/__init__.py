"""Billing pages, one module per part."""
