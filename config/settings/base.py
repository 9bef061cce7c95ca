"""Settings for every environment, read from environment variables.

With no variables set this is the embedded default: SQLite in the checkout, Celery
in eager mode, a local-memory cache. `DATABASE_URL` and `REDIS_URL` switch to
PostgreSQL and Redis. See README.md for the table of variables.
"""

from pathlib import Path

import django.conf.locale
import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[2]
SITE_DIR = BASE_DIR / "site"

env = environ.Env()

# General
# https://docs.djangoproject.com/en/5.2/ref/settings/#core-settings
# ------------------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set SECRET_KEY: it is required whenever DEBUG is off (only `make run` turns DEBUG on)."
        )
    SECRET_KEY = "insecure-key-for-make-run-only"  # noqa: S105 - DEBUG only, never served
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Apps
# ------------------------------------------------------------------------------
INSTALLED_APPS = [
    "cms",
    "surveys",
    "analytics",
    "sitewide",
    "benchmarks",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "config.health.HealthCheckMiddleware",
    # A view that lost the database answers 503 (config/errors.py), not a traceback.
    "config.errors.DatabaseOutageMiddleware",
    # A body over DATA_UPLOAD_MAX_MEMORY_SIZE gets the 413 before anything reads it.
    "config.errors.BodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses pages on the way out (static files come precompressed from WhiteNoise).
    # BREACH: the only secret in public HTML is the CSRF token, which Django masks anew
    # on every response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After the language is known; answers repeat dashboard visits before Wagtail routes.
    "cms.dashboard_cache.DashboardCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as axes asks: it turns a lockout raised during login into its response.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.navigation",
            ],
        },
    },
]

# Database
# https://docs.djangoproject.com/en/5.2/ref/settings/#databases
# ------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django turns psycopg's prepared statements off (for poolers in transaction mode),
    # which also ignores a statement's explicit `prepare=True`. Only the few statements
    # of every submission ask for it (surveys/prepared.py); this threshold keeps the
    # ORM's own queries from ever being prepared by count.
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 2**31
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while an eager task writes a snapshot.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"

# Redis: broker, result backend and cache
# https://docs.celeryq.dev/en/stable/django/first-steps-with-django.html
# ------------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    # Fails open (config/cache.py): an unreachable Redis is an empty cache, logged
    # once, never an error page. Short timeouts, so an outage costs a request at most
    # this long, and then nothing for PART_CACHE_RETRY_SECONDS.
    CACHES = {
        "default": {
            "BACKEND": "config.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "part",
            "OPTIONS": {
                "socket_connect_timeout": env.float("CACHE_CONNECT_TIMEOUT", default=0.5),
                "socket_timeout": env.float("CACHE_SOCKET_TIMEOUT", default=0.5),
            },
        }
    }
else:
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = None
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long, after Redis failed, the cache and the counters leave it alone.
PART_CACHE_RETRY_SECONDS = env.float("PART_CACHE_RETRY_SECONDS", default=5.0)
# Where the burst, guessing and puzzle counters live (surveys/counters.py): "cache"
# (Redis; while it is unreachable they fall back to the database) or "database" (the
# default without Redis, so every web process sees the same counts).
PART_COUNTER_STORE = env("PART_COUNTER_STORE", default="cache" if REDIS_URL else "database")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "Europe/Berlin"
CELERY_RESULT_EXPIRES = 3600
# A submission queues a refresh after commit; if Redis is down it must give up fast
# (the answer is already saved and the beat sweep catches up), not hang the request.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5}
# A task a killed worker left unacknowledged goes back to the queue after the
# visibility timeout; it must outlast the longest refresh (about 10 s at 1M responses)
# and the refresh delay. Workers look for such tasks every few seconds.
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=600)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    "unacked_restore_interval": max(1, min(10, CELERY_VISIBILITY_TIMEOUT // 3)),
    "unacked_restore_throttle": 1,
}
CELERY_BEAT_SCHEDULE = {
    "refresh-stale-snapshots": {
        "task": "analytics.tasks.refresh_stale_snapshots",
        "schedule": env.float("SNAPSHOT_SWEEP_SECONDS", default=300.0),
    },
    # Concerns are looked for after every response; this catches checks a broker outage lost.
    "find-safeguarding-concerns": {
        "task": "analytics.tasks.find_concerns_everywhere",
        "schedule": env.float("SAFEGUARDING_SWEEP_SECONDS", default=900.0),
    },
    "purge-expired": {
        "task": "cms.tasks.purge_expired",
        "schedule": crontab(hour=3, minute=30),
    },
}

# Internationalisation
# https://docs.djangoproject.com/en/5.2/topics/i18n/
# ------------------------------------------------------------------------------
LANGUAGE_CODE = "de"
# German, German in Leichte Sprache, and the languages of Hagen's largest immigrant
# groups. Leichte Sprache has no registered BCP 47 subtag; "de-x-ls" is German with a
# private-use subtag, so browsers, screen readers and axe still read it as German
# ("de-ls" would claim German as spoken in Lesotho).
LANGUAGES = [
    ("de", "Deutsch"),
    ("de-x-ls", "Leichte Sprache"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("pl", "Polski"),
    ("uk", "Українська"),
]
LANGUAGES_BIDI = ["ar"]
EXTRA_LANG_INFO = {
    "de-x-ls": {
        "bidi": False,
        "code": "de-x-ls",
        "name": "German (easy-to-read)",
        "name_local": "Leichte Sprache",
    },
}
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
django.conf.locale.LANG_INFO.update(EXTRA_LANG_INFO)
USE_TZ = True

# Static and media files
# https://docs.djangoproject.com/en/5.2/howto/static-files/
# ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static_collected")
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Security
# https://docs.djangoproject.com/en/5.2/ref/settings/#security
# ------------------------------------------------------------------------------
# Public pages set no cookie but CSRF where a form needs it; staff get a session.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# The CSRF cookie ends with the browser session: no year-long cookie on a young person's phone.
CSRF_COOKIE_AGE = None
# "no-referrer" makes Chromium send `Origin: null` on form posts, which CSRF rejects;
# "same-origin" still sends nothing to any other host.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Public pages: only our own scripts, styles, images and form targets. Plotly sets
# styles through the CSSOM, which style-src does not govern, so no 'unsafe-inline'.
# The Wagtail admin gets its own policy (config/security.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        "manifest-src": ["'self'"],
    },
}
PART_ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
    "frame-src": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
