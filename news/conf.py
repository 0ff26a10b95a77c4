"""Settings of the news app, each with its default (computed once per settings state,
``core.settings_cache``)."""

from datetime import timedelta

from django.conf import settings

from core.redis import counter_settings
from core.settings_cache import per_settings


@per_settings
def view_dedupe_window():
    """How long a visitor's repeated views of one article count as one (default 30 min)."""
    return timedelta(minutes=getattr(settings, "NEWS_VIEW_DEDUPE_MINUTES", 30))


@per_settings
def list_cache_seconds():
    """Longest life of the cached article lists; changes also clear them at once."""
    return getattr(settings, "NEWS_LIST_CACHE_SECONDS", 60)


@per_settings
def index_size():
    """How many of the newest published articles the list cache holds."""
    return getattr(settings, "NEWS_INDEX_SIZE", 100)


# NEWS_USE_REDIS: count article views in Redis (default: when REDIS_URL is set);
# NEWS_REDIS_PREFIX: prefix of the view counter's Redis keys.
use_redis, redis_prefix = counter_settings("NEWS", "portal:news:")


@per_settings
def search_timeout_ms():
    """Longest a search may run before the database cancels it (default 2 s)."""
    return getattr(settings, "NEWS_SEARCH_TIMEOUT_MS", 2000)


@per_settings
def search_max_results():
    """How many matches a search ranks and pages through: the newest ones (default 1 000).

    Ranking reads every candidate's document; a word found in most articles would
    otherwise have the whole archive read for each search.
    """
    return getattr(settings, "NEWS_SEARCH_MAX_RESULTS", 1000)


PER_PAGE = 10
# "Tin cùng chuyên mục": how many newer and how many older articles of the category.
NEIGHBOURS = 5
SEARCH_MAX_LENGTH = 200
SEARCH_MAX_WORDS = 10
