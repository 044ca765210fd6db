"""Database routing: public reads on a replica when asked for (the primary while it is down), everything else on the primary."""

import logging
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import connections

from tracker.errors import database_is_unavailable, first_line

logger = logging.getLogger("tracker.db")

# Only these apps' models are read from replicas: what the public pages show.
# Sessions, users and login attempts are always read from the primary.
REPLICA_APPS = frozenset({"pledges"})

# A replica that could not be connected to is left alone this long (in this
# process): one request waits for its connect timeout and reads from the
# primary, the requests after it go straight to another replica or the
# primary, and the warning is logged once per failed attempt, not per request.
REPLICA_RETRY_SECONDS = 10

# alias -> time.monotonic() before which the replica is not tried again.
_down_until: dict[str, float] = {}


@dataclass
class _Reads:
    """Where one block's public reads go: `alias` is the replica to use (None:
    the primary); until `checked`, it has not been connected to yet."""

    alias: str | None
    checked: bool


_reads: ContextVar[_Reads | None] = ContextVar("tracker_replica_reads", default=None)


@contextmanager
def replica_reads(alias: str | None = None) -> Iterator[str | None]:
    """Within the block, reads of public models go to one replica (chosen at
    random among those not known to be down, unless given), so a request sees
    one consistent snapshot. The chosen replica is connected to on the first
    read; if that fails the block reads from the primary instead. Without
    configured replicas the block changes nothing.

    Yields the replica the block will read from, or None for the primary.
    A given alias is used as it is: the caller has already connected to it."""
    if alias is not None:
        reads = _Reads(alias, checked=True)
    else:
        usable = [replica for replica in settings.DATABASE_REPLICAS if not _is_down(replica)]
        reads = _Reads(random.choice(usable) if usable else None, checked=False)
    token = _reads.set(reads)
    try:
        yield reads.alias
    finally:
        _reads.reset(token)


def read_database() -> str:
    """The database that public reads go to here, connected: inside
    replica_reads the replica (or the primary when the replica cannot be
    reached), elsewhere the primary."""
    reads = _reads.get()
    return "default" if reads is None else _resolved(reads)


def replica_failures_clear() -> None:
    """Forget which replicas failed, so the next request tries them all again."""
    _down_until.clear()


def _is_down(alias: str) -> bool:
    until = _down_until.get(alias)
    return until is not None and time.monotonic() < until


def _resolved(reads: _Reads) -> str:
    if not reads.checked:
        reads.checked = True
        if reads.alias is not None and not _connect(reads.alias):
            reads.alias = None
    return reads.alias or "default"


def _connect(alias: str) -> bool:
    """Connect to the replica (as its first query would); on a connection
    failure, log one warning, leave the replica alone for a while and say False."""
    connection = connections[alias]
    try:
        # What Django does before a query: drop a kept connection that died.
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except Exception as exc:
        if not database_is_unavailable(exc):
            raise
        _down_until[alias] = time.monotonic() + REPLICA_RETRY_SECONDS
        logger.warning(
            "replica %s unreachable, reading from the primary; retrying it in %d s (%s: %s)",
            alias, REPLICA_RETRY_SECONDS, type(exc).__name__, first_line(exc),
        )
        return False
    if _down_until.pop(alias, None) is not None:
        logger.info("replica %s reachable again", alias)
    return True


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str | None:
        reads = _reads.get()
        if reads is not None and model._meta.app_label in REPLICA_APPS:
            return _resolved(reads)
        return "default"

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # Replicas hold the same rows as the primary.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        # Replicas follow the primary; migrations run there only.
        return not db.startswith("replica_")
