"""The billing pages under /facturatie/, one module per part."""
