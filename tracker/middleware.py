"""Middleware for running in production: trusted proxies, database outages, replica reads."""

from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from tracker.db import read_database, replica_reads
from tracker.errors import database_is_unavailable, log_unavailable, unavailable_response


class TrustedProxyMiddleware:
    """Drop X-Forwarded-Proto unless the request came from a trusted proxy.

    SECURE_PROXY_SSL_HEADER makes Django believe the header; anyone who can
    reach an app server directly could otherwise claim "https" and skip the
    redirect or get secure-only behaviour on plain HTTP."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.META.get("REMOTE_ADDR", "") not in settings.TRUSTED_PROXIES:
            request.META.pop("HTTP_X_FORWARDED_PROTO", None)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """Turn "the database cannot serve this now" into a quick 503 with Retry-After.

    Covers exceptions raised by views and by template rendering; tracker.errors.server_error
    (handler500) covers the rest when DEBUG is off."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.streaming:
            # A streamed export queries only once the server sends it, when
            # its status can no longer change: connect now (taking a pooled
            # connection), while a failure can still be a 503.
            alias = getattr(request, "read_database", None) or "default"
            try:
                connections[alias].ensure_connection()
            except Exception as exc:
                if not database_is_unavailable(exc):
                    raise
                log_unavailable(request, exc)
                response.close()
                return unavailable_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not database_is_unavailable(exception):
            return None
        log_unavailable(request, exception)
        return unavailable_response(request)


class ReplicaReadsMiddleware:
    """Public GET and HEAD requests read the public models from a replica,
    or from the primary while that replica cannot be connected to.

    Everything else — POSTs, the admin, sessions, users, login attempts —
    stays on the primary, so an editor always sees what they just saved.
    A no-op when no replica is configured."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._admin_prefix: str | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.DATABASE_REPLICAS or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if self._admin_prefix is None:
            self._admin_prefix = reverse("admin:index")
        if request.path.startswith(self._admin_prefix):
            return self.get_response(request)
        with replica_reads():
            response = self.get_response(request)
            if response.streaming:
                # A streamed export runs its queries while the server sends it,
                # after this method has returned: connect now (to the primary
                # if the replica is down) and keep the stream on that database;
                # DatabaseUnavailableMiddleware checks it while a 503 is possible.
                alias = read_database()
                request.read_database = alias
                response.streaming_content = _on_replica(response.streaming_content, alias)
        return response


def _on_replica(chunks: Iterable[bytes], alias: str) -> Iterator[bytes]:
    with replica_reads(alias):
        yield from chunks
