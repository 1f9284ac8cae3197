"""Settings for the Rallying portal, driven by environment variables.

Development needs no configuration: DEBUG is on and the database is an SQLite file
under data/. With DEBUG off the process refuses to start until SECRET_KEY and
ALLOWED_HOSTS are set. See .env.example for every variable.
"""

from ipaddress import ip_network
from pathlib import Path

import dj_database_url
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from django.core.exceptions import ImproperlyConfigured

from rallying.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("RALLYING_DATA_DIR", str(BASE_DIR / "data")))
# Numbered data releases: their files are written once and never change.
RELEASES_DIR = Path(env_str("RALLYING_RELEASES_DIR", str(DATA_DIR / "releases")))
DEV_SECRET_KEY = "development-only-insecure-key-do-not-use-in-production"

# An empty DEBUG= reads as off: the safe reading of a blank line in a production env file.
DEBUG = env_bool("DEBUG", default=True, empty=False)
SECRET_KEY = env_str("SECRET_KEY", DEV_SECRET_KEY if DEBUG else "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

if not DEBUG:
    if not SECRET_KEY or SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "DEBUG is off: set SECRET_KEY to a random string of at least 50 characters "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DEBUG is off: set ALLOWED_HOSTS to the host names this portal answers to, "
            "comma-separated (e.g. ALLOWED_HOSTS=rallying.example.org)."
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "csp",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "collaborations",
    "accountability",
    "following",
    "places",
    "releases",
]

MIDDLEWARE = [
    # First: forwarded headers from anyone but TRUSTED_PROXIES are dropped before use.
    "rallying.proxy.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "rallying.headers.SecurityHeadersMiddleware",
    # Compresses HTML, JSON and CSV (streamed downloads too) for clients that accept gzip;
    # Django adds random bytes to each compressed response to blunt BREACH-style guessing.
    "django.middleware.gzip.GZipMiddleware",
    # A query stopped by DATABASE_STATEMENT_TIMEOUT is a 503 that says so, not a 500.
    "rallying.timeouts.StatementTimeoutMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Answers an oversized request with a clear 413 before CSRF or a view reads its body.
    "collaborations.submissions.middleware.RequestSizeLimitMiddleware",
]

ROOT_URLCONF = "rallying.urls"
WSGI_APPLICATION = "rallying.wsgi.application"
ASGI_APPLICATION = "rallying.asgi.application"

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
            ],
        },
    },
]

# No DATABASE_URL: an SQLite file under DATA_DIR, created on first migrate.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    # Milliseconds any one SQL statement may run (0: no limit). gunicorn.conf.py sets it
    # for the web server, so no request holds a database connection for long; management
    # commands (migrations, the loader) run without one.
    STATEMENT_TIMEOUT = env_int("DATABASE_STATEMENT_TIMEOUT", 0)
    if STATEMENT_TIMEOUT and DATABASES["default"]["ENGINE"].endswith("postgresql"):
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
            f"-c statement_timeout={STATEMENT_TIMEOUT}"
        )
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "rallying.sqlite3",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate-limit counters and cached counts live in the cache, so every server process must
# share it. CACHE_URL=redis://host:6379/0 (or rediss://) selects Redis, shared by every
# machine; without it, a file cache under DATA_DIR with DEBUG off (every process of one
# machine), memory in development (CACHE_BACKEND=locmem|file, CACHE_DIR).
CACHE_URL = env_str("CACHE_URL")
CACHE_BACKEND = env_str("CACHE_BACKEND", "locmem" if DEBUG else "file")
if CACHE_URL:
    if not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"CACHE_URL={CACHE_URL!r}: use redis://host:port/db, rediss://… or unix://…"
        )
    CACHES = {
        "default": {
            "BACKEND": "rallying.redis_cache.PooledClientRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "rallying"),
        }
    }
elif CACHE_BACKEND == "file":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("CACHE_DIR", str(DATA_DIR / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 3000},
        }
    }
elif CACHE_BACKEND == "locmem":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "rallying",
            "OPTIONS": {"MAX_ENTRIES": 3000},
        }
    }
else:
    raise ImproperlyConfigured(f"CACHE_BACKEND={CACHE_BACKEND!r}: use 'locmem' or 'file'.")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's backend behind a count of failed attempts (collaborations/submissions/login_limits).
AUTHENTICATION_BACKENDS = ["collaborations.submissions.login_limits.RateLimitedModelBackend"]
LOGIN_URL = "submissions:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "staticfiles")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
STATICFILES_DIRS = [BASE_DIR / "rallying" / "static"]
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

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Rallying <noreply@rallying.invalid>")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# What practitioners are told about how long a review usually takes, in working days.
REVIEW_WORKING_DAYS = env_int("REVIEW_WORKING_DAYS", 10)

# Downloads a server process streams at once; more get a 503 with Retry-After, so that
# downloads never take every worker from the pages and the API.
DOWNLOADS_PER_PROCESS = env_int("DOWNLOADS_PER_PROCESS", 2)

# Largest request body we accept (bytes): submissions are text, not uploads.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 256 * 1024)

# Production hardening: on whenever DEBUG is off (manage.py check --deploy stays clean).
# Reverse proxies (addresses or networks) whose X-Forwarded-For and X-Forwarded-Proto are
# believed; empty: none (rallying/proxy.py drops the headers, gunicorn.conf.py too).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
try:
    [ip_network(proxy, strict=False) for proxy in TRUSTED_PROXIES]
except ValueError as exc:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {exc}") from exc
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXIES else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every page: nothing inline, nothing from elsewhere. Pages have no script of their own;
# the admin's scripts and every stylesheet are files served from this site (django-csp).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_NONE],
        "script-src": [CSP_SELF],
        "style-src": [CSP_SELF],
        "img-src": [CSP_SELF],
        "font-src": [CSP_SELF],
        "connect-src": [CSP_SELF],
        "manifest-src": [CSP_SELF],
        "form-action": [CSP_SELF],
        "frame-ancestors": [CSP_NONE],
        "base-uri": [CSP_NONE],
    }
}
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)

# Read-only CORS: any origin may read the API; writes need a token and same-origin rules.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Link"]

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "collaborations.submissions.tokens.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PARSER_CLASSES": [
        "collaborations.api.parsers.StrictJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    # Anonymous: 600 an hour lets a script page through 100,000 sites, 50 to a page,
    # in under four hours; an API key (a token) gets API_KEY_RATE.
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_ANON_RATE", "600/hour"),
        "key": env_str("API_KEY_RATE", "6000/hour"),
    },
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Rallying API",
    "DESCRIPTION": "Collaborations in local public services: sites, their cited facts, "
    "and the reference data that classifies them. Whole catalogue: "
    "[CSV](/api/v1/sites/export.csv), [JSON](/api/v1/sites/export.json). "
    "Guide with curl, requests and pandas examples: docs/api.md in the repository.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "collaborations.api.schema_enums.slug_enums",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # validatorUrl off: Swagger UI would otherwise send the schema to validator.swagger.io.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
