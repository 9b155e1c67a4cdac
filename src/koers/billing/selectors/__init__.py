"""Billing reads that assemble pages and API answers: hours and statements (`hours`)."""
