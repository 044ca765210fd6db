"""Parser quality on the development corpus: precision, recall and F1 on (donor, system, quantity).

Run from the repository root:  python benchmarks/parser_quality.py [-v] [--cases DIR] [CASE_SUBSTRING ...]
Prints one line per case, the overall figures, item and qualifier accuracy on matched
proposals, and lists every miss and false positive.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pledges.extraction import ReferenceData, extract, html_to_text  # noqa: E402

CASES = ROOT / "tests" / "parser_cases"
FIXTURES = ROOT / "fixtures" / "reference"


def load_cases(filters: list[str] | None = None, cases: Path = CASES) -> list[tuple[str, str, list[dict]]]:
    """(name, text, expected) for each case; HTML cases are converted first."""
    out = []
    for meta in sorted(cases.glob("*.json")):
        name = meta.stem
        if filters and not any(f in name for f in filters):
            continue
        src = None
        for ext in (".txt", ".html"):
            if (cases / (name + ext)).exists():
                src = cases / (name + ext)
        if src is None:
            continue
        raw = src.read_text(encoding="utf-8")
        text = html_to_text(raw) if src.suffix == ".html" else raw
        expected = json.loads(meta.read_text(encoding="utf-8")).get("expected", [])
        out.append((name, text, expected))
    return out


def key_of_expected(e: dict) -> tuple:
    return (e.get("donor"), e.get("system"), e.get("quantity"))


def key_of_found(d: dict) -> tuple:
    return ((d["donor"] or {}).get("code"), (d["system"] or {}).get("name"), d["quantity"])


def score_case(text: str, expected: list[dict], ref: ReferenceData) -> dict:
    found = [x.to_json() for x in extract(text, ref)]
    exp_keys = Counter(key_of_expected(e) for e in expected)
    got_keys = Counter(key_of_found(d) for d in found)
    tp_keys = exp_keys & got_keys
    tp = sum(tp_keys.values())
    item_ok = qual_ok = matched = 0
    remaining = list(found)
    for e in expected:
        k = key_of_expected(e)
        for d in remaining:
            if key_of_found(d) == k:
                matched += 1
                item_ok += d["item"] == e.get("item")
                qual_ok += d["qualifier"] == e.get("qualifier", d["qualifier"])
                remaining.remove(d)
                break
    misses = list((exp_keys - got_keys).elements())
    false_pos = [d for d in found if (got_keys - exp_keys)[key_of_found(d)] > 0]
    return {"tp": tp, "expected": sum(exp_keys.values()), "found": sum(got_keys.values()),
            "misses": misses, "false_pos": false_pos, "item_ok": item_ok, "qual_ok": qual_ok,
            "matched": matched, "proposals": found}


def prf(tp: int, found: int, expected: int) -> tuple[float, float, float]:
    p = tp / found if found else 1.0
    r = tp / expected if expected else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(ref: ReferenceData | None = None, filters: list[str] | None = None, cases: Path = CASES) -> dict:
    ref = ref or ReferenceData.from_fixture_dir(FIXTURES)
    results = {}
    for name, text, expected in load_cases(filters, cases):
        results[name] = score_case(text, expected, ref)
    return results


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    cases = CASES
    if "--cases" in argv:
        at = argv.index("--cases")
        cases = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    filters = [a for a in argv if not a.startswith("-")]
    results = evaluate(filters=filters, cases=cases)
    tp = found = expected = item_ok = qual_ok = matched = 0
    for name, r in results.items():
        p, rc, f = prf(r["tp"], r["found"], r["expected"])
        print(f"{name:60s} P={p:.2f} R={rc:.2f} F1={f:.2f}  (tp {r['tp']}, found {r['found']}, expected {r['expected']})")
        tp += r["tp"]
        found += r["found"]
        expected += r["expected"]
        item_ok += r["item_ok"]
        qual_ok += r["qual_ok"]
        matched += r["matched"]
    p, rc, f = prf(tp, found, expected)
    print()
    print(f"OVERALL  cases={len(results)}  precision={p:.3f}  recall={rc:.3f}  F1={f:.3f}  "
          f"(tp {tp}, found {found}, expected {expected})")
    if matched:
        print(f"item accuracy {item_ok / matched:.3f}   qualifier accuracy {qual_ok / matched:.3f}  (on {matched} matched)")
    print()
    for name, r in results.items():
        if not r["misses"] and not r["false_pos"]:
            continue
        print(f"== {name}")
        for m in r["misses"]:
            print(f"   MISS  {m}")
        for d in r["false_pos"]:
            print(f"   FALSE {key_of_found(d)} item={d['item']} q={d['qualifier']} :: {d['evidence']['text'][:140]!r}")
            if verbose:
                print(f"         reasons={d.get('reasons')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
