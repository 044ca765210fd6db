"""Pledge extraction: text and reference data in, proposed pledge records out (no Django here)."""

from .extract import Extracted, extract
from .reference import ReferenceData
from .text import html_to_text

__all__ = ["Extracted", "ReferenceData", "extract", "html_to_text"]
