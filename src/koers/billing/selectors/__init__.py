"""The billing app's selectors, one module per part."""
