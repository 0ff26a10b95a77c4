"""The Redis server of the tests: ``TEST_REDIS_URL`` (default DB 12 of the local server).

Each test that records in Redis uses key prefixes of its own and deletes only its keys, so
parallel runs may share the database; nothing is flushed wholesale.
"""

import os
import uuid

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/12")


def redis_available():
    try:
        import redis

        redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=0.5).ping()
    except Exception:
        return False
    return True


def use_redis(settings):
    """Point the cache and both counters (visitor statistics, article views) at the test
    Redis under a fresh prefix; returns the client, with ``client.prefix`` set."""
    prefix = f"test-{uuid.uuid4().hex}"
    settings.REDIS_URL = TEST_REDIS_URL
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": TEST_REDIS_URL,
            "KEY_PREFIX": f"{prefix}:cache",
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    settings.VISITORS_USE_REDIS = True
    settings.VISITORS_REDIS_PREFIX = f"{prefix}:visitors:"
    settings.NEWS_USE_REDIS = True
    settings.NEWS_REDIS_PREFIX = f"{prefix}:news:"
    from core.redis import redis_connection

    client = redis_connection()
    client.prefix = prefix
    return client


def forget(client):
    for key in client.scan_iter(match=f"{client.prefix}:*"):
        client.delete(key)


class RoundTrips:
    """Counts the round trips to Redis (each packed send: a command, or a whole pipeline)
    while it is open: ``with RoundTrips() as trips: ...; trips.count``."""

    def __enter__(self):
        from redis.connection import AbstractConnection

        self.count = 0
        self._class = AbstractConnection
        self._original = AbstractConnection.send_packed_command

        def counted(connection, command, check_health=True):
            self.count += 1
            return self._original(connection, command, check_health)

        AbstractConnection.send_packed_command = counted
        return self

    def __exit__(self, *exc):
        self._class.send_packed_command = self._original
