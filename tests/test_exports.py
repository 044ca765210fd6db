"""/pledges.csv and /pledges.json: exactly the filtered rows in the table's order, all pages, safe for spreadsheets."""

import csv
import io
import json

import pytest
from django.db import connection
from django.utils import timezone

from pledges.exports import HEADER, csv_stream, json_stream, neutralise
from pledges.models import Pledge
from tests.factories import PledgeFactory, ReportFactory
from tests.public_data import public_data_make

pytestmark = pytest.mark.django_db


def download(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response, b"".join(response.streaming_content)


def csv_rows(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8"))))


def table_ids(client, query: str) -> list[int]:
    ids, page = [], 1
    while True:
        response = client.get(f"/pledges/?{query}&page={page}")
        ids += [row.record.pk for row in response.context["table"].page.object_list]
        if not response.context["table"].page.has_next():
            return ids
        page += 1


@pytest.mark.parametrize(
    "query",
    ["", "donor=de", "donor=de&sort=-quantity", "category=air-defence&sort=source", "q=Leopard&sort=donor", "status=pledged&sort=-item"],
)
def test_filtered_csv_equals_the_filtered_table_all_pages(client, query):
    public_data_make(extra=60)
    _, body = download(client, f"/pledges.csv?{query}&per_page=25")
    assert [int(row["pledge_id"]) for row in csv_rows(body)] == table_ids(client, f"{query}&per_page=25")


def test_json_holds_the_same_rows_as_the_csv(client):
    public_data_make(extra=10)
    _, csv_body = download(client, "/pledges.csv?sort=quantity")
    _, json_body = download(client, "/pledges.json?sort=quantity")
    records = json.loads(json_body)
    assert [r["pledge_id"] for r in records] == [int(r["pledge_id"]) for r in csv_rows(csv_body)]
    assert list(records[0]) == HEADER


def test_csv_has_the_documented_header_and_values(client):
    data = public_data_make()
    pledge = data.pledges[0]
    response, body = download(client, f"/pledges.csv?system=patriot&donor=de&since={pledge.announced_on}&until={pledge.announced_on}")
    assert body.decode("utf-8").splitlines()[0] == ",".join(HEADER)
    (row,) = csv_rows(body)
    assert row == {
        "pledge_id": str(pledge.pk), "announced_on": "2023-01-05", "donor_code": "DE", "donor_name": "Germany",
        "system_slug": "patriot", "system_name": "Patriot", "category": "air-defence", "item": "launcher",
        "quantity": "4", "qualifier": "exact", "quantity_text": "", "value_amount": "", "value_currency": "",
        "status": "delivered", "evidence": pledge.evidence, "source_report_id": str(pledge.source_report_id),
        "source_title": pledge.source_report.title, "source_publisher": "Germany MoD", "source_url": "",
        "source_published_on": "2025-04-11",
    }


def test_export_files_are_utf8_attachments_named_with_the_date(client):
    PledgeFactory(donor__name="Česko", donor__code="CZ", evidence="Česko pošle 4 systémy — “ready”.")
    today = timezone.now().date().isoformat()
    response, body = download(client, "/pledges.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="pledges-{today}.csv"'
    assert "Česko pošle 4 systémy — “ready”." in body.decode("utf-8")
    response, body = download(client, "/pledges.json")
    assert response["Content-Disposition"] == f'attachment; filename="pledges-{today}.json"'
    assert json.loads(body.decode("utf-8"))[0]["donor_name"] == "Česko"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_would_be_formulas_get_a_leading_quote(client, start):
    text = f"{start}HYPERLINK(\"http://evil.example\")"
    PledgeFactory(evidence=text, quantity_text=text, source_report=ReportFactory(title=text, publisher="Plain"))
    _, body = download(client, "/pledges.csv")
    (row,) = csv_rows(body)
    assert row["evidence"] == "'" + text
    assert row["quantity_text"] == "'" + text
    assert row["source_title"] == "'" + text
    assert row["source_publisher"] == "Plain"


def test_json_keeps_text_as_it_is(client):
    PledgeFactory(evidence="=1+1")
    _, body = download(client, "/pledges.json")
    assert json.loads(body)[0]["evidence"] == "=1+1"


def test_neutralise_in_python_follows_the_same_rule():
    assert [neutralise(v) for v in ["=A1", "-3", "ok", "", None, 5]] == ["'=A1", "'-3", "ok", "", None, 5]


def test_empty_result_still_has_a_header_and_valid_json(client):
    _, body = download(client, "/pledges.csv")
    assert body.decode() == ",".join(HEADER) + "\n"
    _, body = download(client, "/pledges.json")
    assert json.loads(body) == []


def test_invalid_filters_are_a_400_that_says_what_is_wrong(client):
    response = client.get("/pledges.csv?donor=ZZ&since=never")
    assert response.status_code == 400
    assert "donor:" in response.text and "since:" in response.text


def test_unpublished_pledges_are_not_exported(client):
    PledgeFactory(evidence="Secret shipment.", is_published=False)
    _, body = download(client, "/pledges.csv")
    assert "Secret shipment" not in body.decode()


@pytest.mark.parametrize("url", ["/pledges.csv", "/pledges.json"])
def test_exports_run_a_fixed_number_of_queries(client, django_assert_num_queries, url):
    public_data_make(extra=300)
    # 1 the donor codes validated, 2 the export query itself (COPY on PostgreSQL,
    # a chunked cursor elsewhere; the SQLite chunks are fetched from that one query).
    with django_assert_num_queries(2):
        _, body = download(client, f"{url}?donor=de")
    assert body.count(b"Germany") >= 300


def test_copy_and_python_paths_write_identical_csv_on_postgresql(postgres_only):
    public_data_make(extra=5)
    PledgeFactory(
        evidence='He said "four, maybe five"\nthen left.\r\n@once', quantity_text="", value_amount="1000.50",
        value_currency="EUR", source_report=ReportFactory(url="https://example.org/a,b", title="-minus"),
    )
    queryset = Pledge.objects.public().order_by("-announced_on", "-id")
    assert b"".join(csv_stream(queryset, use_copy=True)) == b"".join(csv_stream(queryset, use_copy=False))
    copied = json.loads(b"".join(json_stream(queryset, use_copy=True)))
    iterated = json.loads(b"".join(json_stream(queryset, use_copy=False)))
    assert copied == iterated
    assert connection.vendor == "postgresql"
