"""Public pages and per-filter counts are cached per generation and invalidated by any change to published data."""

import os
import uuid

import pytest
from django.http import HttpResponse, QueryDict
from django.test import override_settings

from pledges.models import Pledge
from tests.factories import DonorFactory, PledgeFactory, PledgeSourceFactory, ReportFactory, SystemFactory
from tests.ports import unused_port
from tracker.cache import cache_generation, cache_invalidate, cache_public_page, cached_value, normalised_query

pytestmark = pytest.mark.django_db


class CountingView:
    """A stand-in public view that says how often it really ran."""

    def __init__(self, response_factory=lambda: HttpResponse("page")):
        self.calls = 0
        self.response_factory = response_factory
        self.view = cache_public_page(self)

    def __call__(self, request) -> HttpResponse:
        self.calls += 1
        return self.response_factory()


def test_the_query_string_is_normalised_for_the_key():
    assert normalised_query(QueryDict("b=2&a=1&c=")) == normalised_query(QueryDict("a=1&b=2"))
    assert normalised_query(QueryDict("a=1&a=2")) == "a=1&a=2"
    assert normalised_query(QueryDict("a=1")) != normalised_query(QueryDict("a=2"))


def test_a_repeated_request_is_served_from_the_cache(rf):
    page = CountingView()
    first = page.view(rf.get("/pledges/", {"donor": "de"}))
    second = page.view(rf.get("/pledges/", {"donor": "de"}))
    assert page.calls == 1
    assert second.content == first.content == b"page"
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")


def test_the_same_filters_in_another_order_share_an_entry(rf):
    page = CountingView()
    page.view(rf.get("/pledges/?donor=de&category=air-defence"))
    page.view(rf.get("/pledges/?category=air-defence&donor=de&q="))
    assert page.calls == 1


def test_other_filters_and_other_paths_are_separate_entries(rf):
    page = CountingView()
    page.view(rf.get("/pledges/?donor=de"))
    page.view(rf.get("/pledges/?donor=fr"))
    page.view(rf.get("/donors/de/?donor=de"))
    assert page.calls == 3


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda pledge: PledgeFactory(), id="pledge created"),
        pytest.param(lambda pledge: Pledge.objects.filter(pk=pledge.pk).first().save(), id="pledge saved"),
        pytest.param(lambda pledge: Pledge.objects.get(pk=pledge.pk).delete(), id="pledge deleted"),
        pytest.param(lambda pledge: PledgeSourceFactory(pledge=pledge, report=ReportFactory()), id="source added"),
        pytest.param(lambda pledge: pledge.sources.add(ReportFactory(), through_defaults={"evidence": "x"}), id="m2m add"),
        pytest.param(lambda pledge: DonorFactory(), id="donor created"),
        pytest.param(lambda pledge: SystemFactory(), id="system created"),
        pytest.param(lambda pledge: ReportFactory(), id="report created"),
    ],
)
def test_a_change_to_published_data_invalidates_cached_pages(rf, change):
    pledge = PledgeFactory()
    page = CountingView()
    page.view(rf.get("/pledges/"))
    change(pledge)
    page.view(rf.get("/pledges/"))
    assert page.calls == 2


def test_invalidation_happens_again_after_commit(django_capture_on_commit_callbacks):
    before = cache_generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        PledgeFactory()
    assert callbacks, "no invalidation was scheduled for after the commit"
    assert cache_generation() > before


def test_only_plain_successful_responses_are_stored(rf):
    for response_factory in (
        lambda: HttpResponse("missing", status=404),
        lambda: _with_cookie(HttpResponse("page")),
        lambda: _with_header(HttpResponse("page"), "Cache-Control", "private"),
    ):
        page = CountingView(response_factory)
        page.view(rf.get("/pledges/"))
        page.view(rf.get("/pledges/"))
        assert page.calls == 2


def test_posts_are_never_served_from_the_cache(rf):
    page = CountingView()
    page.view(rf.post("/pledges/"))
    page.view(rf.post("/pledges/"))
    assert page.calls == 2


