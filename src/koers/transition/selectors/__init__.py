"""Transition reads: lists and pages, each starting from `visible_to(user)`."""
