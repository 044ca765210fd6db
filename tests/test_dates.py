"""guess_stated_date: the date a report states about itself."""

import datetime

import pytest

from pledges.dates import guess_stated_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It’s Friday, 11 April 2025, it’s Jakub Krupa here", datetime.date(2025, 4, 11)),
        ("WASHINGTON, April 11, 2025 — The Pentagon", datetime.date(2025, 4, 11)),
        ("Published 2024-02-24 09:00", datetime.date(2024, 2, 24)),
        ("on the 3rd Sept. 2023 the minister", datetime.date(2023, 9, 3)),
        ("first 1 May 2024, later 2 June 2024", datetime.date(2024, 5, 1)),
        ("June 2 2024 came after 1 May 2024", datetime.date(2024, 6, 2)),  # earliest in the text wins
    ],
)
def test_it_finds_the_first_full_date(text, expected):
    assert guess_stated_date(text) == expected


@pytest.mark.parametrize("text", ["No date here.", "In April 2025 and on 9 May", "31 February 2025", "12345 April 99999"])
def test_it_gives_none_without_a_full_valid_date(text):
    assert guess_stated_date(text) is None


def test_it_is_fast_on_a_megabyte_of_digits():
    assert guess_stated_date("1" * 1_000_000 + " 5 May 2024") == datetime.date(2024, 5, 5)
