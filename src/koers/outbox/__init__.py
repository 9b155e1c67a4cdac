"""The recorded outbox: every e-mail and SMS Koers sends is first a row, written in the same
transaction as the step that causes it, and then delivered by a job that retries until it is
sent (at least once). What keeps failing shows on "Uitgaande berichten" for centre staff."""
