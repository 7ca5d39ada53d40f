"""Observations read from an observation gold file (``shared/gold/*.observations.json``,
the format of ``shared/gold/OBSERVATIONS.md``) onto a parsed article, for tests of the
outputs that need the spec's own observations rather than an extractor's.

Each gold entry is matched to the article's fact of the same type, value and text, in
text order; its ``measure`` is located as the nearest occurrence of the gold measure text
before the figure in its sentence, else after it in the sentence, else the nearest before
it in the article (a measure carried over from an earlier sentence), so the offset
invariant holds."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from xinhua_extract.records import Article, Observation, Span


def gold_observations(article: Article, gold: dict) -> Article:
    used: set[int] = set()
    out = []
    for entry in gold["observations"]:
        index = next(i for i, f in enumerate(article.facts)
                     if i not in used and f.type == entry["type"] and f.text == entry["text"]
                     and getattr(f, "value", None) == Decimal(entry["value"]))
        used.add(index)
        fact = article.facts[index]
        text = entry.get("measure")
        measure = None
        if text:
            sent = article.sentences[fact.sentence] if fact.sentence is not None else None
            start = -1
            if sent is not None:
                start = article.text.rfind(text, sent.start, fact.start)
                if start < 0:
                    start = article.text.find(text, fact.end, sent.end)
            if start < 0:
                start = article.text.rfind(text, 0, fact.start)
            if start >= 0:
                measure = Span(text=text, start=start, end=start + len(text))
        out.append(Observation(
            fact=index, role=entry["role"], measure=measure, places=tuple(entry.get("places") or ()),
            period=entry.get("period"), direction=entry.get("direction"), rule="gold",
        ))
    out.sort(key=lambda o: o.fact)
    return dataclasses.replace(article, observations=tuple(out))
