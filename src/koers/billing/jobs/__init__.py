"""The billing app's sweep jobs, one module per part."""
