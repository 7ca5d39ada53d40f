"""spaCy bridge: Articles as spaCy ``Doc`` objects, a Kiwi tokenizer and a pipeline component.

Importing this module registers (idempotently, ``force=True``-safe):

* the custom attributes ``Doc._.xinhua`` / ``Doc._.xinhua_article`` and
  ``Span._.value``, ``currency``, ``unit``, ``counter``, ``code``, ``fact_index``,
  ``place_index``, ``xinhua``, and for observations ``Span._.observation`` and
  ``measure`` (on a fact), ``observations`` and ``xinhua_facts`` (on a measure) -- all
  *getters* reading ``doc.user_data["xinhua"]``, so they survive a
  :class:`~spacy.tokens.DocBin` round trip with ``store_user_data=True``;
* the tokenizer ``xinhua_extract.KiwiTokenizer.v1`` in ``spacy.registry.tokenizers``;
* the pipeline component factories ``xinhua_extract`` and ``xinhua_extract_v1``.

No downloaded spaCy model is needed. Docs use the vocab of a blank Korean pipeline whose
tokenizer is ours: ``spacy.blank("ko")`` alone would build spaCy's Korean tokenizer, which
needs natto-py and MeCab and loses whitespace. See ``docs/spacy.md``.

Labels (spaCy/OntoNotes conventions): money ``MONEY``, percentage ``PERCENT``, count
``CARDINAL``, rank ``ORDINAL``, date ``DATE``, administrative divisions ``GPE``, named
regions (웨강아오 대만구, 창장삼각주 …) ``LOC``.

Overlap policy for ``doc.ents`` (which cannot overlap): the longer span wins; on equal
length a fact beats a place; then the earlier start, then the lower index. Every fact and
place — kept or not — is in ``doc.spans["xinhua_all"]``. The measures of the observations
(what a figure measures: ``리튬전지 산업 매출``) are the span group
``doc.spans["xinhua_measures"]``, label ``MEASURE``, each linked to its fact entity.
"""

from __future__ import annotations

import bisect
import logging
import re
import threading
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span, SpanGroup
from spacy.vocab import Vocab

from .errors import XinhuaExtractError
from .records import Article, Block, Paragraph, Sentence, Token

log = logging.getLogger(__name__)

#: Entity label of each fact type.
FACT_LABELS: dict[str, str] = {
    "money": "MONEY",
    "percentage": "PERCENT",
    "count": "CARDINAL",
    "rank": "ORDINAL",
    "date": "DATE",
}
#: Entity label of each place kind: divisions are geo-political entities, named regions
#: (economic zones, city clusters, river deltas) are not governments, so ``LOC``.
PLACE_LABELS: dict[str, str] = {"division": "GPE", "region": "LOC"}

#: ``doc.spans`` key of the group holding every fact and place (overlaps allowed).
SPANS_KEY = "xinhua_all"
#: ``doc.spans`` key of the group of observation measures, and their label.
MEASURES_KEY = "xinhua_measures"
MEASURE_LABEL = "MEASURE"
#: ``doc.user_data`` key of the article metadata and span records.
USER_DATA_KEY = "xinhua"
#: Optional ``doc.user_data`` keys the component reads (and removes) before parsing: the
#: article id and the publication time (datetime or ISO string) for pages without one.
HINT_ID = "xinhua_id"
HINT_PUBLISHED = "xinhua_published"
#: Registered names.
TOKENIZER_NAME = "xinhua_extract.KiwiTokenizer.v1"
COMPONENT_NAME = "xinhua_extract"
COMPONENT_NAME_V1 = "xinhua_extract_v1"
#: Version of the ``doc.user_data["xinhua"]`` layout.
BRIDGE_VERSION = 1

_BOM = "\ufeff"
_SPACE_RUN = re.compile(r"\s+")
_META_FIELDS = ("schema_version", "id", "title", "kicker", "source", "published",
                "reference_date", "editor", "shape")


# --------------------------------------------------------------------------- words
def _clusters(tokens: Sequence[Token], length: int) -> list[tuple[int, int, list[Token]]]:
    """Kiwi morphemes merged into non-overlapping ``(start, end, morphemes)`` clusters.

    Morphemes overlap where Kiwi restores a contracted form (``했`` -> ``하``+``었`` on
    one character); zero-length or out-of-range morphemes are ignored.
    """
    spans = sorted(
        (t for t in tokens if 0 <= t.start < t.end <= length), key=lambda t: (t.start, t.end)
    )
    out: list[tuple[int, int, list[Token]]] = []
    for tok in spans:
        if out and tok.start < out[-1][1]:
            start, end, members = out[-1]
            members.append(tok)
            out[-1] = (start, max(end, tok.end), members)
        else:
            out.append((tok.start, tok.end, [tok]))
    return out


