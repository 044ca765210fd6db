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


# --- A download that breaks off must not look complete ---
#
# An export's status and headers are sent before its rows are read, so a
# database failure half-way can only break the download off. What a client
# sees then (measured, README "Public site and exports"): over HTTP/1.1 the
# chunked body ends without its last chunk and clients report an error; where
# the connection's end is the file's end (HTTP/1.0, or nginx's default HTTP/1.0
# to gunicorn) only the file itself can tell, so it must not end cleanly.


@pytest.mark.parametrize("url", ["/pledges.csv", "/pledges.json"])
def test_exports_are_streamed_without_a_content_length(client, url):
    """With no length announced, the server frames the body itself (chunked over
    HTTP/1.1), and a body cut short is an error the client sees."""
    PledgeFactory()
    response = client.get(url)
    assert response.status_code == 200
    assert response.streaming
    assert not response.has_header("Content-Length")


def _break_off_after_the_first(produce):
    """A stand-in for a generator of export blocks that yields its first block
    and then loses the database (the connection dropped, a statement timeout)."""
    from django.db import OperationalError

    def broken(*args, **kwargs):
        blocks = produce(*args, **kwargs)
        yield next(blocks)
        raise OperationalError("server closed the connection unexpectedly")

    return broken


def _sent_before(error: type[Exception], blocks) -> bytes:
    """The bytes a server would have sent before the stream raised `error`."""
    sent = []
    with pytest.raises(error):
        for block in blocks:
            sent.append(block)
    return b"".join(sent)


@pytest.fixture(params=[False, True], ids=["python", "copy"])
def use_copy(request, db) -> bool:
    if request.param and connection.vendor != "postgresql":
        pytest.skip("COPY needs PostgreSQL (run with DATABASE_URL=postgres://...)")
    return request.param


def test_a_csv_export_that_breaks_off_ends_with_a_line_saying_so(use_copy, monkeypatch):
    from django.db import OperationalError

    from pledges import exports

    PledgeFactory(system__name="IRIS-T SLM")
    PledgeFactory(system__name="NASAMS")
    name = "_copy" if use_copy else "_chunks"
    monkeypatch.setattr(exports, name, _break_off_after_the_first(getattr(exports, name)))

    body = _sent_before(OperationalError, csv_stream(Pledge.objects.public().order_by("id"), use_copy=use_copy))

    assert body.startswith(",".join(HEADER).encode() + b"\n")
    assert body.endswith(b"\n" + exports.CSV_INCOMPLETE_LINE)  # after whole rows, on a line of its own
    with pytest.raises(csv.Error):  # a strict reader refuses the file
        list(csv.reader(io.StringIO(body.decode()), strict=True))
    # A lenient one shows the mark as the last row.
    assert list(csv.reader(io.StringIO(body.decode())))[-1][0].startswith("EXPORT INCOMPLETE")


def test_a_complete_csv_export_has_no_such_line(client):
    PledgeFactory()
    _, body = download(client, "/pledges.csv")
    assert b"EXPORT INCOMPLETE" not in body
    list(csv.reader(io.StringIO(body.decode()), strict=True))


def test_a_json_export_that_breaks_off_does_not_parse(use_copy, monkeypatch):
    from django.db import OperationalError

    from pledges import exports

    PledgeFactory()
    PledgeFactory()
    name = "_copy" if use_copy else "_chunks"
    monkeypatch.setattr(exports, name, _break_off_after_the_first(getattr(exports, name)))

    body = _sent_before(OperationalError, json_stream(Pledge.objects.public().order_by("id"), use_copy=use_copy))

    assert body.startswith(b"[")
    assert not body.rstrip().endswith(b"]")
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)


@pytest.mark.django_db(transaction=True, databases=["default", "replica_1"])
@pytest.mark.parametrize("replicas", [[], ["replica_1"]], ids=["primary", "replica"])
@pytest.mark.parametrize("url", ["/pledges.csv", "/pledges.json"])
def test_a_database_failure_half_way_reaches_the_server_through_the_middleware(client, settings, url, replicas, monkeypatch):
    """No middleware may swallow the error and end the response normally: the
    server must see it to break the connection off."""
    from django.db import OperationalError

    from pledges import exports

    settings.DATABASE_REPLICAS = replicas
    PledgeFactory()
    name = "_copy" if connection.vendor == "postgresql" else "_chunks"
    monkeypatch.setattr(exports, name, _break_off_after_the_first(getattr(exports, name)))
    response = client.get(url)
    assert response.status_code == 200
    _sent_before(OperationalError, response.streaming_content)
