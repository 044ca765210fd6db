"""Answering 503 (with Retry-After, without a traceback) when the database cannot serve a request."""

import logging
import sys

import psycopg
import psycopg_pool
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger("tracker.errors")

# Seconds a client (or a load balancer) should wait before trying again.
RETRY_AFTER_SECONDS = 5

# Django's wrappers, and the driver's own errors for code that uses psycopg
# directly (COPY ... TO STDOUT for exports): refused, timed out, cancelled.
_UNAVAILABLE = (OperationalError, InterfaceError, psycopg.OperationalError, psycopg.InterfaceError, psycopg_pool.PoolTimeout)


def database_is_unavailable(exc: BaseException | None) -> bool:
    """True for errors meaning "the database cannot serve this now": refused or
    timed-out connections, an exhausted pool, a dropped connection, a cancelled
    statement. Django wraps driver errors, so the cause chain is checked too."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, _UNAVAILABLE):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """The 503 page: JSON for the JSON export, plain text for CSV, HTML otherwise.

    Rendered without the request so no context processor can touch the
    database that just failed."""
    path = request.path
    if path.endswith(".json"):
        response: HttpResponse = JsonResponse(
            {"status": "unavailable", "detail": "The database is unavailable; try again shortly."},
            status=503,
        )
    elif path.endswith(".csv"):
        response = HttpResponse(
            "The database is unavailable; try again shortly.\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    else:
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # A proxy or browser must not keep the error in place of the page.
    response["Cache-Control"] = "no-store"
    return response


def first_line(exc: BaseException) -> str:
    """The first line of an error's message: enough for a log line."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else ""


def log_unavailable(request: HttpRequest, exc: BaseException) -> None:
    # One line, no traceback: during an outage every request fails the same way.
    logger.warning("503 for %s %s: database unavailable (%s: %s)", request.method, request.path,
                   type(exc).__name__, first_line(exc))


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """handler500: a database failure outside a view (in middleware, say) is a 503 too."""
    exc = sys.exc_info()[1]
    if database_is_unavailable(exc):
        log_unavailable(request, exc)
        return unavailable_response(request)
    return defaults.server_error(request, template_name)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """400 page that says why when a request body was too large.

    A paste far beyond the limit is refused by Django before the form sees it;
    the editor should still be told the limit instead of a bare "Bad Request"."""
    from django.conf import settings
    from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent

    if isinstance(exception, (RequestDataTooBig, TooManyFieldsSent)):
        limit_mb = settings.REPORT_MAX_BYTES / (1024 * 1024)
        message = (
            f"The request was too large. Reports may be at most {limit_mb:g} MB; "
            "split a longer text into several reports. Nothing was saved."
        )
    else:
        message = "The request could not be understood. Nothing was saved."
    return HttpResponse(loader.render_to_string("400.html", {"message": message}), status=400)