def _pieces(text: str, tokens: Sequence[Token], cuts: Iterable[int]) -> list[tuple[int, int, list[Token]]]:
    """Cover ``text`` exactly with ``(start, end, morphemes)`` pieces.

    Pieces are Kiwi clusters, the non-blank runs of text no morpheme covers (page
    furniture, symbols Kiwi skipped) and whitespace runs; any piece with a cut strictly
    inside is split there, so every cut offset is a piece boundary.
    """
    raw: list[tuple[int, int, list[Token]]] = []
    pos = 0

    def add_plain(start: int, end: int, members: list[Token]) -> None:
        # split on whitespace runs so that no piece mixes blank and non-blank text
        def overlapping(a: int, b: int) -> list[Token]:
            return [t for t in members if t.start < b and t.end > a]

        last = start
        for m in _SPACE_RUN.finditer(text, start, end):
            if m.start() > last:
                raw.append((last, m.start(), overlapping(last, m.start())))
            raw.append((m.start(), m.end(), []))
            last = m.end()
        if last < end:
            raw.append((last, end, members if last == start else overlapping(last, end)))

    for start, end, members in _clusters(tokens, len(text)):
        if start > pos:
            add_plain(pos, start, [])
        add_plain(start, end, members)
        pos = end
    if pos < len(text):
        add_plain(pos, len(text), [])

    cut_list = sorted({c for c in cuts if 0 < c < len(text)})
    out: list[tuple[int, int, list[Token]]] = []
    for start, end, members in raw:
        lo = bisect.bisect_right(cut_list, start)
        hi = bisect.bisect_left(cut_list, end)
        last = start
        for c in cut_list[lo:hi]:
            out.append((last, c, [t for t in members if t.start < c and t.end > last]))
            last = c
        out.append((last, end, [t for t in members if t.start < end and t.end > last] if last != start else members))
    return out


def _words(
    text: str, tokens: Sequence[Token], starts: set[int], ends: set[int]
) -> tuple[list[str], list[bool], list[str], list[str], list[int]]:
    """``words``, ``spaces``, ``tags``, ``lemmas`` and start offsets of a Doc over ``text``.

    A single space after a word becomes that word's trailing whitespace (spaCy's
    convention); a longer blank run after a word gives the word a trailing space when it
    starts with one and becomes a whitespace token for the rest. ``tags`` join the Kiwi
    tags of the morphemes in a word with ``+`` (``VV+EP``), ``lemmas`` their forms
    (``하+었``); text no morpheme covers has empty tags and lemmas.
    """
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    lemmas: list[str] = []
    offsets: list[int] = []
    for start, end, members in _pieces(text, tokens, starts | ends):
        piece = text[start:end]
        if piece.isspace():
            can_fold = (
                words
                and not spaces[-1]
                and not words[-1].isspace()
                and piece[0] == " "
                and start not in starts
                and (start + 1) not in ends
            )
            if can_fold:
                spaces[-1] = True
                piece, start = piece[1:], start + 1
                if not piece:
                    continue
            words.append(piece)
            spaces.append(False)
            tags.append("_SP")
            lemmas.append("")
            offsets.append(start)
            continue
        words.append(piece)
        spaces.append(False)
        tag, lemma = _tag_lemma(text, start, end, members)
        tags.append(tag)
        lemmas.append(lemma)
        offsets.append(start)
    return words, spaces, tags, lemmas, offsets


def _tag_lemma(text: str, start: int, end: int, members: Sequence[Token]) -> tuple[str, str]:
    """Tag and lemma of the word ``text[start:end]`` made of ``members`` (the morphemes
    overlapping it): tags and forms joined with ``+``; a morpheme cut by the word's edge
    (a span boundary inside it) contributes its surface slice instead of its form."""
    tag = "+".join(t.tag for t in members)
    lemma = "+".join(
        t.form if start <= t.start and t.end <= end else text[max(t.start, start):min(t.end, end)]
        for t in members
    )
    return tag, lemma


