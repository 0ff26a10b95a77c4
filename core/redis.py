"""The shared Redis connection (django-redis's, the cache's own pool) and Lua scripts.

Used by the counters' Redis back-ends; only meaningful when ``REDIS_URL`` is set.
"""

_scripts = {}


def redis_connection():
    """The client of the ``default`` cache (raises when the cache is not Redis)."""
    from django_redis import get_redis_connection

    return get_redis_connection("default")


def redis_script(client, source):
    """``source`` registered once per Redis client (EVALSHA afterwards)."""
    key = (id(client), source)
    if key not in _scripts:
        _scripts[key] = client.register_script(source)
    return _scripts[key]
