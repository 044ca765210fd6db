"""The public browser in real Chromium: filter by donor, sort by quantity, follow a pledge to its sentence, download the CSV."""

import csv
import io

import pytest

from tests.public_data import public_data_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_filter_sort_follow_and_download(chromium_browser, live_server):
    data = public_data_make(extra=3)
    context = chromium_browser.new_context(accept_downloads=True)
    page = context.new_page()
    csp_errors: list[str] = []
    page.on("console", lambda message: csp_errors.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(f"{live_server.url}/pledges/")

    # Filter by donor: Poland, through the labelled multi-select.
    page.get_by_label("Donors").select_option(["PL"])
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/pledges/?*donor=PL*")
    assert page.get_by_role("heading", name="3 pledges match").is_visible()

    # Sort by quantity (ascending, then descending) from the column header.
    page.get_by_role("link", name="Quantity (sort)").click()
    page.wait_for_url("**sort=quantity*")
    page.get_by_role("link", name="Quantity (sort)").click()
    page.wait_for_url("**sort=-quantity*")
    quantities = page.locator("table.pledge-table tbody td.num").all_inner_texts()
    assert quantities[:2] == ["14", "at least 4"]

    # Follow the first pledge to its source sentence.
    page.locator("table.pledge-table tbody tr").first.get_by_role("link").first.click()
    mark = page.locator("#evidence mark")
    assert mark.inner_text() == "Poland will send 14 Leopard 2A6 to Ukraine."

    # Download the CSV of the filtered, sorted view.
    page.go_back()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").first.click()
    download = download_info.value
    assert download.suggested_filename.startswith("pledges-") and download.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(open(download.path(), encoding="utf-8").read())))
    assert [row["donor_code"] for row in rows] == ["PL", "PL", "PL"]
    assert rows[0]["quantity"] == "14"
    assert csp_errors == []
    context.close()
    assert data.poland.code == "PL"
