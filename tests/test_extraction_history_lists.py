"""Inventory lists: what a donor has given so far is history, not a new pledge, until a heading
or lead starts a new package; the history ends at the next package heading or at prose after a
blank line.  Every text here is written for the test."""

import pytest

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())]


ITEMS = "- 18 Leopard 2A6 tanks\n- IRIS-T SLM air defence systems (4)\n- 155mm artillery ammunition\n"


@pytest.mark.parametrize("lead", [
    "The United States has committed more than $66 billion in security assistance to Ukraine since 2022, including:",
    "To date, Germany has delivered:",
    "Germany's support for Ukraine at a glance. Delivered:",
    "Germany has delivered the following items:",
    "Total German contributions so far include",
    "Capabilities Germany has provided since February 2022:",
    "Norway has so far donated:",
    "Items sent by Germany to date:",
])
def test_items_under_a_cumulative_or_delivered_lead_are_history(lead):
    assert found(lead + "\n" + ITEMS) == []


@pytest.mark.parametrize("lead", [
    "Germany's new package includes:",
    "Germany will send:",
    "The new German package contains:",
    "Germany will deliver the following, in addition to what it has already sent:",
])
def test_items_under_a_new_package_lead_are_pledges(lead):
    assert found(lead + "\n" + ITEMS) == [("DE", "Leopard 2A6", 18), ("DE", "IRIS-T SLM", 4),
                                          ("DE", "155mm artillery ammunition", None)]


def test_a_new_package_heading_after_a_delivered_list_starts_pledges_again():
    text = ("Germany's military support for Ukraine\n\n"
            "Delivered:\n- Gepard anti-aircraft guns (52)\n- 18 Leopard 2A6 tanks\n\n"
            "This package includes:\n- Patriot launchers (2)\n- 10 Marder 1A3 infantry fighting vehicles\n")
    assert found(text) == [("DE", "Patriot", 2), ("DE", "Marder 1A3", 10)]


def test_category_headings_inside_a_delivered_section_keep_it_history():
    text = ("The German government lists its support for Ukraine.\n\n"
            "Delivered military support services\n\nAir defence\n- IRIS-T SLM air defence systems (3)\n\n"
            "Tanks\n- Leopard 2A6 main battle tanks (18)\n\n"
            "In preparation / being delivered\n\nAir defence\n- IRIS-T SLM air defence systems (4)\n- Patriot launchers (2)\n")
    assert found(text) == [("DE", "IRIS-T SLM", 4), ("DE", "Patriot", 2)]


def test_newly_announced_heading_after_a_history_list_is_a_pledge():
    text = ("To date, Germany has delivered:\n- 18 Leopard 2A6 tanks\n\n"
            "Newly announced:\n- 20 Marder 1A3 infantry fighting vehicles\n")
    assert found(text) == [("DE", "Marder 1A3", 20)]


def test_prose_after_a_blank_line_ends_the_history_list():
    text = ("To date, Germany has delivered:\n- 18 Leopard 2A6 tanks\n\n"
            "Germany will also send 20 Marder infantry fighting vehicles, the ministry said.\n")
    assert found(text) == [("DE", "Marder 1A3", 20)]
