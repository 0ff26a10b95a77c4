"""core.db.postgresql: the health check asks the socket, and the server only when the
socket has something to say (a closed connection is still replaced, an idle healthy one
costs no round trip)."""

import time

import psycopg2
import pytest
from django.db import connection
from django.db.backends.postgresql.base import DatabaseWrapper as PostgreSQLDatabaseWrapper

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's back-end"),
    pytest.mark.django_db(transaction=True),
]


def other_connection():
    params = connection.get_connection_params()
    return psycopg2.connect(**{k: v for k, v in params.items() if k != "cursor_factory"})


def new_request():
    """What Django does when a request starts (``request_started``)."""
    connection.close_if_unusable_or_obsolete()


def server_queries(monkeypatch):
    """Counts Django's own ``SELECT 1`` health checks."""
    calls = []
    original = PostgreSQLDatabaseWrapper.is_usable

    def spy(self):
        calls.append(1)
        return original(self)

    monkeypatch.setattr(PostgreSQLDatabaseWrapper, "is_usable", spy)
    return calls


def test_the_project_uses_the_socket_checking_back_end():
    assert connection.settings_dict["ENGINE"] == "core.db.postgresql"
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def test_an_idle_healthy_connection_is_usable_without_asking_the_server(monkeypatch):
    connection.ensure_connection()
    calls = server_queries(monkeypatch)
    assert connection.is_usable() is True
    assert calls == []


def test_a_connection_the_server_closed_is_replaced_before_the_request_uses_it(monkeypatch):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        [old_pid] = cursor.fetchone()
    killer = other_connection()
    killer.autocommit = True
    with killer.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [old_pid])
    killer.close()
    time.sleep(0.2)  # the server's notice and hang-up reach the socket
    calls = server_queries(monkeypatch)
    new_request()
    with connection.cursor() as cursor:  # no error: the dead connection was replaced
        cursor.execute("SELECT pg_backend_pid()")
        [new_pid] = cursor.fetchone()
    assert new_pid != old_pid
    assert calls == [1]  # the socket had something to say: the server was asked
