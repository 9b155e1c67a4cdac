"""Koers settings: read from the environment with safe defaults for development.

Set KOERS_ENV=production for a deployment: it then refuses to start without SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL, and turns on the HTTPS hardening `check --deploy` asks for.
"""

import base64
import hashlib
from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from koers.env import env_bool, env_int, env_list, env_path, env_str
from koers.lib.databases import database

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
DATA_DIR = env_path("KOERS_DATA_DIR", PROJECT_DIR / "var")

ENVIRONMENT = env_str("KOERS_ENV", "development")
if ENVIRONMENT not in {"development", "test", "production"}:
    raise ImproperlyConfigured("KOERS_ENV must be development, test or production.")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DEBUG", default=not PRODUCTION)
SECRET_KEY = env_str(
    "SECRET_KEY",
    default="dev-only-insecure-key-change-me-0123456789-abcdefghijklmnopqrstuvwxyz",
    required=PRODUCTION,
)
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required in production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Key for personal fields encrypted at rest (national register number). Several keys, comma
# separated, allow rotation: the first encrypts, all decrypt. In development it derives from
# SECRET_KEY so `make run` needs no set-up.
FIELD_ENCRYPTION_KEYS = env_list(
    "FIELD_ENCRYPTION_KEYS",
    []
    if PRODUCTION
    else [
        base64.urlsafe_b64encode(hashlib.sha256(f"fernet:{SECRET_KEY}".encode()).digest()).decode()
    ],
)
if PRODUCTION and not FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is required in production.")
# Key for the blind index that lets us find a national number by exact match without decrypting.
BLIND_INDEX_KEY = env_str(
    "BLIND_INDEX_KEY", default="" if PRODUCTION else f"blind:{SECRET_KEY}", required=PRODUCTION
)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Recovery codes: koers.core.recovery_codes (digests only). django-otp's static plugin kept
    # them in clear; migration core.0013 converted its rows and it is no longer installed.
    "axes",
    "simple_history",
    "rules",
    "huey.contrib.djhuey",
    "ninja",
    "koers.core",
    "koers.trajectories",
    "koers.vouchers",
    "koers.mediation",
    "koers.intake",
    "koers.portal",
    "koers.workplace",
    "koers.billing",
    "koers.transition",
    "koers.documents",
    "koers.privacy",
    "koers.api",
    "koers.outbox",
    "koers.idempotency",
    "koers.listexports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # The person's own language, not the browser's (replaces Django's LocaleMiddleware).
    "koers.core.middleware_language.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle and absolute session limits for staff, before the second-factor check.
    "koers.core.middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "koers.core.middleware.OTPRequiredMiddleware",
    "axes.middleware.AxesMiddleware",
    # Every read of a client's or lead's file is logged (issue 15; the reads: each app's reads.py).
    "koers.core.access_log.FileReadLogMiddleware",
]

ROOT_URLCONF = "koers.urls"
WSGI_APPLICATION = "koers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "koers.core.context_processors.navigation",
            ],
        },
    },
]

# Databases: SQLite (embedded, WAL, immediate transactions) unless DATABASE_URL says otherwise.
DATABASE_URL = env_str("DATABASE_URL", "")
if PRODUCTION and not DATABASE_URL:
    raise ImproperlyConfigured("DATABASE_URL is required in production.")
