"""Django's PostgreSQL back-end, with a health check that costs no round trip.

With ``CONN_HEALTH_CHECKS`` Django asks the server ``SELECT 1`` before each request's
first query on a persistent connection, so that a connection the server has closed (a
restart, an idle timeout, an administrator's ``pg_terminate_backend``) is replaced instead
of failing the request. That is one round trip per request, a wait on two shared cores as
long as the query the request came for.

A server that closes a connection says so on its socket: it sends its termination notice
and hangs up, and the socket of an idle connection becomes readable. So the check here
asks the operating system first (``poll`` with no timeout, no round trip): an idle
connection with nothing to read is usable; one with something to read gets Django's own
``SELECT 1``, which fails on a closed connection (the connection is then replaced) and
succeeds if what arrived was harmless. A server that vanishes without a word (the host
lost power, the network cut) is not detected by either check until a timeout; that case
is unchanged. ``tests/core/test_db_health.py``.
"""

import select

from django.db.backends.postgresql.base import DatabaseWrapper as PostgreSQLDatabaseWrapper


class DatabaseWrapper(PostgreSQLDatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed:
            return False
        try:
            # poll, not select: no limit on the descriptor's number (select's is 1 024).
            poller = select.poll()
            poller.register(connection.fileno(), select.POLLIN | select.POLLPRI)
            events = poller.poll(0)
        except (OSError, ValueError):
            return False
        if events:  # the server said something (or hung up) while idle: ask it
            return super().is_usable()
        return True
