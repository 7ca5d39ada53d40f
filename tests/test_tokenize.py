"""The pipeline's Kiwi is tuned for speed (beam cut-off, no split_sents); these tests pin
that the tuning changes nothing: same morphemes and same sentences as Kiwi's defaults."""

import warnings
from pathlib import Path

import pytest

from xinhua_extract import tokenize
from xinhua_extract.errors import NotAnArticleError
from xinhua_extract.layout import analyse_layout

FIXTURES = Path(__file__).parent / "fixtures"
TEXTS = sorted(FIXTURES.glob("**/*.txt"))


@pytest.fixture(scope="module")
def default_kiwi():
    """A Kiwi with default settings and the pipeline's user words."""
    from kiwipiepy import Kiwi

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        kiwi = Kiwi(num_workers=0)
    for word, tag, score in tokenize._user_words():
        kiwi.add_user_word(word, tag, score)
    assert kiwi.global_config.cutoff_threshold != tokenize.KIWI_CUTOFF_THRESHOLD  # else this test proves nothing
    return kiwi


def test_fixture_corpus_is_there():
    assert len(TEXTS) > 50


def test_tuned_kiwi_gives_the_default_morphemes(default_kiwi):
    tuned = tokenize.get_kiwi()
    options = tokenize._analysis_options()
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        want = [(t.form, t.tag, t.start, t.len) for t in default_kiwi.tokenize(text, **options)]
        got = [(t.form, t.tag, t.start, t.len) for t in tuned.tokenize(text, **options)]
        assert got == want, path.name


def _corpus_phrases() -> list[str]:
    """Every example and negative phrase of the fact corpora (dates name the field ``phrase``)."""
    import importlib

    phrases = []
    for kind in ("money", "percentage", "count", "rank", "dates"):
        corpus = importlib.import_module(f"xinhua_extract.facts.corpus.{kind}")
        for item in (*corpus.EXAMPLES, *corpus.NEGATIVES):
            phrases.append(item.phrase if kind == "dates" else item.text)
    return phrases


def test_tuned_kiwi_gives_the_default_morphemes_on_the_corpus_phrases(default_kiwi):
    """The cut-off is also checked on the short phrases of the fact corpora, where a number,
    unit or date word stands with little context."""
    tuned = tokenize.get_kiwi()
    options = tokenize._analysis_options()
    phrases = _corpus_phrases()
    assert len(phrases) > 500
    for phrase in phrases:
        want = [(t.form, t.tag, t.start, t.len) for t in default_kiwi.tokenize(phrase, **options)]
        got = [(t.form, t.tag, t.start, t.len) for t in tuned.tokenize(phrase, **options)]
        assert got == want, phrase


def test_sentences_are_kiwis_split_sents(default_kiwi):
    """Token.sent_position gives the sentences split_sents=True gives (then brackets merge)."""
    options = tokenize._analysis_options()
    checked = 0
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        try:
            paragraphs = analyse_layout(text).paragraphs
        except NotAnArticleError:
            continue
        _, sentences = tokenize.tokenize_paragraphs(text, paragraphs)
        for index, para in enumerate(paragraphs):
            if para.lang == "zh":
                continue
            spans = []
            for base, end in tokenize.kiwi_pieces(text, para.start, para.end):
                for sent in default_kiwi.tokenize(text[base:end], split_sents=True, **options):
                    if sent:
                        spans.append((base + sent[0].start, base + max(t.start + t.len for t in sent)))
            want = tokenize._merge_inside_brackets(text, para, spans)
            got = [(s.start, s.end) for s in sentences if s.paragraph == index]
            assert got == want, (path.name, index)
            checked += len(want)
    assert checked > 500
