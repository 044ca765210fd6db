"""`parse_report PATH|- [--json]`: the parser's proposals for a text file or standard input (a contract: see README)."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from django.db import DatabaseError

from pledges.extraction import ReferenceData, extract
from pledges.reference import read_reference_files, reference_data_from_database


class Command(BaseCommand):
    help = (
        "Print the pledges the parser proposes for a report: one JSON object per line with --json, "
        "else a table. PATH '-' reads standard input. Needs no saved report; reference data comes "
        "from the database (the fixtures are loaded when it has none)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="a UTF-8 text file, or - for standard input")
        parser.add_argument("--json", action="store_true", help="one JSON object per proposal per line")

    def handle(self, *args, **options) -> None:
        text = self._read(options["path"])
        found = extract(text, self._reference())
        if options["json"]:
            for proposal in found:
                self.stdout.write(_json_line(proposal.to_json()))
            return
        self._table(found)

    def _reference(self) -> ReferenceData:
        # The database holds the editors' aliases; a database that is not migrated yet (a fresh
        # checkout) must not stop a parse: the fixture files hold the same reference data.
        try:
            return reference_data_from_database()
        except DatabaseError as exc:
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            self.stderr.write(
                f"parse_report: the database is not usable ({first_line}); using the reference data in "
                "fixtures/reference/ instead. Run `python manage.py migrate` to use the database's."
            )
            donors, systems = read_reference_files()
            return ReferenceData.from_dicts(donors=donors, systems=systems)

    def _read(self, path: str) -> str:
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from exc
        try:
            # Offsets are into the decoded text exactly as given (a BOM is not text).
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path} is not UTF-8 text (undecodable byte at position {exc.start})") from exc

    def _table(self, found) -> None:
        if not found:
            self.stdout.write("No proposals.")
            return
        header = f"{'donor':<6} {'system':<24} {'item':<9} {'quantity':>9} {'qualifier':<13} {'conf':>4}  evidence"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for p in found:
            quantity = "" if p.quantity is None else str(p.quantity)
            evidence = " ".join(p.evidence.split())
            if len(evidence) > 70:
                evidence = evidence[:69] + "…"
            self.stdout.write(
                f"{p.donor_code or '?':<6} {(p.system_name or '?')[:24]:<24} {p.item or '':<9} {quantity:>9} "
                f"{p.qualifier or '':<13} {p.confidence:>4.2f}  {evidence}"
            )
        self.stdout.write(f"{len(found)} proposal(s).")


def _json_line(payload) -> str:
    """One line of JSON whatever to_json() returns (a dict or an already encoded string)."""
    if isinstance(payload, str):
        return payload.replace("\n", " ") if "\n" in payload else payload
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
