"""The process-wide Kiwi instance, tokens and sentences with offsets into the article.

Kiwi takes about a second and a few hundred MB to load, so one instance is built per
process, lazily, on first use, and reused. User words (the Korean names of Chinese
places, so that ``짜오좡`` comes out as one NNP) are added before the first analysis:
adding one later makes Kiwi rebuild its model (~2 s).

Tokens are sliced from the original text by offset, never rebuilt from ``Token.form``
(Kiwi's forms differ from the surface: ``했`` -> ``하`` + ``었``).
"""

from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache
import warnings
from typing import Any, Iterable, Optional, Sequence

import regex

from .records import Paragraph, Sentence, Token

log = logging.getLogger(__name__)

_KIWI: Optional[Any] = None  # a kiwipiepy.Kiwi once built
_LOCK = threading.Lock()

#: Kiwi worker threads: 0 (analyse in the calling thread) unless XINHUA_KIWI_THREADS is
#: set. Batch workers are processes, so extra Kiwi threads would only oversubscribe;
#: one paragraph at a time is analysed in the calling thread either way.
_THREADS_ENV = "XINHUA_KIWI_THREADS"

@lru_cache(maxsize=1)
def _analysis_options() -> dict:
    """News text needs no colloquial-coda splitting (먹었어욥) nor hashtag, mention or emoji
    patterns; leaving them out makes Kiwi ~8% faster on our corpus, same tokens."""
    from kiwipiepy import Match

    return {"z_coda": False, "match_options": Match.URL | Match.EMAIL | Match.SERIAL}


#: Kiwi's beam cut-off (its default is 8): candidate paths scoring more than this below the
#: best are dropped. 7 is a few % faster than 8, 6.5 another ~2%; 6.5 gives the same morphemes
#: as a default Kiwi on every fixture page and on the ~630 phrases of the fact corpora
#: (tests/test_tokenize.py); 6 starts to change them (6 of 736 texts, 2026-12-05).
KIWI_CUTOFF_THRESHOLD = 6.5

_OPENERS = "([{“‘「『《〈"
_CLOSERS = ")]}”’」』》〉"
_TOGGLES = "\"'"


def _user_words() -> Iterable[tuple[str, str, float]]:
    """(word, tag, score) to register: the gazetteer's Korean place names."""
    from .places.gazetteer import get_gazetteer

    return get_gazetteer().kiwi_user_words()


def get_kiwi():
    """The shared Kiwi instance (built on first call, thread-safe)."""
    global _KIWI
    if _KIWI is None:
        with _LOCK:
            if _KIWI is None:
                from kiwipiepy import Kiwi

                threads = int(os.environ.get(_THREADS_ENV, "0") or 0)
                with warnings.catch_warnings():  # kiwipiepy warns that 0 changed meaning in 0.21
                    warnings.simplefilter("ignore", DeprecationWarning)
                    kiwi = Kiwi(num_workers=threads)
                kiwi.global_config.cutoff_threshold = KIWI_CUTOFF_THRESHOLD
                added = 0
                for word, tag, score in _user_words():
                    if kiwi.add_user_word(word, tag, score):
                        added += 1
                log.debug("Kiwi ready with %d user words", added)
                kiwi.tokenize("")  # finish Kiwi's own lazy initialisation now
                _KIWI = kiwi
    return _KIWI


def warm_up() -> None:
    """Load Kiwi (and with it the gazetteer) now instead of on the first article."""
    get_kiwi()


def tokenize_paragraphs(
    text: str, paragraphs: Sequence[Paragraph]
) -> tuple[tuple[Token, ...], tuple[Sentence, ...]]:
    """Kiwi tokens and sentences of every paragraph, with offsets into ``text``.

    Chinese-script paragraphs (``lang == "zh"``) get one sentence per ``。`` and no
    Kiwi tokens (Kiwi is a Korean analyser).
    """
    kiwi = get_kiwi()
    options = _analysis_options()
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    add = tokens.append
    new = tuple.__new__  # Token(...) by keyword costs twice as much, per morpheme
    for index, para in enumerate(paragraphs):
        if para.lang == "zh":
            sentences.extend(_chinese_sentences(text, para, index))
            continue
        spans: list[tuple[int, int]] = []
        # Kiwi numbers the sentences of what it analyses (Token.sent_position) even without
        # split_sents=True, which costs a little more for the same boundaries; a sentence spans
        # its first to its last morpheme (_merge_inside_brackets closes the gaps)
        for base, piece_end in kiwi_pieces(text, para.start, para.end):
            current = -1
            first = last = 0
            for tok in kiwi.tokenize(text[base:piece_end], **options):
                start = base + tok.start
                end = start + tok.len
                add(new(Token, (tok.form, tok.tag, start, end)))
                if tok.sent_position != current:
                    if current >= 0:
                        spans.append((first, last))
                    current, first, last = tok.sent_position, start, end
                elif end > last:
                    last = end
            if current >= 0:
                spans.append((first, last))
        for start, end in _merge_inside_brackets(text, para, spans):
            sentences.append(Sentence(start=start, end=end, paragraph=index))
    return tuple(tokens), tuple(sentences)