def _build_doc(
    vocab: Vocab,
    text: str,
    tokens: Sequence[Token],
    sent_starts: Iterable[int],
    cuts: Iterable[int] = (),
    starts: Iterable[int] = (),
    ends: Iterable[int] = (),
) -> Doc:
    """A Doc whose text is exactly ``text``, with a token boundary at every cut."""
    boundaries = set(sent_starts)
    start_set = set(starts) | boundaries | set(cuts)
    end_set = set(ends) | set(cuts)
    words, spaces, tags, lemmas, offsets = _words(text, tokens, start_set, end_set)
    if not words:
        return Doc(vocab, words=[], spaces=[])
    flags = _sent_flags(offsets, [w.isspace() for w in words], boundaries)
    return Doc(vocab, words=words, spaces=spaces, tags=tags, lemmas=lemmas, sent_starts=flags)


def _sent_flags(offsets: Sequence[int], blank: Sequence[bool], boundaries: Iterable[int]) -> list[bool]:
    """``is_sent_start`` of each token: the first token, and for every boundary offset
    the first non-blank token at or after it (a body line's leading space stays with the
    sentence before)."""
    flags = [False] * len(offsets)
    if not flags:
        return flags
    flags[0] = True
    first_real = next((i for i, b in enumerate(blank) if not b), len(blank))
    for b in boundaries:
        i = bisect.bisect_left(offsets, b)
        while i < len(offsets) and blank[i]:
            i += 1
        if first_real < i < len(offsets):
            flags[i] = True
    return flags


def _sentence_boundaries(sentences: Sequence[Sentence], blocks: Sequence[Block], shift: int = 0) -> set[int]:
    """Our sentence starts, plus the starts of the blocks (page furniture lines, the
    dateline's body line) so that furniture never glues onto a content sentence."""
    return {s.start + shift for s in sentences} | {b.start + shift for b in blocks}


# --------------------------------------------------------------------------- span records
def _span_records(article: Article, shift: int = 0, region_label: str = "LOC") -> list[dict[str, Any]]:
    """One JSON-ready record per fact and per place: the record's own fields, plus
    ``label``, ``source`` (``fact`` / ``place``), ``index`` (into ``Article.facts`` /
    ``Article.places``) and ``start``/``end`` as Doc character offsets."""
    out: list[dict[str, Any]] = []
    for i, fact in enumerate(article.facts):
        rec = fact.to_dict()
        rec.update(label=FACT_LABELS.get(fact.type, fact.type.upper()), source="fact", index=i,
                   start=fact.start + shift, end=fact.end + shift)
        out.append(rec)
    for i, place in enumerate(article.places):
        rec = place.to_dict()
        label = region_label if place.kind == "region" else PLACE_LABELS.get(place.kind, "GPE")
        rec.update(label=label, source="place", index=i, start=place.start + shift, end=place.end + shift)
        out.append(rec)
    return out


def _observation_records(article: Article, shift: int = 0) -> list[dict[str, Any]]:
    """One JSON-ready record per observation: its ``to_dict()`` plus ``index`` (into
    ``Article.observations``), the measure's and the fact's Doc character offsets
    (``measure_start``/``measure_end``, ``fact_start``/``fact_end``) and the fact's
    entity ``fact_label``."""
    out: list[dict[str, Any]] = []
    for k, obs in enumerate(article.observations):
        rec = obs.to_dict()
        fact = article.facts[obs.fact] if 0 <= obs.fact < len(article.facts) else None
        m = obs.measure
        rec.update(
            index=k,
            measure_start=m.start + shift if m is not None else None,
            measure_end=m.end + shift if m is not None else None,
            fact_start=fact.start + shift if fact is not None else None,
            fact_end=fact.end + shift if fact is not None else None,
            fact_label=FACT_LABELS.get(fact.type, fact.type.upper()) if fact is not None else None,
        )
        out.append(rec)
    return out


def _measure_offsets(article: Article) -> list[int]:
    return [x for o in article.observations if o.measure is not None for x in (o.measure.start, o.measure.end)]


