"""The billing API shapes, one module per part."""
