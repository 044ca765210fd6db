"""Pledge extraction: text and reference data in, proposed pledge records out (no Django here).

    from pledges.extraction import ReferenceData, extract, html_to_text, Extracted
    ref = ReferenceData.from_dicts(donors=[...], systems=[...])  # dicts as in fixtures/reference/*.json
    ref = ReferenceData.from_fixture_dir("fixtures/reference")    # the same, read from the files
    items: list[Extracted] = extract(text, ref)                   # in text order
    items[0].to_json()                                             # the parse_report --json contract

Modules, in pipeline order:
  text        HTML to text (selectolax), folding, tokens, headline/sentence/list-item segments
  reference   ReferenceData and the alias trie (longest alias, case and punctuation folded)
  quantities  counts: digits, number words, qualifiers, vague and undisclosed amounts
  money       values with ISO currencies
  triggers    cue words: pledge verbs and what makes a sentence something else
  systems     the noun phrase a count governs, its system and its item kind
  donors      who gives: subject, agent, demonym, heading, context, the report itself
  extract     the pipeline, de-duplication and confidence

Libraries: selectolax (lexbor) converts HTML — about 12 MB/s here, and it already was a
dependency.  Sentence splitting and number words are written here, not taken from pysbd
or word2number/text2num: see the docstrings of text.py and quantities.py for the
measurements and reasons.  No other dependency.
"""

from .extract import Extracted, extract
from .reference import ReferenceData
from .text import html_to_text

__all__ = ["Extracted", "ReferenceData", "extract", "html_to_text"]
