"""The Redis cache backend keeps one redis-py client per connection pool (building one per
call cost more than the round trip) and that shared client stays correct under threads."""

import shutil
import threading

import pytest

from rallying.redis_cache import PooledClientRedisCache
from tests.test_shared_rate_limit import redis_url  # noqa: F401 the fixture starting Redis

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="needs Debian's redis-server"
)


@pytest.fixture
def redis_cache(redis_url):  # noqa: F811
    return PooledClientRedisCache(redis_url, {"KEY_PREFIX": "test"})


def test_values_round_trip_and_one_client_serves_every_call(redis_cache):
    redis_cache.set("case-page", {"header": "<h1>Oldham</h1>"}, 30)
    assert redis_cache.get("case-page") == {"header": "<h1>Oldham</h1>"}
    assert redis_cache.get_many(["case-page", "missing"]) == {
        "case-page": {"header": "<h1>Oldham</h1>"}
    }
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client


def test_the_shared_client_counts_exactly_under_threads(redis_cache):
    """A gthread worker's threads share the client, as the rate limit's counters do."""
    redis_cache.add("hits", 0, 30)

    def hit():
        for _ in range(50):
            redis_cache.incr("hits")

    threads = [threading.Thread(target=hit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert redis_cache.get("hits") == 400
