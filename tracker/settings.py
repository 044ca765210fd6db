"""Settings for the pledge tracker, read from the environment (see .env.example).

With nothing set, the tracker runs in production mode and refuses to start
without DJANGO_SECRET_KEY; `make run` sets DJANGO_DEBUG=true for local use.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from tracker.env import env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is not 'true' "
            "(generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))')"
        )
    # Development only: a key that changes with every start is fine for
    # a local demo and can never leak into production.
    SECRET_KEY = "dev-only-insecure-" + os.urandom(16).hex()

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is not 'true'")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "django_tables2",
    "simple_history",
    "axes",
    "tracker",
    "pledges",
]

MIDDLEWARE = [
    # First: forget X-Forwarded-Proto unless a trusted proxy sent it, before
    # SecurityMiddleware decides about the HTTPS redirect.
    "tracker.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # After whitenoise (static files never touch the database) and inside the
    # CSP middleware (the 503 page carries the policy too).
    "tracker.middleware.DatabaseUnavailableMiddleware",
    "tracker.middleware.ReplicaReadsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Innermost but for axes: caches what the views in TRACKER_CACHED_VIEWS
    # return, before the outer middleware adds headers and cookies.
    "tracker.cache.PublicPageCacheMiddleware",
    # Last, as django-axes requires: it turns a lockout into a 429 page.
    "axes.middleware.AxesMiddleware",
]

# A database error anywhere (not only in a view) becomes a 503, not a 500.
# (handler500 is set in tracker/urls.py.)

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

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
                "django.template.context_processors.csp",
            ],
        },
    },
]

# SQLite under var/ by default, so a checkout runs with no set-up;
# DATABASE_URL=postgres://... for production and for the PostgreSQL test run.
_DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'tracker.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or _DEFAULT_DATABASE_URL,
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
# Read replicas (PostgreSQL streaming replicas): public GET requests read from
# one of them, chosen per request; writes and the admin stay on the primary
# (tracker/db.py, DATABASE_ROUTERS below).
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS", []), start=1):
    DATABASES[f"replica_{_number}"] = dj_database_url.parse(
        _url, conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 0), conn_health_checks=True
    )
    # In tests a replica is the default database under another name.
    DATABASES[f"replica_{_number}"]["TEST"] = {"MIRROR": "default"}
DATABASE_REPLICAS = [alias for alias in DATABASES if alias.startswith("replica_")]
DATABASE_ROUTERS = ["tracker.db.ReplicaRouter"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
for _alias, _database in DATABASES.items():
    if _database["ENGINE"] != "django.db.backends.postgresql":
        continue
    _options = _database.setdefault("OPTIONS", {})
    # Fail fast instead of hanging when the server is unreachable.
    _options.setdefault("connect_timeout", env_int("DJANGO_DB_CONNECT_TIMEOUT", 3))
    # Optional cap on any one statement (milliseconds): a runaway query is
    # cancelled (and answered 503) before gunicorn kills the worker.
    if env_int("DJANGO_DB_STATEMENT_TIMEOUT_MS", 0):
        _options["options"] = f"-c statement_timeout={env_int('DJANGO_DB_STATEMENT_TIMEOUT_MS', 0)}"
    # Connection pooling (psycopg_pool) per worker process: DJANGO_DB_POOL=true.
    # A request waits at most DJANGO_DB_POOL_TIMEOUT seconds for a free
    # connection and then gets a 503, never a 30-second hang.
    # `python manage.py check_db_capacity` compares the sizes with max_connections.
    if env_bool("DJANGO_DB_POOL", default=False):
        if _database.get("CONN_MAX_AGE"):
            raise ImproperlyConfigured("DJANGO_DB_POOL replaces DJANGO_CONN_MAX_AGE: set it to 0")
        _options["pool"] = {
            "min_size": env_int("DJANGO_DB_POOL_MIN_SIZE", 2),
            "max_size": env_int("DJANGO_DB_POOL_MAX_SIZE", 4),
            "timeout": env_int("DJANGO_DB_POOL_TIMEOUT", 3),
        }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caching: Redis shared by all app servers when REDIS_URL is set, else a
# per-process memory cache. Public pages and counts are cached under a
# "generation" that every change to a pledge bumps (tracker/cache.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "tracker",
            # A slow or absent Redis must not stall a request for long.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Upper bound on how stale a cached public page can be (e.g. a replica that
# lagged behind the change that invalidated it).
TRACKER_PAGE_CACHE_SECONDS = env_int("TRACKER_PAGE_CACHE_SECONDS", 300)
# Public views whose GET responses are cached (URL names).
TRACKER_CACHED_VIEWS = [
    "pledges:pledge-list",
    "pledges:pledge-detail",
    "pledges:donor-detail",
    "pledges:system-detail",
    "pledges:report-detail",
    "pledges:donor-list",
    "pledges:system-list",
    "home",
]

# Editors' logins: django-axes locks a username+address pair after
# AXES_FAILURE_LIMIT failures for AXES_COOLOFF_TIME. The address is
# REMOTE_ADDR unless DJANGO_TRUSTED_PROXY_COUNT proxies append to
# X-Forwarded-For (tracker/security.py), so a forged header changes nothing.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("TRACKER_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("TRACKER_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "tracker.security.client_ip"
# axes' own admin registers an action without `permissions`; tracker/admin.py
# registers its models with one that declares them.
AXES_ENABLE_ADMIN = False
# Addresses of the proxies allowed to set X-Forwarded-Proto, and how many of
# them append to X-Forwarded-For in front of the app.
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES", ["127.0.0.1", "::1"])
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed names in production; plain files while debugging
        # so a fresh checkout needs no collectstatic.
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

# Pastes are bounded (the editor workflow refuses larger ones with a message);
# the request limit leaves room for the form around a maximal paste.
REPORT_MAX_BYTES = env_int("TRACKER_REPORT_MAX_BYTES", 2 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = REPORT_MAX_BYTES + 256 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = REPORT_MAX_BYTES + 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# The public filter's text search refuses longer queries with a form error
# (a convention shared with the public views).
TRACKER_SEARCH_MAX_LENGTH = 200

# Content Security Policy: no inline scripts or styles anywhere, so an
# injected <script> in a pasted report could not run even if escaping failed.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
}

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF cookie: forms carry the token, and JavaScript that
# posts takes it from the form's csrfmiddlewaretoken field.
CSRF_COOKIE_HTTPONLY = True

if not DEBUG:
    # Production sits behind a TLS-terminating proxy which must overwrite
    # X-Forwarded-Proto; only then is the header trusted.
    if env_bool("DJANGO_BEHIND_PROXY", default=True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