def test_a_cache_hit_keeps_the_views_headers(rf):
    def csv() -> HttpResponse:
        response = HttpResponse("a,b\n", content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="pledges.csv"'
        return response

    page = CountingView(csv)
    page.view(rf.get("/pledges.csv"))
    hit = page.view(rf.get("/pledges.csv"))
    assert hit["X-Cache"] == "hit"
    assert hit["Content-Type"] == "text/csv; charset=utf-8"
    assert hit["Content-Disposition"] == 'attachment; filename="pledges.csv"'
    assert hit.content == b"a,b\n"


def test_counts_are_cached_per_filter_and_generation():
    computed = []

    def count() -> int:
        computed.append(1)
        return 42

    assert cached_value("count", QueryDict("donor=de"), count) == 42
    assert cached_value("count", QueryDict("donor=de"), count) == 42
    assert cached_value("count", QueryDict("donor=fr"), count) == 42
    cache_invalidate()
    assert cached_value("count", QueryDict("donor=de"), count) == 42
    assert len(computed) == 3


def test_a_zero_count_is_cached_too():
    computed = []
    cached_value("count", QueryDict("donor=zz"), lambda: computed.append(1) or 0)
    assert cached_value("count", QueryDict("donor=zz"), lambda: computed.append(1) or 0) == 0
    assert len(computed) == 1


def _with_cookie(response: HttpResponse) -> HttpResponse:
    response.set_cookie("x", "y")
    return response


def _with_header(response: HttpResponse, name: str, value: str) -> HttpResponse:
    response[name] = value
    return response


# --- The cache server down, or really there ---




def _redis_cache(location: str) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


def test_pages_are_served_when_redis_is_down(rf):
    with override_settings(CACHES=_redis_cache(f"redis://127.0.0.1:{unused_port()}/0")):
        page = CountingView()
        assert page.view(rf.get("/pledges/")).content == b"page"
        assert page.view(rf.get("/pledges/")).content == b"page"
        assert cached_value("count", QueryDict(""), lambda: 7) == 7
        cache_invalidate()  # logs, does not raise
    assert page.calls == 2


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_cache():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {REDIS_URL} in CI; .ci/run should start it")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    with override_settings(CACHES=_redis_cache(REDIS_URL)):
        yield
        from django.core.cache import cache

        cache.clear()


def test_redis_serves_cached_pages_and_invalidates_them(rf, redis_cache):
    page = CountingView()
    page.view(rf.get("/pledges/?donor=de"))
    assert page.view(rf.get("/pledges/?donor=de"))["X-Cache"] == "hit"
    PledgeFactory()
    assert page.view(rf.get("/pledges/?donor=de"))["X-Cache"] == "miss"
    assert page.calls == 2


def test_redis_generation_survives_being_evicted(redis_cache):
    from django.core.cache import cache

    from tracker.cache import GENERATION_KEY

    first = cache_generation()
    cache.delete(GENERATION_KEY)
    assert cache_generation() > first


# --- The middleware that caches the public views by name ---


def test_public_pages_are_cached_between_requests(client):
    PledgeFactory(system__name="IRIS-T SLM")
    first = client.get("/pledges/")
    second = client.get("/pledges/")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content and "IRIS-T SLM" in second.text


def test_a_cached_page_still_gets_the_security_headers(client):
    client.get("/pledges/")
    hit = client.get("/pledges/")
    assert hit["X-Cache"] == "hit"
    assert "Content-Security-Policy" in hit and hit["X-Frame-Options"] == "DENY"


def test_a_new_pledge_shows_on_the_next_request(client):
    client.get("/pledges/")
    PledgeFactory(system__name="Gepard")
    response = client.get("/pledges/")
    assert response["X-Cache"] == "miss" and "Gepard" in response.text


def test_a_cached_page_costs_no_query(client, django_assert_num_queries):
    PledgeFactory()
    client.get("/pledges/")
    with django_assert_num_queries(0):
        assert client.get("/pledges/")["X-Cache"] == "hit"


def test_views_not_listed_are_not_cached(client, settings):
    settings.TRACKER_CACHED_VIEWS = []
    client.get("/pledges/")
    assert "X-Cache" not in client.get("/pledges/")


def test_not_found_pages_are_not_cached(client):
    assert "X-Cache" not in client.get("/pledges/999999/")
    assert client.get("/pledges/999999/").status_code == 404


def test_the_admin_is_never_cached(admin_client):
    admin_client.get("/admin/pledges/pledge/")
    assert "X-Cache" not in admin_client.get("/admin/pledges/pledge/")
