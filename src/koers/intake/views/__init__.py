"""The intake pages: `leads` (the list and a lead's page), `lead_actions` (what a coach or centre
staff do on a lead), `calendar` (.ics files and the coach's feed), `centre` (marketing figures,
coach unavailability), `branding` (house style, feedback questions, communication check) and
`public` (the registration form, no login)."""
