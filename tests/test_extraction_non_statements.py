"""Sentences that mention equipment or money without anyone pledging it: unconfirmed press
reports, a third country's approval of a transfer, stalled legislation, and rankings of
running totals.  Every text here is written for the test."""

import pytest

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())]


def test_press_reports_about_a_package_are_no_pledge():
    text = ("The Spanish minister declined to comment on press reports according to which the next package "
            "would contain two Hawk launchers.")
    assert found(text) == []


def test_media_reports_are_no_pledge():
    assert found("Media reports suggest that Spain will send four Leopard 2A4 tanks.") == []


def test_an_approval_of_a_transfer_is_no_pledge_by_the_approver():
    text = "The move follows Berlin's approval last week for the transfer of Leopard 1 tanks from Denmark to Ukraine."
    assert found(text) == []


def test_stalled_legislation_is_no_pledge():
    text = "A $20 billion aid package for Ukraine has stalled in the Senate for months."
    assert found(text) == []


def test_blocked_money_in_a_relative_clause_is_no_pledge():
    text = "Kyiv is waiting for a €5 billion military aid package, which Hungary has blocked in the Council."
    assert found(text) == []


def test_a_ranking_of_running_totals_is_no_pledge():
    text = ("Germany is the second-largest donor, with roughly €10 billion allocated, followed by the United Kingdom "
            "with about €7 billion.")
    assert found(text) == []


def test_a_new_package_with_its_value_is_still_a_pledge():
    text = "Spain announced a new €1 billion military aid package for Ukraine on Monday."
    assert found(text) == [("ES", None, None)]


def test_a_numbered_aid_decree_is_an_undisclosed_package():
    text = ("Italian Ministry of Defence\n\nItaly: new decree for Ukraine\n\nThe Italian Minister of Defence today presented "
            "the tenth interministerial decree authorising the transfer of military equipment to the Government of Ukraine. "
            "Its annex is classified.")
    assert found(text) == [("IT", None, None)]


def test_an_earlier_decree_recalled_is_no_package():
    text = ("Italian Ministry of Defence\n\nThe Italian government recalled that in previous years it adopted the "
            "eighth decree authorising the transfer of military equipment to Ukraine.")
    assert found(text) == []
