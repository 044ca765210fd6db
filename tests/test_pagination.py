"""The capped count and the deferred-join page fetch behind /pledges/."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pledges.models import Pledge
from pledges.pagination import PER_PAGE_MAX, CappedPaginator, capped_count, clamp_per_page, fetch_page_rows
from tests.public_data import public_data_make

pytestmark = pytest.mark.django_db


def test_capped_count_stops_one_past_the_cap():
    public_data_make()
    assert capped_count(Pledge.objects.all(), cap=3) == 4
    assert capped_count(Pledge.objects.all(), cap=100) == 9


def test_capped_count_runs_over_a_limited_subquery():
    public_data_make()
    with CaptureQueriesContext(connection) as queries:
        capped_count(Pledge.objects.all(), cap=3)
    assert "LIMIT 4" in queries.captured_queries[0]["sql"]


def test_a_page_selects_ids_first_then_fetches_just_those_rows():
    public_data_make(extra=20)
    ordered = Pledge.objects.select_related("donor").order_by("quantity", "id")
    with CaptureQueriesContext(connection) as queries:
        rows = fetch_page_rows(ordered, offset=5, limit=7)
    assert [r.pk for r in rows] == list(ordered.values_list("pk", flat=True)[5:12])
    ids_sql, rows_sql = (q["sql"] for q in queries.captured_queries)
    assert ids_sql.split(" FROM ")[0].count(",") == 0, "the id query selects the id only"
    assert "OFFSET 5" in ids_sql and " IN (" in rows_sql


def test_capped_paginator_serves_pages_past_the_capped_count(monkeypatch):
    public_data_make(extra=20)
    monkeypatch.setattr("pledges.pagination.COUNT_CAP", 4)
    paginator = CappedPaginator(Pledge.objects.order_by("id"), 5)
    assert paginator.is_capped
    page = paginator.page(5)
    assert len(page.object_list) == 5


@pytest.mark.parametrize(("given", "used"), [("50", 50), ("0", 1), ("-3", 1), ("abc", 25), (None, 25), ("100000", PER_PAGE_MAX)])
def test_page_size_is_clamped(given, used):
    assert clamp_per_page(given) == used
