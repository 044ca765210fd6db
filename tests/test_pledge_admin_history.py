"""Correcting a published pledge in the admin records who, when, what and why."""

import pytest
from django.urls import reverse

from tests.editors import csrf_client, make_editor, post
from tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db


def _form_data(pledge, **changes) -> dict:
    data = {
        "donor": pledge.donor_id,
        "system": pledge.system_id,
        "item": pledge.item,
        "quantity": pledge.quantity,
        "qualifier": pledge.qualifier,
        "quantity_text": pledge.quantity_text,
        "announced_on": pledge.announced_on.isoformat(),
        "status": pledge.status,
        "source_report": pledge.source_report_id,
        "evidence": pledge.evidence,
        "is_published": "on",
        "value_currency": "",
        "notes": "",
        "change_reason": "",
        "source_links-TOTAL_FORMS": "0",
        "source_links-INITIAL_FORMS": "0",
        "source_links-MIN_NUM_FORMS": "0",
        "source_links-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_correcting_a_pledge_needs_a_reason():
    editor = make_editor()
    pledge = PledgeFactory(quantity=40)
    client = csrf_client(editor)
    url = reverse("admin:pledges_pledge_change", args=[pledge.pk])
    response = post(client, url, _form_data(pledge, quantity=4))
    assert response.status_code == 200 and "Say why you change a published pledge" in response.text
    pledge.refresh_from_db()
    assert pledge.quantity == 40


def test_a_correction_is_recorded_in_the_history_with_who_and_why():
    editor = make_editor()
    pledge = PledgeFactory(quantity=40)
    client = csrf_client(editor)
    url = reverse("admin:pledges_pledge_change", args=[pledge.pk])
    response = post(client, url, _form_data(pledge, quantity=4, change_reason="the source says four"))
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors

    latest = pledge.history.latest()
    assert (latest.quantity, latest.history_user, latest.history_change_reason) == (4, editor, "the source says four")
    assert latest.diff_against(latest.prev_record).changed_fields == ["quantity"]
    history_page = client.get(reverse("admin:pledges_pledge_history", args=[pledge.pk]))
    assert history_page.status_code == 200 and "the source says four" in history_page.text
