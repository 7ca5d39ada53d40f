"""The dates corpus: every example yields exactly its records; every negative nothing."""

from __future__ import annotations

from datetime import date

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from xinhua_extract.facts import dates
from xinhua_extract.facts.corpus.dates import EXAMPLES, NEGATIVES, REFERENCE
from xinhua_extract.facts.dates import comparison_bases, extract_dates
from xinhua_extract.numbers import scan


def _param(item):
    marks = [pytest.mark.xfail(reason=item.xfail, strict=True)] if item.xfail else []
    return pytest.param(item, id=item.phrase, marks=marks)


def _extract(phrase, reference):
    records = extract_dates(phrase, [(0, len(phrase))], reference)
    for r in records:
        assert phrase[r.start : r.end] == r.text
        assert r.rule
    return [(r.text, r.value, r.grain, r.relative, r.range) for r in records]


@pytest.mark.parametrize("example", [_param(e) for e in EXAMPLES])
def test_example(example):
    assert _extract(example.phrase, example.reference) == list(example.expected)


@pytest.mark.parametrize("negative", [_param(n) for n in NEGATIVES])
def test_negative(negative):
    assert _extract(negative.phrase, REFERENCE) == []


def test_corpus_size():
    assert len([e for e in EXAMPLES if not e.xfail]) >= 60
    assert len(NEGATIVES) >= 30


def test_offsets_are_absolute_and_spans_are_respected():
    text = "머리 2004년 꼬리 지난해 4월 그리고 2013년"
    start = text.index("지난해")
    records = extract_dates(text, [(start, start + len("지난해 4월"))], REFERENCE)
    assert [(r.text, r.start, r.value) for r in records] == [("지난해 4월", start, "2020-04")]
    assert extract_dates(text, [(start, start + 2)], REFERENCE) == ()  # 지난 cut off: no 지난해


def test_comparison_bases():
    text = "수출은 전년 동기 대비 5%, 지난해보다 3%, 전월 대비 1%, 지난해 말보다 2%, 2019년 같은 기간보다 9% 늘었다."
    got = [(b.text, b.label, b.value) for b in comparison_bases(text, [(0, len(text))], REFERENCE)]
    assert got == [
        ("전년 동기 대비", "same_period_last_year", None),
        ("지난해보다", "previous_year", None),
        ("전월 대비", "previous_month", None),
        ("지난해 말보다", "date", "2020-12"),
        ("2019년 같은 기간보다", "same_period", "2019"),
    ]
    assert extract_dates(text, [(0, len(text))], REFERENCE) == ()


def test_first_character_prefilter_admits_every_rule():
    """The scan skips positions whose character is outside ``_FIRST``; no rule may start there."""
    first = regex.compile(dates._FIRST)
    phrases = [e.phrase for e in EXAMPLES] + [n.phrase for n in NEGATIVES]
    for name, pattern in dates.RULES:
        rule = regex.compile(pattern)
        for phrase in phrases:
            for m in rule.finditer(phrase):
                assert first.match(phrase, m.start()), (name, phrase, m.group())


def test_start_filter_admits_every_rule_and_scans_like_finditer():
    """The scan tries the rules only where ``_STARTS`` matches (stricter than ``_FIRST`` at
    digits): every rule's match must start there, and the scan must find what a plain
    ``finditer`` finds."""
    phrases = [e.phrase for e in EXAMPLES] + [n.phrase for n in NEGATIVES]
    for name, pattern in dates.RULES:
        rule = regex.compile(pattern)
        for phrase in phrases:
            for m in rule.finditer(phrase):
                assert dates._STARTS.match(phrase, m.start()), (name, phrase, m.group())
    for phrase in phrases:
        plain = [(m.span(), m.lastgroup) for m in dates._PATTERN.finditer(phrase)]
        scanned = [(m.span(), m.lastgroup) for m in scan(dates._PATTERN, dates._STARTS, phrase, 0, len(phrase))]
        assert scanned == plain, phrase


_PIECES = st.sampled_from(
    ["2021", "년", "월", "일", "1", "12", "31", "~", "-", ".", " ", "지난", "오는", "올", "올해", "지난해",
     "전년", "동기", "대비", "보다", "말", "초", "분기", "상반기", "연말", "부터", "까지", "전", "개월", "4",
     "·", "매년", "같은 기간", "대", "(현지시간)", "이달", "지난달", "간", "연속", "가", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(_PIECES, max_size=14),
    reference=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))),
    cut=st.tuples(st.integers(0, 80), st.integers(0, 80)),
)
def test_never_crashes_and_stays_in_its_spans(pieces, reference, cut):
    text = "".join(pieces)
    start, end = sorted(cut)
    for spans in ([(0, len(text))], [(start, end)]):
        for r in extract_dates(text, spans, reference):
            assert text[r.start : r.end] == r.text == r.text.strip() != ""
            assert any(s <= r.start and r.end <= e for s, e in spans)
            assert (r.value is None) == (reference is None and r.relative)


def test_first_word_filter_admits_every_word_a_rule_starts_with():
    """The cheap first-position filter must let every vocabulary word through."""
    first = regex.compile(dates._FIRST)
    words = [
        *dates.YEAR_WORDS, *dates.MONTH_WORDS, *dates.WEEK_WORDS, *dates._BASIS_PREVIOUS,
        "상반기", "하반기", "연말", "연초", "연내", "연말연시", "매년", "매월", "한 달", "두 해", "'21",
    ]
    assert [w for w in words if not first.match(w)] == []
