"""The shared Redis connection (django-redis's, the cache's own pool) and Lua scripts.

Used by the counters' Redis back-ends; only meaningful when ``REDIS_URL`` is set.

Fewer round trips: within ``redis_batch()`` (the page cache opens one around a page it
answers), a script whose answer the request does not need (the page view of the visitor
statistics) is *deferred* with ``defer_script``: it is sent in the same pipeline as the
next script whose answer is needed (``run_script``: the article's view count), or when the
batch ends. The pipeline is not a transaction: each script stays atomic on its own, and a
deferred script that fails calls its ``on_error`` (which records elsewhere, so nothing is
lost). Outside a batch both run at once, as a plain script call.

No wait for an answer nobody needs: scripts still deferred when the batch ends (a cached
home page's page view) are written without waiting for Redis's answer; the answers are
read before this thread's next use of its connection (``settle``: every ``send``, every
``redis_connection()``, and at exit), when they have long arrived, and a failure is
handled then as it would have been at once (NOSCRIPT: sent again with its source;
another error: ``on_error``). Redis runs each command as it arrives, so the write is
counted the moment it is sent; a reader on another connection is sent its command after
it, and this thread's own readers settle first.

Less work per command on the hot path: the scripts above and the page cache's lookup
(``cache_get_many``, ``cache_get_many_guarded``) go on a connection each thread keeps for
itself (the pool's connection class and options), written and read directly: redis-py's client
layers (the pool's lock and its stale-connection poll, retries, the telemetry hooks) cost
several times the command itself there (measured with callgrind: an ``MGET`` through
the client 162 000 instructions, on the connection 39 000). Replies are parsed by hiredis.
"""

import atexit
import contextvars
import functools
import hashlib
import logging
import os
import pickle
import threading
from contextlib import contextmanager
from typing import Any, NamedTuple

logger = logging.getLogger(__name__)

_scripts = {}
_pending = contextvars.ContextVar("core_redis_pending", default=None)
_own = threading.local()


class _Deferred(NamedTuple):
    client: Any
    source: str
    keys: list
    args: list
    on_error: Any


def counter_settings(app, default_prefix):
    """The Redis settings of a counter app, as ``(use_redis, redis_prefix)`` functions:
    ``<APP>_USE_REDIS`` (by default on when ``REDIS_URL`` is set) and ``<APP>_REDIS_PREFIX``
    (``default_prefix``), each computed once per settings state."""
    from django.conf import settings

    from core.settings_cache import per_settings

    @per_settings
    def use_redis():
        default = bool(getattr(settings, "REDIS_URL", ""))
        return bool(getattr(settings, f"{app}_USE_REDIS", default))

    @per_settings
    def redis_prefix():
        return getattr(settings, f"{app}_REDIS_PREFIX", default_prefix)

    return use_redis, redis_prefix


def redis_connection():
    """The client of the ``default`` cache (raises when the cache is not Redis), once this
    thread's unanswered writes are settled (so that it reads what they wrote)."""
    from django_redis import get_redis_connection

    settle()
    return get_redis_connection("default")


def redis_script(client, source):
    """``source`` registered once per Redis client (EVALSHA afterwards)."""
    key = (id(client), source)
    if key not in _scripts:
        _scripts[key] = client.register_script(source)
    return _scripts[key]


def _connection(client):
    """This thread's own connection to ``client``'s server (made again after a fork)."""
    pool = client.connection_pool
    connection = getattr(_own, "connection", None)
    if connection is None or _own.pool is not pool or _own.pid != os.getpid():
        if connection is not None and _own.pid == os.getpid():
            settle()  # another server now (settings changed): finish with the old one
            connection.disconnect()
        connection = pool.connection_class(**pool.connection_kwargs)
        _own.connection, _own.pool, _own.pid, _own.unread = connection, pool, os.getpid(), []
    return connection


def _settled_connection(client):
    """``_connection(client)``, once this thread's unanswered writes are read (``settle``)."""
    connection = _connection(client)
    if _own.unread:
        settle()
    return connection


def _write_read(connection, commands):
    from redis.exceptions import ResponseError

    try:
        connection.send_packed_command(connection.pack_commands(commands))
        answers = []
        for _command in commands:
            try:
                answers.append(connection.read_response())
            except ResponseError as exc:
                answers.append(exc)
        return answers
    except BaseException:
        connection.disconnect()
        raise


def send(client, commands):
    """Send ``commands`` (tuples of arguments) in one write and read every answer, in
    order; an error answer is returned as its exception (the others are still read).

    Raises on a connection failure (the connection is then dropped, the next call opens a
    new one); nothing is retried, so a script is never run twice.
    """
    return _write_read(_settled_connection(client), commands)


