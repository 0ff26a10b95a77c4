"""Throttling per client address, read the way the rest of the portal reads it."""

from rest_framework.throttling import SimpleRateThrottle

from core.net import client_ip


class ClientRateThrottle(SimpleRateThrottle):
    """``API_RATE`` requests per client address (X-Forwarded-For only from trusted proxies)."""

    scope = "client"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}
