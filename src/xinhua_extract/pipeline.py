"""``parse_article``: the stages in order.

text -> layout -> tokens & sentences -> facts -> glosses -> places -> Article.
(Facts come before glosses: a conversion gloss ``천억 위안(약 18조원)`` is the money
rules' linked pair, not a second grammar.)
Each stage is a function of what the earlier ones produced; none reaches into another's
internals. Heavy resources (Kiwi, the gazetteer, jieba) load lazily, once per process.
"""

from __future__ import annotations

import bisect
from datetime import date
from typing import Optional, Sequence, TypeVar

from .errors import ArgumentError
from .facts import extract_facts
from .glosses import extract_glosses
from .layout import analyse_layout, coerce_published
from .observations import find_observations
from .places.resolve import find_places
from .records import Article, Fact, Paragraph, PlaceMention, Sentence, evolve
from .source_text import DEFAULT_MAX_CHARS, coerce_text
from .tokenize import sentence_index, tokenize_paragraphs


def parse_article(
    text: str | bytes,
    *,
    id: Optional[str] = None,
    published: object = None,
    reference_date: object = None,
    max_chars: Optional[int] = DEFAULT_MAX_CHARS,
    url: Optional[str] = None,
) -> Article:
    """Parse one Xinhua Korean article page into an :class:`~xinhua_extract.Article`.

    ``text`` is the plain text of one page (``str``, or ``bytes``: UTF-8/16/32 by BOM, UTF-8,
    CP949; see :mod:`~xinhua_extract.source_text`). ``id`` is a ``str`` or ``None``.
    ``published`` (datetime, date or ISO string) overrides or supplies the publication
    time, which dates the dateline and resolves relative dates; ``reference_date`` is the
    last resort for relative dates when the page has neither. ``url`` (where the page
    came from) is kept as ``Article.url``; it gives ``Article.page`` (``c_<id>_2.htm`` is
    page 2, with a warning) and, when neither the caller nor the page gives a time, the
    publication date (``/2017-01/20/c_…``, ``/20240117/<hex>/c.html``;
    ``published_from="url"``). Raises a subclass of
    :class:`~xinhua_extract.errors.XinhuaExtractError` for input that cannot be an
    article; anything odd but readable becomes ``Article.warnings``.
    """
    _check_id(id)
    text, input_warnings = coerce_text(text, max_chars=max_chars)
    layout = analyse_layout(text, published=published, url=url)
    paragraphs = tuple(layout.paragraphs)
    tokens, sentences = tokenize_paragraphs(text, paragraphs)
    spans = [(p.start, p.end) for p in paragraphs]  # layout paragraphs are content only

    reference = layout.reference_date or _as_date(reference_date)
    facts, fact_warnings = extract_facts(text, spans, tokens, reference)
    # a parenthesis in a Chinese paragraph (``5月24日(星期日)``) glosses nothing Korean
    glosses = extract_glosses(text, [(p.start, p.end) for p in paragraphs if p.lang != "zh"], facts)
    places, place_warnings = find_places(text, paragraphs, tokens, glosses)
    places = _locate(places, paragraphs)
    facts = _anchor_facts(facts, sentences, places, paragraphs)
    observations = find_observations(text, facts, tokens, sentences, paragraphs, places,
                                     reference.isoformat() if reference else None)

    return Article(
        id=id,
        text=text,
        shape=layout.shape,
        url=layout.url,
        page=layout.page,
        title=layout.title,
        title_zh=layout.title_zh,
        kicker=layout.kicker,
        source=layout.source,
        published=layout.published,
        published_from=layout.published_from,
        reference_date=reference.isoformat() if reference else None,
        editor=layout.editor,
        dateline=layout.dateline,
        byline=layout.byline,
        headings=tuple(layout.headings),
        blocks=tuple(layout.blocks),
        paragraphs=paragraphs,
        sentences=sentences,
        tokens=tokens,
        glosses=glosses,
        places=places,
        facts=facts,
        observations=observations,
        warnings=(*input_warnings, *layout.warnings, *fact_warnings, *place_warnings),
    )


def _check_id(id: object) -> None:
    """An id is ``None`` or a ``str`` that UTF-8 can encode (it goes into JSON and Parquet)."""
    if id is None:
        return
    if not isinstance(id, str):
        raise ArgumentError(f"id must be a str or None, not {type(id).__name__}; pass str({id!r}) if you mean it")
    try:
        id.encode("utf-8")
    except UnicodeEncodeError:
        raise ArgumentError(
            f"id {id!r} holds characters UTF-8 cannot encode (lone surrogates, e.g. a file name in another "
            "encoding); escape them first, e.g. xinhua_extract.io.readers.escape_name(id)"
        ) from None


_R = TypeVar("_R", Fact, PlaceMention)


def _locate(records: Sequence[_R], paragraphs: Sequence[Paragraph]) -> tuple[_R, ...]:
    """Stamp each record with the kind and language of the paragraph it stands in."""
    out = []
    for record in records:
        block, lang = _paragraph_of(record, paragraphs, record.block, record.lang)
        if (block, lang) != (record.block, record.lang):
            record = evolve(record, block=block, lang=lang)
        out.append(record)
    return tuple(out)


def _paragraph_of(
    record: Fact | PlaceMention, paragraphs: Sequence[Paragraph], block: str, lang: str
) -> tuple[str, str]:
    """(kind, language) of the paragraph ``record`` starts in; ``(block, lang)`` if none."""
    lo, hi = 0, len(paragraphs)
    pos = record.start
    while lo < hi:  # the last paragraph starting at or before pos
        mid = (lo + hi) // 2
        if paragraphs[mid].start <= pos:
            lo = mid + 1
        else:
            hi = mid
    i = lo - 1
    if i >= 0 and pos < paragraphs[i].end:
        p = paragraphs[i]
        return p.kind, p.lang
    return block, lang


def _as_date(value: object) -> Optional[date]:
    published = coerce_published(value)
    return published.date() if published else None


def _anchor_facts(
    facts: Sequence[Fact],
    sentences: Sequence[Sentence],
    places: Sequence[PlaceMention],
    paragraphs: Sequence[Paragraph],
) -> tuple[Fact, ...]:
    """Give every fact its sentence index, the codes of the places in that sentence and the
    kind and language of its paragraph: one pass and at most one copy per fact
    (the copy is the costly part); facts of one sentence share its codes."""
    starts = [p.start for p in places]
    codes_of: dict[int, tuple[str, ...]] = {}  # sentence index -> place codes (shared by its facts)
    out = []
    n_sent = len(sentences)
    for fact in facts:
        index = sentence_index(sentences, fact.start) if n_sent else None
        codes: tuple[str, ...] = ()
        if index is not None:
            codes = codes_of.get(index)  # type: ignore[assignment]
            if codes is None:
                s = sentences[index]
                lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
                seen: dict[str, None] = {}
                for place in places[lo:hi]:
                    for code in (place.code,) if place.code else place.members:
                        seen.setdefault(code, None)
                codes = codes_of[index] = tuple(seen)
        block, lang = _paragraph_of(fact, paragraphs, fact.block, fact.lang)
        if (index, codes, block, lang) != (fact.sentence, fact.places, fact.block, fact.lang):
            fact = evolve(fact, sentence=index, places=codes, block=block, lang=lang)
        out.append(fact)
    return tuple(out)
