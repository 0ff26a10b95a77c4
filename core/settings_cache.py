"""Values computed from settings, kept until a setting changes.

A function that turns settings into a value and runs on every request (the counters and
the page cache answer thousands of requests a second) is decorated with ``per_settings``:
its value is computed once, then forgotten whenever Django's ``setting_changed`` signal
says a setting changed (``override_settings``, pytest-django's ``settings`` fixture). Such
functions still read the settings "at call time" as far as tests and deployments can tell.
"""

import functools

from django.core.signals import setting_changed

_functions = []


def per_settings(function):
    """``function`` (of hashable arguments) computed once per settings state."""
    cached = functools.lru_cache(maxsize=64)(function)
    _functions.append(cached)
    return cached


def _forget(**kwargs):
    for function in _functions:
        function.cache_clear()


setting_changed.connect(_forget, dispatch_uid="core.settings_cache")
