"""Rank rules: ``3위``, ``세계 1위``, ``100위권`` (within the top 100), ``상위 10``.

Rules (``Rank.rule``):

``rank-position``   N위 (text ``1위``, also after 제: ``제1위`` -> ``1위``)
``rank-within``     N위권: within the top N (``within`` true)
``rank-top-n``      상위 N (text ``상위 10``, ``within`` true); ``상위 10위권`` is one rank.
                    ``상위 1%`` is a percentage, not a rank.
``rank-range-low``  the better end of ``3~5위`` (text ``3``, ``bound`` min)
``rank-range-high`` its worse end (text ``5위``, ``bound`` max)
``rank-list``       a bare number listed before N위 that shares its 위 (``각각 4, 5위``: text
                    ``4``, value 4; then ``5위``)

``N등`` (``1등``: first prize, first place) and ``N순위`` (``1순위 과제``: first priority)
are ranks like ``N위``; ``1등급`` (a grade) is not: what follows must be a particle.

The number is plain digits. What follows 위 must be a particle or a non-letter, so
``3위안`` (yuan) and ``위원회`` stay out. ``N대`` labels (``세계 500대 기업``) are not
ranks either.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Sequence

import regex

from ..numbers import LEFT_BOUNDARY
from ..records import Rank
from ._numeric import FOLLOW, RANGE_SEPARATOR, clip_spans

log = logging.getLogger(__name__)

__all__ = ["extract_ranks"]

_RANK_RE = regex.compile(
    rf"""
    (?:(?<![\p{{L}}\p{{N}}])(?P<top>상위)[ ]?)?
    (?:(?<=제|상위[ ]?)|{LEFT_BOUNDARY})
    (?:(?P<low>\d{{1,5}})(?P<lowwi>위|등)?(?:{RANGE_SEPARATOR}|-))?   # 3~5위, 1-3위
    (?P<num>\d{{1,5}})(?![\d.,\p{{Latin}}])
    (?P<wi>(?:(?P<word>순위|위|등)(?P<within>권)?){FOLLOW})?
    """,
    regex.VERBOSE,
)
_PERCENT_AFTER = regex.compile(r"[ ]?(?:%|％|퍼센트)")
#: What a span needs for any rank: 상위 (top) or a digit with 위, 순위 or 등 right after it (wi).
_MAY_RANK = regex.compile(r"\d[위순등]|상위")
#: 4, 5위: a bare number and a comma or middle dot right before a rank.
_LISTED_BEFORE = regex.compile(r"(?<![\p{L}\p{N}.,·~\-])(?P<n>\d{1,3})[ ]?[,·][ ]?")


def _listed_before(text: str, start: int, floor: int) -> list[Rank]:
    """The bare numbers listed right before a rank at ``start`` (``4, 5위``, ``1·2위``)."""
    found: list[Rank] = []
    while True:
        lm = next((m for m in (_LISTED_BEFORE.fullmatch(text, at, start) for at in range(max(floor, start - 6), start))
                   if m is not None), None)
        if lm is None:
            return found[::-1]
        found.append(Rank(text=lm.group("n"), start=lm.start("n"), end=lm.end("n"), rule="rank-list",
                          value=Decimal(lm.group("n")), within=False, bound=None))
        start = lm.start()


def extract_ranks(text: str, spans: Sequence[tuple[int, int]]) -> tuple[Rank, ...]:
    """Every rank inside ``spans`` of ``text``, in text order."""
    out: list[Rank] = []
    for span_start, span_end in clip_spans(text, spans):
        if _MAY_RANK.search(text, span_start, span_end) is None:
            continue  # every rank has 상위, or 위, 순위 or 등 against its number: the regex would only skip numbers
        for m in _RANK_RE.finditer(text, span_start, span_end):
            top, wi, low = m.group("top", "wi", "low")  # one call: most matches are skipped
            if wi is None:
                if top is None or low is not None or _PERCENT_AFTER.match(text, m.end("num"), span_end):
                    continue
                end, rule = m.end("num"), "rank-top-n"
            else:
                end = m.end("within") if m.group("within") else m.end("word")
                rule = "rank-top-n" if top else ("rank-within" if m.group("within") else "rank-position")
            within = bool(top or m.group("within"))
            bound = None
            if low is not None and int(low) >= int(m.group("num")) and "-" in text[m.end("low") : m.start("num")]:
                low = None  # 2023-3위: a hyphen after a larger number joins no range
            if low is not None:  # 3~5위: the best and the worst place of the range
                if int(low) >= int(m.group("num")):
                    continue  # not a range of places (a date, a score)
                lstart = m.start("top") if top else m.start("low")
                lend = m.end("lowwi") if m.group("lowwi") else m.end("low")
                out.append(
                    Rank(
                        text=text[lstart:lend], start=lstart, end=lend, rule="rank-range-low",
                        value=Decimal(low), within=within, bound="min",
                    )
                )
                start, rule, bound = m.start("num"), "rank-range-high", "max"
            else:
                start = m.start("top") if top else m.start("num")
                if rule == "rank-position":
                    out.extend(_listed_before(text, start, span_start))
            out.append(
                Rank(
                    text=text[start:end], start=start, end=end, rule=rule,
                    value=Decimal(m.group("num")), within=within, bound=bound,
                )
            )
    return tuple(out)
