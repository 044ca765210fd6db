"""A published pledge's correction history: in the selector and on the public pledge page."""

import pytest

from pledges.selectors import pledge_corrections
from tests.factories import DonorFactory, PledgeFactory

pytestmark = pytest.mark.django_db


def _correct(pledge, reason: str, **changes) -> None:
    for name, value in changes.items():
        setattr(pledge, name, value)
    pledge._change_reason = reason
    pledge.save()


def test_corrections_list_what_changed_and_why_newest_first():
    pledge = PledgeFactory(quantity=40, donor__name="Germany", donor__code="DE")
    _correct(pledge, "the source says four", quantity=4)
    _correct(pledge, "it was the Dutch", donor=DonorFactory(name="Netherlands", code="NL"))

    latest, first = pledge_corrections(pledge=pledge)
    assert latest.reason == "it was the Dutch" and latest.changes == [("donor", "Germany", "Netherlands")]
    assert first.reason == "the source says four" and first.changes == [("quantity", "40", "4")]


def test_a_new_pledge_has_no_corrections():
    assert pledge_corrections(pledge=PledgeFactory()) == []


def test_the_public_pledge_page_shows_its_correction_history_escaped(client):
    pledge = PledgeFactory(quantity=40)
    _correct(pledge, "<b>typo</b> in the quantity", quantity=4)
    page = client.get(pledge.get_absolute_url()).text
    assert "Correction history" in page
    assert "&lt;b&gt;typo&lt;/b&gt; in the quantity" in page and "40 → 4" in page


def test_the_pledge_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    pledge = PledgeFactory(quantity=40)
    for n in range(5):
        _correct(pledge, f"fix {n}", quantity=41 + n)
    with django_assert_num_queries(3):
        # 1 the pledge with donor, system and source report, 2 every report that
        # backs it (PledgeSource with its report), 3 its history records
        client.get(pledge.get_absolute_url())
