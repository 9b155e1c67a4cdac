"""Billing services: hours and statements (`hours`)."""
