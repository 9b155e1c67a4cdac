"""Mediation pages, by area: `referrals` (dashboard, referral form and import), `service_page`
(the service page and its first-appointment, sheet, start and contact actions) and
`followup_and_closing` (categories, trainings, checklist, IBO, projectopvolger, final advice).

Every service, appointment, sheet and training is looked up through the access rules: otherwise 404.
"""
