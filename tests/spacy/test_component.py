"""The registered tokenizer and pipeline component on a blank pipeline (no model): same
Doc as ``to_doc(parse_article(text))``, errors, registration at import, config, pickling
and saving/loading."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from spacy.language import Language

from xinhua_extract import parse_article
from xinhua_extract.errors import NotKoreanError, XinhuaExtractError
from xinhua_extract.spacy_bridge import (
    COMPONENT_NAME,
    HINT_ID,
    HINT_PUBLISHED,
    MEASURES_KEY,
    SPANS_KEY,
    TOKENIZER_NAME,
    XinhuaComponent,
    XinhuaTokenizer,
    blank_nlp,
    make_tokenizer,
    to_doc,
)

ROOT = Path(__file__).resolve().parents[2]

SHORT = (
    " [신화망 베이징 5월2일] 산둥(山東)성 짜오좡(棗莊)시의 리튬전지 매출은 지난해 "
    "11억9천만 위안(2천146억원)을 기록했다. 관련 기업은 12개로 25.4% 늘었다.\n\n"
    "웨강아오 대만구(粵港澳大灣區)는 세계 10위권에 올랐다.\n"
)


@pytest.fixture(scope="module")
def nlp():
    return blank_nlp(component=True)


def snapshot(doc):
    return (
        doc.text,
        [(t.text, t.whitespace_, t.tag_, t.lemma_) for t in doc],
        [s.start_char for s in doc.sents],
        [(e.start_char, e.end_char, e.label_) for e in doc.ents],
        sorted((s.start_char, s.end_char, s.label_) for s in doc.spans[SPANS_KEY]),
        [(e._.value, e._.code, e._.fact_index, e._.place_index) for e in doc.ents],
        [(s.start_char, s.end_char, s.label_, [f.start_char for f in s._.xinhua_facts])
         for s in doc.spans[MEASURES_KEY]],
    )


def test_blank_pipeline_has_our_tokenizer_and_component(nlp):
    assert nlp.lang == "ko"
    assert isinstance(nlp.tokenizer, XinhuaTokenizer)
    assert nlp.pipe_names == [COMPONENT_NAME]
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": TOKENIZER_NAME}
    meta = Language.get_factory_meta(COMPONENT_NAME)
    assert {"doc.ents", "token.is_sent_start", "doc._.xinhua"} <= set(meta.assigns)
    assert Language.has_factory("xinhua_extract_v1")


def test_add_pipe_on_a_plain_blank_pipeline():
    nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    nlp.add_pipe("xinhua_extract")
    doc = nlp(SHORT)
    assert doc.text == SHORT
    assert {"MONEY", "PERCENT", "CARDINAL", "ORDINAL", "DATE", "GPE"} <= {e.label_ for e in doc.ents}


def test_tokenizer_alone_keeps_the_text(nlp):
    tokenizer = make_tokenizer(nlp)
    for text in (SHORT, "", "   ", "\n\n", "\ufeff산둥성은 좋다.", "hello world", "했다", "a\x00b 산둥"):
        doc = tokenizer(text)
        assert doc.text == text
        assert all(t.text for t in doc)
    doc = tokenizer("실적을 기록했다.")
    assert [t.text for t in doc] == ["실적", "을", "기록", "했", "다", "."]
    assert (doc[3].tag_, doc[3].lemma_) == ("XSV+EP", "하+었")  # Kiwi's overlapping 하+었 merged


def test_component_equals_to_doc(nlp):
    doc = nlp(SHORT)
    assert snapshot(doc) == snapshot(to_doc(parse_article(SHORT)))
    assert doc._.xinhua["title"] is None or isinstance(doc._.xinhua["title"], str)


def test_component_on_the_seed(nlp, seed_text, seed_article):
    doc = nlp(seed_text)
    assert doc.text == seed_text
    assert snapshot(doc) == snapshot(to_doc(seed_article))
    assert doc._.xinhua["published"] == seed_article.published.isoformat()


def test_component_on_the_fixtures(nlp, fixture_articles):
    docs = []
    for article_id, (article, _) in fixture_articles.items():
        doc = nlp.make_doc(article.text)
        doc.user_data[HINT_ID] = article_id
        doc.user_data[HINT_PUBLISHED] = article.published  # pages without a 출처: line need it
        docs.append((article, doc))
    for (article, _), doc in zip(docs, nlp.pipe(doc for _, doc in docs)):
        assert snapshot(doc) == snapshot(to_doc(article))
        assert doc._.xinhua["id"] == article.id
        assert HINT_PUBLISHED not in doc.user_data  # consumed: user_data stays msgpack-safe


def test_component_with_a_foreign_tokenizer_splits_tokens():
    nlp = spacy.blank("xx")  # whitespace/punctuation tokenizer: "11억9천만" etc. come whole
    nlp.add_pipe("xinhua_extract")
    doc = nlp(SHORT)
    assert doc.text == SHORT
    article = parse_article(SHORT)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in to_doc(article).ents]
    for rec in (*article.facts, *article.places):
        assert doc.char_span(rec.start, rec.end) is not None


def test_bom_shifts_offsets(nlp):
    doc = nlp("\ufeff" + SHORT)
    plain = nlp(SHORT)
    assert doc.text == "\ufeff" + SHORT
    assert [(e.start_char - 1, e.end_char - 1, e.label_, e._.value) for e in doc.ents] == \
        [(e.start_char, e.end_char, e.label_, e._.value) for e in plain.ents]


def test_errors_raise_or_are_recorded():
    strict = blank_nlp(component=True)
    with pytest.raises(NotKoreanError):
        strict("hello world")
    lenient = blank_nlp(component=True, errors="ignore")
    doc = lenient("hello world")
    assert doc.text == "hello world" and list(doc.ents) == []
    assert doc._.xinhua == {"error": {"code": "E005", "message": doc._.xinhua["error"]["message"]}}
    with pytest.raises(ValueError):
        XinhuaComponent(errors="sometimes")
    assert issubclass(NotKoreanError, XinhuaExtractError)


def test_component_config(nlp):
    custom = blank_nlp(component=True, region_label="GPE", store_article=True)
    doc = custom(SHORT)
    assert {e.label_ for e in doc.ents if e.text == "웨강아오 대만구"} <= {"GPE"}
    assert doc._.xinhua_article is not None and doc._.xinhua_article.text == SHORT
    assert custom.get_pipe_meta(COMPONENT_NAME).factory == COMPONENT_NAME
    assert custom.config["components"][COMPONENT_NAME]["region_label"] == "GPE"


def test_pickle_rebuilds_from_config(nlp):
    component = nlp.get_pipe(COMPONENT_NAME)
    data = pickle.dumps(component)
    assert b"kiwi" not in data.lower()
    again = pickle.loads(data)
    assert isinstance(again, XinhuaComponent) and again.cfg == component.cfg
    tok = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert isinstance(tok, XinhuaTokenizer) and tok(SHORT).text == SHORT
    restored = pickle.loads(pickle.dumps(nlp))
    assert snapshot(restored(SHORT)) == snapshot(nlp(SHORT))


def test_to_disk_and_load(tmp_path, nlp):
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert isinstance(loaded.tokenizer, XinhuaTokenizer)
    assert snapshot(loaded(SHORT)) == snapshot(nlp(SHORT))
    rebuilt = spacy.util.load_model_from_config(nlp.config, auto_fill=True)
    assert snapshot(rebuilt(SHORT)) == snapshot(nlp(SHORT))
    assert nlp.from_bytes(nlp.to_bytes()) is nlp


def test_registration_happens_at_bridge_import_only():
    code = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT / "src")!r})
        import spacy
        from spacy.language import Language
        from spacy.tokens import Doc, Span
        import xinhua_extract
        before = (Language.has_factory("xinhua_extract"), Span.has_extension("fact_index"),
                  Doc.has_extension("xinhua"))
        import xinhua_extract.spacy_bridge
        after = (Language.has_factory("xinhua_extract"), Span.has_extension("fact_index"),
                 Doc.has_extension("xinhua"), "xinhua_extract.KiwiTokenizer.v1" in spacy.registry.tokenizers)
        import importlib
        importlib.reload(xinhua_extract.spacy_bridge)  # registering twice is fine
        print(before, after)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "(False, False, False) (True, True, True, True)"
