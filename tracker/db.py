"""Database routing: public reads on a replica when asked for, everything else on the primary."""

import random
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

# Only these apps' models are read from replicas: what the public pages show.
# Sessions, users and login attempts are always read from the primary.
REPLICA_APPS = frozenset({"pledges"})

_replica_alias: ContextVar[str | None] = ContextVar("tracker_replica_alias", default=None)


@contextmanager
def replica_reads(alias: str | None = None) -> Iterator[str | None]:
    """Within the block, reads of public models go to one replica (chosen at
    random unless given), so a request sees one consistent snapshot. Without
    configured replicas the block changes nothing."""
    if alias is None and settings.DATABASE_REPLICAS:
        alias = random.choice(settings.DATABASE_REPLICAS)
    token = _replica_alias.set(alias)
    try:
        yield alias
    finally:
        _replica_alias.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str | None:
        alias = _replica_alias.get()
        if alias is not None and model._meta.app_label in REPLICA_APPS:
            return alias
        return "default"

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # Replicas hold the same rows as the primary.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        # Replicas follow the primary; migrations run there only.
        return not db.startswith("replica_")
