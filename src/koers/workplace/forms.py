"""The new-client form of a guide: the client with the programme of its first trajectory."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import ClientForm
from koers.trajectories.models import Programme


class ClientCreateForm(ClientForm):
    """A coach sees a client through a trajectory: with `programmes`, a new client comes with
    its first one, of one of the programmes the user may open."""

    # One key per form shown: sent twice (a double click, a reload), it makes one client.
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=100)
    not_a_duplicate = forms.BooleanField(
        label=_("Dit is een andere persoon: toch een nieuwe cliënt aanmaken"), required=False
    )

    def __init__(self, *args, programmes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["idempotency_key"].initial = uuid.uuid4().hex
        if programmes is None:
            return
        self.fields["programme"] = forms.ChoiceField(
            label=_("Programma van het eerste traject"),
            choices=[("", "—")]
            + [(value, label) for value, label in Programme.choices if value in programmes],
            # Checked by the service together with the client data, so that all errors
            # show at once.
            required=False,
        )
        self.fields["programme"].show_required = True

    def clean(self):
        cleaned = super().clean()
        if "programme" in self.fields and not cleaned.get("programme"):
            self.add_error("programme", _("Kies het programma van het traject."))
        return cleaned
