"""The billing API's shapes, one module per part (class names unique across the whole API)."""
