"""The billing app's services, one module per part."""
