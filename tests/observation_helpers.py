"""Observations made for tests of the outputs of observations (writers, series, spaCy,
render), independent of the extractor that fills ``Article.observations``.

:func:`naive_observations` is a deliberately simple reading, the "nearest subject"
baseline: the measure is the run of nouns closest before the figure in its sentence,
the role ``change`` when a verb of change follows a percentage and ``level`` otherwise,
the places those of the figure's sentence, the period the first date of the sentence.
Every span it makes is a real stretch of the article (the offset invariant holds), and
every observation points at a real money, percentage or count fact that is not a KRW
conversion, as the extractor's do.
"""

from __future__ import annotations

import dataclasses
import re

from xinhua_extract.records import Article, Observation, Span

NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "SH", "XSN"})
_CHANGE = re.compile(r"^\S*\s*(증가|늘|성장|상승|높아|감소|줄|하락|떨어)")
_DOWN = ("감소", "줄", "하락", "떨어")


def _measure(article: Article, sentence_start: int, fact_start: int) -> Span | None:
    """The last run of noun morphemes before ``fact_start`` in the sentence (nouns
    separated by at most one space belong to one run)."""
    tokens = [t for t in article.tokens if sentence_start <= t.start and t.end <= fact_start]
    run_start = run_end = None
    for tok in reversed(tokens):
        if tok.tag in NOUN_TAGS:
            if run_end is None:
                run_start, run_end = tok.start, tok.end
            elif tok.end == run_start or (tok.end == run_start - 1 and article.text[tok.end] == " "):
                run_start = tok.start
            else:
                break
        elif run_end is not None:
            break
    if run_end is None:
        return None
    return Span(text=article.text[run_start:run_end], start=run_start, end=run_end)


def naive_observations(article: Article) -> tuple[Observation, ...]:
    dates: dict[int, str] = {}
    for f in article.facts:
        if f.type == "date" and f.value and f.sentence is not None:
            dates.setdefault(f.sentence, f.value)
    out = []
    for i, fact in enumerate(article.facts):
        if fact.type not in ("money", "percentage", "count") or getattr(fact, "equivalent_of", None) is not None:
            continue
        sent = article.sentences[fact.sentence] if fact.sentence is not None else None
        measure = _measure(article, sent.start if sent else 0, fact.start)
        after = article.text[fact.end: sent.end if sent else fact.end + 12]
        m = _CHANGE.match(after) if fact.type == "percentage" else None
        role = "change" if m else "level"
        direction = ("down" if m.group(1) in _DOWN else "up") if m else None
        out.append(Observation(
            fact=i, role=role, measure=measure, places=fact.places,
            period=dates.get(fact.sentence), direction=direction, rule="test.naive",
            place_source="sentence" if fact.places else None,
            period_source="sentence" if fact.sentence in dates else None,
        ))
    for o in out:
        if o.measure is not None:
            assert article.text[o.measure.start:o.measure.end] == o.measure.text
    return tuple(out)


def with_observations(article: Article) -> Article:
    """The article with :func:`naive_observations` in place of its own."""
    return dataclasses.replace(article, observations=naive_observations(article))
