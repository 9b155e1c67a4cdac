"""Group sessions (LBC-04, LBC-05): one session, a group contact on each participant's voucher."""

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from koers.core.forms import DateInput, apply_errors
from koers.trajectories.forms import TimeInput
from koers.trajectories.models import ContactOutcome, TrajectoryStatus
from koers.vouchers.forms import DURATION_CHOICES
from koers.vouchers.models import GroupSession, Voucher
from koers.vouchers.services import GroupMember, group_session_create

PARTICIPANT_ROWS = 8


class GroupSessionForm(django_forms.Form):
    theme = django_forms.CharField(label=gettext_lazy("Thema"), max_length=200)
    method = django_forms.CharField(
        label=gettext_lazy("Methodiek"),
        required=False,
        widget=django_forms.Textarea(attrs={"rows": 2}),
    )
    date = django_forms.DateField(label=gettext_lazy("Datum"), widget=DateInput())
    start_time = django_forms.TimeField(label=gettext_lazy("Beginuur"), widget=TimeInput())
    duration_minutes = django_forms.TypedChoiceField(
        label=gettext_lazy("Duur"), choices=DURATION_CHOICES, coerce=int, initial=90
    )
    place = django_forms.CharField(label=gettext_lazy("Plaats"), max_length=200, required=False)
    outcome = django_forms.ChoiceField(
        label=gettext_lazy("Uitkomst"),
        choices=[
            (ContactOutcome.PLANNED, ContactOutcome.PLANNED.label),
            (ContactOutcome.HELD, ContactOutcome.HELD.label),
        ],
    )
    aims_at_reflection = django_forms.BooleanField(
        label=gettext_lazy(
            "Het thema richt zich uitsluitend op reflectie en zelfinzicht over loopbaancompetenties "
            "(geen infosessie over solliciteren, opleidingsadvies, time- of stressmanagement)"
        ),
        required=False,
    )
    part_of_other_service = django_forms.BooleanField(
        label=gettext_lazy(
            "De sessie is onderdeel van een andere dienstverlening (outplacement, training)"
        ),
        required=False,
    )

    def __init__(self, *args, vouchers=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "—")] + [(str(v.pk), f"{v.client} — cheque {v.number}") for v in vouchers]
        self.vouchers = {str(v.pk): v for v in vouchers}
        for row in range(PARTICIPANT_ROWS):
            self.fields[f"p{row}_voucher"] = django_forms.ChoiceField(
                label=_("Deelnemer"), choices=choices, required=False
            )
            self.fields[f"p{row}_employer"] = django_forms.CharField(
                label=_("Werkgever"), max_length=200, required=False
            )
            self.fields[f"p{row}_free_choice"] = django_forms.BooleanField(
                label=_("Vrije keuze"), required=False
            )
            self.fields[f"p{row}_linked"] = django_forms.BooleanField(
                label=_("Besproken, gekoppeld aan de loopbaanvraag"), required=False
            )
            self.fields[f"p{row}_may_stop"] = django_forms.BooleanField(
                label=_(
                    "Kan altijd stoppen en individueel verdergaan; kiest de graad van deelname"
                ),
                required=False,
            )

    def participant_rows(self):
        for row in range(PARTICIPANT_ROWS):
            yield [
                self[f"p{row}_{name}"]
                for name in ("voucher", "employer", "free_choice", "linked", "may_stop")
            ]

    def members(self) -> list[GroupMember]:
        data = self.cleaned_data
        return [
            GroupMember(
                voucher=self.vouchers[data[f"p{row}_voucher"]],
                employer=data[f"p{row}_employer"],
                free_choice=data[f"p{row}_free_choice"],
                linked_to_question=data[f"p{row}_linked"],
                may_stop_and_switch=data[f"p{row}_may_stop"],
            )
            for row in range(PARTICIPANT_ROWS)
            if data.get(f"p{row}_voucher")
        ]


def _open_vouchers(user):
    return list(
        Voucher.objects.visible_to(user)
        .filter(trajectory__status__in=[TrajectoryStatus.PLANNED, TrajectoryStatus.ACTIVE])
        .select_related("client", "trajectory")
        .order_by("client__last_name", "client__first_name")
    )


@login_required
def group_session_list(request):
    organisations = request.user.organisation_ids()
    sessions = GroupSession.objects.select_related("coach").prefetch_related(
        "participants__voucher__client"
    )
    if not request.user.is_administrator:
        sessions = sessions.filter(organisation_id__in=organisations)
    visible = {v.pk for v in _open_vouchers(request.user)} | set(
        Voucher.objects.visible_to(request.user).values_list("pk", flat=True)
    )
    return render(
        request, "vouchers/group_list.html", {"sessions": sessions[:100], "visible": visible}
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_session_new(request):
    vouchers = _open_vouchers(request.user)
    now = timezone.localtime()
    form = GroupSessionForm(request.POST or None, vouchers=vouchers, initial={"date": now.date()})
    if request.method == "POST" and form.is_valid():
        members = form.members()
        organisation = members[0].voucher.trajectory.organisation if members else None
        try:
            if organisation is None:
                raise ValidationError({"members": [_("Kies minstens twee deelnemers.")]})
            starts_at = timezone.make_aware(
                timezone.datetime.combine(
                    form.cleaned_data["date"], form.cleaned_data["start_time"]
                )
            )
            group_session_create(
                organisation=organisation,
                coach=request.user,
                theme=form.cleaned_data["theme"],
                method=form.cleaned_data["method"],
                starts_at=starts_at,
                duration_minutes=form.cleaned_data["duration_minutes"],
                place=form.cleaned_data["place"],
                outcome=form.cleaned_data["outcome"],
                members=members,
                aims_at_reflection=form.cleaned_data["aims_at_reflection"],
                part_of_other_service=form.cleaned_data["part_of_other_service"],
                acting_user=request.user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De groepssessie is geregistreerd bij elke deelnemer."))
            return redirect("group_session_list")
    return render(
        request, "vouchers/group_form.html", {"form": form, "has_vouchers": bool(vouchers)}
    )