# Every configuration keeps files here (huey's SQLite queue, uploads, backups, the Peppol drop),
# also with PostgreSQL and no Redis: without the folder huey crashed at start-up (issue 15).
DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": database(
        DATABASE_URL,
        sqlite_path=env_path("SQLITE_PATH", DATA_DIR / "koers.sqlite3"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# django-axes: after AXES_FAILURE_LIMIT failures, lock the username whatever addresses they came
# from (guessing one account from many addresses), and the address whatever usernames it tried
# (spraying many accounts from one address). A wrong second-factor code counts as a failure too. A
# successful sign-in from an address clears its count, so an office behind one address is not
# locked by a few typos: koers.core.lockouts clears it after the code for a user with a device,
# not at the password (hence AXES_RESET_ON_SUCCESS off). A completed password reset or an
# administrator (Vergrendelde accounts) lifts a username's lock.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 30)
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_SENSITIVE_PARAMETERS = ["password", "username"]
AXES_ENABLE_ADMIN = False
# The forgotten-password form sends at most this many mails per address and per target e-mail.
KOERS_PASSWORD_RESET_LIMIT = env_int("KOERS_PASSWORD_RESET_LIMIT", 5)
KOERS_PASSWORD_RESET_WINDOW_MINUTES = env_int("KOERS_PASSWORD_RESET_WINDOW_MINUTES", 60)
# The TOTP second factor (with single-use recovery codes): a user who set up a device confirms
# it once per session; administrators, whoever sees full national numbers and the staff of an
# organisation that asks it must enrol (koers.core.mfa). Only development may switch that off, so
# that the demo logins of `make run` work without an authenticator app.
OTP_TOTP_ISSUER = "Koers"
KOERS_MFA_REQUIRED = True if PRODUCTION else env_bool("KOERS_MFA_REQUIRED", ENVIRONMENT == "test")
KOERS_RECOVERY_CODES = 10
# A staff session ends after this many minutes without a request, and SESSION_COOKIE_AGE after
# login whatever happens (the client portal keeps its own, shorter link-based sessions).
KOERS_IDLE_MINUTES = env_int("KOERS_IDLE_MINUTES", 30)

LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["koers.formats"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Project-wide assets (our CSS/JS, vendored htmx) live beside the templates, outside any app.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env_path("STATIC_ROOT", DATA_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env_path("MEDIA_ROOT", DATA_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Uploads: documents are checked for type (by content, not by name) and size.
KOERS_UPLOAD_MAX_BYTES = env_int("KOERS_UPLOAD_MAX_MB", 10) * 1024 * 1024
KOERS_UPLOAD_TYPES = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 15 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Development keeps its mails in a mailbox in the data folder, shown at /ontwikkeling/mails/
# (issue 16); tests use Django's in-memory outbox (test_settings); production sends by SMTP.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "koers.lib.devmail.MailboxBackend",
)
KOERS_DEV_MAILBOX = (
    ENVIRONMENT == "development" and EMAIL_BACKEND == "koers.lib.devmail.MailboxBackend"
)
KOERS_DEV_MAILBOX_DIR = env_path("KOERS_DEV_MAILBOX_DIR", DATA_DIR / "mailbox")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "koers@localhost")

# Background jobs: huey on SQLite by default, Redis when HUEY_REDIS_URL is set.
HUEY_REDIS_URL = env_str("HUEY_REDIS_URL", "")
HUEY_IMMEDIATE = env_bool("HUEY_IMMEDIATE", default=ENVIRONMENT == "test")
if HUEY_REDIS_URL:
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "koers",
        "url": HUEY_REDIS_URL,
        "immediate": HUEY_IMMEDIATE,
        "consumer": {"workers": env_int("HUEY_WORKERS", 2), "worker_type": "thread"},
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "koers",
        "filename": str(env_path("HUEY_SQLITE_PATH", DATA_DIR / "huey.sqlite3")),
        "immediate": HUEY_IMMEDIATE,
        "consumer": {"workers": env_int("HUEY_WORKERS", 2), "worker_type": "thread"},
    }
KOERS_SWEEP_MINUTES = env_int("KOERS_SWEEP_MINUTES", 5)

# Retention (GDPR Art. 5.1.e), in days, per kind of record; docs/privacy.md gives the basis.
# Leads that never became a client: a year is enough to follow up a hesitant lead.
KOERS_RETENTION_LEAD_DAYS = env_int("KOERS_RETENTION_LEAD_DAYS", 365)
# A client whose last trajectory ended (or who never had one): the funder (VDAB / department
# WSE) may audit a voucher or mediation dossier for 5 years after it ended.
KOERS_RETENTION_CLOSED_FILE_DAYS = env_int("KOERS_RETENTION_CLOSED_FILE_DAYS", 5 * 365 + 1)
# A mediation partner's file once its access ended (MED-15/16): the partner may no longer use
# it and VDAB keeps its own file; a month leaves room for the final advice's follow-up.
KOERS_RETENTION_MEDIATION_AFTER_ACCESS_DAYS = env_int(
    "KOERS_RETENTION_MEDIATION_AFTER_ACCESS_DAYS", 30
)
# Invoices are not swept: an issued invoice is never changed (BIL-04) and is kept 10 years
# (art. III.86 WER), name included; what surrounds it (statements, dossiers) goes with the client.
# The retention sweep runs inside the periodic sweep at most this often, this many per kind.
KOERS_RETENTION_EVERY_HOURS = env_int("KOERS_RETENTION_EVERY_HOURS", 24)
KOERS_RETENTION_BATCH = env_int("KOERS_RETENTION_BATCH", 200)

# List exports (issue 16): up to this many rows an export is written at once; a larger one runs
# as a job with a status page, and its file is kept this many days for its requester only.
KOERS_EXPORT_INLINE_ROWS = env_int("KOERS_EXPORT_INLINE_ROWS", 2000)
KOERS_EXPORT_KEEP_DAYS = env_int("KOERS_EXPORT_KEEP_DAYS", 7)

# Content Security Policy: everything from our own origin; htmx and our CSS are vendored. No
# 'unsafe-inline' styles: pages use classes from koers.css, and the few page-only <style> blocks
# carry the request's nonce (`<style nonce="{{ request.csp_nonce }}">`). PDFs are not pages.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "style-src": [SELF, NONCE],
        "script-src": [SELF],
        "base-uri": [SELF],
        "frame-ancestors": ["'none'"],
        "form-action": [SELF],
    }
}
# Browser features no Koers page uses are switched off for every page (and anything it embeds);
# passkeys (WebAuthn, a possible second factor) stay allowed for our own origin.
PERMISSIONS_POLICY = {
    "publickey-credentials-create": ["self"],
    "publickey-credentials-get": ["self"],
} | {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 10)  # one working day
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Logs carry ids and paths, never names, e-mail addresses or national numbers.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # axes logs the username of failed logins; usernames may be e-mail addresses.
        "axes": {"level": "WARNING"},
        # run_huey installs its own handler on "huey"; do not print every line twice.
        "huey": {"propagate": False},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

