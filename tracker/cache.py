"""Caching of public pages and per-filter counts, invalidated whenever published data changes.

Every cached entry's key contains the current "generation", a number that
each saved or deleted pledge, source, donor, system or report bumps (after the
transaction commits). Bumping it orphans every older entry at once, with no
need to know which pages showed the changed row; orphans expire on their own.

If the cache is down (Redis unreachable), pages are computed as if nothing
were cached: a cache outage costs speed, never availability.
"""

import functools
import hashlib
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.http import urlencode

from pledges.models import Donor, Pledge, PledgeSource, Report, System

logger = logging.getLogger("tracker.cache")

GENERATION_KEY = "public-generation"
T = TypeVar("T")


def cache_generation() -> int | None:
    """The current generation, or None when the cache cannot be reached."""
    try:
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            # Start from the clock rather than 1: if the key is ever evicted,
            # the new generation is still newer than every earlier one, so no
            # stale entry can come back to life.
            cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
            generation = cache.get(GENERATION_KEY)
        return generation
    except Exception as exc:  # noqa: BLE001 - any cache failure means "no cache"
        logger.warning("cache unavailable: %s", exc)
        return None


def cache_invalidate() -> None:
    """Orphan every cached public page and count."""
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # the key is missing: start a new generation
            cache.set(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
    except Exception as exc:  # noqa: BLE001
        # Entries expire after TRACKER_PAGE_CACHE_SECONDS anyway.
        logger.error("could not invalidate the public cache: %s", exc)


def normalised_query(query: QueryDict) -> str:
    """The query string with parameters sorted and blanks dropped, so
    ?b=2&a=1, ?a=1&b=2 and ?a=1&b=2&c= share one cache entry."""
    pairs = sorted((key, value) for key, values in query.lists() for value in values if value != "")
    return urlencode(pairs)


def _key(kind: str, generation: int, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"{kind}:{generation}:{digest}"


def cached_value(kind: str, query: QueryDict, compute: Callable[[], T]) -> T:
    """compute() for this kind of value and this query, cached per generation
    (e.g. the count of pledges matching a filter)."""
    generation = cache_generation()
    if generation is None:
        return compute()
    key = _key(kind, generation, normalised_query(query))
    try:
        value = cache.get(key)
    except Exception:  # noqa: BLE001
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, settings.TRACKER_PAGE_CACHE_SECONDS)
        except Exception:  # noqa: BLE001
            pass
    return value


def _cacheable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")  # never_cache, private, ...
    )


def _page_key(request: HttpRequest) -> str | None:
    """The cache key of this request's page, or None when it must not be cached."""
    if request.method not in ("GET", "HEAD"):
        return None
    generation = cache_generation()
    if generation is None:
        return None
    return _key("page", generation, request.path, normalised_query(request.GET))


def _page_get(key: str) -> HttpResponse | None:
    try:
        hit = cache.get(key)
    except Exception:  # noqa: BLE001
        return None
    if hit is None:
        return None
    content, headers = hit
    response = HttpResponse(content, headers=headers)
    response["X-Cache"] = "hit"
    return response


def _page_set(key: str, response: HttpResponse) -> HttpResponse:
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    if _cacheable(response):
        try:
            # The view's own headers (Content-Type, Content-Disposition, ...);
            # middleware adds the security headers to the hit again.
            headers = dict(response.headers.items())
            cache.set(key, (response.content, headers), settings.TRACKER_PAGE_CACHE_SECONDS)
        except Exception:  # noqa: BLE001
            pass
        response["X-Cache"] = "miss"
    return response


def cache_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a public view's GET/HEAD response from the cache, keyed on the
    path and the normalised query string. Only plain 200 responses without
    cookies are stored; streaming exports pass through untouched."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = _page_key(request)
        if key is None:
            return view(request, *args, **kwargs)
        return _page_get(key) or _page_set(key, view(request, *args, **kwargs))

    return wrapper


class PublicPageCacheMiddleware:
    """cache_public_page for the views named in settings.TRACKER_CACHED_VIEWS,
    so the public views themselves need no change to be cached."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_tracker_page_key", None)
        if key is not None and response.get("X-Cache") != "hit":
            response = _page_set(key, response)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        match = request.resolver_match
        if match is None or match.view_name not in settings.TRACKER_CACHED_VIEWS:
            return None
        key = _page_key(request)
        if key is None:
            return None
        request._tracker_page_key = key
        return _page_get(key)


def _invalidate_on_commit(sender, using: str = "default", **kwargs) -> None:
    # Now, so this thread's next read is fresh (and tests, which never
    # commit, see it), and again after commit: a request that read the old
    # rows before the commit may have stored them under the first new
    # generation.
    cache_invalidate()
    transaction.on_commit(cache_invalidate, using=using)


for _model in (Pledge, PledgeSource, Donor, System, Report):
    post_save.connect(_invalidate_on_commit, sender=_model, dispatch_uid=f"cache-save-{_model.__name__}")
    post_delete.connect(_invalidate_on_commit, sender=_model, dispatch_uid=f"cache-delete-{_model.__name__}")
m2m_changed.connect(_invalidate_on_commit, sender=Pledge.sources.through, dispatch_uid="cache-m2m-sources")