def resolve_overlaps(records: Sequence[dict[str, Any]]) -> list[int]:
    """Indices (into ``records``) of the spans that go into ``doc.ents``, in text order.

    Greedy over the spans ordered by: longer first; on equal length facts before places;
    then earlier start; then lower index (article order). A span is kept when it overlaps
    no span kept before it. Deterministic, and the same as :func:`spacy.util.filter_spans`
    except for the fact-over-place tie-break.
    """
    order = sorted(
        (i for i, r in enumerate(records) if r["end"] > r["start"]),
        key=lambda i: (
            -(records[i]["end"] - records[i]["start"]),
            0 if records[i]["source"] == "fact" else 1,
            records[i]["start"],
            records[i]["index"],
        ),
    )
    kept: list[int] = []
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping
    for i in order:
        s, e = records[i]["start"], records[i]["end"]
        pos = bisect.bisect_left(taken, (s, e))
        if pos > 0 and taken[pos - 1][1] > s:
            continue
        if pos < len(taken) and taken[pos][0] < e:
            continue
        taken.insert(pos, (s, e))
        kept.append(i)
    return sorted(kept, key=lambda i: (records[i]["start"], records[i]["end"]))


def _metadata(article: Article, records: list[dict[str, Any]], store_article: bool,
              observations: Optional[list[dict[str, Any]]] = None) -> dict[str, Any]:
    """``doc.user_data["xinhua"]``: article metadata, warnings, span and observation
    records (msgpack-safe)."""
    meta: dict[str, Any] = {"bridge_version": BRIDGE_VERSION}
    for key in _META_FIELDS:
        value = getattr(article, key)
        meta[key] = value.isoformat() if hasattr(value, "isoformat") else value
    meta["dateline"] = article.dateline.to_dict() if article.dateline else None
    meta["warnings"] = [w.to_dict() for w in article.warnings]
    meta["spans"] = records
    meta["observations"] = observations or []
    if store_article:
        meta["article"] = article.to_dict()
    return meta


def _annotate(doc: Doc, article: Article, *, shift: int, region_label: str, store_article: bool) -> Doc:
    """Set ents, the ``xinhua_all`` span group, sentence starts and user data on a Doc
    whose tokens already have a boundary at every span offset."""
    records = _span_records(article, shift, region_label)
    kept = set(resolve_overlaps(records))
    spans: list[Span] = []
    ents: list[Span] = []
    for i, rec in enumerate(records):
        span = doc.char_span(rec["start"], rec["end"], label=rec["label"]) if rec["end"] > rec["start"] else None
        rec["aligned"] = span is not None
        rec["in_ents"] = span is not None and i in kept
        if span is None:
            log.warning("%s %d (%r at %d-%d) does not align with the Doc's tokens; left out",
                        rec["source"], rec["index"], rec.get("text"), rec["start"], rec["end"])
            continue
        spans.append(span)
        if rec["in_ents"]:
            ents.append(span)
    doc.set_ents(sorted(ents, key=lambda s: s.start), default="outside")
    spans.sort(key=lambda s: (s.start_char, s.end_char, s.label_))
    doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)
    observations = _observation_records(article, shift)
    doc.spans[MEASURES_KEY] = SpanGroup(doc, name=MEASURES_KEY, spans=_measure_spans(doc, observations))
    doc.user_data[USER_DATA_KEY] = _metadata(article, records, store_article, observations)
    return doc


def _measure_spans(doc: Doc, observations: list[dict[str, Any]]) -> list[Span]:
    """One ``MEASURE`` span per distinct measure (two observations may share one: the
    level and the change of ``GDP``), in text order; sets each record's ``aligned``."""
    spans: dict[tuple[int, int], Optional[Span]] = {}
    for rec in observations:
        start, end = rec["measure_start"], rec["measure_end"]
        if start is None or end is None or end <= start:
            rec["aligned"] = False
            continue
        if (start, end) not in spans:
            spans[(start, end)] = doc.char_span(start, end, label=MEASURE_LABEL)
            if spans[(start, end)] is None:
                log.warning("measure %r at %d-%d does not align with the Doc's tokens; left out",
                            (rec.get("measure") or {}).get("text"), start, end)
        rec["aligned"] = spans[(start, end)] is not None
    return [span for _, span in sorted(spans.items()) if span is not None]


# --------------------------------------------------------------------------- vocab
_DEFAULT_NLP: Optional[Language] = None
_NLP_LOCK = threading.Lock()


def blank_nlp(*, component: bool = False, **component_config: Any) -> Language:
    """A new blank Korean pipeline with the Kiwi tokenizer (no model, no MeCab needed);
    with ``component=True`` the ``xinhua_extract`` component is added."""
    nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    if component:
        nlp.add_pipe(COMPONENT_NAME, config=component_config)
    return nlp


def _default_nlp() -> Language:
    global _DEFAULT_NLP
    if _DEFAULT_NLP is None:
        with _NLP_LOCK:
            if _DEFAULT_NLP is None:
                _DEFAULT_NLP = blank_nlp()
    return _DEFAULT_NLP


