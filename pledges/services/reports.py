"""Reports: creating one from a paste or an upload, and parsing it into proposals."""

import datetime
import logging
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from pledges.choices import ItemKind, ParseStatus, Qualifier, SourceKind
from pledges.dates import guess_stated_date
from pledges.extraction import Extracted, extract, html_to_text
from pledges.models import Donor, Proposal, Report, System, content_hash
from pledges.services.errors import ReportInputError
from pledges.reference import reference_data_from_database

logger = logging.getLogger(__name__)

UPLOAD_FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
TITLE_MAX = Report._meta.get_field("title").max_length
# Database limits the parser's numbers must fit: PositiveIntegerField, DecimalField(18, 2).
QUANTITY_MAX = 2**31 - 1
VALUE_MAX = Decimal(10) ** 16


def _limit_message(size: int) -> str:
    limit = settings.REPORT_MAX_BYTES
    return (
        f"The report is {filesizeformat(size)}; the limit is {filesizeformat(limit)} "
        f"({limit:,} bytes). Split it into parts, or paste only the relevant section."
    )


def _read_upload(upload: IO[bytes]) -> tuple[str, str]:
    """The upload's text and its format ('text', 'markdown' or 'html'), or a clear refusal."""
    name = getattr(upload, "name", "") or ""
    original_format = UPLOAD_FORMATS.get(PurePath(name).suffix.lower())
    if original_format is None:
        raise ReportInputError(
            f"“{name}” is not a .txt, .md or .html file; upload one of those, or paste the text.", field="upload"
        )
    limit = settings.REPORT_MAX_BYTES
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ReportInputError(_limit_message(getattr(upload, "size", None) or len(data)), field="upload")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportInputError(
            f"“{name}” is not UTF-8 text (undecodable byte at position {exc.start}). "
            "Save it as UTF-8, or copy and paste its text.",
            field="upload",
        ) from None
    if "\x00" in text:
        raise ReportInputError(f"“{name}” contains NUL bytes: it is not a text file.", field="upload")
    return text, original_format


def _title_from(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            return line.strip()[:TITLE_MAX]
    return ""


def report_create(
    *,
    text: str | None = None,
    upload: IO[bytes] | None = None,
    title: str = "",
    publisher: str = "",
    source_kind: str = SourceKind.OTHER,
    url: str = "",
    published_on: datetime.date | None = None,
    user=None,
) -> tuple[Report, bool]:
    """Store a pasted text or an uploaded file as a report; returns (report, created).

    The same text again (ignoring white space) returns the existing report
    instead of a duplicate. HTML is converted to text, the original kept.
    Nothing is parsed here: the report is committed first, then parsed.
    """
    if upload is not None:
        raw, original_format = _read_upload(upload)
        field = "upload"
    elif text is not None:
        raw, original_format, field = text, "text", "text"
        size = len(raw.encode("utf-8", errors="surrogatepass"))
        if size > settings.REPORT_MAX_BYTES:
            raise ReportInputError(_limit_message(size), field="text")
        if "\x00" in raw:
            raise ReportInputError("The pasted text contains NUL characters; paste plain text.", field="text")
    else:
        raise ReportInputError("Paste the report's text or upload a file.", field="text")

    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    body = html_to_text(raw) if original_format == "html" else raw
    if not body.strip():
        what = "The uploaded file" if field == "upload" else "The paste"
        raise ReportInputError(f"{what} is empty (or only white space): there is nothing to parse.", field=field)

    existing = Report.objects.filter(content_hash=content_hash(body)).first()
    if existing is not None:
        return existing, False
    report = Report(
        title=title.strip()[:TITLE_MAX] or _title_from(body),
        publisher=publisher,
        source_kind=source_kind or SourceKind.OTHER,
        url=url,
        published_on=published_on or guess_stated_date(body),
        body=body,
        original=raw if original_format == "html" else "",
        original_format=original_format,
        added_by=user,
    )
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        # Another editor saved the same text a moment ago: theirs is the report.
        return Report.objects.get(content_hash=report.content_hash), False
    return report, True


@dataclass(frozen=True)
class ParseOutcome:
    created: int = 0
    kept: int = 0
    error: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.error)


