"""core.redis decodes a cached page's MGET as django-redis does, without its detours."""

import pickle

import pytest
from django_redis.client import DefaultClient

from core.redis import _decoder


def client(**options):
    return DefaultClient("redis://127.0.0.1:6379/15", {"OPTIONS": options}, backend=None)


def as_stored(encoded):
    # django-redis stores an int as its digits; Redis returns every value as bytes.
    return str(encoded).encode() if isinstance(encoded, int) else encoded


@pytest.mark.parametrize(
    "value",
    [0, 7, -12, 2**70, "chữ", b"\x80bytes", 3.5, None, True, {"parts": ["a", "b"], "version": 3}],
)
def test_the_fast_decoder_gives_django_redis_s_answer(value):
    redis_client = client()
    stored = as_stored(redis_client.encode(value))
    assert _decoder(redis_client)(stored) == redis_client.decode(stored) == value


def test_a_pickle_is_loaded_directly_and_other_settings_keep_django_redis_s_decode():
    redis_client = client()
    assert _decoder(redis_client)(pickle.dumps([1, 2])) == [1, 2]
    compressed = client(COMPRESSOR="django_redis.compressors.zlib.ZlibCompressor")
    assert _decoder(compressed) == compressed.decode
