"""The billing app's pages, one module per part."""
