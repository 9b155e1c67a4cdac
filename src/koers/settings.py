"""Koers settings: read from the environment with safe defaults for development.

Set KOERS_ENV=production for a deployment: it then refuses to start without SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL, and turns on the HTTPS hardening `check --deploy` asks for.
"""

import base64
import hashlib
from datetime import timedelta
from pathlib import Path

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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
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
    "koers.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
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
if not DATABASE_URL:
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
# (spraying many accounts from one address). A successful login from an address clears its count,
# so an office behind one address is not locked by a few typos. A completed password reset or an
# administrator (Vergrendelde accounts) lifts a username's lock.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 30)
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
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

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
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

# Content Security Policy: everything from our own origin; htmx and our CSS are vendored.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
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
