"""Which address a request came from, trusting proxies only as far as configured."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address for lockouts and logs.

    X-Forwarded-For is a list anyone can start: only the entries appended by
    our own proxies can be believed. With DJANGO_TRUSTED_PROXY_COUNT = N the
    client is the N-th address from the right; with 0 (the default, no proxy)
    it is REMOTE_ADDR and the header is ignored. The header is also ignored
    when the request did not come from a trusted proxy at all.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0 or remote not in settings.TRUSTED_PROXIES:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote
    return forwarded[-count]
