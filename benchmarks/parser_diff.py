"""Which proposals a parser change alters: run two revisions of the parser over the same texts
and print every proposal that appears in one and not the other.

Run from the repository root:

    python benchmarks/parser_diff.py [OLD] [NEW] [--cases DIR ...] [--texts DIR ...] [-q]

OLD defaults to HEAD, NEW to the working tree ("." or "WORKTREE").  A git revision is checked
out into a temporary `git worktree` and its parser (pledges/extraction and
fixtures/reference) runs there in a subprocess, so the two never share imports.  Both runs
read the SAME texts: the working tree's tests/parser_cases (and any --cases / --texts
directories), so only the parser differs.

Every changed proposal is marked against the case's expected records:
    + ok     new and expected (a gain)          - ok     lost though expected (collateral damage)
    + BAD    new and not expected (a false one)  - bad    lost and not expected (a fix)
Texts from --texts have no expectations; their changes are marked "+ ?" / "- ?" for review.
The summary gives precision and recall of both sides on the scored cases.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "parser_cases"

# Runs inside the checked-out tree: prints {name: [proposal keys]} for the given texts.
_DUMP = r"""
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from pledges.extraction import ReferenceData, extract, html_to_text
ref = ReferenceData.from_fixture_dir(Path(sys.argv[1]) / "fixtures" / "reference")
out = {}
for name, path in json.loads(sys.stdin.read()):
    raw = Path(path).read_text(encoding="utf-8")
    text = html_to_text(raw) if path.endswith(".html") else raw
    rows = []
    for x in extract(text, ref):
        d = x.to_json()
        rows.append([(d["donor"] or {}).get("code"), (d["system"] or {}).get("name"), d["quantity"],
                     d["item"], d["qualifier"], d["evidence"]["text"][:120]])
    out[name] = rows
print(json.dumps(out))
"""


def _texts(case_dirs: list[Path], text_dirs: list[Path]) -> tuple[list[tuple[str, str]], dict[str, list | None]]:
    """(name, path) of every text, and each name's expected keys (None: no expectations)."""
    items: list[tuple[str, str]] = []
    expected: dict[str, list | None] = {}
    for d in case_dirs:
        for meta in sorted(d.glob("*.json")):
            src = next((d / (meta.stem + e) for e in (".txt", ".html") if (d / (meta.stem + e)).exists()), None)
            if src is None:
                continue
            name = meta.stem if d == CASES else f"{d.name}/{meta.stem}"
            exp = json.loads(meta.read_text(encoding="utf-8")).get("expected", [])
            items.append((name, str(src)))
            expected[name] = [(e.get("donor"), e.get("system"), e.get("quantity")) for e in exp]
    for d in text_dirs:
        for src in sorted(list(d.glob("*.txt")) + list(d.glob("*.html"))):
            name = f"{d.name}/{src.name}"
            items.append((name, str(src)))
            expected[name] = None
    return items, expected


def _run(tree: Path, items: list[tuple[str, str]]) -> dict[str, list]:
    res = subprocess.run([sys.executable, "-c", _DUMP, str(tree)], input=json.dumps(items),
                         capture_output=True, text=True, check=False, cwd=str(tree))
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        raise SystemExit(f"parser at {tree} failed")
    return json.loads(res.stdout)


def _checkout(rev: str, tmp: Path) -> Path:
    if rev in (".", "WORKTREE"):
        return ROOT
    path = tmp / rev.replace("/", "_")
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(path), rev],
                   check=True, capture_output=True)
    return path


def _score(rows: dict[str, list], expected: dict[str, list | None]) -> tuple[float, float, int, int, int]:
    tp = found = exp = 0
    for name, keys in expected.items():
        if keys is None:
            continue
        got = Counter(tuple(r[:3]) for r in rows.get(name, []))
        want = Counter(tuple(k) for k in keys)
        tp += sum((got & want).values())
        found += sum(got.values())
        exp += sum(want.values())
    return (tp / found if found else 1.0), (tp / exp if exp else 1.0), tp, found, exp


def diff(old_rows: dict, new_rows: dict, expected: dict) -> int:
    changed = 0
    for name in expected:
        old = Counter(tuple(r[:3]) for r in old_rows.get(name, []))
        new = Counter(tuple(r[:3]) for r in new_rows.get(name, []))
        if old == new:
            continue
        want = Counter(tuple(k) for k in expected[name]) if expected[name] is not None else None
        lines = []
        detail = {tuple(r[:3]): r for r in old_rows.get(name, []) + new_rows.get(name, [])}
        for sign, keys, rows in (("-", old - new, old), ("+", new - old, new)):
            for key in keys.elements():
                if want is None:
                    mark = "?"
                else:
                    # an expected key is "ok" while the side holding it does not exceed the expectation
                    held = rows[key] - (keys[key] - 1)
                    mark = "ok" if held <= want[key] else ("BAD" if sign == "+" else "bad")
                r = detail[key]
                lines.append(f"   {sign} {mark:3s} {key!s:55s} item={r[3]} q={r[4]} :: {r[5]!r}")
        changed += len(lines)
        print(f"== {name}")
        print("\n".join(lines))
    return changed


def main(argv: list[str]) -> int:
    case_dirs, text_dirs, revs = [CASES], [], []
    quiet = "-q" in argv
    args = [a for a in argv if a != "-q"]
    k = 0
    while k < len(args):
        if args[k] in ("--cases", "--texts"):
            (case_dirs if args[k] == "--cases" else text_dirs).append(Path(args[k + 1]).resolve())
            k += 2
            continue
        revs.append(args[k])
        k += 1
    old_rev = revs[0] if revs else "HEAD"
    new_rev = revs[1] if len(revs) > 1 else "."
    items, expected = _texts(case_dirs, text_dirs)
    tmp = Path(tempfile.mkdtemp(prefix="parser_diff_"))
    trees = []
    try:
        old_tree = _checkout(old_rev, tmp)
        trees.append(old_tree)
        new_tree = _checkout(new_rev, tmp)
        trees.append(new_tree)
        old_rows, new_rows = _run(old_tree, items), _run(new_tree, items)
    finally:
        for t in trees:
            if t != ROOT:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(t)], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
    changed = 0 if quiet else diff(old_rows, new_rows, expected)
    po, ro, *c_old = _score(old_rows, expected)
    pn, rn, *c_new = _score(new_rows, expected)
    print()
    print(f"{old_rev:>10s}: P={po:.3f} R={ro:.3f}  (tp {c_old[0]}, found {c_old[1]}, expected {c_old[2]})")
    print(f"{new_rev:>10s}: P={pn:.3f} R={rn:.3f}  (tp {c_new[0]}, found {c_new[1]}, expected {c_new[2]})")
    print(f"{changed} proposal(s) changed across {len(items)} texts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
