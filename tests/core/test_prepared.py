"""``core.counters.prepared``: a counter statement planned once per database connection
(a server-side prepared statement on PostgreSQL), the same statement elsewhere."""

import pytest
from django.db import connection

from core.counters import prepared

SQL = "SELECT %s::int + %s::int, %s::text"


def prepared_names():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_prepared_statements")
        return {name for (name,) in cursor.fetchall()}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's PREPARE")
@pytest.mark.django_db(transaction=True)
def test_a_counter_statement_is_prepared_once_per_connection():
    statement = prepared(SQL)
    assert statement.startswith("EXECUTE portal_counter_")
    assert statement.endswith("(%s, %s, %s)")
    name = statement.split()[1].split("(")[0]
    assert name in prepared_names()
    # Known on this connection: not prepared again (PostgreSQL would refuse a second
    # PREPARE of the same name: "prepared statement … already exists").
    assert prepared(SQL) == statement
    with connection.cursor() as cursor:
        cursor.execute(statement, [2, 3, "bốn"])  # client-side parameters, as before
        assert cursor.fetchone() == (5, "bốn")
    connection.close()  # a new connection (a restart, CONN_MAX_AGE) prepares again
    assert prepared(SQL) == statement
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE name = %s", [name])
        assert cursor.fetchone() == (f"PREPARE {name} AS SELECT $1::int + $2::int, $3::text",)
        cursor.execute(statement, [4, 5, "x"])
        assert cursor.fetchone() == (9, "x")


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite runs the statement")
def test_without_postgresql_the_statement_is_itself():
    assert prepared(SQL) == SQL


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's PREPARE")
@pytest.mark.django_db(transaction=True)
def test_a_connection_per_request_prepares_nothing(monkeypatch):
    # CONN_MAX_AGE = 0, as behind pgbouncer in transaction mode (docs/deploy.md): another
    # request may get another server connection, without the prepared statement.
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 0)
    assert prepared(SQL + " -- per request") == SQL + " -- per request"
