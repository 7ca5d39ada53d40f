"""The observation corpus (``xinhua_extract.observations.corpus``): one expected observation
per example, negatives, strict xfails for what is not supported yet."""

from __future__ import annotations

import pytest

from xinhua_extract import parse_article
from xinhua_extract.observations.corpus import EXAMPLES, NEGATIVES, PUBLISHED


def _params():
    for n, ex in enumerate(EXAMPLES):
        marks = [pytest.mark.xfail(reason=ex["xfail"], strict=True)] if ex["xfail"] else []
        yield pytest.param(ex, id=f"{n:02d}-{ex['role']}-{ex['figure']}", marks=marks)


@pytest.mark.parametrize("ex", list(_params()))
def test_example(ex):
    article = parse_article(ex["text"], published=PUBLISHED)
    found = [o for o in article.observations if article.facts[o.fact].text == ex["figure"]]
    assert len(found) == 1, [(article.facts[o.fact].text, o.role) for o in article.observations]
    o = found[0]
    assert o.role == ex["role"], o
    if ex["head"] is None:
        assert o.measure is None, o
    else:
        assert o.measure is not None and o.measure.text.endswith(ex["head"]), o
        assert article.text[o.measure.start:o.measure.end] == o.measure.text
    for slot, value in ex["want"].items():
        got = getattr(o, slot)
        if slot == "places":
            assert sorted(got) == sorted(value), o
        else:
            assert got == value, o


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_observation_on_conversions_dates_ranks(text):
    article = parse_article(text, published=PUBLISHED)
    for o in article.observations:
        fact = article.facts[o.fact]
        assert fact.type in ("money", "percentage", "count"), o
        assert getattr(fact, "equivalent_of", None) is None, o
    measured = [f for f in article.facts if f.type in ("money", "percentage", "count")
                and getattr(f, "equivalent_of", None) is None]
    assert len(article.observations) == len(measured)


def test_every_role_has_examples():
    roles = {ex["role"] for ex in EXAMPLES if not ex["xfail"]}
    assert roles == {"level", "change", "share", "target", "threshold"}
