"""Billing rules (BIL-01..06) as pure functions over plain data.

No Django, no clock: callers pass the facts, `today` and the rule set in force. Every decision
carries the rule ID and a Dutch sentence (`koers.lib.rules.Reason`) so pages and the API can say
why. Modules: `ruleset` (the numbers), `periods` (months, quarters), `hours` (BIL-02),
`statements` (BIL-03, rates of BIL-04), `invoices` and `invoice_checks` (BIL-04), `numbering`
(BIL-04 invoice numbers), `delivery` (BIL-01), `coaches` (BIL-05, BIL-06).
"""
