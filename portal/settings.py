"""
Settings for the portal of Sở Khoa học và Công nghệ tỉnh Cao Bằng.

One module, read top to bottom. Every difference between a laptop, CI and production
comes from an environment variable with a safe default:

    DJANGO_DEBUG                 "1"/"true" turns debug on (default: off)
    DJANGO_SECRET_KEY            required when debug is off
    DJANGO_ALLOWED_HOSTS         comma-separated (default: localhost,127.0.0.1,[::1])
    DJANGO_CSRF_TRUSTED_ORIGINS  comma-separated origins, e.g. https://sokhcn.caobang.gov.vn
    DATABASE_URL                 default: SQLite file db.sqlite3 in the project folder
    DJANGO_CONN_MAX_AGE          seconds a database connection is kept (default 600; 0 behind
                                 pgbouncer in transaction mode)
    REDIS_URL                    optional; when set, cache (and shared counters) live in Redis
    MEDIA_ROOT                   default: media/ in the project folder
    PRIVATE_MEDIA_ROOT           files only staff may read (nomination attachments, council
                                 minutes, non-public documents); default: private/ in the
                                 project folder; never inside MEDIA_ROOT, never served
    PRIVATE_MEDIA_ACCEL_REDIRECT optional; nginx's internal location of PRIVATE_MEDIA_ROOT
                                 (e.g. /_private/): private files are sent by nginx
    DJANGO_STATIC_ROOT           where collectstatic writes (default: staticfiles/ in the project)
    DJANGO_SECURE                "1" in production behind HTTPS (secure cookies, HSTS, redirect)
    DJANGO_HSTS_SECONDS          HSTS max-age when DJANGO_SECURE is on (default: one year)
    DJANGO_SECURE_PROXY_SSL_HEADER  "1" only when a trusted proxy sets X-Forwarded-Proto
    TRUSTED_PROXIES              comma-separated proxy IPs whose X-Forwarded-For is believed
    DJANGO_LOG_LEVEL             default: INFO
    UPLOAD_IMAGE_MAX_*           limits on uploaded images (bytes, pixels, frames, all frames)
    LOGIN_CLIENT_FAILURE_LIMIT   failed logins from one address that lock it (default 30)
    LOGIN_RECORDS_RETENTION_DAYS days django-axes' login logs are kept (default 30)
    EMC_SCRIPT_URL               optional; the national monitoring system's (EMC) script, e.g.
                                 https://emc.example.gov.vn/emc.js: every public page loads it
                                 and the CSP admits exactly its origin (script, connect, img)
    EMC_SITE_ID                  optional; the site's code in EMC, passed to the script as
                                 data-site-id
    DRAFT_COMMENTS_PER_HOUR      comments on drafts one address may send per hour (default 5)
    API_RATE                     open-data API requests per client address (default 120/min)
    API_CACHE_SECONDS            Cache-Control max-age of API responses (default 300)
    API_LICENCE, API_LICENCE_URL the open-data licence the /api/ page names (default CC BY 4.0)
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core -------------------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG off the site refuses to start "
            "without a secret key: export DJANGO_SECRET_KEY=<a long random string> "
            "(`make run` generates one for you in .secret_key)."
        )
    SECRET_KEY = "insecure-debug-only-key"  # noqa: S105 - only ever used with DEBUG on

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "pagecache",
    "news",
    "visitors",
    "documents",
    "awards",
    "banners",
    "agency",
    "api",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "ckeditor",
    "ckeditor_uploader",
    "simple_history",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that reads the session or hands request values to the database.
    "portal.middleware.RejectNullCharactersMiddleware",
    # Answers cached public pages here; the rest of the stack has nothing to do for them.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.middleware.AdminContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "visitors.middleware.VisitorMiddleware",
    # Last, so that it sees a lock-out before anything else handles the failed login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

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
                "portal.context_processors.site",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------
# SQLite is the embedded default (no server needed to try the site). WAL lets readers run
# beside a writer; IMMEDIATE transactions take the write lock up front, so concurrent
# writers queue behind the busy timeout instead of failing with "database is locked".

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's back-end, each query text converted to sqlite3's parameters once.
    DATABASES["default"]["ENGINE"] = "core.db.sqlite3"
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
    # A file (not :memory:) so that several processes and the live server share the test
    # database; the pid keeps simultaneous test runs apart.
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("DJANGO_TEST_SQLITE", f"/tmp/portal-test-{os.getpid()}.sqlite3")
    }
else:
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's back-end, with a health check that asks the socket, not the server.
    DATABASES["default"]["ENGINE"] = "core.db.postgresql"
# Persistent connections: opening one (and, on SQLite, running the PRAGMAs) per request
# costs more than most pages' queries. The health check replaces a connection the server
# has closed before the request uses it (on PostgreSQL without a round trip:
# core.db.postgresql).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DJANGO_CONN_MAX_AGE", "600"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------------------

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                # With Redis down the site keeps serving from the database.
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
        }
    }

# Sessions are read through the cache only when the cache is shared by every worker and
# server (Redis). A per-process cache would let a logged-out cookie live on in the workers
# that cached it: logging out must end the session everywhere at once.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

# --- Authentication and login throttling ------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.views.lockout"
# A second lock on the client address alone, whatever the username (password spraying):
# portal/login_throttle.py.
AXES_HANDLER = "portal.login_throttle.LoginThrottleHandler"
LOGIN_CLIENT_FAILURE_LIMIT = int(os.environ.get("LOGIN_CLIENT_FAILURE_LIMIT", 30))
LOGIN_CLIENT_WINDOW = timedelta(minutes=15)
# What django-axes keeps (privacy): the successful-login log and the failure log for this
# many days (``manage.py prune_login_records``); attempts only while they can still lock.
LOGIN_RECORDS_RETENTION_DAYS = int(os.environ.get("LOGIN_RECORDS_RETENTION_DAYS", 30))
AXES_CLIENT_IP_CALLABLE = "core.net.client_ip"
# portal/admin.py registers axes' admin classes itself (every action declares a permission).
AXES_ENABLE_ADMIN = False
AXES_USERNAME_CALLABLE = "core.net.axes_username"

# Comments on drafts for comment (/van-ban/du-thao/) a client address may send per hour.
DRAFT_COMMENTS_PER_HOUR = int(os.environ.get("DRAFT_COMMENTS_PER_HOUR", 5))

# --- Open-data API (/api/) -----------------------------------------------------------------
# Read-only and anonymous: no authentication class, so no session and no CSRF are involved.
API_RATE = os.environ.get("API_RATE", "120/min")
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", 300))
# The licence the catalogue page names; the department chooses it (wording not fixed by law).
API_LICENCE = os.environ.get("API_LICENCE", "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)")
API_LICENCE_URL = os.environ.get(
    "API_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/deed.vi"
)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "api.renderers.CSVRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"client": API_RATE},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_METADATA_CLASS": None,
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Dữ liệu mở – Sở Khoa học và Công nghệ tỉnh Cao Bằng",
    "DESCRIPTION": "API chỉ đọc: tin bài, văn bản, cơ cấu tổ chức, cán bộ, khen thưởng, "
    "thống kê truy cập (Thông tư 22/2023/TT-BTTTT).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "LICENSE": {"name": API_LICENCE, "url": API_LICENCE_URL},
    # /api/docs/: Swagger UI from drf-spectacular-sidecar's copy, served by whitenoise.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Internationalisation ---------------------------------------------------------------

LANGUAGE_CODE = "vi"
# One language: a browser asking for English must not switch the numbers' format
# (1.234.567) on pages that every reader shares through the page cache.
LANGUAGES = [("vi", _("Tiếng Việt"))]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]

# --- Static and media files -------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "portal.staticfiles.AppDirectoriesFinder",
]
# Never collected nor served (portal/staticfiles.py): CKEditor's manual tests, samples and
# stand-alone HTML pages of plugins the toolbar does not load.
STATICFILES_EXCLUDED = [
    "ckeditor/ckeditor/plugins/*/tests",
    "ckeditor/ckeditor/samples",
    "ckeditor/ckeditor/*.html",
    "ckeditor/ckeditor/bender-runner.config.json",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Never under MEDIA_ROOT: nothing there may be reachable by URL. Files are delivered by
# core.private_files.serve_private_file, which checks the staff member's permission.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private"))
_public, _private = MEDIA_ROOT.resolve(), PRIVATE_MEDIA_ROOT.resolve()
if _private.is_relative_to(_public) or _public.is_relative_to(_private):
    raise ImproperlyConfigured("PRIVATE_MEDIA_ROOT must lie outside MEDIA_ROOT (and not hold it).")
PRIVATE_MEDIA_ACCEL_REDIRECT = os.environ.get("PRIVATE_MEDIA_ACCEL_REDIRECT", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Uploaded images: what Pillow must accept before anything is stored.
UPLOAD_IMAGE_MAX_BYTES = int(os.environ.get("UPLOAD_IMAGE_MAX_BYTES", 5 * 1024 * 1024))
UPLOAD_IMAGE_MAX_PIXELS = int(os.environ.get("UPLOAD_IMAGE_MAX_PIXELS", 40_000_000))
# An animated GIF is decoded frame by frame: bound the frames as well as each frame's size.
UPLOAD_IMAGE_MAX_FRAMES = int(os.environ.get("UPLOAD_IMAGE_MAX_FRAMES", 300))
# Pillow composes each frame on the whole canvas: width × height × frames is what decoding
# costs, and a few-KB GIF can claim billions. Refused above this, from the header.
UPLOAD_IMAGE_MAX_TOTAL_PIXELS = int(os.environ.get("UPLOAD_IMAGE_MAX_TOTAL_PIXELS", 60_000_000))
# An animation larger than this in all its frames is stored as its first frame (Pillow
# writes an animation holding every frame in memory).
UPLOAD_IMAGE_MAX_ANIMATION_PIXELS = int(
    os.environ.get("UPLOAD_IMAGE_MAX_ANIMATION_PIXELS", 8_000_000)
)
# Documents (PDF, Word) attached to records: checked by content, at most this size.
UPLOAD_DOCUMENT_MAX_BYTES = int(os.environ.get("UPLOAD_DOCUMENT_MAX_BYTES", 10 * 1024 * 1024))
# Files attached to news articles (PDF, Office, OpenDocument). Keep nginx's
# client_max_body_size above it (docs/deploy.md).
UPLOAD_ATTACHMENT_MAX_BYTES = int(os.environ.get("UPLOAD_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))

# --- Rich text editor -------------------------------------------------------------------
# django-ckeditor bundles CKEditor 4 (end of life, open XSS advisories). It is wired in one
# module (news/editor.py) so that it can be swapped. The uploader is staff-only and
# images-only, and every rich-text field is sanitized server-side with nh3 when saved.

CKEDITOR_UPLOAD_PATH = "uploads/"
CKEDITOR_ALLOW_NONIMAGE_FILES = False
# Our backend re-encodes through core.uploads (Pillow-verified, bounded, no metadata) and
# the generator gives every stored file a random name: nothing an uploader names survives.
CKEDITOR_IMAGE_BACKEND = "core.uploads.CKEditorImageBackend"
CKEDITOR_FILENAME_GENERATOR = "core.uploads.ckeditor_filename"
CKEDITOR_RESTRICT_BY_DATE = True
CKEDITOR_BROWSE_SHOW_DIRS = False
CKEDITOR_CONFIGS = {
    "default": {
        "toolbar": "Custom",
        "toolbar_Custom": [
            ["Format", "Bold", "Italic", "Underline"],
            ["NumberedList", "BulletedList", "Blockquote"],
            ["Link", "Unlink"],
            ["Image", "Table"],
            ["RemoveFormat", "Source"],
        ],
        "format_tags": "p;h2;h3;h4",
        "height": 400,
        "width": "100%",
        "language": "vi",
        # image2 (bundled with django-ckeditor): a real caption, <figure class="image">
        # with <figcaption>, instead of the old dialog whose "Chú thích ảnh" was the alt.
        "extraPlugins": "image2",
        "removePlugins": "image",
        # Uploaded images no wider than the editing area, as on the site.
        "contentsCss": [
            f"{STATIC_URL}ckeditor/ckeditor/contents.css",
            f"{STATIC_URL}news/editor_contents.css",
        ],
    }
}
SILENCED_SYSTEM_CHECKS = [
    # ckeditor.W001 warns that CKEditor 4 is end of life. Mitigations in this project:
    # nh3 sanitizes every rich-text body on save (news.sanitize), the uploader is
    # staff-only and accepts only Pillow-verified images, media is served with
    # X-Content-Type-Options: nosniff, and the editor lives in news/editor.py alone.
    "ckeditor.W001",
]

# --- Security headers -------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE = env_bool("DJANGO_SECURE", False)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000)) if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Only the site's own scripts, styles and images on public pages. The admin's editor needs
# inline styles and scripts; portal.middleware relaxes the policy for the prefixes below
# alone (CKEditor 4 builds its toolbar with inline styles, runs inline handlers, previews
# pasted images as blob:/data: URLs, and its upload dialog answers inside a same-origin
# frame).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
CSP_RELAXED_PREFIXES = ("/admin/", "/ckeditor/")

# The national monitoring system (EMC, Thông tư 22/2023/TT-BTTTT): a script the operator
# supplies. Unset, nothing changes; set, its origin alone joins script-src, connect-src and
# img-src (the script reports by fetch and by image beacons).
EMC_SCRIPT_URL = os.environ.get("EMC_SCRIPT_URL", "").strip()
EMC_SITE_ID = os.environ.get("EMC_SITE_ID", "").strip()


def csp_admitting(policy, script_url):
    """``policy`` with the origin of ``script_url`` added where a monitoring script needs it."""
    if not script_url:
        return policy
    parts = urlsplit(script_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ImproperlyConfigured(f"EMC_SCRIPT_URL must be an http(s) URL, not {script_url!r}")
    origin = f"{parts.scheme}://{parts.netloc}"
    directives = dict(policy["DIRECTIVES"])
    for name in ("script-src", "connect-src", "img-src"):
        directives[name] = [*directives[name], origin]
    return {**policy, "DIRECTIVES": directives}


CONTENT_SECURITY_POLICY = csp_admitting(CONTENT_SECURITY_POLICY, EMC_SCRIPT_URL)

# Proxies whose X-Forwarded-For header is believed (visitor statistics, login throttling).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# --- Logging ----------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "axes": {"level": "WARNING"},
    },
}

# --- The site ---------------------------------------------------------------------------

SITE_NAME = "Sở Khoa học và Công nghệ tỉnh Cao Bằng"
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# The department's contact details until staff enter them in the admin (agency app), read through
# portal.context_processors.site_contact). Since 1 July 2025 there is no district level:
# the ward belongs to the province directly.
SITE_CONTACT = {
    "address": "Số 044, đường Hoàng Đình Giong, phường Hợp Giang, tỉnh Cao Bằng",
    "phone": "0206.3852.648",
    "email": "sokhcn@caobang.gov.vn",
}
