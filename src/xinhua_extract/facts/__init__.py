"""Fact extraction: money, percentages, counts, ranks and dates.

Each fact type has its rules in its own module and an examples corpus beside them in
:mod:`xinhua_extract.facts.corpus` (the Duckling pattern). :func:`extract_facts` runs
them all over the content spans and returns the facts in text order.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Optional, Sequence

from ..numbers import overflowing_unit
from ..records import ArticleWarning, Fact, Money, Token
from ._numeric import shared_number_scan
from .count import extract_counts
from .dates import scan_dates
from .money import conversion_warnings, extract_money, spelling_warnings, unread_amount_warnings
from .percentage import extract_percentages
from .rank import extract_ranks

FACT_KINDS = ("money", "percentage", "count", "rank", "date")


def extract_facts(
    text: str,
    spans: Sequence[tuple[int, int]],
    tokens: Sequence[Token] = (),
    reference: Optional[date] = None,
) -> tuple[tuple[Fact, ...], tuple[ArticleWarning, ...]]:
    """All facts in ``spans`` sorted by offset, and the warnings they raise.

    Money conversions (``equivalent_of``) are re-indexed from the money extractor's own
    tuple to the returned tuple.
    """
    with shared_number_scan(text):  # money, percentages and counts read one number scan
        money = extract_money(text, spans)
        dates, bases = scan_dates(text, spans, reference)  # one scan: dates, and the bases of %
        others: list[Fact] = [
            *extract_percentages(text, spans, bases),
            *extract_counts(text, spans, tokens),
            *extract_ranks(text, spans),
            *dates,
        ]
    warnings = [*conversion_warnings(money), *spelling_warnings(money), *_numeral_warnings([*money, *others]),
                *unread_amount_warnings(text, spans, money)]
    facts: list[Fact] = [*money, *others]
    order = sorted(range(len(facts)), key=lambda i: (facts[i].start, facts[i].end, facts[i].type))
    position = {old: new for new, old in enumerate(order)}
    out: list[Fact] = []
    for old in order:
        fact = facts[old]
        if isinstance(fact, Money) and fact.equivalent_of is not None:
            fact = dataclasses.replace(fact, equivalent_of=position[fact.equivalent_of])
        out.append(fact)
    for fact in out:
        if fact.type == "date" and getattr(fact, "value", None) is None:
            warnings.append(
                ArticleWarning(
                    code="W201",
                    message=f"relative date {fact.text!r} left unresolved: no publication "
                    "date, dateline date or reference_date is known",
                    start=fact.start,
                    end=fact.end,
                )
            )
    return tuple(out), tuple(warnings)


def _numeral_warnings(facts: Sequence[Fact]) -> list[ArticleWarning]:
    """``W105`` for each figure whose numeral has more digits after a unit word than fit
    below it (``2만1천3422위안``): read as written, but probably mistyped in the source."""
    out = []
    for fact in facts:
        part = overflowing_unit(fact.text) if fact.type != "date" else None
        if part is not None:
            out.append(ArticleWarning(
                code="W105",
                message=f"{fact.text!r}: the digits of {part!r} overflow its unit word; read as "
                "written, probably a typo in the source",
                start=fact.start, end=fact.end))
    return out


__all__ = ["FACT_KINDS", "extract_facts"]
