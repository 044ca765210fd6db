"""`manage.py parse_report PATH|- [--json]`: the parser's command-line contract (README)."""

import io
import json
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pledges.models import Donor, Report

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "demo" / "seed_report.txt"
SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_9c767dfba4602267.txt"


def seed_path() -> Path:
    # The user's seed report as shared beside the checkout; the demo copy when run elsewhere.
    return SHARED_SEED if SHARED_SEED.exists() else SEED


def run_json(*args, stdin: bytes | None = None, monkeypatch=None) -> list[dict]:
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    call_command("parse_report", *args, "--json", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_seed_report_gives_exactly_its_two_pledges_one_json_object_per_line():
    text = seed_path().read_text(encoding="utf-8")
    rows = run_json(str(seed_path()))

    summary = [(r["donor"]["code"], r["system"]["name"], r["item"], r["quantity"]) for r in rows]
    assert summary == [("DE", "IRIS-T SLM", "system", 4), ("DE", "Patriot", "missile", 30)]
    for row in rows:
        evidence = row["evidence"]
        assert evidence["text"] == text[evidence["start"] : evidence["end"]]
        assert 0 <= row["confidence"] <= 1
        assert row["donor"] == {"code": "DE", "name": "Germany"}
        assert set(row) >= {"donor", "system", "item", "quantity", "qualifier", "quantity_text", "value", "evidence", "confidence"}
        assert set(row["system"]) == {"name", "family", "category"}


def test_dash_reads_standard_input(monkeypatch):
    text = seed_path().read_text(encoding="utf-8")
    rows = run_json("-", stdin=text.encode("utf-8"), monkeypatch=monkeypatch)
    assert [(r["system"]["name"], r["quantity"]) for r in rows] == [("IRIS-T SLM", 4), ("Patriot", 30)]


def test_offsets_count_characters_of_the_input_including_non_ascii(tmp_path):
    path = tmp_path / "r.txt"
    text = "Ærø, Ōsaka — “quotes” first. Germany will send another four IRIS-T SLM systems to Ukraine, Pistorius said."
    path.write_text(text, encoding="utf-8")
    rows = run_json(str(path))
    assert rows and all(r["evidence"]["text"] == text[r["evidence"]["start"] : r["evidence"]["end"]] for r in rows)


def test_money_only_pledges_carry_a_value(tmp_path):
    path = tmp_path / "money.txt"
    path.write_text("Germany will provide a further €2bn military aid package for Ukraine, Pistorius said.", encoding="utf-8")
    rows = run_json(str(path))
    assert rows and rows[0]["value"]["currency"] == "EUR" and rows[0]["value"]["amount"] == 2_000_000_000


def test_without_json_it_prints_a_readable_table():
    out = io.StringIO()
    call_command("parse_report", str(seed_path()), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split()[:5] == ["donor", "system", "item", "quantity", "qualifier"]
    assert any("IRIS-T SLM" in line and " 4 " in line for line in lines)
    assert lines[-1] == "2 proposal(s)."


def test_it_needs_no_saved_report_and_loads_reference_data_when_the_database_has_none():
    assert not Donor.objects.exists()
    run_json(str(seed_path()))
    assert Donor.objects.filter(code="DE").exists()
    assert not Report.objects.exists()


def test_a_text_with_no_pledges_prints_nothing(tmp_path):
    path = tmp_path / "none.txt"
    path.write_text("Russia launched 40 missiles and 120 drones overnight.", encoding="utf-8")
    assert run_json(str(path)) == []


def test_missing_or_non_utf8_files_are_clear_errors(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("parse_report", str(tmp_path / "missing.txt"), "--json")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Lieferungen für die Ukraine".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("parse_report", str(latin), "--json")


def test_an_unmigrated_database_falls_back_to_the_fixture_files_and_says_so(monkeypatch):
    from django.db import OperationalError

    from pledges.management.commands import parse_report

    def no_tables():
        raise OperationalError("no such table: pledges_donor")

    monkeypatch.setattr(parse_report, "reference_data_from_database", no_tables)
    out, err = io.StringIO(), io.StringIO()
    call_command("parse_report", str(seed_path()), "--json", stdout=out, stderr=err)

    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["donor"]["code"], r["system"]["name"], r["quantity"]) for r in rows] == [
        ("DE", "IRIS-T SLM", 4),
        ("DE", "Patriot", 30),
    ]
    assert "no such table: pledges_donor" in err.getvalue()
    assert "manage.py migrate" in err.getvalue()
