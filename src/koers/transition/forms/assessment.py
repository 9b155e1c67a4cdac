"""TRN-06/16: the forms of the assessment centre. The choices come from the page (the
organisation's files, job coaches, the session's candidates and tasks, the profile)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput
from koers.transition import models as m

LEVEL_CHOICES = [("", "—"), *m.SamLevel.choices]


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    job_target = forms.CharField(
        label=_("Jobdoelwit"),
        max_length=200,
        help_text=_("De proeven zijn gelinkt aan dit jobprofiel (TRN-16)."),
    )
    organisation = forms.ModelChoiceField(label=_("Organisatie"), queryset=None, empty_label=None)
    indicators_agreed_on = forms.DateField(
        label=_("Indicatoren vooraf afgesproken op"),
        required=False,
        widget=DateInput(),
        help_text=_("De assessoren spreken vooraf af wat elke indicator betekent."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class TaskForm(forms.Form):
    name = forms.CharField(label=_("Proef"), max_length=200)
    day = forms.DateField(label=_("Dag"), widget=DateInput())
    purpose = forms.CharField(
        label=_("Doel, uitgelegd aan de deelnemers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    purpose_explained = forms.BooleanField(label=_("Doel uitgelegd"), required=False)
    competences = forms.MultipleChoiceField(
        label=_("Geobserveerde competenties"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, competences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competences"].choices = competences


class CandidateForm(forms.Form):
    file = forms.ModelChoiceField(label=_("Werknemer"), queryset=None)

    def __init__(self, *args, files, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].queryset = files
        self.fields["file"].label_from_instance = lambda f: str(f.client)


class AssessorForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Jobcoach"), queryset=None)

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = lambda u: u.get_full_name() or u.username


class ObservationForm(forms.Form):
    """TRN-06 "Aantekenen": what the candidate did or said, no personality traits."""

    candidate = forms.TypedChoiceField(label=_("Kandidaat"), coerce=int)
    task = forms.TypedChoiceField(label=_("Proef"), coerce=int, required=False, empty_value=None)
    text = forms.CharField(
        label=_("Waarneming"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Noteer feiten: wat deed of zei de kandidaat, hoe vaak? Geen bijvoeglijke naamwoorden "
            "over de persoon (zoals ‘lui’, ‘vriendelijk’) en geen interpretaties (‘lijkt’, "
            "‘komt … over’)."
        ),
    )
    competence = forms.ChoiceField(label=_("Competentie (klasseren)"), required=False)

    def __init__(self, *args, candidates, tasks, competences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].choices = candidates
        self.fields["task"].choices = [("", "—"), *tasks]
        self.fields["competence"].choices = [("", _("Later klasseren")), *competences]


class ClassifyForm(forms.Form):
    competence = forms.ChoiceField(label=_("Competentie"))

    def __init__(self, *args, competences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"].choices = [("", "—"), *competences]


class LevelForm(forms.Form):
    """An assessor's proposal, or the agreed level. The level is parsed as a number and checked
    by the service (TRN-05: outside the SAM scale is refused with the rule's message)."""

    competence = forms.ChoiceField(label=_("Competentie"))
    level = forms.IntegerField(label=_("Niveau (SAM)"), widget=forms.Select(choices=LEVEL_CHOICES))
    note = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, competences, with_note=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"].choices = [("", "—"), *competences]
        if not with_note:
            del self.fields["note"]


class ReportForm(forms.Form):
    growth_points = forms.CharField(
        label=_("Groeipunten"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén per regel; ze gaan mee naar het doorstroomplan (PDP)."),
    )
    attention_points = forms.CharField(
        label=_("Aandachtspunten"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén per regel."),
    )
    compared_with_intake = forms.CharField(
        label=_("Vergelijking met intake en toeleiding"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    fed_back_on = forms.DateField(
        label=_("Teruggekoppeld aan werknemer en omkadering op"),
        required=False,
        widget=DateInput(),
    )
