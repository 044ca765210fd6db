"""Counted missiles coordinated with a named air-defence system are that system's interceptors
(host / missile), also when the count is vague.  Every text here is written for the test."""

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.item, x.quantity, x.qualifier) for x in extract(text, full_ref())]


def test_vague_missiles_after_launchers_belong_to_the_named_system():
    got = found("Canada will donate three NASAMS launchers and a number of missiles to Ukraine.")
    assert got == [("CA", "NASAMS", "launcher", 3, "exact"), ("CA", "NASAMS", "missile", None, "vague")]


def test_several_and_some_missiles_after_a_system():
    assert ("NO", "IRIS-T SLM", "missile", None, "vague") in found(
        "Norway is sending one IRIS-T SLM fire unit and several missiles.")
    assert ("DK", "Patriot", "missile", None, "vague") in found(
        "Denmark will supply a Patriot battery and some missiles for it.")


def test_counted_missiles_after_launchers_are_the_hosts_missiles():
    assert found("The Netherlands will provide two Patriot launchers plus 40 missiles.") == [
        ("NL", "Patriot", "launcher", 2, "exact"), ("NL", "Patriot", "missile", 40, "exact")]


def test_bare_missiles_stay_attached_and_unrelated_missiles_are_not_the_hosts():
    assert found("Germany will deliver two Patriot launchers and missiles.") == [("DE", "Patriot", "launcher", 2, "exact")]
    got = found("Germany will deliver two Patriot launchers, while Russia fired some missiles at Kyiv.")
    assert ("DE", "Patriot", "missile", None, "vague") not in got
