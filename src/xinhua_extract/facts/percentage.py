"""Percentage rules: ``25.4%``, ``3.5퍼센트``, ``-4.1%``, ``마이너스(-) 4.1%``, and changes in
percentage points (``1.2%p``, ``0.5%포인트``, ``0.3% 포인트``, ``2퍼센트포인트``: unit ``%p``).

Rules (``Percentage.rule``):

``percentage-number``      number + ``%`` / ``％`` / ``퍼센트``
``percentage-points``      number + ``%p`` and its spellings
``percentage-range-low``   the lower end of ``5~6%`` (text ``5``, bound min)
``percentage-range-high``  its upper end (bound max)

``3%대`` ("in the 3% band") is ``3%``, approx. ``포인트`` alone is not ``%p``: ``30포인트
하락`` is about index points. ``basis`` is the comparison base written right before the
figure (``전년 동기 대비 5.6%`` -> ``전년 동기 대비``), when there is one; figures listed
after it (``각각 3.2%, 4.1%``) share it.
"""

from __future__ import annotations

import logging
from typing import Optional, Sequence

import regex

from ..numbers import read_number, read_trailing_markers
from ..records import Percentage
from ._numeric import clip_spans, numbers_with_ranges, range_low_value

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

# Comparison bases (the date rules do not take these as dates): 전년 동기 대비, 지난해
# 같은 기간보다, 전월 대비 … right before the figure, maybe with 각각 ("respectively").
_BASIS_RE = regex.compile(
    rf"""
    (?P<basis>
        (?:전년|지난해|작년|전월|지난달|전분기|전\ 분기|전기|전주|전일|동기|같은\ 기간)
        (?:{_SP}?(?:동기|같은{_SP}기간|동월|동분기))?
        {_SP}?(?:대비|보다|比|에\ 비해|와\ 비교해|과\ 비교해)
    )
    {_SP}*(?:각각{_SP}*)?$
    """,
    regex.VERBOSE,
)
_BASIS_WINDOW = 40


def _basis(text: str, start: int, span_start: int) -> Optional[str]:
    m = _BASIS_RE.search(text, max(span_start, start - _BASIS_WINDOW), start)
    return m.group("basis") if m else None


_LIST_SEP_RE = regex.compile(rf"{_SP}?(?:[,，、]|와|과|및){_SP}?")


def _listed_basis(found: list[Percentage], text: str, start: int) -> Optional[str]:
    """``각각 3.2%, 4.1%``: a figure listed right after one with a basis shares it."""
    if found and found[-1].basis and _LIST_SEP_RE.fullmatch(text, found[-1].end, start):
        return found[-1].basis
    return None


def extract_percentages(text: str, spans: Sequence[tuple[int, int]]) -> tuple[Percentage, ...]:
    """Every percentage inside ``spans`` of ``text``, in text order."""
    out: list[Percentage] = []
    for span_start, span_end in clip_spans(text, spans):
        for m, low_match in numbers_with_ranges(text, span_start, span_end):
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
            basis = _basis(text, nm.start, span_start) or _listed_basis(out, text, nm.start)
            if low_match is not None:
                low = read_number(low_match)
                basis = _basis(text, low.start, span_start) or _listed_basis(out, text, low.start) or basis
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
    return tuple(out)
