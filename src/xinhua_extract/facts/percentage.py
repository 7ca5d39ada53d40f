"""Percentage rules: ``25.4%``, ``3.5퍼센트``, ``-4.1%``, ``마이너스(-) 4.1%``, and changes in
percentage points (``1.2%p``, ``0.5%포인트``, ``0.3% 포인트``, ``2퍼센트포인트``: unit ``%p``).

Rules (``Percentage.rule``):

``percentage-number``      number + ``%`` / ``％`` / ``퍼센트``
``percentage-points``      number + ``%p`` and its spellings
``percentage-range-low``   the lower end of ``5~6%`` (text ``5``, bound min)
``percentage-range-high``  its upper end (bound max)
``percentage-fraction``    a fraction ``N분의 M`` (``3분의 1``, ``1만분의 2``): ``value`` is M/N x 100 rounded
                           half-even to 0.01 (``33.33``), the exact share is ``fraction``
                           (``"1/3"``); ``approx`` stays false (the text is exact; the
                           rounding is the record's, and ``fraction`` undoes it)

``3%대`` ("in the 3% band") is ``3%``, approx. ``포인트`` alone is not ``%p``: ``30포인트
하락`` is about index points. ``basis`` is the comparison base (from
:func:`~xinhua_extract.facts.dates.comparison_bases`, the one vocabulary of bases) written
before the figure in its clause — right before it (``전년 동기 대비 5.6%``) or a few words
earlier (``전년 동기 대비 증가율은 5.6%다``), not across punctuation or another number;
figures listed after it (``각각 3.2%, 4.1%``) share it.
"""

from __future__ import annotations

import bisect
import logging
from decimal import Decimal
from typing import Optional, Sequence

import regex

from ..numbers import LEFT_BOUNDARY, read_number, read_trailing_markers, tidy
from ..particles import particle_pattern
from ..records import Percentage
from ._numeric import FOLLOW, clip_spans, numbers_with_ranges, range_low_value, unit_char
from .dates import ComparisonBasis, comparison_bases

log = logging.getLogger(__name__)

__all__ = ["extract_percentages"]

_SP = r"[ \u00a0]"

# The unit right after a number (the number grammar is in xinhua_extract.numbers).
_UNIT_RE = regex.compile(
    rf"""
    {_SP}?(?P<unit>%|％|퍼센트)
    (?P<points>{_SP}?포인트|[pP](?![\p{{Latin}}]))?
    (?P<band>대(?![비상학회표형]))?
    """,
    regex.VERBOSE,
)

_UNIT_FIRST = frozenset("%％퍼")  # first letters of the units above

# The comparison bases come from the date rules (dates.comparison_bases: one vocabulary
# for "not a date" and "the basis of a change"). A basis applies to the figures after it
# in its clause: right before the figure (전년 동기 대비 5.6%) or a few words earlier
# (전년 동기 대비 증가율은 5.6%다), never across a sentence or clause mark or another figure.
_BASIS_WINDOW = 40
_CLAUSE_BREAK = regex.compile(r"[.!?;,，。:\n]|\d")


