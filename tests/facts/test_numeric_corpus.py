"""The numeric corpora (money, percentage, count, rank): every example yields exactly its
records, every negative nothing of its type; not-supported cases are strict xfails."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xinhua_extract.facts.corpus import count as count_corpus
from xinhua_extract.facts.corpus import money as money_corpus
from xinhua_extract.facts.corpus import percentage as percentage_corpus
from xinhua_extract.facts.corpus import rank as rank_corpus
from xinhua_extract.facts.count import extract_counts
from xinhua_extract.facts.money import extract_money
from xinhua_extract.facts.percentage import extract_percentages
from xinhua_extract.facts.rank import extract_ranks
from xinhua_extract.records import Token

CORPORA = {
    "money": (money_corpus, extract_money),
    "percentage": (percentage_corpus, extract_percentages),
    "count": (count_corpus, extract_counts),
    "rank": (rank_corpus, extract_ranks),
}
MIN_EXAMPLES = 40


@pytest.fixture(scope="module")
def kiwi():
    from xinhua_extract.tokenize import get_kiwi  # the pipeline's Kiwi, with its user words

    return get_kiwi()


def _tokens(kiwi, text: str) -> list[Token]:
    return [Token(form=t.form, tag=t.tag, start=t.start, end=t.start + t.len) for t in kiwi.tokenize(text)]


def _run(kind: str, text: str, kiwi) -> list:
    extract = CORPORA[kind][1]
    spans = [(0, len(text))]
    records = extract(text, spans, _tokens(kiwi, text)) if kind == "count" else extract(text, spans)
    for rec in records:
        assert text[rec.start : rec.end] == rec.text, rec
        assert rec.rule, rec
        assert rec.sentence is None and rec.places == ()
    return list(records)


def _view(record, expected: dict) -> dict:
    """The record's fields named in ``expected``, decimals compared by value."""
    out = {}
    for key, want in expected.items():
        got = getattr(record, key)
        if isinstance(got, Decimal) and want is not None:
            got = got == Decimal(want) and want or format(got, "f")
        out[key] = got
    return out


def _params(kind: str, items, attr: str):
    for item in items:
        marks = [pytest.mark.xfail(reason=item.xfail, strict=True)] if item.xfail else []
        yield pytest.param(kind, item, id=f"{kind}:{item.text}", marks=marks)


EXAMPLE_PARAMS = [p for kind, (corpus, _) in CORPORA.items() for p in _params(kind, corpus.EXAMPLES, "EXAMPLES")]
NEGATIVE_PARAMS = [p for kind, (corpus, _) in CORPORA.items() for p in _params(kind, corpus.NEGATIVES, "NEGATIVES")]


@pytest.mark.parametrize("kind,example", EXAMPLE_PARAMS)
def test_example(kind, example, kiwi):
    records = _run(kind, example.text, kiwi)
    assert [_view(r, e) for r, e in zip(records, example.expected)] == list(example.expected)
    assert len(records) == len(example.expected), [r.text for r in records]


@pytest.mark.parametrize("kind,negative", NEGATIVE_PARAMS)
def test_negative(kind, negative, kiwi):
    assert [r.text for r in _run(kind, negative.text, kiwi)] == []


@pytest.mark.parametrize("kind", list(CORPORA))
def test_corpus_size(kind):
    corpus = CORPORA[kind][0]
    supported = [e for e in corpus.EXAMPLES if not e.xfail]
    assert len(supported) >= MIN_EXAMPLES
    assert len(corpus.NEGATIVES) >= 15
    assert len({e.text for e in corpus.EXAMPLES}) == len(corpus.EXAMPLES), "duplicate example"
