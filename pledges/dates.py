"""Finding the date a report states about itself ("Friday, 11 April 2025", "April 11, 2025", "2025-04-11")."""

import datetime
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# Bounded, anchored on word boundaries: linear in the text, no backtracking blow-up.
_DATE_PATTERNS = [
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
]


def guess_stated_date(text: str) -> datetime.date | None:
    """The first full date (day, month and year) the text states, or None.

    Reports put their date in a dateline or a sign-off ("It's Friday, 11 April
    2025"); the earliest full date in the text is the best single guess, and
    the editor can correct it on the form.
    """
    best: tuple[int, datetime.date] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[0]:
                break
            month = match["month"]
            month_number = int(month) if month.isdigit() else _MONTHS[month.lower()]
            try:
                found = datetime.date(int(match["year"]), month_number, int(match["day"]))
            except ValueError:
                continue  # "31 February 2025": not a date, look further
            best = (match.start(), found)
            break
    return best[1] if best is not None else None