def _send_without_waiting(client, calls):
    """Write EVALSHA for ``calls``; their answers are read by ``settle``."""
    connection = _settled_connection(client)
    commands = [_evalsha(call.source, call.keys, call.args) for call in calls]
    try:
        connection.send_packed_command(connection.pack_commands(commands))
    except Exception as exc:
        connection.disconnect()
        for call in calls:
            _failed(call, exc)
        return
    _own.unread.append((client, calls))


def settle():
    """Read the answers of the scripts this thread wrote without waiting, and handle their
    failures (see the module's docstring). Cheap when there are none."""
    unread = getattr(_own, "unread", None)
    if not unread or _own.pid != os.getpid():
        return
    batches = list(unread)
    unread.clear()
    connection = _own.connection
    for client, calls in batches:
        try:
            answers = [_read_one(connection) for _call in calls]
        except Exception:
            connection.disconnect()
            # Written but unanswered: they ran unless Redis went away first. Recording them
            # elsewhere as well could count them twice; the loss is logged instead.
            logger.warning("core.redis: lost the answers of %d scripts", len(calls), exc_info=True)
            return
        _finish(client, calls, answers)


def _read_one(connection):
    from redis.exceptions import ResponseError

    try:
        return connection.read_response()
    except ResponseError as exc:
        return exc


atexit.register(settle)


def cache_get_many(cache, keys):
    """``cache.get_many(keys)``: for a django-redis cache one ``MGET`` through ``send``
    (the same keys and decoding as django-redis), for any other cache its own."""
    from django_redis.client import DefaultClient

    client = getattr(cache, "client", None)
    if type(client) is not DefaultClient:
        return cache.get_many(keys)
    made = [client.make_key(key) for key in keys]
    (values,) = send(client.get_client(write=False), [("MGET", *made)])
    if isinstance(values, Exception):
        raise values
    return _decoded(client, keys, values)


def _decoded(client, keys, values):
    """``{key: value}`` of an ``MGET``'s answer, decoded as django-redis does, without the
    keys it did not find."""
    decode = _decoder(client)
    return {
        key: decode(value) for key, value in zip(keys, values, strict=True) if value is not None
    }


# The answer of a guarded script that did not run: its guard key no longer held the value.
SKIPPED = "SKIPPED"
# The answer of a guarded script whose answer was lost with the connection after it was
# written: it ran unless Redis went away first (counting it again could count it twice).
LOST = "LOST"


class Guarded(NamedTuple):
    """A script to run only if a key still holds a value (``cache_get_many_guarded``)."""

    source: str
    keys: list
    args: list


@functools.lru_cache(maxsize=16)
def guarded_source(source):
    """``source`` run only when ``KEYS[1]`` holds ``ARGV[1]`` (its own keys and arguments
    follow them; an absent key holds the empty string); else it answers ``SKIPPED``.
    ``source`` is wrapped in a function whose ``KEYS`` and ``ARGV`` are its own: it runs
    unchanged."""
    return (
        "if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then\n"
        "  return redis.status_reply('SKIPPED')\n"
        "end\n"
        "local function body(KEYS, ARGV)\n"
        f"{source}\n"
        "end\n"
        "return body({unpack(KEYS, 2)}, {unpack(ARGV, 2)})\n"
    )


def cache_get_many_guarded(cache, keys, *, guard, scripts):
    """``cache_get_many(cache, keys)`` and, in the same write, ``scripts`` (``Guarded``)
    each run only if the cache key ``guard[0]`` holds ``guard[1]`` (a string; ``""``: the
    key is absent) when Redis reaches it: one round trip for a page and what serving it
    costs, on the condition that the page is still the one the caller expects.

    Returns ``(values, answers)``, an answer per script: its result, ``SKIPPED`` (it did
    not run: the guard failed, or the cache is not django-redis), ``LOST`` (written, its
    answer lost with the connection: logged, it most likely ran) or the exception it
    raised. Raises like ``cache_get_many`` when the write itself fails (nothing ran).
    The ``MGET`` is sent first: a script that ran saw the guard's value after the values
    were read, so a change between the two makes the script skip, never the reverse.
    """
    from django_redis.client import DefaultClient

    client = getattr(cache, "client", None)
    if type(client) is not DefaultClient or not scripts:
        return cache_get_many(cache, keys), [SKIPPED] * len(scripts)
    made = [client.make_key(key) for key in keys]
    guard_key, guard_value = client.make_key(guard[0]), guard[1]
    calls = [
        (guarded_source(script.source), [guard_key, *script.keys], [guard_value, *script.args])
        for script in scripts
    ]
    redis = client.get_client(write=False)
    connection = _settled_connection(redis)
    commands = [("MGET", *made), *(_evalsha(*call) for call in calls)]
    try:
        connection.send_packed_command(connection.pack_commands(commands))
    except BaseException:
        connection.disconnect()
        raise
    try:
        values = connection.read_response()
        answers = [_read_one(connection) for _call in calls]
    except Exception:
        connection.disconnect()
        logger.warning("core.redis: lost the answers of a page and its scripts", exc_info=True)
        return {}, [LOST] * len(calls)
    _resend_unknown(redis, calls, answers)
    answers = [SKIPPED if answer in (b"SKIPPED", "SKIPPED") else answer for answer in answers]
    if isinstance(values, Exception):  # the scripts' answers still stand
        logger.warning("core.redis: MGET failed: %s", values)
        return {}, answers
    return _decoded(client, keys, values), answers