def _vocab_of(nlp: Union[Language, Vocab, None]) -> Vocab:
    if nlp is None:
        return _default_nlp().vocab
    if isinstance(nlp, Vocab):
        return nlp
    vocab = getattr(nlp, "vocab", None)
    if isinstance(vocab, Vocab):
        return vocab
    raise TypeError(f"to_doc expects a spacy Language or Vocab as nlp, got {type(nlp).__name__}")


# --------------------------------------------------------------------------- public API
def to_doc(
    article: Article,
    nlp: Union[Language, Vocab, None] = None,
    *,
    region_label: str = "LOC",
    store_article: bool = False,
) -> Doc:
    """The article as a spaCy :class:`~spacy.tokens.Doc`.

    ``doc.text == article.text``. Tokens are Kiwi's morphemes (overlapping ones merged,
    text Kiwi did not cover split on whitespace), split further wherever a fact or place
    starts or ends, so ``doc.char_span(start, end)`` exists for each. ``doc.ents`` holds
    the facts and places minus overlaps (see :func:`resolve_overlaps`),
    ``doc.spans["xinhua_all"]`` all of them, ``doc.spans["xinhua_measures"]`` the
    measures of the observations (tokens are split at their edges too); sentences are ours. ``nlp`` (a Language or a
    Vocab) supplies the vocab only — its pipeline is not run (call ``nlp(doc)`` for that).
    ``store_article=True`` keeps the whole article in ``doc.user_data`` (then
    ``doc._.xinhua_article`` rebuilds it, also after a DocBin round trip).
    """
    if not isinstance(article, Article):
        raise TypeError(f"to_doc expects an xinhua_extract Article, got {type(article).__name__}")
    vocab = _vocab_of(nlp)
    starts = [x.start for x in (*article.facts, *article.places)]
    ends = [x.end for x in (*article.facts, *article.places)]
    starts += [o.measure.start for o in article.observations if o.measure is not None]
    ends += [o.measure.end for o in article.observations if o.measure is not None]
    doc = _build_doc(
        vocab,
        article.text,
        article.tokens,
        _sentence_boundaries(article.sentences, article.blocks),
        starts=starts,
        ends=ends,
    )
    return _annotate(doc, article, shift=0, region_label=region_label, store_article=store_article)


def to_docs(articles: Iterable[Article], nlp: Union[Language, Vocab, None] = None, **kwargs: Any) -> Iterator[Doc]:
    """:func:`to_doc` over many articles (one shared vocab)."""
    vocab = _vocab_of(nlp)
    for article in articles:
        yield to_doc(article, vocab, **kwargs)


def write_docbin(
    articles: Iterable[Article],
    path: Union[str, Path],
    *,
    nlp: Union[Language, Vocab, None] = None,
    store_article: bool = False,
) -> int:
    """Write the articles as a ``.spacy`` :class:`~spacy.tokens.DocBin` (with user data,
    so metadata and the ``Span._`` values come back). Returns the number of Docs."""
    db = DocBin(store_user_data=True)
    count = 0
    for doc in to_docs(articles, nlp, store_article=store_article):
        db.add(doc)
        count += 1
    path = Path(path)
    db.to_disk(path)
    return count


def read_docbin(path: Union[str, Path], vocab: Union[Language, Vocab, None] = None) -> list[Doc]:
    """The Docs of a ``.spacy`` file written by :func:`write_docbin` (entities, the
    ``xinhua_all`` spans, sentences, tags and user data restored)."""
    db = DocBin(store_user_data=True).from_disk(Path(path))
    return list(db.get_docs(_vocab_of(vocab)))


# --------------------------------------------------------------------------- extensions
def _span_record(span: Span) -> Optional[dict[str, Any]]:
    data = span.doc.user_data.get(USER_DATA_KEY)
    if not data:
        return None
    label = span.label_
    for rec in data.get("spans", ()):
        if rec["start"] == span.start_char and rec["end"] == span.end_char and rec["label"] == label:
            return rec
    return None


def _field_getter(name: str, source: Optional[str] = None):
    def getter(span: Span) -> Any:
        rec = _span_record(span)
        if rec is None or (source is not None and rec.get("source") != source):
            return None
        return rec.get(name)

    getter.__name__ = f"get_{name}"
    return getter


