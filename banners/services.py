"""Write paths and cached reads of the banners app."""

from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

import pagecache
from banners.models import Banner, BannerPosition
from core.caching import content_cache_seconds

# Another process running on a per-process cache (no Redis) misses our invalidation, so no
# cached list lives longer than this (5 s then: ``core.caching``); with Redis the signal
# handlers make changes instant.
CACHE_MAX_SECONDS = 60
CACHE_KEY = "banners:visible:{position}"


def banner_record_click(*, banner):
    """Count one click on ``banner``: a single atomic UPDATE, safe under concurrency."""
    with transaction.atomic():
        Banner.objects.filter(pk=banner.pk).update(click_count=F("click_count") + 1)


def banners_set_active(*, banners, is_active):
    """Switch the given banners on or off in one UPDATE; the cached lists and pages are
    dropped (an UPDATE sends no signal)."""
    with transaction.atomic():
        count = banners.update(is_active=is_active, updated_at=timezone.now())
        banners_invalidate_cache()
        pagecache.invalidate()
    return count


def _as_item(banner):
    return {
        "id": banner.pk,
        "title": banner.title,
        "alt_text": banner.alt_text,
        "image_url": banner.image.url,
        "width": banner.image_width,
        "height": banner.image_height,
        "click_url": banner.get_click_url(),
    }


def banners_visible(*, position, now=None):
    """The banners the public sees at ``position`` now, as plain dicts (cached).

    The cached list expires at the next moment a banner of that position enters or leaves
    its window (at most ``CACHE_MAX_SECONDS``), and is dropped when a banner is saved or
    deleted (``banners_invalidate_cache``).
    """
    if position not in BannerPosition.values:
        return []
    key = CACHE_KEY.format(position=position)
    items = cache.get(key)
    if items is not None:
        return items
    now = now or timezone.now()
    of_position = Banner.objects.filter(position=position)
    items = [_as_item(banner) for banner in of_position.active(now)]
    timeout = content_cache_seconds(CACHE_MAX_SECONDS)
    next_change = of_position.next_change_after(now)
    if next_change is not None:
        until_change = (next_change - now) / timedelta(seconds=1)
        timeout = max(1, min(timeout, int(until_change)))
    cache.set(key, items, timeout)
    return items


def banners_invalidate_cache():
    """Forget every cached banner list, now and once the current transaction commits."""
    keys = [CACHE_KEY.format(position=position) for position in BannerPosition.values]
    cache.delete_many(keys)
    # A page rendered between our write and its commit may have cached the old list.
    transaction.on_commit(lambda: cache.delete_many(keys))