PART_ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
# Nothing on the site needs a sensor, a camera, payments or an ad auction.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
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
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Staff login: two-factor codes, lockout after failed logins
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
# ------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Count failures per user name in the cache only: no database row, no IP address, no
# user agent (the platform keeps no IPs), and logs name the user name alone.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_CLIENT_IP_CALLABLE = "config.security.no_client_ip"
AXES_CLIENT_STR_CALLABLE = "config.security.client_str_without_ip"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
AXES_DISABLE_ACCESS_LOG = True
# Every admin session needs a code from an authenticator app (django-otp TOTP);
# `make run` lets the demo administrator in without a phone.
STAFF_2FA_REQUIRED = env.bool("STAFF_2FA_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = "PaRT Hagen"
# Hours after an administrator made an account or reset its second factor in which its
# owner may set one up; later, only another reset opens it again.
STAFF_2FA_ENROLMENT_HOURS = env.int("STAFF_2FA_ENROLMENT_HOURS", default=72)
AXES_VERBOSE = False
SILENCED_SYSTEM_CHECKS = [
    # Locking out by user name alone is the point: we keep no IP address.
    "axes.W006",
]
if not REDIS_URL:
    # The local-memory cache counts failures per process: right for `make run`'s one
    # process; production counts in Redis.
    SILENCED_SYSTEM_CHECKS.append("axes.W001")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Proxies in front of the web processes (the TLS proxy of docker/ is one). Rate and
# guessing counters key on the client address they add to X-Forwarded-For (hashed,
# never logged or stored); with 0 the header is ignored, as anyone can send it.
PART_TRUSTED_PROXIES = env.int("PART_TRUSTED_PROXIES", default=0)
# Seconds a 503 (database unreachable) asks clients to wait before sending again.
PART_RETRY_AFTER_SECONDS = env.int("PART_RETRY_AFTER_SECONDS", default=30)

# Logging: never an IP address or user agent (see DESIGN.md, invariants)
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"quiet_suspicious": {"()": "config.log_filters.QuietSuspiciousRequests"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["quiet_suspicious"]},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # runserver's request log prints the client address; keep it to warnings.
        "django.server": {"level": "WARNING"},
        # Wagtail's background tasks (search index, references) log every run at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Wagtail
# https://docs.wagtail.org/en/stable/reference/settings.html
# ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "PaRT Hagen"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "xlsx", "odt", "docx", "txt", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: the admin, too, requests nothing from another host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# Wagtail's own localisation: one page tree per language, kept in step by
# simple_translation (a new German page appears as an alias in every other tree until
# an editor translates it). See README.md, "Translations".
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# REST framework
# https://www.django-rest-framework.org/api-guide/settings/
# ------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    # JSON 413 for a body over DATA_UPLOAD_MAX_MEMORY_SIZE, JSON 503 without the database.
    "EXCEPTION_HANDLER": "config.errors.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PaRT public API",
    "DESCRIPTION": _("Published survey waves and their suppressed results."),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["config.api_schema.public_api_only"],
    # The docs page loads Swagger UI from our own static files, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No badge that asks validator.swagger.io about our schema.
    # Without deep links no link sits inside an operation's toggle button (axe: nested-interactive).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False, "validatorUrl": None},
}