def _value_getter(span: Span) -> Optional[str]:
    """The normalised value: a fact's ``value`` (decimal or date string), a place's
    simplified Chinese name (``枣庄市``)."""
    rec = _span_record(span)
    if rec is None:
        return None
    value = rec.get("value") if rec.get("source") == "fact" else rec.get("name_zh")
    return None if value is None else str(value)


def _index_getter(source: str):
    def getter(span: Span) -> Optional[int]:
        rec = _span_record(span)
        return rec["index"] if rec is not None and rec.get("source") == source else None

    return getter


def _doc_meta(doc: Doc) -> Optional[dict[str, Any]]:
    return doc.user_data.get(USER_DATA_KEY)


def _doc_article(doc: Doc) -> Optional[Article]:
    data = doc.user_data.get(USER_DATA_KEY) or {}
    stored = data.get("article")
    return Article.from_dict(_lists(stored)) if stored is not None else None


def _lists(value: Any) -> Any:
    """msgpack (DocBin) turns lists into tuples and leaves dicts: normalise to JSON shapes."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


def _observations_of(doc: Doc) -> list[dict[str, Any]]:
    """The observation records, JSON-shaped (lists) also after a DocBin round trip."""
    data = doc.user_data.get(USER_DATA_KEY) or {}
    return [_lists(o) for o in data.get("observations") or ()]


def _observation_getter(span: Span) -> Optional[dict[str, Any]]:
    """On a fact entity: the record of its observation (``None`` when it has none: a
    date, a rank, a KRW conversion)."""
    rec = _span_record(span)
    if rec is None or rec.get("source") != "fact":
        return None
    return next((o for o in _observations_of(span.doc) if o.get("fact") == rec["index"]), None)


def _measure_getter(span: Span) -> Optional[Span]:
    """On a fact entity: the ``MEASURE`` span of its observation, or ``None``."""
    obs = _observation_getter(span)
    if obs is None or obs.get("measure_start") is None or not obs.get("aligned", True):
        return None
    return span.doc.char_span(obs["measure_start"], obs["measure_end"], label=MEASURE_LABEL)


def _observations_getter(span: Span) -> list[dict[str, Any]]:
    """On a measure span: the records of every observation that measures it."""
    return [o for o in _observations_of(span.doc)
            if o.get("measure_start") == span.start_char and o.get("measure_end") == span.end_char]


def _facts_getter(span: Span) -> list[Span]:
    """On a measure span: the fact entities it is the measure of, in observation order."""
    out = []
    for o in _observations_getter(span):
        if o.get("fact_start") is not None:
            fact = span.doc.char_span(o["fact_start"], o["fact_end"], label=o.get("fact_label") or "")
            if fact is not None:
                out.append(fact)
    return out


SPAN_EXTENSIONS: dict[str, Any] = {
    "value": _value_getter,
    "currency": _field_getter("currency", "fact"),
    "unit": _field_getter("unit", "fact"),
    "counter": _field_getter("counter", "fact"),
    "code": _field_getter("code", "place"),
    "fact_index": _index_getter("fact"),
    "place_index": _index_getter("place"),
    "xinhua": _span_record,
    "observation": _observation_getter,
    "measure": _measure_getter,
    "observations": _observations_getter,
    "xinhua_facts": _facts_getter,
}
DOC_EXTENSIONS: dict[str, Any] = {"xinhua": _doc_meta, "xinhua_article": _doc_article}


def register_extensions() -> None:
    """Register the ``Span._`` and ``Doc._`` getters (idempotent; safe to call again,
    e.g. after another library registered the same names with ``force=True``)."""
    for name, getter in SPAN_EXTENSIONS.items():
        Span.set_extension(name, getter=getter, force=True)
    for name, getter in DOC_EXTENSIONS.items():
        Doc.set_extension(name, getter=getter, force=True)


# --------------------------------------------------------------------------- tokenizer
def _analyse(text: str) -> tuple[tuple[Token, ...], set[int], int]:
    """Kiwi tokens and sentence/block boundaries of ``text`` exactly as
    :func:`~xinhua_extract.parse_article` makes them (layout, then Kiwi per content
    paragraph), with offsets into ``text`` itself (a leading BOM is counted)."""
    from .layout import analyse_layout
    from .tokenize import tokenize_paragraphs

    shift = 1 if text.startswith(_BOM) else 0
    body = text[shift:].replace("\x00", " ")
    if not body.strip():
        return (), set(), shift
    try:
        layout = analyse_layout(body)
        paragraphs: tuple[Paragraph, ...] = tuple(layout.paragraphs)
        blocks: tuple[Block, ...] = tuple(layout.blocks)
    except XinhuaExtractError:  # not page-shaped: one paragraph per non-blank line
        paragraphs, blocks, pos = (), (), 0
        for line in body.splitlines(keepends=True):
            stripped = line.strip()
            if stripped:
                start = pos + line.index(stripped[0])
                paragraphs += (Paragraph(start=start, end=start + len(stripped)),)
            pos += len(line)
    tokens, sentences = tokenize_paragraphs(body, paragraphs)
    if shift:
        tokens = tuple(Token(form=t.form, tag=t.tag, start=t.start + shift, end=t.end + shift) for t in tokens)
    return tokens, _sentence_boundaries(sentences, blocks, shift), shift


class XinhuaTokenizer:
    """Text -> Doc with Kiwi's words (as :func:`to_doc` makes them), ``doc.text == text``.

    Holds only the vocab: the Kiwi instance is the process-wide one of
    :mod:`xinhua_extract.tokenize`, loaded on first use and never pickled.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        tokens, boundaries, _ = _analyse(text)
        return _build_doc(self.vocab, text, tokens, boundaries)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # serialisation: there is no state beyond the vocab (which spaCy saves itself)
    def to_bytes(self, *, exclude: Sequence[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"name": TOKENIZER_NAME})

    def from_bytes(self, data: bytes, *, exclude: Sequence[str] = ()) -> "XinhuaTokenizer":
        return self

    def to_disk(self, path: Union[str, Path], *, exclude: Sequence[str] = ()) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: Union[str, Path], *, exclude: Sequence[str] = ()) -> "XinhuaTokenizer":
        return self

    def __reduce__(self):
        return (XinhuaTokenizer, (self.vocab,))


