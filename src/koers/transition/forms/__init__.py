"""Forms of the transition pages. Plain forms: the services validate, the forms only parse."""
