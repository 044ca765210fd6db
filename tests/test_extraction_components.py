"""Components and parts for a system are equipment of their own kind ("other"), never a count of
the system they serve; what the components enable is not pledged.  Sentences written for the test."""

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.item, x.quantity) for x in extract(text, full_ref())]


def test_components_to_enable_a_further_battery_are_components_not_a_battery():
    text = ("Norway, working together with other partners, is providing Patriot components to enable "
            "the operation of a further Patriot battery.")
    assert found(text) == [("NO", "Patriot", "other", None)]


def test_what_components_enable_is_not_pledged_even_when_counted():
    text = "Denmark is providing IRIS-T SLM components to enable two more IRIS-T SLM systems to operate."
    assert found(text) == [("DK", "IRIS-T SLM", "other", None)]


def test_system_name_before_components_or_parts_gives_item_other():
    assert found("Germany will deliver IRIS-T SLM components.") == [("DE", "IRIS-T SLM", "other", None)]
    assert found("Canada will send NASAMS parts.") == [("CA", "NASAMS", "other", None)]


def test_components_for_counted_systems_do_not_take_their_count():
    got = found("Norway will provide components for two NASAMS batteries.")
    assert all(q is None for *_, q in got) and all(item != "system" for _, _, item, _ in got)


def test_generic_parts_are_not_proposed():
    assert found("Germany will send drone parts and air defence components.") == []


def test_a_battery_given_outright_is_still_counted():
    assert found("Norway will provide a further Patriot battery.") == [("NO", "Patriot", "system", 1)]
