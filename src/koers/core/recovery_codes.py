"""Single-use recovery codes for the second factor (a model of the core app, re-exported by
`models.py`). Only a keyed digest of each code is stored (`crypto.recovery_code_digest`): a copy
of the database does not sign anyone in."""

import hmac

from django.conf import settings
from django.db import models
from django_otp.models import Device, ThrottlingMixin

from koers.core import crypto


class RecoveryCodeDevice(ThrottlingMixin, Device):
    """The user's set of recovery codes, as a django-otp device (so `is_verified()` knows it)."""

    def get_throttle_factor(self):
        return getattr(settings, "OTP_STATIC_THROTTLE_FACTOR", 1)

    def verify_token(self, token) -> bool:
        allowed, _reason = self.verify_is_allowed()
        if not allowed:
            return False
        digest = crypto.recovery_code_digest(str(token))
        match = None
        for pk, stored in self.codes.values_list("pk", "digest"):
            if hmac.compare_digest(stored, digest):
                match = pk
        # Single use, also when two requests race with the same code: only the request whose
        # delete removed the row signs in.
        if match is not None and RecoveryCode.objects.filter(pk=match).delete()[0] == 1:
            self.throttle_reset()
            return True
        self.throttle_increment()
        return False


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["device", "digest"], name="recovery_code_once")
        ]

    def __str__(self) -> str:
        return f"Herstelcode {self.pk}"  # never the code: only its digest is known
