"""Article -> spaCy Doc: text identity, tokens, entities, the overlap policy, extensions,
metadata and the DocBin round trip. Hand-built articles first (no Kiwi, no pipeline),
then the real seed and the fixtures."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

spacy = pytest.importorskip("spacy")

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from xinhua_extract.records import Article, Count, PlaceMention, Token
from xinhua_extract.spacy_bridge import (
    FACT_LABELS,
    SPANS_KEY,
    USER_DATA_KEY,
    read_docbin,
    register_extensions,
    resolve_overlaps,
    to_doc,
    write_docbin,
)



def expected_spans(article: Article) -> list[tuple[int, int, str]]:
    out = [(f.start, f.end, FACT_LABELS[f.type]) for f in article.facts]
    out += [(p.start, p.end, "LOC" if p.kind == "region" else "GPE") for p in article.places]
    return sorted(out)


def ents_of(doc: Doc) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def group_of(doc: Doc) -> list[tuple[int, int, str]]:
    return sorted((s.start_char, s.end_char, s.label_) for s in doc.spans[SPANS_KEY])


def assert_doc_matches(article: Article, doc: Doc) -> None:
    """The invariants every Doc of an article must satisfy."""
    assert doc.text == article.text
    assert all(t.text for t in doc)
    assert all(t.text.isspace() or not any(c.isspace() for c in t.text) for t in doc)
    for rec in (*article.facts, *article.places):
        span = doc.char_span(rec.start, rec.end)
        assert span is not None, f"{rec.text!r} at {rec.start}-{rec.end} does not align"
        assert span.text == rec.text
    # every fact and place is in the span group; the ents are a non-overlapping subset
    assert group_of(doc) == expected_spans(article)
    ents = ents_of(doc)
    assert set(ents) <= set(expected_spans(article))
    assert all(a[1] <= b[0] for a, b in zip(ents, ents[1:]))
    # what was dropped overlaps something kept
    for s, e, label in set(expected_spans(article)) - set(ents):
        assert any(s < ke and ks < e for ks, ke, _ in ents), (s, e, label)
    # sentences: each of ours starts a Doc sentence
    starts = {sent.start_char for sent in doc.sents}
    for sentence in article.sentences:
        first = sentence.start
        while first < sentence.end and article.text[first].isspace():
            first += 1
        if first < sentence.end:
            assert first in starts, article.text[sentence.start : sentence.end][:40]


# --------------------------------------------------------------------------- hand-built
def test_text_is_exact_and_tokens_come_from_kiwi_offsets(hand_article):
    doc = to_doc(hand_article)
    assert_doc_matches(hand_article, doc)
    words = [t.text for t in doc]
    # furniture is covered, split on whitespace, and blank runs become whitespace tokens
    assert words[0] == "新華網韓國語" and "\n\n" in words
    assert "출처:신화통신" in words


def test_overlapping_morphemes_merge_into_one_word(hand_article):
    doc = to_doc(hand_article)
    had = next(t for t in doc if t.text == "했")
    assert had.tag_ == "XSV+EP"
    assert had.lemma_ == "하+었"
    assert [t.text for t in doc[had.i : had.i + 3]] == ["했", "다", "."]


def test_fact_boundary_inside_a_kiwi_token_splits_it(hand_article):
    doc = to_doc(hand_article)
    i = next(t.i for t in doc if t.text == "12개")
    assert doc[i + 1].text == "로"
    assert doc[i].tag_ == doc[i + 1].tag_ == "NNG"  # the cut morpheme's tag on both halves
    assert doc[i].lemma_ == "12개" and doc[i + 1].lemma_ == "로"


def test_entities_one_for_one_with_labels(hand_article):
    doc = to_doc(hand_article)
    assert ents_of(doc) == expected_spans(hand_article)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["11억9천만 위안"] == "MONEY"
    assert labels["25.4%"] == "PERCENT"
    assert labels["12개"] == "CARDINAL"
    assert labels["10위권"] == "ORDINAL"
    assert labels["지난해"] == "DATE"
    assert labels["짜오좡"] == "GPE"
    assert labels["웨강아오 대만구"] == "LOC"


def test_region_label_can_be_gpe(hand_article):
    doc = to_doc(hand_article, region_label="GPE")
    assert {e.label_ for e in doc.ents if e.text == "웨강아오 대만구"} == {"GPE"}
    assert doc.ents[-2]._.value == "粤港澳大湾区"


def test_span_extensions(hand_article):
    doc = to_doc(hand_article)
    by_text = {e.text: e for e in doc.ents}
    cny = by_text["11억9천만 위안"]
    assert (cny._.value, cny._.currency, cny._.fact_index, cny._.place_index) == ("1190000000", "CNY", 2, None)
    krw = by_text["2천146억원"]
    assert krw._.currency == "KRW" and krw._.xinhua["equivalent_of"] == 2 and krw._.xinhua["rate"] == "180.34"
    assert by_text["25.4%"]._.unit == "%" and by_text["25.4%"]._.value == "25.4"
    assert by_text["12개"]._.counter == "개" and by_text["12개"]._.value == "12"
    assert by_text["지난해"]._.value == "2022"
    place = by_text["짜오좡"]
    assert (place._.code, place._.value, place._.place_index, place._.fact_index) == ("370400", "枣庄市", 2, None)
    assert place._.currency is None and place._.xinhua["hanja"] == "棗莊"
    region = by_text["웨강아오 대만구"]
    assert region._.code is None and region._.xinhua["members"] == ["440000", "810000", "820000"]
    # a span we did not make has no values
    assert doc[0:1]._.value is None and doc[0:1]._.xinhua is None


def test_doc_metadata(hand_article):
    doc = to_doc(hand_article)
    meta = doc._.xinhua
    assert meta is doc.user_data[USER_DATA_KEY]
    assert meta["id"] == "hand_001"
    assert meta["title"] == hand_article.title
    assert meta["published"] == "2023-05-02T10:00:00+08:00"
    assert meta["source"] == "신화망"
    assert meta["schema_version"] == hand_article.schema_version
    assert [w["code"] for w in meta["warnings"]] == ["W101", "W015"]
    assert meta["dateline"]["place"] == "지난"
    assert doc._.xinhua_article is None  # not stored unless asked


def test_sentences_are_ours_and_furniture_stands_alone(hand_article):
    doc = to_doc(hand_article)
    sents = [s.text.strip() for s in doc.sents]
    assert "산둥(山東)성 짜오좡(棗莊)시의 리튬전지 매출은 지난해 11억9천만 위안(2천146억원)을 기록했다." in sents
    assert "기업은 12개로 25.4% 늘었다." in sents
    assert "원문 출처:신화통신 한국어 뉴스 서비스" in sents  # the footer block
    assert "[신화망 지난 5월2일]" in sents  # the dateline is not glued to a sentence
    assert all(t.is_sent_start is not None for t in doc)


def test_overlap_policy(hand_article_overlapping):
    article = hand_article_overlapping
    doc = to_doc(article)
    assert_doc_matches(article, doc)
    ents = {(e.text, e.label_) for e in doc.ents}
    # a place inside a longer money text: the longer fact stays
    assert ("11억9천만 위안", "MONEY") in ents and ("위안", "GPE") not in ents
    # a place crossing a longer region: the region stays
    assert ("웨강아오 대만구", "LOC") in ents and ("대만구는", "GPE") not in ents
    # equal extent: the fact wins the tie
    assert ("12개", "CARDINAL") in ents and ("12개", "GPE") not in ents
    # everything is in the span group, with its extension values
    group = {(s.text, s.label_): s for s in doc.spans[SPANS_KEY]}
    assert len(doc.spans[SPANS_KEY]) == len(article.facts) + len(article.places)
    assert group[("위안", "GPE")]._.place_index is not None
    assert group[("12개", "GPE")]._.code == "888888"
    assert group[("12개", "CARDINAL")]._.counter == "개"  # same offsets, told apart by label
    kept = {(r["text"], r["label"]): r["in_ents"] for r in doc._.xinhua["spans"]}
    assert kept[("위안", "GPE")] is False and kept[("11억9천만 위안", "MONEY")] is True


def _rec(start, end, source="fact", index=0):
    return {"start": start, "end": end, "source": source, "index": index}


def test_resolve_overlaps_rules():
    recs = [
        _rec(0, 5, "place", 0),  # longer place beats the shorter fact inside it
        _rec(1, 3, "fact", 0),
        _rec(10, 14, "place", 1),  # equal length: fact wins
        _rec(10, 14, "fact", 1),
        _rec(20, 24, "fact", 2),  # equal length, equal kind: earlier start wins
        _rec(22, 26, "fact", 3),
        _rec(30, 30, "fact", 4),  # empty: never an entity
    ]
    assert resolve_overlaps(recs) == [0, 3, 4]


def test_resolve_overlaps_is_order_independent():
    rng = random.Random(7)
    recs = []
    for i in range(40):
        s = rng.randrange(0, 100)
        recs.append(_rec(s, s + rng.randrange(1, 9), rng.choice(["fact", "place"]), i))
    chosen = {(recs[i]["start"], recs[i]["end"], recs[i]["source"]) for i in resolve_overlaps(recs)}
    for _ in range(5):
        shuffled = recs[:]
        rng.shuffle(shuffled)
        again = {(shuffled[i]["start"], shuffled[i]["end"], shuffled[i]["source"]) for i in resolve_overlaps(shuffled)}
        assert again == chosen


def test_register_extensions_is_idempotent(hand_article):
    register_extensions()
    register_extensions()
    Span.set_extension("value", default="someone else's", force=True)  # another library
    register_extensions()  # ours again, no error
    doc = to_doc(hand_article)
    assert doc.ents[0]._.value == "山东省"


def test_nlp_vocab_is_used(hand_article):
    nlp = spacy.blank("xx")
    doc = to_doc(hand_article, nlp)
    assert doc.vocab is nlp.vocab
    assert to_doc(hand_article, nlp.vocab).vocab is nlp.vocab
    with pytest.raises(TypeError):
        to_doc(hand_article, "ko")
    with pytest.raises(TypeError):
        to_doc(hand_article.to_dict())


def test_article_to_spacy(hand_article):
    doc = hand_article.to_spacy()
    assert doc.text == hand_article.text and ents_of(doc) == expected_spans(hand_article)


# --------------------------------------------------------------------------- DocBin
def _snapshot(doc: Doc):
    return (
        doc.text,
        [(t.text, t.whitespace_, t.tag_, t.lemma_, bool(t.is_sent_start)) for t in doc],
        ents_of(doc),
        group_of(doc),
        [(s.label_, s._.value, s._.currency, s._.unit, s._.counter, s._.code, s._.fact_index, s._.place_index)
         for s in sorted(doc.spans[SPANS_KEY], key=lambda s: (s.start_char, s.label_))],
        {k: doc._.xinhua[k] for k in ("id", "title", "published", "source", "schema_version")},
    )


def test_docbin_round_trip(tmp_path, hand_article, hand_article_overlapping):
    articles = [hand_article, hand_article_overlapping]
    path = tmp_path / "articles.spacy"
    assert write_docbin(articles, path) == 2
    docs = read_docbin(path)
    assert [d.text for d in docs] == [a.text for a in articles]
    for article, doc in zip(articles, docs):
        assert _snapshot(doc) == _snapshot(to_doc(article))
        assert_doc_matches(article, doc)
        assert [w["code"] for w in doc._.xinhua["warnings"]] == [w.code for w in article.warnings]


def test_docbin_round_trip_with_the_whole_article(tmp_path, hand_article):
    path = tmp_path / "one.spacy"
    write_docbin([hand_article], path, store_article=True)
    (doc,) = read_docbin(path, spacy.blank("xx"))
    assert doc._.xinhua_article == hand_article


def test_docbin_of_nothing(tmp_path):
    path = tmp_path / "empty.spacy"
    assert write_docbin([], path) == 0
    assert read_docbin(path) == []


# --------------------------------------------------------------------------- random articles
_ALPHABET = "가나다 라\n마바.사(아)자 1억%"


@st.composite
def random_articles(draw):
    text = draw(st.text(alphabet=_ALPHABET, min_size=1, max_size=60))
    n = len(text)
    offsets = st.integers(0, n)

    def interval(draw_):
        a, b = sorted(draw_(st.tuples(offsets, offsets)))
        return a, b

    tokens = []
    for _ in range(draw(st.integers(0, 25))):
        a, b = interval(draw)
        if a < b:
            tokens.append(Token(form=text[a:b][::-1] or "x", tag=draw(st.sampled_from(["NNG", "JX", "EP", "SN"])), start=a, end=b))
    facts, places = [], []
    for _ in range(draw(st.integers(0, 6))):
        a, b = interval(draw)
        if a < b:
            facts.append(Count(text=text[a:b], start=a, end=b, value=Decimal(1), counter="개"))
    for _ in range(draw(st.integers(0, 4))):
        a, b = interval(draw)
        if a < b:
            places.append(PlaceMention(text=text[a:b], start=a, end=b, code="110000"))
    return Article(text=text, tokens=tuple(sorted(tokens, key=lambda t: (t.start, t.end))),
                   facts=tuple(sorted(facts, key=lambda f: f.start)), places=tuple(places))


@settings(max_examples=300, deadline=None)
@given(random_articles())
def test_any_tokens_and_spans_give_an_exact_aligned_doc(article):
    doc = to_doc(article)
    assert doc.text == article.text
    for rec in (*article.facts, *article.places):
        assert doc.char_span(rec.start, rec.end) is not None
    assert len(doc.spans[SPANS_KEY]) == len(article.facts) + len(article.places)
    ents = ents_of(doc)
    assert all(a[1] <= b[0] for a, b in zip(ents, ents[1:]))


# --------------------------------------------------------------------------- real parses
def test_seed_doc(seed_article):
    doc = to_doc(seed_article)
    assert_doc_matches(seed_article, doc)
    assert len(doc.ents) >= 1


def test_fixture_docs(fixture_articles, tmp_path):
    articles = [article for article, _ in fixture_articles.values()]
    for article in articles:
        assert_doc_matches(article, to_doc(article))
    path = tmp_path / "fixtures.spacy"
    write_docbin(articles, path, store_article=True)
    for article, doc in zip(articles, read_docbin(path)):
        assert_doc_matches(article, doc)
        assert _snapshot(doc) == _snapshot(to_doc(article))
        assert doc._.xinhua_article == article


def test_seed_ents_match_facts_and_places_modulo_overlaps(seed_article):
    doc = to_doc(seed_article)
    recs = doc._.xinhua["spans"]
    assert all(r["aligned"] for r in recs)
    kept = [(r["start"], r["end"], r["label"]) for r in recs if r["in_ents"]]
    assert ents_of(doc) == sorted(kept)
    assert sorted(kept) == sorted((recs[i]["start"], recs[i]["end"], recs[i]["label"]) for i in resolve_overlaps(recs))
    assert len(recs) == len(seed_article.facts) + len(seed_article.places)
