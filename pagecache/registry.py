"""What the apps tell the page cache in their ``AppConfig.ready()``: the holes they fill,
the models whose changes make pages stale, the cache keys their holes read, and what must
still happen when a page is answered from the cache."""

import html
import logging

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.safestring import SafeString

from pagecache import storage

logger = logging.getLogger(__name__)

_holes = {}
_prefetch = []
_served_hooks = []
_served_scripts = {}


def register_hole(name, function):
    """``{% hole name %}`` is filled by ``function(request, meta)`` on every request.

    ``request`` is ``None`` when a template is rendered without one.
    Names are lower-case letters and underscores (they are stored in cached pages).
    Registering the same name again replaces the function (e.g. Django's autoreloader).
    """
    if not storage.HOLE_NAME.fullmatch(name):
        raise ValueError(f"invalid hole name {name!r}: use a-z and _")
    _holes[name] = function


def register_prefetch(*keys):
    """Cache keys read together with the page on a hit (``page_state().prefetched``)."""
    _prefetch.extend(key for key in keys if key not in _prefetch)


def prefetch_keys():
    return list(_prefetch)


def register_served_hook(function):
    """``function(request, response)`` runs for each page answered from the cache, once
    its status and headers are set and before its holes are filled (the content is not
    there yet), inside ``core.redis.redis_batch()``."""
    if function not in _served_hooks:
        _served_hooks.append(function)


def register_served_script(name, function):
    """``function(request, page)`` returns a ``core.redis.Guarded`` script (or ``None``)
    that serving the page from the cache costs (a page view, an article's view count),
    sent with the page's own lookup and run only if the content version is still the one
    under which this process last answered the page (``page``: a ``KnownPage``, its meta
    and headers as then). What it answered is ``scripted(request, name)`` (a value, or
    ``core.redis.LOST``); ``None`` when it did not run, and then whatever it stands for
    must be done as without it. Used with Redis only."""
    _served_scripts[name] = function


def served_scripts(request, page):
    """``[(name, Guarded)]`` of the served scripts that apply to ``request`` and ``page``."""
    scripts = []
    for name, function in _served_scripts.items():
        try:
            script = function(request, page)
        except Exception:  # done as without it
            logger.exception("pagecache: served script %r failed", name)
            continue
        if script is not None:
            scripts.append((name, script))
    return scripts


def run_served_hooks(request, response):
    for function in _served_hooks:
        try:
            function(request, response)
        except Exception:  # a hook must never take the page down
            logger.exception("pagecache: served hook %r failed", function)


def hole_value(request, name, meta):
    """The escaped value of hole ``name`` for ``request``; empty if it cannot be had."""
    function = _holes.get(name)
    if function is None:
        logger.warning("pagecache: no hole named %r is registered", name)
        return ""
    try:
        value = function(request, meta)
        # ``conditional_escape`` without its lazy-string wrapper (called for every hole
        # of every cached page): safe values as they are, anything else escaped.
        if hasattr(value, "__html__"):
            return value.__html__()
        return SafeString(html.escape(str(value)))
    except Exception:
        logger.exception("pagecache: hole %r failed", name)
        return ""


def hole_values(request, names, meta):
    """``{name: value}`` for every distinct hole of a page."""
    return {name: hole_value(request, name, meta) for name in set(names)}


def invalidate():
    """Every cached page is stale: now, and again when the current transaction commits.

    Called by the signal handlers of the registered models and by every service that
    changes content with ``QuerySet.update()`` (which sends no signal).
    """
    storage.bump_version()
    if connection.in_atomic_block:
        # A request may render the page from the rows as they were before this commit,
        # under the version just bumped: bump once more when the new rows are visible.
        transaction.on_commit(storage.bump_version)


def _model_changed(sender, **kwargs):
    invalidate()


def register_models(*models):
    """Saving or deleting a row of any of ``models`` invalidates every cached page."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(_model_changed, sender=model, dispatch_uid=f"pagecache.save.{label}")
        post_delete.connect(_model_changed, sender=model, dispatch_uid=f"pagecache.delete.{label}")
