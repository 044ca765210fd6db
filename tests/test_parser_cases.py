"""The development corpus in tests/parser_cases/: overall precision and recall on (donor, system, quantity).

`python benchmarks/parser_quality.py` prints the same figures per case, with every miss and false positive.
"""

import sys
from pathlib import Path

import pytest

from pledges.extraction import extract

from .extraction_helpers import ROOT, full_ref

sys.path.insert(0, str(ROOT / "benchmarks"))
import parser_quality  # noqa: E402

CASES = parser_quality.load_cases()


def test_corpus_has_cases():
    assert len(CASES) >= 1


def test_corpus_precision_and_recall_meet_the_bar():
    results = parser_quality.evaluate(ref=full_ref())
    tp = sum(r["tp"] for r in results.values())
    found = sum(r["found"] for r in results.values())
    expected = sum(r["expected"] for r in results.values())
    precision, recall, _ = parser_quality.prf(tp, found, expected)
    assert precision >= 0.90, f"precision {precision:.3f} (tp {tp}, found {found})"
    assert recall >= 0.80, f"recall {recall:.3f} (tp {tp}, expected {expected})"


def test_seed_report_gives_exactly_its_two_proposals():
    seed = next((text for name, text, _ in CASES if name.startswith("000_")), None)
    if seed is None:
        pytest.skip("seed case not in the corpus")
    found = [(x.donor_code, x.system_name, x.item, x.quantity, x.qualifier, x.quantity_text) for x in extract(seed, full_ref())]
    assert found == [
        ("DE", "IRIS-T SLM", "system", 4, "exact", "another four"),
        ("DE", "Patriot", "missile", 30, "exact", "another 30"),
    ]


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_every_case_parses_and_cites_its_text(name, text, expected):
    for item in extract(text, full_ref()):
        assert text[item.start : item.end] == item.evidence