@functools.lru_cache(maxsize=8)
def _decoder(client):
    """``client.decode``, or, with django-redis's default serializer and no compression,
    the same decoding without its detours: a value starting with pickle's protocol byte
    (0x80) is a pickle (django-redis tries ``int(value)`` first, which raises for it, then
    the identity "decompression"); anything else goes to ``client.decode``."""
    from django_redis.compressors.identity import IdentityCompressor
    from django_redis.serializers.pickle import PickleSerializer

    if type(client._compressor) is not IdentityCompressor:
        return client.decode
    if type(client._serializer) is not PickleSerializer:
        return client.decode

    def decode(value):
        if value[:1] == b"\x80":
            return pickle.loads(value)
        return client.decode(value)

    return decode


@functools.lru_cache(maxsize=64)
def _sha(source):
    return hashlib.sha1(source.encode("utf-8"), usedforsecurity=False).hexdigest()


def _evalsha(source, keys, args):
    return ("EVALSHA", _sha(source), len(keys), *keys, *args)


def _eval(source, keys, args):
    return ("EVAL", source, len(keys), *keys, *args)


@contextmanager
def redis_batch():
    """Scripts deferred inside the block ride with the next ``run_script`` or are sent
    when it ends (one round trip for all of them)."""
    token = _pending.set([])
    try:
        yield
    finally:
        pending = _pending.get()
        _pending.reset(token)
        if pending:  # nobody needs their answers: not waited for (``settle``)
            _send_without_waiting(pending[0].client, pending)


def defer_script(client, source, *, keys, args, on_error):
    """Run ``source``; inside ``redis_batch()``, with the next round trip. Its answer is
    not returned; ``on_error(exception)`` is called if it fails (never raises)."""
    pending = _pending.get()
    call = _Deferred(client, source, list(keys), list(args), on_error)
    if pending is None:
        _send(client, [call])
    else:
        pending.append(call)


def run_script(client, source, *, keys, args):
    """The answer of ``source``, sent together with the scripts deferred so far."""
    pending = _pending.get() or []
    together = [call for call in pending if call.client is client]
    others = [call for call in pending if call.client is not client]
    pending.clear()
    if others:  # another server: its own round trip
        _send(others[0].client, others)
    return _send(client, together, final=(source, list(keys), list(args)))


def _send(client, calls, final=None):
    """One write of EVALSHA for ``calls`` (and ``final``); returns ``final``'s answer.

    A script the server does not know yet (first use, or after a restart) is sent again
    with its source (EVAL): a NOSCRIPT answer means it did not run.
    """
    commands = [_evalsha(call.source, call.keys, call.args) for call in calls]
    if final is not None:
        commands.append(_evalsha(*final))
    try:
        answers = send(client, commands)
    except Exception as exc:
        for call in calls:
            _failed(call, exc)
        if final is not None:
            raise
        return None
    return _finish(client, calls, answers, final)


def _finish(client, calls, answers, final=None):
    """Handle the answers of ``calls`` (and ``final``): scripts the server did not know
    (NOSCRIPT: they did not run) are sent again with their source; a failed call's
    ``on_error`` is called; returns ``final``'s answer (raises its error)."""
    sources = [(call.source, call.keys, call.args) for call in calls]
    _resend_unknown(client, [*sources, final] if final is not None else sources, answers)
    for call, answer in zip(calls, answers, strict=False):
        if isinstance(answer, Exception):
            _failed(call, answer)
    if final is None:
        return None
    if isinstance(answers[-1], Exception):
        raise answers[-1]
    return answers[-1]


def _resend_unknown(client, calls, answers):
    """Send again, with their source (EVAL), the ``calls`` (``(source, keys, args)``)
    whose answer in ``answers`` is NOSCRIPT (the server did not know them: they did not
    run), in one round trip; their new answers (or the error) replace those in place."""
    retry = [index for index, answer in enumerate(answers) if _is_noscript(answer)]
    if not retry:
        return
    try:
        again = send(client, [_eval(*calls[index]) for index in retry])
    except Exception as exc:
        again = [exc] * len(retry)
    for index, answer in zip(retry, again, strict=True):
        answers[index] = answer


def _is_noscript(answer):
    from redis.exceptions import NoScriptError

    return isinstance(answer, NoScriptError)


def _failed(call, exc):
    try:
        call.on_error(exc)
    except Exception:
        logger.exception("core.redis: the fallback of a deferred script failed")