def make_tokenizer(nlp: Language) -> XinhuaTokenizer:
    """The Kiwi tokenizer for ``nlp`` (``nlp.tokenizer = make_tokenizer(nlp)``)."""
    return XinhuaTokenizer(nlp.vocab)


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer():
    """Registry entry: ``[nlp.tokenizer] @tokenizers = "xinhua_extract.KiwiTokenizer.v1"``."""
    return make_tokenizer


# --------------------------------------------------------------------------- component
_DEFAULT_CONFIG: dict[str, Any] = {
    "region_label": "LOC",
    "store_article": False,
    "errors": "raise",
    "max_chars": 1_000_000,
}


class XinhuaComponent:
    """Runs :func:`~xinhua_extract.parse_article` on ``doc.text`` and sets ``doc.ents``,
    ``doc.spans["xinhua_all"]`` and ``["xinhua_measures"]``, sentence starts and ``doc._.xinhua``.

    ``parse_article`` gets ``id`` and ``published`` from ``doc.user_data["xinhua_id"]`` /
    ``["xinhua_published"]`` when set (``doc = nlp.make_doc(text)``, set them, ``nlp(doc)``).
    Tokens are split where a fact or place boundary falls inside one (with our
    tokenizer that only happens inside a Kiwi morpheme, as in :func:`to_doc`). With
    ``errors="ignore"`` an input that cannot be an article (empty, no Korean…) leaves the
    Doc without entities and ``doc._.xinhua == {"error": {"code", "message"}}``; with
    ``"raise"`` the :class:`~xinhua_extract.errors.XinhuaExtractError` propagates.
    Pickles by its name and config (no native state).
    """

    def __init__(
        self,
        name: str = COMPONENT_NAME,
        *,
        region_label: str = "LOC",
        store_article: bool = False,
        errors: str = "raise",
        max_chars: Optional[int] = 1_000_000,
    ) -> None:
        if errors not in ("raise", "ignore"):
            raise ValueError(f"errors must be 'raise' or 'ignore', got {errors!r}")
        self.name = name
        self.cfg = {
            "region_label": region_label,
            "store_article": store_article,
            "errors": errors,
            "max_chars": max_chars,
        }

    def __call__(self, doc: Doc) -> Doc:
        from .pipeline import parse_article

        article_id = doc.user_data.pop(HINT_ID, None)
        published = doc.user_data.pop(HINT_PUBLISHED, None)
        try:
            article = parse_article(doc.text, id=article_id, published=published,
                                    max_chars=self.cfg["max_chars"])
        except XinhuaExtractError as err:
            if self.cfg["errors"] == "raise":
                raise
            doc.user_data[USER_DATA_KEY] = {"error": {"code": err.code, "message": err.message}}
            return doc
        shift = 1 if doc.text.startswith(_BOM) else 0
        if len(article.text) + shift != len(doc.text):
            raise XinhuaExtractError(
                "parse_article changed the text length, so offsets cannot be mapped onto the Doc; "
                "build the Doc with xinhua_extract.spacy_bridge.to_doc(parse_article(text)) instead"
            )
        records = [*article.facts, *article.places]
        cuts = {x.start + shift for x in records} | {x.end + shift for x in records}
        cuts |= {x + shift for x in _measure_offsets(article)}
        cuts |= _sentence_boundaries(article.sentences, article.blocks, shift)
        morphemes = [Token(form=t.form, tag=t.tag, start=t.start + shift, end=t.end + shift)
                     for t in article.tokens] if shift else list(article.tokens)
        _split_at(doc, cuts, morphemes)
        boundaries = _sentence_boundaries(article.sentences, article.blocks, shift)
        flags = _sent_flags([t.idx for t in doc], [t.text.isspace() for t in doc], boundaries)
        for token, flag in zip(doc, flags):
            token.is_sent_start = flag
        return _annotate(doc, article, shift=shift, region_label=self.cfg["region_label"],
                         store_article=self.cfg["store_article"])

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def __reduce__(self):
        return (_rebuild_component, (self.name, dict(self.cfg)))


