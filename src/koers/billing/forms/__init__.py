"""The billing app's forms, one module per part."""