# E-mail: notifications to staff (form entries)
# https://docs.djangoproject.com/en/5.2/topics/email/
# ------------------------------------------------------------------------------
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="PaRT Hagen <noreply@example.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# PaRT
# ------------------------------------------------------------------------------
# Smallest group size a public figure may come from (DESIGN.md: 5 by default, never below 3).
PART_MIN_CELL_SIZE = max(3, env.int("PART_MIN_CELL_SIZE", default=5))
# Publication cadence (analytics/services/snapshots.py): a new public version of a wave's
# figures needs at least k responses that the last version does not hold and, while the
# wave runs, at least this many seconds since that version; a closed wave publishes what
# is left at once. Eager mode (`make run`) follows the same rule.
PART_PUBLISH_INTERVAL_SECONDS = max(0, env.int("PART_PUBLISH_INTERVAL_SECONDS", default=3600))
# Staff exports: written outside MEDIA_ROOT (never served), deleted after this many days.
PART_EXPORT_ROOT = env.path("PART_EXPORT_ROOT", default=BASE_DIR / "var" / "exports")
PART_EXPORT_RETENTION_DAYS = env.int("PART_EXPORT_RETENTION_DAYS", default=30)
# Raw responses are deleted this many days after their wave closed, once the public
# figures hold them (two years: long enough to compare with the next year's wave).
PART_RAW_RESPONSE_RETENTION_DAYS = env.int("PART_RAW_RESPONSE_RETENTION_DAYS", default=730)
# Spent one-time submission tokens (they only stop a form or an offline answer being
# stored twice) are deleted after this many days.
PART_SUBMISSION_TOKEN_RETENTION_DAYS = env.int("PART_SUBMISSION_TOKEN_RETENTION_DAYS", default=90)

# Surveys
# ------------------------------------------------------------------------------
# Where the thank-you page sends people to see results (a page of the public site).
PART_RESULTS_URL = env("PART_RESULTS_URL", default="/dashboards/")
# Key of the printed access codes' hashes. Its own setting, so rotating SECRET_KEY does
# not void every card already handed out; falls back to SECRET_KEY.
PART_ACCESS_CODE_KEY = env("PART_ACCESS_CODE_KEY", default="") or SECRET_KEY
# Wrong codes one device (a hashed IP address) may try per hour before it must wait.
PART_ACCESS_CODE_ATTEMPTS_PER_HOUR = env.int("PART_ACCESS_CODE_ATTEMPTS_PER_HOUR", default=20)
# Open waves without abuse (surveys/protection.py). Seconds a person needs at least from
# opening a survey to sending it (0 switches the check off).
PART_MIN_FILL_SECONDS = env.int("PART_MIN_FILL_SECONDS", default=5)
# Submissions counted per window; past a threshold the browser must solve a short
# proof-of-work puzzle. One device is a hashed IP address: a youth club's Wi-Fi puts a
# whole group behind one, so the per-device number is generous.
PART_BURST_WINDOW_SECONDS = env.int("PART_BURST_WINDOW_SECONDS", default=600)
PART_BURST_PER_DEVICE = env.int("PART_BURST_PER_DEVICE", default=60)
PART_BURST_PER_WAVE = env.int("PART_BURST_PER_WAVE", default=300)
# A staff tablet syncs a day's answers at once, and never gets a puzzle.
PART_BURST_PER_TABLET = env.int("PART_BURST_PER_TABLET", default=500)
# Puzzle difficulty: hex digits the SHA-256 result must start with ("0000": about
# 65,000 tries, a second or two on a phone), and how long a puzzle stays valid.
PART_ALTCHA_KEY_PREFIX = env("PART_ALTCHA_KEY_PREFIX", default="0000")
# Each doubling of a burst past its threshold adds a zero (16 times the work) up to
# this many: 6 zeros cost a script about 2 s of CPU per answer, 7 about 30 s.
PART_ALTCHA_MAX_DIGITS = env.int("PART_ALTCHA_MAX_DIGITS", default=7)
PART_ALTCHA_EXPIRES_SECONDS = env.int("PART_ALTCHA_EXPIRES_SECONDS", default=600)
# Key of the linking codes' fingerprints (linked before/after waves); like the access
# code key, its own setting so rotating SECRET_KEY does not break pairs; never logged.
PART_LINKING_KEY = env("PART_LINKING_KEY", default="") or SECRET_KEY
# Code card PDFs wait here (never served directly) until staff download them once.
PART_CODE_SHEET_ROOT = env.path("PART_CODE_SHEET_ROOT", default=BASE_DIR / "var" / "code-sheets")
# A sheet nobody downloads is deleted with its codes after this many days.
PART_CODE_SHEET_RETENTION_DAYS = env.int("PART_CODE_SHEET_RETENTION_DAYS", default=14)
