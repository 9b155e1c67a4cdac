"""The small forms and buttons of the voucher page, each posting to its own URL: done, back to
the page with a message; a rejected form, the page again with the form as it was typed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from koers.core.form_pages import submitted
from koers.vouchers import forms, services
from koers.vouchers.models import Voucher
from koers.vouchers.pdfs import evaluation_letter_generate, voucher_document_generate
from koers.vouchers.views.common import button_action, form_action, voucher_action


@voucher_action
def voucher_contact_create(request, voucher: Voucher):
    form = forms.VoucherContactForm(request.POST)
    with submitted(form, "contact_form"):
        # The service judges the contact it logged: checked once, the voucher replayed once.
        judged = services.voucher_contact_log(
            voucher=voucher,
            data=form.contact_data(),
            acting_user=request.user,
            is_introduction=form.cleaned_data["is_introduction"],
        )
    decision = judged.decision
    reason = decision.reasons[0]
    messages.success(
        request,
        _("Contact geregistreerd: %(counted)d minuten tellen mee. %(rule)s: %(message)s")
        % {"counted": decision.counted_minutes, "rule": reason.rule, "message": reason.message},
    )


@voucher_action
def voucher_phase(request, voucher: Voucher):
    services.voucher_set_phase(
        voucher=voucher, phase=request.POST.get("phase", ""), acting_user=request.user
    )


@voucher_action
def voucher_group_feedback(request, voucher: Voucher):
    try:
        group_contact_id = int(request.POST.get("group_contact", ""))
        feedback_contact_id = int(request.POST.get("feedback_contact", ""))
    except ValueError:
        raise ValidationError(_("Kies het individuele gesprek van de terugkoppeling.")) from None
    services.group_feedback_record(
        voucher=voucher,
        group_contact_id=group_contact_id,
        feedback_contact_id=feedback_contact_id,
        acting_user=request.user,
    )
    messages.success(request, _("De terugkoppeling van de groepssessie is bewaard (LBC-05)."))


@voucher_action
def voucher_document(request, voucher: Voucher):
    document = voucher_document_generate(
        voucher=voucher, kind=request.POST.get("kind", ""), acting_user=request.user
    )
    messages.success(request, _("“%(title)s” is aangemaakt.") % {"title": document.title})


@voucher_action
def voucher_certificate(request, voucher: Voucher):
    form = forms.CertificateForm(request.POST)
    with submitted(form, "certificate_form"):
        services.certificate_issue(
            voucher=voucher,
            training=form.cleaned_data["training"],
            benefit_academic_year_start=form.cleaned_data["academic_year_start"],
            only_to_obtain_benefit=form.cleaned_data["only_to_obtain_benefit"],
            acting_user=request.user,
        )
        voucher_document_generate(voucher=voucher, kind="certificate", acting_user=request.user)
    messages.success(request, _("Het attest is uitgereikt en aangemaakt."))


@voucher_action
def voucher_evaluation_letter(request, voucher: Voucher):
    document = evaluation_letter_generate(voucher=voucher, acting_user=request.user)
    messages.success(
        request,
        _("“%(title)s” is aangemaakt en genoteerd. Druk de brief af en bezorg hem aan de cliënt.")
        % {"title": document.title},
    )


def _consent(*, video_consent: str, video_consent_on, **kwargs):
    return services.video_consent_record(consent=video_consent, on=video_consent_on, **kwargs)


def _received(**kwargs):
    return services.evaluation_received(on=timezone.localdate(), **kwargs)


voucher_intake = form_action(
    forms.IntakeForm,
    "intake_form",
    services.voucher_intake_update,
    gettext_lazy("De intake is bewaard."),
)
voucher_scope = form_action(
    forms.ScopeResolveForm,
    "scope_form",
    services.voucher_scope_resolve,
    gettext_lazy("Je bevestiging is bewaard (LBC-19)."),
)
voucher_interim = form_action(
    forms.InterimEvaluationForm,
    "interim_form",
    services.interim_evaluation_add,
    gettext_lazy("De tussentijdse evaluatie is bewaard."),
)
voucher_aftercare = form_action(
    forms.AftercareForm,
    "aftercare_form",
    services.aftercare_register,
    gettext_lazy("De nazorg is geregistreerd."),
)
voucher_video_consent = form_action(
    forms.VideoConsentForm,
    "video_consent_form",
    _consent,
    gettext_lazy("Het akkoord voor e-coaching is bewaard (LBC-06)."),
)
voucher_code_of_conduct = form_action(
    forms.CodeOfConductForm,
    "code_of_conduct_form",
    services.code_of_conduct_handed_over,
    gettext_lazy("Genoteerd: de gedragscode is overhandigd."),
)
voucher_aftercare_informed = button_action(
    services.aftercare_informed, gettext_lazy("Genoteerd: de cliënt weet dat er nazorg is.")
)
voucher_evaluation_received = button_action(_received)
