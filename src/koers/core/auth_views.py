"""Login, logout, password change and reset, and the TOTP second factor with recovery codes."""

import segno
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.core import lockouts, mfa
from koers.core.forms import LoginForm, OTPCodeForm, PasswordResetForm
from koers.core.ratelimit import too_many, too_many_for


class KoersLoginView(auth.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True
    extra_context = {"page_title": gettext_lazy("Aanmelden")}


class KoersLogoutView(auth.LogoutView):
    """POST only (Django's default): a link cannot log someone out."""


class KoersPasswordChangeView(auth.PasswordChangeView):
    template_name = "registration/password_change.html"
    success_url = reverse_lazy("dashboard")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Je wachtwoord is gewijzigd."))
        return response


class KoersPasswordResetView(auth.PasswordResetView):
    """The forgotten-password form, limited per address and per target e-mail (no mail flood);
    the mail goes through the outbox (`PasswordResetForm`)."""

    form_class = PasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        limit = settings.KOERS_PASSWORD_RESET_LIMIT
        window = settings.KOERS_PASSWORD_RESET_WINDOW_MINUTES * 60
        email = form.cleaned_data["email"].strip().lower()
        # Both counters count every request, so a flood from one address fills both.
        by_address = too_many(self.request, scope="reset", limit=limit, window_seconds=window)
        by_email = too_many_for(email, scope="reset-email", limit=limit, window_seconds=window)
        if by_address or by_email:
            form.add_error(
                None,
                _("Er werden te veel links gevraagd. Probeer het over %(minutes)d minuten opnieuw.")
                % {"minutes": settings.KOERS_PASSWORD_RESET_WINDOW_MINUTES},
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)


class KoersPasswordResetConfirmView(auth.PasswordResetConfirmView):
    """Choosing a new password through the e-mailed link also lifts a lock-out of that username."""

    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        axes_reset(username=form.user.get_username())
        return response


def _safe_next(request, fallback: str = "dashboard") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse_lazy(fallback)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def otp_setup(request):
    """Show a QR code for a new TOTP device; it counts only once a first code confirms it."""
    user = request.user
    if user_has_device(user, confirmed=True):
        return render(request, "registration/otp_setup.html", _active_context(request))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Koers", confirmed=False)
    form = OTPCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Tweestapsverificatie is ingeschakeld."))
            return _show_recovery_codes(request)
        form.add_error("code", _("Deze code klopt niet. Controleer de tijd op je toestel."))
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "qr_data_uri": qr.svg_data_uri(scale=5, border=2),
        "secret": _group(device_base32(device)),
        "required": mfa.required(request),
        "next": _next_value(request),
    }
    return render(request, "registration/otp_setup.html", context)


def _active_context(request) -> dict:
    return {"active": True, "recovery_codes_left": mfa.recovery_codes_left(request.user)}


def _show_recovery_codes(request):
    """The new codes, on this response only (never stored in clear elsewhere, never cached)."""
    codes = mfa.recovery_codes_issue(request.user)
    context = {"codes": codes, "next": _safe_next(request)}
    return render(request, "registration/recovery_codes.html", context)


@never_cache
@login_required
@require_POST
def otp_recovery_codes(request):
    """Ten fresh recovery codes for a verified user; the earlier ones stop working."""
    if not request.user.is_verified():
        return redirect("otp_setup")
    return _show_recovery_codes(request)


def _next_value(request) -> str:
    return request.GET.get("next") or request.POST.get("next", "")


def device_base32(device: TOTPDevice) -> str:
    from base64 import b32encode

    return b32encode(device.bin_key).decode().rstrip("=")


def _group(text: str) -> str:
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    """Ask the code after login from a user with a confirmed device (the middleware sends them).

    A wrong code counts toward the lock-out like a wrong password; a locked account is signed out.
    """
    user = request.user
    if user.is_verified() or not user_has_device(user, confirmed=True):
        return redirect(_safe_next(request))
    form = OTPCodeForm(request.POST or None)
    if request.method == "POST" and lockouts.is_locked(request, user):
        return _sign_out_locked(request)
    if request.method == "POST" and form.is_valid():
        # A TOTP code, or one of the recovery codes (the matching one is used up).
        device = match_token(user, form.cleaned_data["code"])
        if device is not None and device.confirmed:
            otp_login(request, device)
            lockouts.sign_in_completed(request, user)
            return redirect(_safe_next(request))
        if lockouts.second_factor_failed(request, user):
            return _sign_out_locked(request)
        form.add_error("code", _("Deze code klopt niet of is verlopen. Probeer opnieuw."))
    return render(
        request,
        "registration/otp_verify.html",
        {"form": form, "next": _next_value(request)},
    )


def _sign_out_locked(request):
    """End the half-signed-in session; django-axes' middleware answers with the lock-out page."""
    request.axes_locked_out = True
    logout(request)
    return redirect("login")
