"""Forms of the transition pages. Plain forms: the services validate, the forms only parse."""
"""Forms of the transition pages: they parse; the services decide (and refuse)."""
