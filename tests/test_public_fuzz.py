"""Random query strings on every public URL never produce a server error."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.public_data import public_data_make

PARAMETERS = ["q", "donor", "category", "system", "item", "status", "since", "until", "sort", "per_page", "page", "x"]
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["de", "DE", "zz", "tanks", "patriot", "-date", "quantity", "-source", "2024-02-30", "2023-01-01", "0", "-1", "9" * 30, "1e3", "", "%", "'", "\x00"]),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
)
QUERIES = st.lists(st.tuples(st.sampled_from(PARAMETERS), VALUES), max_size=6)
PATHS = ["/", "/pledges/", "/pledges.csv", "/pledges.json", "/donors/", "/donors/de/", "/systems/", "/systems/patriot/", "/about/data/"]


@pytest.fixture
def data(db):
    return public_data_make()


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), query=QUERIES)
def test_random_query_strings_never_give_a_server_error(client, data, path, query):
    response = client.get(f"{path}?{urlencode(query)}")
    assert response.status_code in {200, 400}, (path, query)
    if response.streaming:
        b"".join(response.streaming_content)


@pytest.mark.django_db
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pk=st.integers(min_value=0, max_value=10**12), code=st.text(min_size=1, max_size=8).filter(lambda s: "/" not in s))
def test_random_ids_and_codes_are_not_found_not_errors(client, data, pk, code):
    for url in [f"/pledges/{pk}/", f"/reports/{pk}/", f"/donors/{quote(code, safe='')}/"]:
        assert client.get(url).status_code in {200, 404}
