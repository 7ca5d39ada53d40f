"""Examples corpus of the fact rules (the Duckling pattern): per fact type, one module
(``money``, ``percentage``, ``count``, ``rank``, ``dates``) with short phrases in Xinhua
Korean style paired with exactly the records they must yield (``EXAMPLES``), and phrases
that must yield nothing of that type (``NEGATIVES``). The helpers below serve the numeric
types; ``dates`` defines its own example type (it needs a reference date).

The phrases are written for this project after the phrasing of the Xinhua Korean
service; none is copied from an article. A case the rules cannot handle yet stays here
with ``xfail`` set to the reason (the test marks it expected-to-fail), so that gaps stay
counted instead of deleted.

Expected records are dicts holding only the fields that matter to the example; values
are decimal strings. The harness (``tests/facts/test_numeric_corpus.py``) runs each
extractor over the whole phrase and compares the records in text order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

__all__ = ["Example", "Negative", "ex", "neg"]


@dataclass(frozen=True)
class Example:
    """A phrase and the records it yields, in text order."""

    text: str
    expected: tuple[dict[str, Any], ...]
    xfail: Optional[str] = None


@dataclass(frozen=True)
class Negative:
    """A phrase that yields no record of the corpus's type."""

    text: str
    xfail: Optional[str] = None


def ex(text: str, *expected: dict[str, Any], xfail: Optional[str] = None) -> Example:
    return Example(text, tuple(expected), xfail)


def neg(text: str, xfail: Optional[str] = None) -> Negative:
    return Negative(text, xfail)
