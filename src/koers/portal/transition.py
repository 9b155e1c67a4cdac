"""The portal page where a worker invited to a transition intake fills in page 1 of the intake
form himself (TRN-03: so the coach sees his language and self-reliance). Every query filters on
the client id kept in the session."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from koers.core.form_pages import REJECTED_STATUS, FormRejected, submitted
from koers.portal.views import client_required
from koers.transition.forms.intake import AdministrativeForm
from koers.transition.models import Intake, ReferralState, TransitionFile
from koers.transition.services.intake import Administrative, intake_administrative_save


@client_required
def portal_intake(request, client):
    file = (
        TransitionFile.objects.filter(
            client=client, referral_state__in=[ReferralState.INVITED, ReferralState.INTAKE]
        )
        .select_related("trajectory")
        .first()
    )
    if file is None:
        return redirect("portal_home")
    intake = Intake.objects.filter(file=file).first()
    form = AdministrativeForm(request.POST or None, initial=intake.administrative if intake else {})
    status = 200
    if request.method == "POST":
        try:
            with submitted(form, "form"):
                data = Administrative(answers=form.answers(), via_portal=True)
                intake_administrative_save(file=file, data=data, acting_user=None)
        except FormRejected:
            status = REJECTED_STATUS
        else:
            messages.success(request, _("Bedankt: je jobcoach bekijkt het samen met jou."))
            return redirect("portal_home")
    return render(request, "portal/intake.html", {"form": form}, status=status)
