"""The catalogue's version, and aggregates cached under it.

Counting sites per facet value over the whole catalogue is the expensive part of the home,
browse and reference pages; the answer only changes when the catalogue does. So counts are
cached under a version that moves whenever a site, a fact or a reference row changes: the
latest write to the sites, their history and every fact's history (one query over indexed
columns), plus a number the reference tables' signals move on.
"""

import hashlib
import time
from contextvars import ContextVar

from django.core.cache import cache
from django.db import connection

REFERENCE_VERSION_KEY = "rallying:reference-version"
PREPARED_VERSION = "rallying_catalogue_version"
AGGREGATE_SECONDS = 3600


# Within one request the version is read once, however many aggregates ask for it.
_request_version: ContextVar[dict | None] = ContextVar("catalogue_version", default=None)


def request_started(**kwargs) -> None:
    _request_version.set({})


def request_finished(**kwargs) -> None:
    _request_version.set(None)


def catalogue_version() -> str:
    """A short string that changes whenever anything the public pages count changes."""
    memo = _request_version.get()
    if memo is None:
        return _read_version()
    if "version" not in memo:
        memo["version"] = _read_version()
    return memo["version"]


def _read_version() -> str:
    with connection.cursor() as cursor:
        _execute_latest_writes(cursor)
        latest = cursor.fetchone()
    reference = reference_version()
    fingerprint = "|".join([str(reference), *(str(moment) for moment in latest)])
    return hashlib.sha256(fingerprint.encode()).hexdigest()[:20]


def _execute_latest_writes(cursor) -> None:
    """Every page reads the version. On PostgreSQL, planning its twenty subqueries takes
    longer than running them, so the statement is prepared once per database session."""
    if connection.vendor != "postgresql":
        cursor.execute(_latest_writes_sql())
        return
    if getattr(connection, "_rallying_version_prepared_on", None) is not connection.connection:
        # A session of its own: Django reconnects with a new connection object.
        cursor.execute(f"PREPARE {PREPARED_VERSION} AS {_latest_writes_sql()}")
        connection._rallying_version_prepared_on = connection.connection
    cursor.execute(f"EXECUTE {PREPARED_VERSION}")


def _latest_writes_sql() -> str:
    from collaborations.models import Site
    from collaborations.models.fact_history import fact_history_models

    columns = [(Site, "updated_at"), (Site.history.model, "history_date")]
    columns += [(history, "history_date") for history in fact_history_models()]
    quote = connection.ops.quote_name
    maxima = [f"(SELECT MAX({quote(c)}) FROM {quote(m._meta.db_table)})" for m, c in columns]
    return "SELECT " + ", ".join(maxima)


def reference_version():
    return cache.get(REFERENCE_VERSION_KEY, 0)


def reference_changed(**kwargs) -> None:
    """Signal receiver: a reference row, organisation or source was written or deleted."""
    cache.set(REFERENCE_VERSION_KEY, time.time_ns(), None)


def cached_aggregate(name: str, version: str, compute, *parts):
    """compute(), cached under the catalogue version and whatever else it depends on."""
    key = aggregate_key(name, version, *parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, AGGREGATE_SECONDS)
    return value


def aggregate_key(name: str, version: str, *parts) -> str:
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:24]
    return f"rallying:aggregate:{name}:{version}:{digest}"
