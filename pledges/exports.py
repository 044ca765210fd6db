"""CSV and JSON exports of any filtered pledge view, streamed with flat memory.

On PostgreSQL the database writes the file: `COPY (query) TO STDOUT` streamed
through psycopg's `cursor.copy()` (formula neutralisation is part of the
query). Elsewhere the same query is iterated in chunks and written by Python.
Both paths produce the same bytes (a test compares them on PostgreSQL).
"""

import csv
import datetime
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection, connections
from django.db.models import Case, CharField, F, Func, QuerySet, TextField, Value, When
from django.db.models.expressions import Expression
from django.db.models.functions import Cast, Concat, Left, NullIf
from django.db.models.lookups import In

# A cell starting with one of these is a formula to a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK_ROWS = 2000
BUFFER_BYTES = 64 * 1024

# The last line of a CSV export that broke off (the database failed half-way):
# a quoted field that is never closed, so a strict CSV reader refuses the file
# and a lenient one shows this as its last row. The status line and headers went
# out long before, and a proxy speaking HTTP/1.0 to gunicorn (nginx's default)
# turns the dropped connection into a normal end of file: without this line the
# file would end on a whole row and look complete. (A JSON export needs no such
# line: its closing "]" is only written after the last row.)
CSV_INCOMPLETE_LINE = b'"EXPORT INCOMPLETE: the database failed while this file was being sent; download it again\n'


@dataclass(frozen=True)
class ExportColumn:
    name: str
    field: str
    text: bool  # text columns are neutralised against formulas in CSV
    meaning: str


EXPORT_COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("pledge_id", "id", False, "Stable identifier of the pledge; its page is /pledges/<pledge_id>/."),
    ExportColumn("announced_on", "announced_on", False, "Date the pledge was announced (ISO 8601, YYYY-MM-DD)."),
    ExportColumn("donor_code", "donor__code", True, "ISO 3166-1 alpha-2 code of the donor, or EU / NATO."),
    ExportColumn("donor_name", "donor__name", True, "English name of the donor."),
    ExportColumn("system_slug", "system__slug", True, "Identifier of the system (empty for money-only pledges)."),
    ExportColumn("system_name", "system__name", True, "Canonical name of the system."),
    ExportColumn("category", "category", True, "Category slug of the system (see the list below)."),
    ExportColumn("item", "item", True, "What is counted: system, launcher, missile, round, vehicle, aircraft, drone, vessel, other."),
    ExportColumn("quantity", "quantity", False, "How many; empty when the source gave no number (never 0 for unknown)."),
    ExportColumn("qualifier", "qualifier", True, "exact, at-least, approximately, up-to, vague or undisclosed."),
    ExportColumn("quantity_text", "quantity_text", True, "The quantity as the source worded it."),
    ExportColumn("value_amount", "value_amount", False, "Monetary value when the source gave one (decimal, two places)."),
    ExportColumn("value_currency", "value_currency", True, "ISO 4217 currency of value_amount."),
    ExportColumn("status", "status", True, "pledged or delivered."),
    ExportColumn("evidence", "evidence", True, "The sentence of the source report the pledge comes from."),
    ExportColumn("source_report_id", "source_report_id", False, "Identifier of the source report; its page is /reports/<id>/."),
    ExportColumn("source_title", "source_report__title", True, "Title of the source report."),
    ExportColumn("source_publisher", "source_report__publisher", True, "Publisher of the source report."),
    ExportColumn("source_url", "source_report__url", True, "Address of the original source."),
    ExportColumn("source_published_on", "source_report__published_on", False, "Date the source was published (ISO 8601)."),
)
HEADER = [column.name for column in EXPORT_COLUMNS]


def neutralised(field: str) -> Expression:
    """The field's text, with a leading ' when a spreadsheet would read it as a
    formula; NULL for empty text so PostgreSQL's COPY and Python's csv write the same."""
    value = F(field)
    return NullIf(
        Case(
            When(In(Left(value, 1), list(FORMULA_STARTS)), then=Concat(Value("'"), value, output_field=TextField())),
            default=value,
            output_field=TextField(),
        ),
        Value(""),
        output_field=TextField(),
    )