def _rebuild_component(name: str, cfg: dict[str, Any]) -> XinhuaComponent:
    return XinhuaComponent(name, **cfg)


def _split_at(doc: Doc, cuts: set[int], morphemes: Sequence[Token]) -> None:
    """Split every token with a cut offset strictly inside its text; the pieces get tags
    and lemmas from the Kiwi ``morphemes`` they overlap, as :func:`to_doc` gives them."""
    ordered = sorted(cuts)
    plans = []
    for token in doc:
        start, end = token.idx, token.idx + len(token.text)
        lo, hi = bisect.bisect_right(ordered, start), bisect.bisect_left(ordered, end)
        if lo < hi:
            plans.append((token.i, [start, *ordered[lo:hi], end]))
    if not plans:
        return
    strings = doc.vocab.strings
    text = doc.text
    with doc.retokenize() as retokenizer:
        for i, offsets in plans:
            token = doc[i]
            orths, tags, lemmas = [], [], []
            for a, b in zip(offsets, offsets[1:]):
                members = [m for m in morphemes if m.start < b and m.end > a]
                tag, lemma = _tag_lemma(text, a, b, members)
                strings.add(tag)
                strings.add(lemma)
                orths.append(text[a:b])
                tags.append(tag)
                lemmas.append(lemma)
            retokenizer.split(
                token,
                orths,
                heads=[(token, k) for k in range(len(orths))],
                attrs={"TAG": tags, "LEMMA": lemmas},
            )


@Language.factory(
    COMPONENT_NAME,
    assigns=["doc.ents", "doc.spans", "token.is_sent_start", "doc._.xinhua"],
    default_config=dict(_DEFAULT_CONFIG),
)
def make_component(
    nlp: Language,
    name: str,
    region_label: str,
    store_article: bool,
    errors: str,
    max_chars: Optional[int],
) -> XinhuaComponent:
    """Factory of the ``xinhua_extract`` pipeline component (entry point
    ``spacy_factories``: ``xinhua_extract = "xinhua_extract.spacy_bridge:make_component"``)."""
    return XinhuaComponent(name, region_label=region_label, store_article=store_article,
                           errors=errors, max_chars=max_chars)


Language.factory(
    COMPONENT_NAME_V1,
    assigns=["doc.ents", "doc.spans", "token.is_sent_start", "doc._.xinhua"],
    default_config=dict(_DEFAULT_CONFIG),
    func=make_component,
)

register_extensions()

__all__ = [
    "FACT_LABELS",
    "PLACE_LABELS",
    "SPANS_KEY",
    "MEASURES_KEY",
    "MEASURE_LABEL",
    "USER_DATA_KEY",
    "HINT_ID",
    "HINT_PUBLISHED",
    "TOKENIZER_NAME",
    "COMPONENT_NAME",
    "XinhuaTokenizer",
    "XinhuaComponent",
    "blank_nlp",
    "create_tokenizer",
    "make_component",
    "make_tokenizer",
    "read_docbin",
    "register_extensions",
    "resolve_overlaps",
    "to_doc",
    "to_docs",
    "write_docbin",
]