def parser_key(found: Extracted) -> str:
    """What the parser proposed, as a stable key: re-parsing matches proposals on it."""
    value = f"{found.value_amount}{found.value_currency or ''}" if found.value_amount is not None else ""
    key = "|".join(
        str(part if part is not None else "")
        for part in (found.donor_code, found.system_name, found.item, found.quantity, value)
    )
    return key[: Proposal._meta.get_field("parser_key").max_length]


def _value(found: Extracted) -> tuple[Decimal | None, str]:
    if found.value_amount is None or not found.value_currency:
        return None, ""
    try:
        amount = Decimal(str(found.value_amount)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None, ""
    if not 0 < amount < VALUE_MAX:
        return None, ""
    return amount, str(found.value_currency)[:3].upper()


def _proposal_from(found: Extracted, *, report: Report, donors: dict, systems: dict) -> Proposal | None:
    if not 0 <= found.start < found.end <= len(report.body):
        logger.warning("report %s: parser span %s-%s outside the text; skipped", report.pk, found.start, found.end)
        return None
    quantity = found.quantity if found.quantity is not None and 0 < found.quantity <= QUANTITY_MAX else None
    qualifier = found.qualifier if found.qualifier in Qualifier.values else Qualifier.EXACT
    value_amount, value_currency = _value(found)
    return Proposal(
        report=report,
        donor=donors.get(found.donor_code),
        system=systems.get(found.system_name),
        item=found.item if found.item in ItemKind.values else "",
        quantity=quantity,
        qualifier=qualifier,
        quantity_text=(found.quantity_text or "")[:200],
        value_amount=value_amount,
        value_currency=value_currency,
        start=found.start,
        end=found.end,
        evidence=report.body[found.start : found.end],
        confidence=min(1.0, max(0.0, float(found.confidence))),
        reasons=list(found.reasons),
        parser_key=parser_key(found),
    )


def report_parse(*, report: Report) -> ParseOutcome:
    """Parse a saved report and store its proposals.

    Re-parsing (after the reference data grew) keeps every proposal already
    stored, with its decision and the editor's corrections, and adds only
    proposals with a new parser key. A parser failure is recorded on the
    report (parse_status, parse_error), logged, and returned; the report and
    its proposals are kept.
    """
    try:
        found = extract(report.body, reference_data_from_database())
    except Exception as exc:  # noqa: BLE001 - any parser bug must be recorded, not lose the report
        logger.exception("parsing report %s failed", report.pk)
        error = f"{type(exc).__name__}: {exc}"[:2000]
        Report.objects.filter(pk=report.pk).update(
            parse_status=ParseStatus.FAILED, parse_error=error, parsed_at=timezone.now()
        )
        report.parse_status, report.parse_error = ParseStatus.FAILED, error
        return ParseOutcome(error=error)

    donors = {d.code: d for d in Donor.objects.filter(code__in={f.donor_code for f in found if f.donor_code})}
    systems = {s.name: s for s in System.objects.filter(name__in={f.system_name for f in found if f.system_name})}
    with transaction.atomic():
        known = set(report.proposals.values_list("parser_key", flat=True))
        new: dict[str, Proposal] = {}
        for item in found:
            proposal = _proposal_from(item, report=report, donors=donors, systems=systems)
            if proposal is not None and proposal.parser_key not in known and proposal.parser_key not in new:
                new[proposal.parser_key] = proposal
        # ignore_conflicts: a concurrent re-parse of the same report adds nothing twice.
        Proposal.objects.bulk_create(new.values(), ignore_conflicts=True)
        now = timezone.now()
        Report.objects.filter(pk=report.pk).update(parse_status=ParseStatus.PARSED, parse_error="", parsed_at=now)
    report.parse_status, report.parse_error, report.parsed_at = ParseStatus.PARSED, "", now
    return ParseOutcome(created=len(new), kept=len(known))
