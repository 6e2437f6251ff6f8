"""From a French news article to proposed facts: see `pipeline`."""

from facts.extraction.pipeline import Extraction, extract, extract_article

__all__ = ["Extraction", "extract", "extract_article"]
