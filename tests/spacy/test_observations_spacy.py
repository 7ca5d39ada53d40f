"""Observations in the spaCy bridge: the measures as the span group ``xinhua_measures``,
linked both ways to their fact entities, through to_doc, the component and a DocBin."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from hand_articles import with_hand_observations  # noqa: E402

from xinhua_extract.spacy_bridge import (  # noqa: E402
    MEASURE_LABEL,
    MEASURES_KEY,
    read_docbin,
    to_doc,
    write_docbin,
)


@pytest.fixture()
def obs_article(hand_article):
    return with_hand_observations(hand_article)


def measures(doc):
    return [(s.start_char, s.end_char, s.label_, s.text) for s in doc.spans[MEASURES_KEY]]


def expected_measures(article):
    seen = sorted({(o.measure.start, o.measure.end, MEASURE_LABEL, o.measure.text)
                   for o in article.observations if o.measure is not None})
    return seen


def test_measures_are_a_span_group(obs_article):
    doc = to_doc(obs_article)
    assert measures(doc) == expected_measures(obs_article)
    # 리튬전지 매출 (twice: title and body) and 기업 (shared by two observations)
    assert [s.text for s in doc.spans[MEASURES_KEY]] == ["리튬전지 매출", "리튬전지 매출", "기업"]
    # the body's 매출 ends inside the word 매출은 (no Kiwi token there): the token was cut
    body = doc.spans[MEASURES_KEY][1]
    assert body[-1].text == "매출" and doc[body.end].text == "은"
    assert doc.text == obs_article.text


def test_fact_entities_link_to_their_observation_and_measure(obs_article):
    doc = to_doc(obs_article)
    by_text = {e.text: e for e in doc.ents}
    cny = by_text["11억9천만 위안"]
    assert cny._.observation["role"] == "level" and cny._.observation["period"] == "2022"
    assert cny._.observation["places"] == ["370400"]
    assert cny._.measure.text == "리튬전지 매출" and cny._.measure.start_char > cny.doc[0].idx
    assert cny._.measure.start_char == obs_article.observations[1].measure.start
    pct = by_text["25.4%"]
    assert pct._.observation["direction"] == "up" and pct._.measure.text == "기업"
    # a conversion, a date and a rank have no observation
    for text in ("2천146억원", "지난해", "10위권"):
        assert by_text[text]._.observation is None and by_text[text]._.measure is None
    # a place is not a fact
    assert by_text["짜오좡"]._.observation is None


def test_measure_spans_link_to_their_facts(obs_article):
    doc = to_doc(obs_article)
    firms = [s for s in doc.spans[MEASURES_KEY] if s.text == "기업"][0]
    assert [f.text for f in firms._.xinhua_facts] == ["12개", "25.4%"]
    assert [f.label_ for f in firms._.xinhua_facts] == ["CARDINAL", "PERCENT"]
    assert [o["role"] for o in firms._.observations] == ["level", "change"]
    title_sales = doc.spans[MEASURES_KEY][0]
    assert [f.text for f in title_sales._.xinhua_facts] == ["11억 위안"]
    assert doc[0:1]._.observations == [] and doc[0:1]._.xinhua_facts == []


def test_docbin_round_trip_keeps_measures_and_links(tmp_path, obs_article):
    path = tmp_path / "obs.spacy"
    write_docbin([obs_article], path)
    (doc,) = read_docbin(path)
    fresh = to_doc(obs_article)
    assert measures(doc) == measures(fresh)
    for a, b in zip(doc.spans[MEASURES_KEY], fresh.spans[MEASURES_KEY]):
        assert [f.text for f in a._.xinhua_facts] == [f.text for f in b._.xinhua_facts]
        assert a._.observations == b._.observations
    by_text = {e.text: e for e in doc.ents}
    assert by_text["12개"]._.measure.text == "기업"
    assert doc._.xinhua["observations"][3]["level_of"] == obs_article.observations[3].level_of


def test_overlapping_variant_still_aligns(hand_article_overlapping):
    article = with_hand_observations(hand_article_overlapping)
    doc = to_doc(article)
    assert measures(doc) == expected_measures(article)
    assert all(o["aligned"] for o in doc._.xinhua["observations"])


def test_no_observations_no_measures(hand_article):
    doc = to_doc(hand_article)
    assert list(doc.spans[MEASURES_KEY]) == [] and doc._.xinhua["observations"] == []
    assert {e.text: e for e in doc.ents}["12개"]._.observation is None


def test_fixture_docs_with_observations(fixture_articles):
    """Real articles with (naive) observations: every measure span aligns and links to
    the entity of its fact (which is an entity unless a longer span won the overlap)."""
    from observation_helpers import with_observations

    for article, _ in fixture_articles.values():
        article = with_observations(article)
        doc = to_doc(article)
        assert measures(doc) == expected_measures(article), article.id
        for obs, rec in zip(article.observations, doc._.xinhua["observations"]):
            fact = article.facts[obs.fact]
            assert (rec["fact_start"], rec["fact_end"]) == (fact.start, fact.end)
            if obs.measure is not None:
                span = doc.char_span(obs.measure.start, obs.measure.end, label=MEASURE_LABEL)
                assert any(f.start_char == fact.start for f in span._.xinhua_facts)


def test_component_cuts_tokens_at_measures_like_to_doc(monkeypatch, fixture_articles):
    """The pipeline component splits its tokens at measure edges exactly as to_doc does
    (parse_article is wrapped to add naive observations until the extractor makes them)."""
    import xinhua_extract.pipeline as pipeline
    from observation_helpers import with_observations

    from xinhua_extract.spacy_bridge import HINT_PUBLISHED, blank_nlp

    real = pipeline.parse_article
    monkeypatch.setattr(pipeline, "parse_article", lambda *a, **k: with_observations(real(*a, **k)))
    nlp = blank_nlp(component=True)
    for article, _ in list(fixture_articles.values())[:4]:
        doc = nlp.make_doc(article.text)
        doc.user_data[HINT_PUBLISHED] = article.published
        doc = nlp(doc)
        want = to_doc(with_observations(article))
        assert measures(doc) == measures(want) and measures(doc)
        assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in want]
