"""/facturatie/uren/nazorg/<id>/… (BIL-02): the coach marks aftercare entered at VDAB, or takes
it back. Aftercare is never billable; the hours page shows it as "nazorg — niet factureerbaar"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from koers.billing.forms.hours import HourEnteredForm
from koers.billing.services import aftercare as services
from koers.billing.views.hours import _hours_page as hours_page
from koers.core.form_pages import REJECTED_STATUS, FormRejected, submitted


@login_required
@require_POST
def billing_aftercare_entered(request, pk: int):
    form = HourEnteredForm(request.POST)
    try:
        with submitted(form, "aftercare_form") as data:
            services.aftercare_mark_entered(
                aftercare_id=pk,
                entered_on=data["entered_on"],
                acting_user=request.user,
                today=timezone.localdate(),
            )
    except FormRejected as rejected:
        return hours_page(request, REJECTED_STATUS, aftercare_id=pk, **rejected.forms())
    messages.success(request, _("De nazorg is gemarkeerd als ingegeven bij VDAB."))
    return redirect("billing_hours")


@login_required
@require_POST
def billing_aftercare_unmark(request, pk: int):
    services.aftercare_unmark(aftercare_id=pk, acting_user=request.user)
    messages.success(request, _("De ingave van de nazorg bij VDAB is teruggenomen."))
    return redirect("billing_hours")
