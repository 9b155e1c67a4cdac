"""The billing pages under /facturatie/ (URL names start with `billing_`)."""

urlpatterns: list = []
