"""Settings for the test suite: the real settings, with fast hashing and throw-away storage."""

import os
import tempfile

os.environ.setdefault("KOERS_ENV", "test")
_tmp = tempfile.mkdtemp(prefix="koers-test-")
os.environ.setdefault("KOERS_DATA_DIR", _tmp)

from koers.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher"
]  # speed; production uses Argon2
MEDIA_ROOT = os.path.join(_tmp, "media")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = True
# The live server thread of the browser tests must not keep a PostgreSQL session open at teardown.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
