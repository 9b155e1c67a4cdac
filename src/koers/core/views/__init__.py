"""The core's staff pages: a client's details, organisations, staff, imports, API keys and the
interface language. The pages that compose programmes (dashboard, client list and file) live in
`koers.workplace`. Thin glue: selectors read, services write."""
