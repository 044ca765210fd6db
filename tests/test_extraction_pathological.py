"""Pathological input must finish promptly: every step of the parser is linear and bounded.

Each input runs in a subprocess with a generous 60 s timeout (a hang fails the test
instead of the run); on this machine each takes a second or two at most.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "a megabyte without spaces": "'x' * 1_000_000",
    "letters digits and hyphens without spaces": "'IRIS-T30Patriot,' * 60_000",
    "a 200,000-digit number": "'Germany will send ' + '9' * 200_000 + ' IRIS-T systems.'",
    "a system name repeated 100,000 times": "'Germany will send ' + 'IRIS-T ' * 100_000",
    "300,000 nested parentheses": "'(' * 300_000 + 'Germany will send four IRIS-T' + ')' * 300_000",
    "100,000 thousands groups": "'Germany will send 1' + ',000' * 100_000 + ' shells.'",
    "100,000 list items": "'\\u2022 four IRIS-T\\n' * 100_000",
    "200,000 number words": "'four ' * 200_000 + 'IRIS-T'",
}

SCRIPT = """
import sys
sys.path.insert(0, {root!r})
from pledges.extraction import ReferenceData, extract
ref = ReferenceData.from_fixture_dir({fixtures!r})
text = {expr}
found = extract(text, ref)
for item in found:
    assert text[item.start:item.end] == item.evidence
print(len(found))
"""


@pytest.mark.parametrize("name", list(CASES))
def test_pathological_input_finishes_promptly(name):
    code = SCRIPT.format(root=str(ROOT), fixtures=str(ROOT / "fixtures" / "reference"), expr=CASES[name])
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_garbage_collector_is_resumed_after_a_parse_and_left_off_if_it_was_off():
    import gc

    from pledges.extraction import extract

    from .extraction_helpers import full_ref

    assert gc.isenabled()
    extract("Germany will send 4 IRIS-T SLM systems.", full_ref())
    assert gc.isenabled()
    gc.disable()
    try:
        extract("Germany will send 4 IRIS-T SLM systems.", full_ref())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_garbage_collector_is_resumed_when_a_parse_fails():
    import gc

    import pytest

    from pledges.extraction import extract

    with pytest.raises(AttributeError):
        extract("Germany will send 4 IRIS-T SLM systems.", None)  # no reference data: the parse fails
    assert gc.isenabled()
