"""Test helpers for the second factor: the code a TOTP device shows now."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_code(device: TOTPDevice) -> str:
    """The six digits the user's authenticator app shows for `device` at this moment."""
    return f"{totp(device.bin_key, step=device.step, digits=device.digits, t0=device.t0):06d}"
