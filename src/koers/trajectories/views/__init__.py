"""Trajectory pages (the header with its status, contacts, assignments, plans and documents) and
Centrum ▾ Regelsets, one module per part.

Every object is looked up through `visible_to(request.user)`: what the user may not see is a 404.
"""
