"""Parser speed: time to parse 1 MB and 5 MB of realistic text built from the development corpus.

Run from the repository root:  python benchmarks/parse_speed.py
Goal: 1 MB in under a second on one core.  Each size is parsed three times; the best
run is reported (the others only add noise from the machine).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pledges.extraction import ReferenceData, extract, html_to_text  # noqa: E402

CASES = ROOT / "tests" / "parser_cases"
FIXTURES = ROOT / "fixtures" / "reference"


def corpus_text() -> str:
    parts = []
    for path in sorted(CASES.iterdir()):
        if path.suffix == ".txt":
            parts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".html":
            parts.append(html_to_text(path.read_text(encoding="utf-8")))
    return "\n\n".join(parts)


def sized(base: str, size: int) -> str:
    return (base * (size // max(1, len(base)) + 1))[:size]


def main() -> int:
    ref = ReferenceData.from_fixture_dir(FIXTURES)
    base = corpus_text()
    print(f"corpus: {len(base):,} characters from {CASES.relative_to(ROOT)}")
    for mb in (1, 5):
        text = sized(base, mb * 1_000_000)
        best = float("inf")
        found = 0
        for _ in range(3):
            t0 = time.perf_counter()
            found = len(extract(text, ref))
            best = min(best, time.perf_counter() - t0)
        print(f"{mb} MB: {best:.3f} s  ({len(text) / best / 1e6:.2f} M chars/s, {found} proposals)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