def neutralise(text: Any) -> Any:
    """The same rule in Python, for callers that hold a value rather than a query."""
    if isinstance(text, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _csv_queryset(queryset: QuerySet) -> QuerySet:
    expressions = {
        f"x_{column.name}": neutralised(column.field) if column.text else F(column.field)
        for column in EXPORT_COLUMNS
    }
    return queryset.annotate(**expressions).values_list(*expressions)


class _JsonObject(Func):
    """json_build_object(key, value, ...) as text: keys stay in the given order (jsonb would sort them)."""

    function = "json_build_object"
    output_field = TextField()


def _json_queryset(queryset: QuerySet) -> QuerySet:
    pairs: list[Any] = []
    for column in EXPORT_COLUMNS:
        value: Any = F(column.field)
        if column.name == "value_amount":
            value = Cast(value, CharField())  # a decimal stays exact as a string
        pairs += [Value(column.name), value]
    return queryset.annotate(x_row=Cast(_JsonObject(*pairs), TextField())).values_list("x_row", flat=True)


def _compiled(queryset: QuerySet) -> tuple[str, tuple]:
    compiler = queryset.query.get_compiler(using=queryset.db)
    return compiler.as_sql()


def _copy(sql: str, params: tuple, options: str, *, using: str) -> Iterator[bytes]:
    """Stream `COPY (sql) TO STDOUT` in blocks of about BUFFER_BYTES."""
    statement = f"COPY ({sql}) TO STDOUT WITH ({options})"
    # The database the queryset reads from: a read replica for public requests.
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.queries_logged:
            # psycopg's copy() bypasses Django's cursor wrapper; log it like any
            # query so debug tools and query-count tests see it.
            connection.queries_log.append({"sql": statement % tuple(map(repr, params)), "time": "0.000"})
        buffer = bytearray()
        with cursor.cursor.copy(statement, params) as copy:
            for data in copy:
                buffer += data
                if len(buffer) >= BUFFER_BYTES:
                    yield bytes(buffer)
                    buffer.clear()
        if buffer:
            yield bytes(buffer)


class _Line:
    """A file-like sink for csv.writer that hands back what was written."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def take(self) -> bytes:
        data = "".join(self.parts).encode("utf-8")
        self.parts.clear()
        return data


def _csv_writer(sink: _Line) -> Any:
    # "\n" line ends and minimal quoting: what PostgreSQL's COPY ... CSV writes.
    return csv.writer(sink, lineterminator="\n")


def csv_stream(queryset: QuerySet, *, use_copy: bool | None = None) -> Iterator[bytes]:
    """The header row, then one row per pledge of the (filtered, ordered) queryset;
    if that fails part-way, CSV_INCOMPLETE_LINE and then the error again, so the
    server still breaks the connection off instead of ending the response."""
    sink = _Line()
    writer = _csv_writer(sink)
    writer.writerow(HEADER)
    yield sink.take()
    try:
        yield from _csv_rows(queryset, sink, writer, use_copy=use_copy)
    except Exception:
        yield CSV_INCOMPLETE_LINE
        raise


def _csv_rows(queryset: QuerySet, sink: _Line, writer: Any, *, use_copy: bool | None) -> Iterator[bytes]:
    rows = _csv_queryset(queryset)
    if use_copy is None:
        use_copy = connection.vendor == "postgresql"
    if use_copy:
        sql, params = _compiled(rows)
        yield from _copy(sql, params, "FORMAT csv", using=rows.db)
        return
    for chunk in _chunks(rows.iterator(chunk_size=CHUNK_ROWS)):
        writer.writerows(chunk)
        yield sink.take()


def _json_value(value: Any) -> Any:
    if isinstance(value, (datetime.date, Decimal)):
        return str(value)
    return value


def json_stream(queryset: QuerySet, *, use_copy: bool | None = None) -> Iterator[bytes]:
    """A JSON array of objects, one per pledge, keys as in the CSV header."""
    if use_copy is None:
        use_copy = connection.vendor == "postgresql"
    yield b"["
    first = True
    if use_copy:
        rows = _json_queryset(queryset)
        sql, params = _compiled(rows)
        # One JSON text per line. JSON text never holds raw control characters,
        # so \x01 and \x02 as quote and delimiter mean COPY never quotes or escapes.
        tail = b""
        for block in _copy(sql, params, "FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01'", using=rows.db):
            block = tail + block
            cut = block.rfind(b"\n") + 1
            lines, tail = block[:cut], block[cut:]
            if lines:
                body = lines[:-1].replace(b"\n", b",\n")
                yield (b"\n" if first else b",\n") + body
                first = False
        if tail:
            yield (b"\n" if first else b",\n") + tail
            first = False
    else:
        fields = [column.field for column in EXPORT_COLUMNS]
        for chunk in _chunks(queryset.values_list(*fields).iterator(chunk_size=CHUNK_ROWS)):
            body = ",\n".join(
                json.dumps(dict(zip(HEADER, map(_json_value, row), strict=True)), ensure_ascii=False)
                for row in chunk
            )
            yield (b"\n" if first else b",\n") + body.encode("utf-8")
            first = False
    yield b"\n]\n"


def _chunks(rows: Iterable[Any], size: int = CHUNK_ROWS) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
