"""What the numeric fact rules (money, percentage, count, rank) share: the data tables,
the guard that a unit word ends where a particle begins, ranges (``3~5개``) and span
clipping.

Korean attaches particles to the unit (``12개로``, ``위안을``, ``3위에``), so a unit
cannot be required to end a word; instead what follows it must be a non-Hangul
character or one of the particles and endings below. That keeps ``3개월`` (months),
``5개년`` (a five-year plan), ``건설``, ``원칙``, ``위안`` (after ``3위``) and
``번째`` (ordinal) out.
"""

from __future__ import annotations

import contextlib
import contextvars
import csv
import functools
import logging
from decimal import Decimal
from importlib import resources
from typing import Iterable, Iterator, NamedTuple, Optional, Sequence

import regex

from ..errors import NumberParseError
from ..numbers import NumberMatch, iter_number_matches, parse_korean_number, tidy
from ..particles import particles

log = logging.getLogger(__name__)

# Josa (case particles), copula and common endings that may follow a unit word directly
# (the shared table data/particles.tsv, column "unit").
_PARTICLES = particles("unit")
# Words that may follow a currency only: 급 (tier), 대 (bracket), 선 (level), 규모 (scale).
_CURRENCY_EXTRA = ("급", "대", "선", "규모")


def _follow(words: Sequence[str]) -> str:
    alt = "|".join(sorted(set(words), key=len, reverse=True))
    return rf"(?:(?!\p{{Hangul}})|(?=(?:{alt})))"


#: After a counter or rank word: not a Hangul letter, or a particle.
FOLLOW = _follow(_PARTICLES)
#: After a currency: as :data:`FOLLOW`, plus the scale words.
CURRENCY_FOLLOW = _follow(_PARTICLES + _CURRENCY_EXTRA)


class CounterRow(NamedTuple):
    surface: str
    counter: str
    native: bool
    gloss: str


class CurrencyRow(NamedTuple):
    surface: str
    code: str
    position: str
    gloss: str


def _rows(name: str) -> list[dict[str, str]]:
    path = resources.files("xinhua_extract").joinpath("data", name)
    with path.open(encoding="utf-8", newline="") as fh:  # type: ignore[call-overload]  # a file on disk
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.lru_cache(maxsize=None)
def counters() -> tuple[CounterRow, ...]:
    """data/counters.tsv (built by scripts/build_numeric_tables.py)."""
    rows = _rows("counters.tsv")
    return tuple(CounterRow(r["surface"], r["counter"], r["native"] == "yes", r["gloss"]) for r in rows)


@functools.lru_cache(maxsize=None)
def currencies() -> tuple[CurrencyRow, ...]:
    """data/currencies.tsv (built by scripts/build_numeric_tables.py)."""
    rows = _rows("currencies.tsv")
    return tuple(CurrencyRow(r["surface"], r["code"], r["position"], r["gloss"]) for r in rows)


class CounterNounRow(NamedTuple):
    counter: str
    noun: str
    side: str
    reading: str
    gloss: str


@functools.lru_cache(maxsize=None)
def counter_nouns() -> tuple[CounterNounRow, ...]:
    """data/counter_nouns.tsv (built by scripts/build_numeric_tables.py): nouns that decide
    what a number with a counter is (``자동차 3대``: a count; ``1번 국도``: a label)."""
    return tuple(
        CounterNounRow(r["counter"], r["noun"], r["side"], r["reading"], r["gloss"])
        for r in _rows("counter_nouns.tsv")
    )


@functools.lru_cache(maxsize=None)
def won_context() -> dict[str, tuple[str, ...]]:
    """data/won_context.tsv (built by scripts/build_numeric_tables.py): the words of each
    side (``cny``, ``krw``) that tell what a bare ``원`` amount means in its sentence."""
    out: dict[str, list[str]] = {"cny": [], "krw": []}
    for r in _rows("won_context.tsv"):
        out[r["side"]].append(r["word"])
    return {side: tuple(words) for side, words in out.items()}


_JAMO_L, _JAMO_V, _JAMO_T = 19, 21, 28


def _one_jamo_variants(word: str) -> set[str]:
    """Every spelling of ``word`` with one jamo of one hangul syllable changed."""
    out = set()
    for i, ch in enumerate(word):
        code = ord(ch) - 0xAC00
        if not 0 <= code < _JAMO_L * _JAMO_V * _JAMO_T:
            continue
        lead, vowel, tail = code // (_JAMO_V * _JAMO_T), code // _JAMO_T % _JAMO_V, code % _JAMO_T
        for l2, v2, t2 in (
            *((x, vowel, tail) for x in range(_JAMO_L)),
            *((lead, x, tail) for x in range(_JAMO_V)),
            *((lead, vowel, x) for x in range(_JAMO_T)),
        ):
            if (l2, v2, t2) != (lead, vowel, tail):
                out.add(word[:i] + chr(0xAC00 + (l2 * _JAMO_V + v2) * _JAMO_T + t2) + word[i + 1 :])
    return out


