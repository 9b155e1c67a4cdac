"""Billing (BIL-01..06): hours entered at VDAB, monthly statements, coach invoices (PDF and Peppol
BIS Billing 3.0), dossier delivery and audits, coach locations and development plans.

This step holds the pure core only: `rules/` (the decisions, no Django) and `ubl/` (the UBL 2.1
XML, lxml only). Models, services, pages and the API are built on top of them later
(docs/billing.md).
"""
