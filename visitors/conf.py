"""Settings of the visitor statistics, each with a default (computed once per settings
state, ``core.settings_cache``: a changed setting is seen at once, as if read at call time).

    VISITORS_ONLINE_MINUTES            "Đang truy cập" window (default 5)
    VISITORS_VISIT_TIMEOUT_MINUTES     a visit ends after this long without a page view (30)
    VISITORS_CACHE_SECONDS             how long the widget may show cached numbers (5)
    VISITORS_ACTIVITY_RETENTION_HOURS  per-visitor activity kept this long (24, at least 24)
    VISITORS_SALT_RETENTION_DAYS       daily salts older than this are deleted (2)
    VISITORS_DAILY_SHARDS              rows per day that page views are spread over (8)
    VISITORS_RECORD_STAFF              count page views of logged-in staff (False)
    VISITORS_USE_REDIS                 record in Redis (default: on when REDIS_URL is set)
    VISITORS_REDIS_PREFIX              prefix of the Redis keys ("portal:visitors:")
    VISITORS_EXCLUDED_PREFIXES         paths never recorded, added to the built-in list
"""

from datetime import timedelta

from django.conf import settings

from core.redis import counter_settings
from core.settings_cache import per_settings


@per_settings
def online_window():
    return timedelta(minutes=getattr(settings, "VISITORS_ONLINE_MINUTES", 5))


@per_settings
def visit_timeout():
    return timedelta(minutes=getattr(settings, "VISITORS_VISIT_TIMEOUT_MINUTES", 30))


@per_settings
def cache_seconds():
    # The widget may lag behind by at most five seconds, whatever the setting says.
    return max(0, min(5, getattr(settings, "VISITORS_CACHE_SECONDS", 5)))


@per_settings
def activity_retention():
    # Below a day a visitor's row could be pruned while its hash is still in use, and the
    # visitor would be counted a second time that day.
    hours = max(24, getattr(settings, "VISITORS_ACTIVITY_RETENTION_HOURS", 24))
    return max(timedelta(hours=hours), visit_timeout(), online_window())


@per_settings
def salt_retention():
    return timedelta(days=max(1, getattr(settings, "VISITORS_SALT_RETENTION_DAYS", 2)))


@per_settings
def daily_shards():
    return max(1, int(getattr(settings, "VISITORS_DAILY_SHARDS", 8)))


@per_settings
def record_staff():
    return bool(getattr(settings, "VISITORS_RECORD_STAFF", False))


use_redis, redis_prefix = counter_settings("VISITORS", "portal:visitors:")


@per_settings
def excluded_prefixes():
    """Path prefixes that are never page views: files, the admin, machine endpoints."""
    prefixes = [
        settings.STATIC_URL or "/static/",
        settings.MEDIA_URL or "/media/",
        "/admin/",
        "/ckeditor/",
        "/healthz",
        "/rss/",
        "/sitemap",
        "/robots.txt",
        "/favicon.ico",
        "/api/v1/",
        "/api/schema/",
    ]
    prefixes += list(getattr(settings, "VISITORS_EXCLUDED_PREFIXES", []))
    # A STATIC_URL on another host ("https://cdn...") never reaches this site.
    return tuple("/" + p.lstrip("/") for p in prefixes if "://" not in p)
