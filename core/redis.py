"""The shared Redis connection (django-redis's, the cache's own pool) and Lua scripts.

Used by the counters' Redis back-ends; only meaningful when ``REDIS_URL`` is set.

Fewer round trips: within ``redis_batch()`` (the page cache opens one around a page it
answers), a script whose answer the request does not need (the page view of the visitor
statistics) is *deferred* with ``defer_script``: it is sent in the same pipeline as the
next script whose answer is needed (``run_script``: the article's view count), or when the
batch ends. The pipeline is not a transaction: each script stays atomic on its own, and a
deferred script that fails calls its ``on_error`` (which records elsewhere, so nothing is
lost). Outside a batch both run at once, as a plain script call.
"""

import contextvars
import logging
from contextlib import contextmanager
from typing import Any, NamedTuple

logger = logging.getLogger(__name__)

_scripts = {}
_pending = contextvars.ContextVar("core_redis_pending", default=None)


class _Deferred(NamedTuple):
    client: Any
    source: str
    keys: list
    args: list
    on_error: Any


def redis_enabled(setting):
    """Whether a counter records in Redis: the setting named ``setting``, by default on when
    ``REDIS_URL`` is set."""
    from django.conf import settings

    default = bool(getattr(settings, "REDIS_URL", ""))
    return bool(getattr(settings, setting, default))


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
        if pending:
            _send(pending[0].client, pending)


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
    pending = _pending.get()
    if not pending:
        return redis_script(client, source)(keys=keys, args=args, client=client)
    together = [call for call in pending if call.client is client]
    others = [call for call in pending if call.client is not client]
    pending.clear()
    if others:  # another server: its own round trip
        _send(others[0].client, others)
    return _send(client, together, final=(source, list(keys), list(args)))


def _send(client, calls, final=None):
    """One pipeline of EVALSHA for ``calls`` (and ``final``); returns ``final``'s answer.

    A script the server does not know yet (first use, or after a restart) is run again on
    its own, which loads it: a NOSCRIPT answer means it did not run.
    """
    scripts = [redis_script(client, call.source) for call in calls]
    last = redis_script(client, final[0]) if final else None
    if last is None and len(calls) == 1:  # alone: a plain call, no pipeline to build
        try:
            scripts[0](keys=calls[0].keys, args=calls[0].args, client=client)
        except Exception as exc:
            _failed(calls[0], exc)
        return None
    pipe = client.pipeline(transaction=False)
    for script, call in zip(scripts, calls, strict=True):
        pipe.evalsha(script.sha, len(call.keys), *call.keys, *call.args)
    if last is not None:
        pipe.evalsha(last.sha, len(final[1]), *final[1], *final[2])
    try:
        answers = pipe.execute(raise_on_error=False)
    except Exception as exc:
        for call in calls:
            _failed(call, exc)
        if last is not None:
            raise
        return None
    for script, call, answer in zip(scripts, calls, answers, strict=False):
        if _is_noscript(answer):
            try:
                script(keys=call.keys, args=call.args, client=client)
            except Exception as exc:
                _failed(call, exc)
        elif isinstance(answer, Exception):
            _failed(call, answer)
    if last is None:
        return None
    answer = answers[-1]
    if _is_noscript(answer):
        return last(keys=final[1], args=final[2], client=client)
    if isinstance(answer, Exception):
        raise answer
    return answer


def _is_noscript(answer):
    from redis.exceptions import NoScriptError

    return isinstance(answer, NoScriptError)


def _failed(call, exc):
    try:
        call.on_error(exc)
    except Exception:
        logger.exception("core.redis: the fallback of a deferred script failed")
