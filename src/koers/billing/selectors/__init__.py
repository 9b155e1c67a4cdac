"""The billing app's reads, one module per part; pages are assembled here."""