#: Longest piece of text given to Kiwi at once. Kiwi's time per character grows with the
#: length of what it is given (a 200,000-character line: ~2x per character, 1,000,000:
#: ~8x), so longer paragraphs -- a page without line breaks -- are cut, at a sentence end
#: if possible, else after a clause, else at a space. Xinhua paragraphs are far shorter.
KIWI_MAX_CHARS = 4000

_SENTENCE_CUT = regex.compile(r"[.!?。！？…][\p{Pe}\p{Pf}\"']*(?=\s)")
_CLAUSE_CUT = regex.compile(r"[,;:，；、·][\p{Pe}\p{Pf}\"']*(?=\s)")
_SPACE_CUT = regex.compile(r"\s")


def kiwi_pieces(text: str, start: int, end: int, limit: int = KIWI_MAX_CHARS) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into consecutive pieces of at most ``limit`` characters.

    A piece ends at the last sentence end in the second half of its window, else the last
    clause end there, else the last space, else at ``limit``; so every piece but the last
    is at least ``limit // 2`` long and the whole scan is linear. The pieces cover the
    span exactly, so offsets into ``text`` are kept."""
    pieces: list[tuple[int, int]] = []
    pos = start
    while end - pos > limit:
        lo, hi = pos + limit // 2, pos + limit
        cut = None
        for pattern in (_SENTENCE_CUT, _CLAUSE_CUT, _SPACE_CUT):
            last = None
            for last in pattern.finditer(text, lo, hi):
                pass
            if last is not None:
                cut = last.end()
                break
        if cut is None or cut <= pos:
            cut = hi
        pieces.append((pos, cut))
        pos = cut
    if end > pos:
        pieces.append((pos, end))
    return pieces


def _chinese_sentences(text: str, para: Paragraph, index: int) -> list[Sentence]:
    out, start = [], para.start
    for pos in range(para.start, para.end):
        if text[pos] in "。！？":
            out.append(Sentence(start=start, end=pos + 1, paragraph=index))
            start = pos + 1
            while start < para.end and text[start].isspace():
                start += 1
    if start < para.end:
        out.append(Sentence(start=start, end=para.end, paragraph=index))
    return out


def _merge_inside_brackets(text: str, para: Paragraph, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join Kiwi's sentences where a boundary falls inside brackets or quotes, and make
    sure the sentences cover the paragraph with no text outside any sentence."""
    if not spans:
        return [(para.start, para.end)] if para.end > para.start else []
    spans = sorted(spans)
    depth = _bracket_depths(text, para.start, para.end, [end for _, end in spans])
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and depth[merged[-1][1]] > 0:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    merged[0][0] = min(merged[0][0], para.start)
    merged[-1][1] = max(merged[-1][1], para.end)
    return [(s, e) for s, e in merged]


_BRACKET = regex.compile("[" + regex.escape(_OPENERS + _CLOSERS + _TOGGLES) + "]")


def _bracket_depths(text: str, start: int, end: int, positions: Sequence[int]) -> dict[int, int]:
    """How many brackets/quotes are open just before each of ``positions``.

    Only the bracket characters are visited (a regex scan), not every character."""
    wanted = sorted(set(positions))
    depths: dict[int, int] = {}
    stack: list[str] = []
    i = 0
    for m in _BRACKET.finditer(text, start, end):
        pos, ch = m.start(), m.group()
        while i < len(wanted) and wanted[i] <= pos:
            depths[wanted[i]] = len(stack)
            i += 1
        if ch in _OPENERS:
            stack.append(ch)
        elif ch in _CLOSERS:
            if stack and stack[-1] not in _TOGGLES:
                stack.pop()
        elif stack and stack[-1] == ch:
            stack.pop()
        elif ch == '"' or _opens_quote(text, pos, start):
            stack.append(ch)
    for pos in wanted[i:]:
        depths[pos] = len(stack)
    return depths


def _opens_quote(text: str, pos: int, start: int) -> bool:
    """A straight single quote opens a quotation after a space or bracket, not inside a word."""
    return pos == start or text[pos - 1].isspace() or text[pos - 1] in _OPENERS + ",·∙"


def sentence_index(sentences: Sequence[Sentence], offset: int) -> Optional[int]:
    """Index of the sentence containing ``offset`` (binary search), or None."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset < sentences[lo].end:
        return lo
    return None
