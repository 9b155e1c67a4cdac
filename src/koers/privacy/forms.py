from django import forms
from django.utils.translation import gettext_lazy as _

from koers.privacy.models import SubjectKindChoice

MAX_ID = 2**63 - 1


class SubjectForm(forms.Form):
    """Which person: a client or a lead, by number (shown on the client's file or the lead)."""

    subject_kind = forms.ChoiceField(label=_("Soort"), choices=SubjectKindChoice.choices)
    subject_id = forms.IntegerField(label=_("Nummer"), min_value=1, max_value=MAX_ID)