class _Bases:
    """The comparison bases of the spans, in order: given by the caller (one date scan
    yields dates and bases: ``dates.scan_dates``) or found on the first figure."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]], given: Optional[Sequence[ComparisonBasis]]) -> None:
        self.text = text
        self.spans = spans
        self.bases: Optional[list[ComparisonBasis]] = None
        self.ends: list[int] = []
        if given is not None:
            self._keep(given)

    def _keep(self, bases: Sequence[ComparisonBasis]) -> None:
        self.bases = sorted(bases, key=lambda b: b.end)
        self.ends = [b.end for b in self.bases]

    def before(self, start: int, span_start: int) -> Optional[str]:
        """The last basis ending before ``start`` in its clause, within the window."""
        if self.bases is None:
            self._keep(comparison_bases(self.text, self.spans))
        bases = self.bases or []
        at = bisect.bisect_right(self.ends, start)
        for b in reversed(bases[max(0, at - 4) : at]):
            if b.start < span_start or start - b.end > _BASIS_WINDOW:
                break
            if not _CLAUSE_BREAK.search(self.text, b.end, start):
                return b.text.rstrip(" \u00a0")
        return None


_LIST_SEP_RE = regex.compile(rf"{_SP}?(?:[,，、]|{particle_pattern('list')}){_SP}?")  # data/particles.tsv


def _listed_basis(found: list[Percentage], text: str, start: int) -> Optional[str]:
    """``각각 3.2%, 4.1%``: a figure listed right after one with a basis shares it."""
    if found and found[-1].basis and _LIST_SEP_RE.fullmatch(text, found[-1].end, start):
        return found[-1].basis
    return None


def extract_percentages(
    text: str, spans: Sequence[tuple[int, int]], bases: Optional[Sequence[ComparisonBasis]] = None
) -> tuple[Percentage, ...]:
    """Every percentage inside ``spans`` of ``text``, in text order. ``bases``: the comparison
    bases of the spans when the caller has them (``dates.scan_dates``); else found here."""
    out: list[Percentage] = []
    found = _Bases(text, spans, bases)
    for span_start, span_end in clip_spans(text, spans):
        for m, low_match in numbers_with_ranges(text, span_start, span_end):
            if unit_char(text, m.end()) not in _UNIT_FIRST:
                continue  # no unit can start here: skip the pattern
            u = _UNIT_RE.match(text, m.end(), span_end)
            if u is None:
                continue
            nm = read_number(m)
            unit = "%p" if u.group("points") else "%"
            end = u.end("points") if u.group("points") else u.end("unit")
            markers = read_trailing_markers(text, u.end(), span_end)
            rule = "percentage-points" if unit == "%p" else "percentage-number"
            bound = markers.bound or nm.bound
            approx = nm.approx or markers.approx or u.group("band") is not None
            basis = found.before(nm.start, span_start) or _listed_basis(out, text, nm.start)
            if low_match is not None:
                low = read_number(low_match)
                basis = found.before(low.start, span_start) or _listed_basis(out, text, low.start) or basis
                out.append(
                    Percentage(
                        text=low.text, start=low.start, end=low.end, rule="percentage-range-low",
                        value=range_low_value(low, m.group("num"), text), unit=unit,
                        approx=low.approx or markers.approx, bound="min", basis=basis,
                    )
                )
                rule, bound = "percentage-range-high", "max"
            out.append(
                Percentage(
                    text=text[nm.start : end], start=nm.start, end=end, rule=rule, value=nm.value,
                    unit=unit, approx=approx, bound=bound, basis=basis,
                )
            )
        out.extend(_fractions(text, span_start, span_end, found))
    out.sort(key=lambda p: (p.start, p.end))
    return tuple(out)


# 3분의 1 ("one third"), 10분의 1, 4분의 3: M/N as a percentage.
_FRACTION_RE = regex.compile(
    rf"{LEFT_BOUNDARY}(?:(?P<den>[1-9]\d{{0,3}})(?P<scale>[백천만])?|(?P<bare>[백천만])){_SP}?분의{_SP}?"
    rf"(?P<num>[1-9]\d{{0,3}})(?![\d.,%％])(?!{_SP}?(?:%|％|퍼센트)){FOLLOW}"
)
# 1만분의 2, 천분의 5: a denominator written with its scale word
_SCALE = {"백": 100, "천": 1000, "만": 10000}
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


def _fractions(text: str, span_start: int, span_end: int, found: _Bases) -> list[Percentage]:
    """``3분의 1`` -> a percentage: ``value`` rounded to 0.01 (33.33) and the exact
    ``fraction`` ("1/3"); a fraction of one or more (``2분의 3``) is not a share."""
    out: list[Percentage] = []
    if text.find("분의", span_start, span_end) < 0:  # no copy of the span
        return out
    for m in _FRACTION_RE.finditer(text, span_start, span_end):
        scale = m.group("scale") or m.group("bare")
        den = int(m.group("den") or 1) * (_SCALE[scale] if scale else 1)
        num = int(m.group("num"))
        if num >= den:
            continue
        value = tidy((Decimal(num) * _HUNDRED / Decimal(den)).quantize(_CENT))
        out.append(
            Percentage(
                text=m.group(), start=m.start(), end=m.end(), rule="percentage-fraction", value=value,
                unit="%", basis=found.before(m.start(), span_start), fraction=f"{num}/{den}",
            )
        )
    return out