@functools.lru_cache(maxsize=None)
def currency_typos() -> dict[str, str]:
    """Mistyped currency words -> the surface they stand for: every one-jamo variant of a
    hangul currency word of two or more syllables (``위앤``, ``위얀`` for 위안; ``달로`` for
    달러), except other currency words, the everyday words of data/currency_not_typos.tsv
    and a unit word with a particle (``1위에``). Money reads them only right after a number, and warns."""
    surfaces = {row.surface for row in currencies()}
    stop = {r["word"] for r in _rows("currency_not_typos.tsv")}
    # a unit word and a particle is no typo: 1위에 (rank + 에, one letter off 위엔), 3개로
    units = {row.surface for row in counters()} | {"위", "등", "년", "월", "일", "배", "세", "시", "분", "호", "차"}
    ends = set(_PARTICLES) | {""}
    stop |= {u + e for u in units for e in ends}
    out: dict[str, str] = {}
    for row in currencies():
        word = row.surface
        if row.position != "suffix" or len(word) < 2 or not all("가" <= c <= "힣" for c in word):
            continue
        for variant in sorted(_one_jamo_variants(word)):
            if variant not in surfaces and variant not in stop and variant not in out:
                out[variant] = word
    return out


def alternation(words: Sequence[str]) -> str:
    """A regex alternation of literal words, longest first (개국 before 개)."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def clip_spans(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The spans in order, clipped to the text, empty ones dropped."""
    n = len(text)
    for start, end in sorted(spans):
        start, end = max(0, start), min(n, end)
        if start < end:
            yield start, end


RANGE_SEPARATOR = r"[ ]?[~∼～〜][ ]?"
_RANGE_RE = regex.compile(RANGE_SEPARATOR)
_RANGE_MAX = 3  # the longest separator: numbers further apart are no range


def with_ranges(
    matches: Iterable["regex.Match[str]"], text: str
) -> Iterator[tuple["regex.Match[str]", Optional["regex.Match[str]"]]]:
    """Each number match with the match of the lower end of its range, if the number
    before it is joined to it by ``~`` (``3~5개``, ``100억~200억 위안``), else ``None``."""
    prev: Optional["regex.Match[str]"] = None
    for m in matches:
        low: Optional["regex.Match[str]"] = None
        if prev is not None:
            gap_start, gap_end = prev.end(), m.start()
            if gap_end - gap_start <= _RANGE_MAX and _RANGE_RE.fullmatch(text, gap_start, gap_end):
                low = prev
        yield m, low
        prev = m


UNIT_SPACES = frozenset(" \u00a0")


def unit_char(text: str, end: int) -> str:
    """The character a unit written after a number ending at ``end`` starts with: the next
    one, or the one after a single space ("" at the end of the text). Rules whose unit
    pattern is ``[ \u00a0]?`` + words skip the match when this is no first letter of them."""
    c = text[end : end + 1]
    return text[end + 1 : end + 2] if c in UNIT_SPACES else c


_SHARED_SCAN: "contextvars.ContextVar[Optional[dict]]" = contextvars.ContextVar("shared_number_scan", default=None)


@contextlib.contextmanager
def shared_number_scan(text: str) -> Iterator[None]:
    """Within the block, :func:`numbers_with_ranges` scans each span of ``text`` once, however
    many rules read it (money, percentages and counts read the same numbers). Per context
    (thread-safe); nothing outlives the block, so no article is kept alive by a cache."""
    token = _SHARED_SCAN.set({"text": text})
    try:
        yield
    finally:
        _SHARED_SCAN.reset(token)


def numbers_with_ranges(text: str, start: int, end: int, bare: bool = False) -> tuple:
    """:func:`with_ranges` over the numbers of ``text[start:end]``: computed once per span
    inside :func:`shared_number_scan`, else each time."""
    cache = _SHARED_SCAN.get()
    if cache is None or cache["text"] is not text:
        return tuple(with_ranges(iter_number_matches(text, start, end, bare=bare), text))
    key = (start, end, bare)
    found = cache.get(key)
    if found is None:
        found = cache[key] = tuple(with_ranges(iter_number_matches(text, start, end, bare=bare), text))
    return found


_BIG_UNITS = regex.compile(r"[만억조경]")
_BIG_VALUE = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}


def range_low_value(low: NumberMatch, high_num: str, text: str) -> Decimal:
    """``3~4억``, ``1천~2천만``: a lower end without a myriad unit takes the unit of the
    upper end's first group — unless that would put it above the upper end: ``6천~1만``
    is six thousand to ten thousand, not sixty million."""
    unit = _BIG_UNITS.search(high_num)
    if unit is None or _BIG_UNITS.search(text, low.number_start, low.number_end):
        return low.value
    scaled = tidy(low.value * _BIG_VALUE[unit.group()])
    try:
        high = parse_korean_number(high_num)
    except NumberParseError:
        return scaled
    return low.value if scaled > high else scaled
