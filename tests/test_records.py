"""Records: frozen, slotted, exact round trip through dicts and JSON, offset invariant."""

from __future__ import annotations

import dataclasses
import json

import pytest

from xinhua_extract import SCHEMA_VERSION, Article
from xinhua_extract.errors import SchemaError
from xinhua_extract.records import Money


def _all_offset_records(article: Article):
    yield from article.headings
    yield from article.glosses
    yield from article.places
    yield from article.facts
    if article.dateline:
        yield article.dateline
    if article.byline:
        yield article.byline


def check_offsets(article: Article) -> int:
    n = 0
    for record in _all_offset_records(article):
        assert article.text[record.start : record.end] == record.text, record
        n += 1
    for gloss in article.glosses:
        assert article.text[gloss.head_start : gloss.head_end] == gloss.head
        assert article.text[gloss.gloss_start : gloss.gloss_end] == gloss.gloss
    for span in (*article.paragraphs, *article.sentences, *article.tokens, *article.blocks):
        assert 0 <= span.start <= span.end <= len(article.text)
    for token in article.tokens:
        # Kiwi emits zero-width morphemes for an elided copula (…기업(이)다): keep them
        assert token.start == token.end or article.text[token.start : token.end].strip(), token
    if article.title:
        assert article.title in article.text
    return n


def test_offset_invariant_seed(seed_article):
    assert check_offsets(seed_article) > 50


def test_offset_invariant_fixtures(fixture_articles):
    assert fixture_articles, "tests/fixtures/gold holds the corpus"
    for article, _gold in fixture_articles.values():
        check_offsets(article)


def test_round_trip_exact(seed_article, fixture_articles):
    for article in (seed_article, *(a for a, _ in fixture_articles.values())):
        data = article.to_dict()
        assert Article.from_dict(data) == article
        text = article.to_json()
        assert Article.from_json(text) == article
        assert json.loads(text)["schema_version"] == SCHEMA_VERSION


def test_json_shape(seed_article):
    data = json.loads(seed_article.to_json())
    for key in ("schema_version", "id", "title", "kicker", "source", "published", "editor", "dateline",
                "headings", "paragraphs", "sentences", "text", "glosses", "places", "facts", "warnings"):
        assert key in data
    assert set(data["dateline"]) >= {"agency", "place", "date", "text", "start", "end"}
    assert all(set(h) >= {"text", "start", "end"} for h in data["headings"])
    assert all("type" in f and isinstance(f["value"], (str, type(None))) for f in data["facts"])


def test_records_are_frozen_and_slotted(seed_article):
    with pytest.raises(dataclasses.FrozenInstanceError):
        seed_article.title = "x"  # type: ignore[misc]
    assert not hasattr(seed_article, "__dict__")
    fact = seed_article.facts[0]
    assert not hasattr(fact, "__dict__")
    token = seed_article.tokens[0]
    assert not hasattr(token, "__dict__")
    with pytest.raises(AttributeError):
        token.start = 3  # type: ignore[misc]


def test_foreign_schema_version_is_refused(seed_article):
    data = seed_article.to_dict()
    data["schema_version"] = "9.0"
    with pytest.raises(SchemaError, match="schema_version"):
        Article.from_dict(data)


def test_bad_fact_type_is_refused(seed_article):
    data = seed_article.to_dict()
    data["facts"] = [{"type": "weather", "text": "x", "start": 0, "end": 1}]
    with pytest.raises(SchemaError, match="type"):
        Article.from_dict(data)


def test_money_value_serialises_without_exponent():
    from decimal import Decimal

    m = Money(text="조 위안", start=0, end=4, value=Decimal("1E+12"), currency="CNY")
    assert m.to_dict()["value"] == "1000000000000"
    assert Money.from_dict(m.to_dict()) == m


def test_evolve_is_dataclasses_replace(seed_article, fixture_articles):
    """records.evolve (the pipeline's cheap copy) gives what dataclasses.replace gives."""
    from xinhua_extract.records import evolve

    checked = 0
    for article in (seed_article, *(a for a, _ in fixture_articles.values())):
        for record in (*article.facts, *article.places, *article.glosses, *article.observations):
            changes = {"start": record.start + 1} if hasattr(record, "start") else {}
            if hasattr(record, "lang"):
                changes["lang"] = "zh"
            copy = evolve(record, **changes)
            assert copy == dataclasses.replace(record, **changes)
            assert type(copy) is type(record) and copy is not record
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(copy, dataclasses.fields(copy)[0].name, None)
            checked += 1
    assert checked > 100
    with pytest.raises(TypeError, match="no field"):
        evolve(record, no_such_field=1)
