"""Settings for the test suite: the real settings, with fast hashing and throw-away storage."""

import os
import tempfile

os.environ.setdefault("KOERS_ENV", "test")
_tmp = tempfile.mkdtemp(prefix="koers-test-")
# Each test process (every xdist worker) gets its own data folder: a sweep test in one worker
# must not delete the files another worker is using. Not setdefault: workers inherit the
# parent's environment.
os.environ["KOERS_DATA_DIR"] = _tmp

from koers.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher"
]  # speed; production uses Argon2
MEDIA_ROOT = os.path.join(_tmp, "media")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = True
# The live server thread of the browser tests must not keep a PostgreSQL session open at teardown.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# django-zeal: a request that loads a relation once per row (an N+1) fails the test that made it.
INSTALLED_APPS = [*INSTALLED_APPS, "zeal"]  # noqa: F405
MIDDLEWARE = [*MIDDLEWARE, "zeal.middleware.zeal_middleware"]  # noqa: F405
ZEAL_RAISE = True
ZEAL_NPLUSONE_THRESHOLD = 3  # a view may fetch the same row twice (before and after a service)
