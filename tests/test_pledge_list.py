"""/pledges/: filters, sorting, pagination, search, counts, form errors and the query budget."""

import datetime

import pytest

from pledges.choices import PledgeStatus
from pledges.filters import SORT_FIELDS, sort_order_by
from pledges.models import Pledge
from pledges.pagination import COUNT_CAP
from tests.factories import PledgeFactory
from tests.public_data import public_data_make

pytestmark = pytest.mark.django_db


def shown_ids(response) -> list[int]:
    return [row.record.pk for row in response.context["table"].page.object_list]


def all_pages_ids(client, query: str) -> list[int]:
    ids, page = [], 1
    while True:
        response = client.get(f"/pledges/?{query}&page={page}")
        ids += shown_ids(response)
        if not response.context["table"].page.has_next():
            return ids
        page += 1


@pytest.fixture
def data():
    return public_data_make()


def test_unfiltered_list_shows_newest_first_with_ties_by_id(client, data):
    expected = list(Pledge.objects.order_by("-announced_on", "-id").values_list("pk", flat=True))
    assert shown_ids(client.get("/pledges/")) == expected


def test_unpublished_pledges_never_appear(client, data):
    hidden = PledgeFactory(donor=data.germany, system=data.patriot, is_published=False)
    assert hidden.pk not in shown_ids(client.get("/pledges/?donor=de"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("donor=de", lambda p: p.donor.code == "DE"),
        ("donor=DE&donor=no", lambda p: p.donor.code in {"DE", "NO"}),
        ("category=tanks", lambda p: p.category == "tanks"),
        ("system=patriot", lambda p: p.system.slug == "patriot"),
        ("item=round", lambda p: p.item == "round"),
        ("status=delivered", lambda p: p.status == PledgeStatus.DELIVERED),
        ("since=2024-01-01", lambda p: p.announced_on >= datetime.date(2024, 1, 1)),
        ("until=2023-01-25", lambda p: p.announced_on <= datetime.date(2023, 1, 25)),
        ("since=2023-01-01&until=2023-12-31&donor=pl", lambda p: p.announced_on.year == 2023 and p.donor.code == "PL"),
    ],
)
def test_each_filter_keeps_exactly_the_matching_pledges(client, data, query, expected):
    wanted = {p.pk for p in data.pledges if expected(p)}
    assert wanted, "the case must match something"
    response = client.get(f"/pledges/?{query}")
    assert set(shown_ids(response)) == wanted
    assert response.context["match_count"] == len(wanted)


def test_search_matches_donor_system_and_evidence_words(client, data):
    assert set(shown_ids(client.get("/pledges/?q=Norway"))) == {p.pk for p in data.pledges if p.donor.code == "NO"}
    assert set(shown_ids(client.get("/pledges/?q=leopard"))) == {p.pk for p in data.pledges if p.system == data.leopard}
    special = PledgeFactory(donor=data.norway, system=data.patriot, evidence="Oslo confirmed the shipment of interceptors.")
    assert shown_ids(client.get("/pledges/?q=interceptors")) == [special.pk]


def test_search_with_no_match_shows_the_friendly_empty_state(client, data):
    response = client.get("/pledges/?q=zeppelin")
    assert shown_ids(response) == []
    assert "No pledge matches all of these filters" in response.text
    assert "0 pledges match" in response.text


@pytest.mark.parametrize("column", list(SORT_FIELDS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_column_sorts_by_its_database_fields_with_ties_by_id(client, data, column, descending):
    sort = f"-{column}" if descending else column
    response = client.get(f"/pledges/?sort={sort}")
    assert response.status_code == 200
    expected = sorted(
        Pledge.objects.select_related("donor", "system", "source_report"),
        key=lambda p: [_key(p, f) for f in SORT_FIELDS[column]],
        reverse=descending,
    )
    if column in {"quantity", "system"}:  # undisclosed quantities, money-only pledges: last both ways
        attribute = "quantity" if column == "quantity" else "system"
        expected = [p for p in expected if getattr(p, attribute) is not None] + [
            p for p in expected if getattr(p, attribute) is None
        ]
    assert shown_ids(response) == [p.pk for p in expected]


def _key(pledge, field: str):
    value = pledge
    for part in field.split("__"):
        value = getattr(value, part) if value is not None else None
    return (value is None, value if value is not None else 0)


def test_undisclosed_quantities_sort_last_in_both_directions(client, data):
    for sort in ("quantity", "-quantity"):
        quantities = [row.record.quantity for row in client.get(f"/pledges/?sort={sort}").context["table"].page.object_list]
        assert quantities[-2:] == [None, None], sort


def test_sort_links_keep_the_filters_and_go_back_to_page_one(client, data):
    response = client.get("/pledges/?donor=de&page=1&sort=date")
    assert 'href="?donor=de&amp;sort=quantity"' in response.text


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("donor=ZZ", "donor"),
        ("category=spaceships", "category"),
        ("system=no-such-system", "system"),
        ("item=tank", "item"),
        ("status=lost", "status"),
        ("since=yesterday", "since"),
        ("since=2024-05-01&until=2024-01-01", "until"),
        ("sort=colour", "sort"),
        ("per_page=7", "per_page"),
        (f"q={'x' * 300}", "q"),
    ],
)
def test_invalid_values_are_form_errors_shown_on_the_page(client, data, query, field):
    response = client.get(f"/pledges/?{query}")
    assert response.status_code == 200
    assert field in response.context["filter"].form.errors
    assert 'class="form-errors" role="alert"' in response.text
    assert "No results until the filters above are corrected" in response.text


def test_pages_split_the_rows_without_gaps_or_repeats(client):
    data = public_data_make(extra=60)
    ids = all_pages_ids(client, "donor=de&per_page=25&sort=quantity")
    expected = list(
        Pledge.objects.filter(donor=data.germany).order_by(*sort_order_by("quantity")).values_list("pk", flat=True)
    )
    assert ids == expected


def test_a_page_beyond_the_last_shows_the_last_page(client):
    public_data_make(extra=30)
    response = client.get("/pledges/?page=999")
    assert response.context["table"].page.number == 2


def test_a_page_that_is_not_a_number_shows_the_first(client, data):
    assert client.get("/pledges/?page=abc").context["table"].page.number == 1


def test_download_links_carry_the_current_filters_but_not_the_page(client, data):
    response = client.get("/pledges/?donor=de&category=tanks&sort=-quantity&page=1")
    assert 'href="/pledges.csv?donor=de&amp;category=tanks&amp;sort=-quantity"' in response.text
    assert 'href="/pledges.json?donor=de&amp;category=tanks&amp;sort=-quantity"' in response.text


def test_match_count_is_capped_above_ten_thousand(client, settings, monkeypatch, data):
    monkeypatch.setattr("pledges.pagination.COUNT_CAP", 5)
    response = client.get("/pledges/?per_page=25")
    assert response.context["table"].paginator.is_capped
    assert "10,000+ pledges match" in response.text
    assert len(shown_ids(response)) == len(data.pledges)
    assert COUNT_CAP == 10_000


@pytest.mark.parametrize("per_page", [25, 200])
def test_the_table_runs_a_fixed_number_of_queries(client, django_assert_num_queries, per_page):
    public_data_make(extra=250)
    # 1 donor codes validated, 2 capped count, 3 the page's ids, 4 the page's
    # rows with donor, system and report, 5 the donor <option>s of the form.
    with django_assert_num_queries(5):
        response = client.get(f"/pledges/?donor=de&category=air-defence&per_page={per_page}")
    assert len(shown_ids(response)) == per_page
