"""``core.redis``: scripts deferred inside ``redis_batch()`` ride with the next script whose
answer is needed (one round trip), run when the batch ends otherwise, and never lose a
failure (their ``on_error`` is called)."""

import pytest

from core.redis import defer_script, redis_batch, run_script
from tests.support.redis import RoundTrips

INCR = "return redis.call('INCRBY', KEYS[1], ARGV[1])"
FAIL = "return redis.error_reply('broken on purpose')"


@pytest.fixture
def client(redis_mode):
    return redis_mode


def key(client, name):
    return f"{client.prefix}:batch:{name}"


def errors_into(errors):
    return errors.append


def test_a_deferred_script_rides_with_the_next_answer(client):
    errors = []
    run_script(client, INCR, keys=[key(client, "warm")], args=[1])  # connected, script loaded
    client.ping()  # the client's own pool connected too
    with RoundTrips() as trips, redis_batch():
        defer_script(client, INCR, keys=[key(client, "a")], args=[2], on_error=errors_into(errors))
        assert client.get(key(client, "a")) is None  # not sent yet (this GET is a trip)
        answer = run_script(client, INCR, keys=[key(client, "b")], args=[5])
    assert answer == 5
    assert trips.count == 2  # the GET above, then one pipeline with both scripts
    assert int(client.get(key(client, "a"))) == 2
    assert errors == []


def test_deferred_scripts_are_sent_when_the_batch_ends(client):
    errors = []
    run_script(client, INCR, keys=[key(client, "warm")], args=[1])  # connected, script loaded
    with RoundTrips() as trips:
        with redis_batch():
            for _ in range(3):
                defer_script(
                    client, INCR, keys=[key(client, "c")], args=[1], on_error=errors_into(errors)
                )
            assert trips.count == 0
        assert trips.count == 1
    assert int(client.get(key(client, "c"))) == 3
    assert errors == []


def test_outside_a_batch_a_deferred_script_runs_at_once(client):
    defer_script(client, INCR, keys=[key(client, "d")], args=[4], on_error=pytest.fail)
    assert int(client.get(key(client, "d"))) == 4


def test_a_failing_deferred_script_calls_its_fallback_and_the_answer_still_comes(client):
    errors = []
    with redis_batch():
        defer_script(client, FAIL, keys=[key(client, "e")], args=[], on_error=errors.append)
        defer_script(client, INCR, keys=[key(client, "f")], args=[1], on_error=errors.append)
        answer = run_script(client, INCR, keys=[key(client, "g")], args=[7])
    assert answer == 7
    assert len(errors) == 1 and "broken on purpose" in str(errors[0])
    assert int(client.get(key(client, "f"))) == 1


def test_scripts_unknown_to_the_server_are_loaded_and_run_once(client):
    errors = []
    client.script_flush()  # as after a Redis restart: every EVALSHA answers NOSCRIPT
    with redis_batch():
        defer_script(client, INCR, keys=[key(client, "h")], args=[1], on_error=errors.append)
        answer = run_script(client, INCR, keys=[key(client, "i")], args=[3])
    assert answer == 3
    assert int(client.get(key(client, "h"))) == 1  # ran exactly once
    assert errors == []


def test_redis_down_calls_every_fallback_and_raises_for_the_answer(settings):
    import redis

    down = redis.Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2)
    errors = []
    with pytest.raises(redis.exceptions.ConnectionError), redis_batch():
        defer_script(down, INCR, keys=["k"], args=[1], on_error=errors.append)
        run_script(down, INCR, keys=["k"], args=[1])
    assert len(errors) == 1
    errors.clear()
    with redis_batch():
        defer_script(down, INCR, keys=["k"], args=[1], on_error=errors.append)
    assert len(errors) == 1


def test_scripts_left_when_the_batch_ends_are_not_waited_for_and_settle_reads_them(client):
    from core.redis import settle

    errors = []
    run_script(client, INCR, keys=[key(client, "warm")], args=[1])  # connected, loaded
    with RoundTrips() as trips:
        with redis_batch():
            defer_script(client, INCR, keys=[key(client, "j")], args=[2], on_error=errors.append)
            defer_script(client, FAIL, keys=[key(client, "k")], args=[], on_error=errors.append)
        assert trips.count == 1  # written...
    assert errors == []  # ...but the answers (one of them an error) are not read yet
    settle()
    assert len(errors) == 1 and "broken on purpose" in str(errors[0])
    assert int(client.get(key(client, "j"))) == 2
    settle()  # nothing left: no second call of on_error
    assert len(errors) == 1


def test_an_unanswered_script_unknown_to_the_server_runs_once_when_settled(client):
    from core.redis import redis_connection

    errors = []
    run_script(client, INCR, keys=[key(client, "warm")], args=[1])
    client.script_flush()  # as after a Redis restart: the EVALSHA answers NOSCRIPT
    with redis_batch():
        defer_script(client, INCR, keys=[key(client, "l")], args=[3], on_error=errors.append)
    # Every reader settles this thread's unanswered writes first: the script is sent again
    # with its source, and runs exactly once.
    assert int(redis_connection().get(key(client, "l"))) == 3
    assert errors == []
