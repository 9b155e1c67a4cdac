"""The transition pages under /doorstroom/ (URL names start with `transition_`)."""