KOERS_PAGE_SIZE = 25
# Absolute links in e-mails (evaluation, portal login) start with this.
KOERS_BASE_URL = env_str("KOERS_BASE_URL", "http://127.0.0.1:8000")

# BIL-04: how an issued invoice's UBL XML is delivered (a dotted path to a class with
# `deliver(document) -> Receipt`, koers/billing/delivery_backends.py). The file drop writes it to
# KOERS_PEPPOL_OUTBOX; a certified Peppol access point is plugged in here later.
KOERS_PEPPOL_BACKEND = env_str(
    "KOERS_PEPPOL_BACKEND", "koers.billing.delivery_backends.FileDropBackend"
)
KOERS_PEPPOL_OUTBOX = env_path("KOERS_PEPPOL_OUTBOX", DATA_DIR / "peppol-outbox")

# Integrity (issue 15). Outgoing mail and SMS go through the recorded outbox (koers.outbox): a
# failed delivery is tried again after 1, 2, 4, … minutes (at most a day apart), until
# KOERS_OUTBOX_MAX_ATTEMPTS; then it shows on "Uitgaande berichten" for centre staff. The body
# of a sent message is cleared after KOERS_OUTBOX_RETENTION_DAYS. A worker that died while
# sending gives up its claim after KOERS_OUTBOX_LEASE_SECONDS.
KOERS_OUTBOX_MAX_ATTEMPTS = env_int("KOERS_OUTBOX_MAX_ATTEMPTS", 8)
KOERS_OUTBOX_RETRY_SECONDS = env_int("KOERS_OUTBOX_RETRY_SECONDS", 60)
KOERS_OUTBOX_RETENTION_DAYS = env_int("KOERS_OUTBOX_RETENTION_DAYS", 30)
KOERS_OUTBOX_LEASE_SECONDS = env_int("KOERS_OUTBOX_LEASE_SECONDS", 300)
# How long a create's idempotency key is remembered (koers.idempotency).
KOERS_IDEMPOTENCY_HOURS = env_int("KOERS_IDEMPOTENCY_HOURS", 24)
