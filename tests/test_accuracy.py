"""Accuracy on the gold corpus: the bar each fact type and the places must clear.

The scorer is :mod:`xinhua_extract.evaluate` (the ``eval`` command). Thresholds are the
project's acceptance bars, not the current figures: a drop below them is a regression.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xinhua_extract.evaluate import KINDS, Report, evaluate_dir, format_report, gold_keys, score_article

# issue 12: money, %, count, rank, date and places >= 0.99 on the dev and held-out corpora
BARS = {"money": 0.99, "percentage": 0.99, "count": 0.99, "rank": 0.99, "date": 0.99,
        "places": 0.99, "regions": 0.9, "conversions": 0.97,
        "glosses": 0.80}  # head, gloss and kind must all match; brand names are the weak spot


@pytest.fixture(scope="module")
def fixture_report(fixture_articles) -> Report:
    report = Report()
    for article, gold in fixture_articles.values():
        score_article(article, gold, report)
    return report


@pytest.mark.parametrize("kind", sorted(BARS))
def test_f1_bar_on_fixtures(fixture_report, kind):
    score = fixture_report.scores[kind]
    assert score.tp + score.fn > 0, f"the corpus holds no {kind} gold items"
    assert score.f1 >= BARS[kind], format_report(fixture_report, verbose=True)


@pytest.fixture(scope="module")
def heldout_report() -> Report:
    heldout = Path(__file__).parent / "fixtures" / "heldout" / "gold"
    return evaluate_dir(heldout)


@pytest.mark.parametrize("kind", sorted(BARS))
def test_f1_bar_on_the_heldout_corpus(heldout_report, kind):
    """The held-out corpus was written blind to the extractors (its README says what was
    changed after the first measurement); it must clear the same bars."""
    score = heldout_report.scores[kind]
    assert score.tp + score.fn > 0
    assert score.f1 >= BARS[kind], format_report(heldout_report, verbose=True)


@pytest.fixture(scope="module")
def longtail_report() -> Report:
    return evaluate_dir(Path(__file__).parent / "fixtures" / "longtail" / "gold")


@pytest.mark.parametrize("kind", sorted(BARS))
def test_f1_bar_on_the_longtail_corpus(longtail_report, kind):
    """Composed articles of the long tail (issue 12: hangul numbers, 亿, native ranges,
    labels, rank ranges, older spellings, Sino-Korean place readings). Their gold was
    written before the first run (see its README for that figure); now a regression bar."""
    score = longtail_report.scores[kind]
    if score.tp + score.fn == 0:
        pytest.skip(f"the long-tail corpus holds no {kind} gold items")
    assert score.f1 >= BARS[kind], format_report(longtail_report, verbose=True)


def test_fixture_meta_all_correct(fixture_report):
    assert fixture_report.meta_correct == fixture_report.meta_fields > 0


def test_seed_matches_gold_exactly(seed_article, seed_gold):
    report = Report()
    score_article(seed_article, seed_gold, report)
    for kind in ("money", "percentage", "count", "rank", "date", "places", "regions", "conversions"):
        s = report.scores[kind]
        assert s.fp == 0 and s.fn == 0, format_report(report, verbose=True)
    assert report.scores["glosses"].fn == 0  # the seed gold lists some glosses only: recall


def test_scoring_is_a_multiset_comparison():
    gold = {"money": [{"text": "100위안", "value": "100", "currency": "CNY", "approx": False}] * 2}
    keys = gold_keys(gold)["money"]
    assert sum(keys.values()) == 2
    from collections import Counter

    from xinhua_extract.evaluate import Score

    s = Score()
    s.add(keys, Counter({("100", "CNY", False): 1, ("200", "CNY", False): 1}))
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)
    assert s.precision == s.recall == 0.5


def test_evaluate_dir_reads_gold_and_texts(tmp_path):
    corpus = Path(__file__).parent / "fixtures"
    report = evaluate_dir(corpus / "gold")
    assert report.articles == len(list((corpus / "gold").glob("*.gold.json")))
    table = format_report(report)
    for kind in KINDS:
        assert kind in table
