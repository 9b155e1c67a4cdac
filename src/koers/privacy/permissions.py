"""Who may erase, export and sweep personal data: administrators only (django-rules)."""

import rules

from koers.core.permissions import is_administrator

rules.add_perm("privacy.manage_personal_data", is_administrator)
