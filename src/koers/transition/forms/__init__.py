"""Forms of the transition pages: they parse; the services decide (and refuse)."""
