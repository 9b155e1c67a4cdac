import pytest


@pytest.fixture
def mfa_required_no_throttle(settings):
    """Production's rule (a second factor for staff), and django-otp's slow-down after a wrong
    code switched off: the tests try again at once."""
    settings.KOERS_MFA_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
