"""Oversized or malformed input gets a 4xx or a form error, never a 500."""

import string

import pytest
from django.conf import settings
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.pages import public_paths

pytestmark = pytest.mark.django_db

NEVER = 500


def test_a_body_over_the_upload_limit_is_refused_with_400(client):
    body = "x=" + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    # An editor who pasted far too much is told the limit, and that nothing was kept.
    assert "at most 2 MB" in response.text and "Nothing was saved" in response.text


def test_too_many_form_fields_are_refused_with_400(client):
    body = "&".join(f"f{number}=1" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400


def test_a_body_within_the_limits_is_read(client):
    body = "username=x&password=y&" + "&".join(f"f{n}=1" for n in range(100))
    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200  # the login form again, with its error


def test_the_paste_limit_leaves_room_for_the_form_around_a_maximal_paste():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE > settings.REPORT_MAX_BYTES


def test_the_search_length_limit_is_shared_by_convention():
    assert settings.TRACKER_SEARCH_MAX_LENGTH == 200


@pytest.mark.parametrize(
    "query",
    [
        "page=999999",
        "page=-1",
        "page=abc",
        "page=" + "9" * 400,
        "donor=zz",
        "donor=%00",
        "category=not-a-category",
        "date_from=2025-02-30",
        "date_from=yesterday&date_to=9999-99-99",
        "announced_on=2025-13-01",
        "q=" + "x" * (200 + 1),
        "q=%ff%fe",
        "sort=-nonexistent",
        "sort=" + "donor__name" * 50,
    ],
)
def test_bad_query_strings_are_never_a_server_error(client, query):
    for path in public_paths():
        response = client.get(f"{path}?{query}")
        assert response.status_code < NEVER, (path, query, response.status_code)


# Names the public filters use, plus noise; values from plausible to hostile.
PARAMETER_NAMES = st.sampled_from(
    ["donor", "category", "system", "item", "status", "qualifier", "q", "page", "per_page", "sort",
     "date_from", "date_to", "announced_after", "announced_before", "format", "", "x"]
) | st.text(string.ascii_letters + "_[]", min_size=1, max_size=12)
PARAMETER_VALUES = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates().map(str),
    st.sampled_from(["de", "DE", "air-defence", "0", "-0", "1e9", "NaN", "null", "[]", "%", "'", "\\", "\x00"]),
)
QUERIES = st.lists(st.tuples(PARAMETER_NAMES, PARAMETER_VALUES), max_size=6)


@pytest.fixture
def every_public_path(db) -> list[str]:
    return public_paths()


@given(pairs=QUERIES)
@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_query_strings_at_every_public_url_are_never_a_server_error(every_public_path, pairs):
    from urllib.parse import urlencode

    client = Client()
    query = urlencode(pairs)
    for path in every_public_path:
        response = client.get(f"{path}?{query}")
        assert response.status_code < NEVER, (path, query, response.status_code)


def test_a_search_longer_than_the_limit_is_a_form_error(client):
    response = client.get("/pledges/", {"q": "x" * (settings.TRACKER_SEARCH_MAX_LENGTH + 1)})
    assert response.status_code in (200, 400)
    assert f"at most {settings.TRACKER_SEARCH_MAX_LENGTH} characters" in response.text
