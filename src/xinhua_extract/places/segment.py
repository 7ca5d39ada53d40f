"""Segment Chinese text (hanja glosses, Chinese names) and tag the places in it.

jieba is kept behind this module and never used through its global default tokenizer:
one private ``jieba.Tokenizer`` is built lazily, on the first Chinese text, from a small
dictionary (``data/jieba_words.txt``: jieba's most frequent words without the ones that
swallow a place name, such as 兰州大学) plus every gazetteer and region name. Its prefix
dictionary is filled directly, so building it writes no cache file, logs nothing through
jieba's console handler and touches none of jieba's module-level state (``add_word`` would:
``freq=0`` writes jieba's global force-split set).

jieba splits traditional characters one by one (棗莊 -> 棗 + 莊), so text is converted to
simplified first, one character for one, and offsets refer to the original string.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from typing import TYPE_CHECKING, NamedTuple

import regex

from .gazetteer import DATA_DIR, Division, Region, get_gazetteer
from .transcribe import to_simplified

if TYPE_CHECKING:
    import jieba

logger = logging.getLogger(__name__)

__all__ = ["Segment", "segment_zh", "get_tokenizer"]

# Frequencies given to gazetteer names: high enough to win over splitting the name,
# low enough that a longer dictionary word containing it (新华社 over 新华) still wins.
_NAME_FREQ = {"province": 20000, "prefecture": 5000, "county": 800, "region": 5000}
# Words that turn a preceding place name into a street name (山西路, 南京东路).
ROAD_WORDS = frozenset(
    {"路", "街", "大街", "大道", "道", "巷", "胡同", "东路", "西路", "南路", "北路", "中路",
     "东街", "西街", "南街", "北街", "环路"}
)


class Segment(NamedTuple):
    """A token of the original text with the place it names, if any.

    ``place`` is a :class:`Region` or the most salient :class:`Division` for the token;
    call ``get_gazetteer().lookup_zh(segment.text)`` for every candidate.
    """

    text: str
    start: int
    end: int
    place: Division | Region | None


_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
init_seconds: float | None = None  # how long building the private tokenizer took


def _build_tokenizer() -> jieba.Tokenizer:
    """A jieba.Tokenizer whose prefix dictionary is filled here rather than by
    ``initialize()``, which would log to jieba's console handler and write a temp cache."""
    import jieba  # runtime dependency, imported only when Chinese text needs segmenting

    freq: dict[str, int] = {}
    path = DATA_DIR / "jieba_words.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        if word:
            freq[word] = int(count)
    gazetteer = get_gazetteer()
    for d in gazetteer.divisions:
        weight = _NAME_FREQ[d.level]
        for name in (d.name_zh, d.short_zh, d.stem_zh):
            if len(name) >= 2:
                freq[name] = max(freq.get(name, 0), weight)
    for region in gazetteer.regions:
        for name in (region.name_zh, *region.aliases_zh):
            freq[name] = max(freq.get(name, 0), _NAME_FREQ["region"])

    # The prefix dictionary jieba's gen_pfdict would build: every word with its count
    # and every proper prefix with 0.
    pfdict: dict[str, int] = dict(freq)
    for word in freq:
        for i in range(1, len(word)):
            pfdict.setdefault(word[:i], 0)
    tokenizer = jieba.Tokenizer(dictionary=str(path))
    tokenizer.FREQ = pfdict
    tokenizer.total = sum(freq.values())
    tokenizer.initialized = True
    return tokenizer


def get_tokenizer() -> jieba.Tokenizer:
    """The private jieba tokenizer, built on first use (thread-safe)."""
    global _tokenizer, init_seconds
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                started = time.perf_counter()
                _tokenizer = _build_tokenizer()
                init_seconds = time.perf_counter() - started
                logger.debug("private jieba tokenizer built in %.3f s", init_seconds)
    return _tokenizer


def _place_of(word: str, context: list[Division], running: bool = False, before: str = "") -> Division | Region | None:
    """The place a token names: a region, else the division best supported by context.

    Among several divisions of one name, the one lying under a division named earlier in
    the text wins (广东省深圳市南山区 -> 深圳's 南山区); otherwise the most salient.
    Districts named by a generic word (城区 'urban area', 郊区 'suburbs', 矿区, 东区) are
    places only under such context (晋城市城区). In running Chinese text (``running``), a
    county-level division named by a stem that is an everyday word (合作, 和平, 中方:
    data/zh_everyday_stems.tsv) or right after a surname (郑 + 永年: a person) is a place
    only under such context too; ``before`` is the token before ``word``.
    """
    from ..glosses import chinese_surnames  # glosses imports this package: not at module level

    gazetteer = get_gazetteer()
    regions = gazetteer.lookup_region_zh(word)
    if regions:
        return regions[0]
    divisions = gazetteer.lookup_zh(word)
    for previous in reversed(context) if divisions and (len(divisions) > 1 or running) else ():
        for candidate in divisions:
            if candidate.code != previous.code and gazetteer.is_within(candidate.code, previous.code):
                return candidate
    if not divisions or _is_generic(divisions[0]):
        return None
    if running and all(d.level == "county" and word != d.name_zh for d in divisions) and (
        word in _everyday_stems() or (len(before) == 1 and before in chinese_surnames())
    ):
        return None
    return divisions[0]


@functools.lru_cache(maxsize=1)
def _everyday_stems() -> frozenset[str]:
    """data/zh_everyday_stems.tsv (built by scripts/build_zh_everyday_stems.py)."""
    lines = (DATA_DIR / "zh_everyday_stems.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return frozenset(line.split("\t", 1)[0] for line in lines if line and not line.startswith("#"))


def _is_generic(division: Division) -> bool:
    """A district whose whole name is a common noun: a one-character stem + 区."""
    return len(division.stem_zh) == 1 and division.suffix_zh == "区"


#: Longest piece of Chinese text given to jieba at once: its HMM segmenter is quadratic
#: in the length of a run of characters it does not know (20,000 of one character: 1.2 s,
#: 100,000: 23 s). A Chinese sentence or gloss is far shorter.
JIEBA_MAX_CHARS = 400

_NOT_HAN = regex.compile(r"[^\p{Han}]")


def _windows(text: str, limit: int = JIEBA_MAX_CHARS) -> list[tuple[int, int]]:
    """Consecutive spans of ``text`` of at most ``limit`` characters, cut after the last
    non-Han character (punctuation, a space) in the second half of the window, else at
    ``limit``: linear, and no cut inside a word for ordinary text."""
    out: list[tuple[int, int]] = []
    pos, end = 0, len(text)
    while end - pos > limit:
        lo, hi = pos + limit // 2, pos + limit
        last = None
        for last in _NOT_HAN.finditer(text, lo, hi):
            pass
        cut = last.end() if last is not None else hi
        out.append((pos, cut))
        pos = cut
    if end > pos:
        out.append((pos, end))
    return out


def segment_zh(text: str, running: bool = False) -> list[Segment]:
    """Split Chinese ``text`` (simplified or traditional) into tokens tagged with places.

    ``粵港澳大灣區`` -> one token, the region; ``永川高新區`` -> 永川 (500118) + 高新區;
    ``蘭州大學`` -> 蘭州 (620100) + 大學; ``山西路`` -> one token, no place (a street).
    ``running``: ``text`` is a paragraph of Chinese prose rather than a name or a gloss, so
    everyday words that spell a county (合作 'cooperation') are not places (:func:`_place_of`).
    Offsets and token texts are those of ``text``.
    """
    if not text:
        return []
    simplified = to_simplified(text)
    tokenizer = get_tokenizer()
    raw = [
        (word, base + start, base + end)
        for base, stop in _windows(simplified)
        for word, start, end in tokenizer.tokenize(simplified[base:stop], HMM=True)
    ]
    segments: list[Segment] = []
    context: list[Division] = []
    i = 0
    while i < len(raw):
        word, start, end = raw[i]
        place = _place_of(word, context, running, raw[i - 1][0] if i else "")
        if place is not None and i + 1 < len(raw) and raw[i + 1][0] in ROAD_WORDS:
            end = raw[i + 1][2]
            place = None
            i += 1
        if isinstance(place, Division):
            context.append(place)
        segments.append(Segment(text[start:end], start, end, place))
        i += 1
    return segments
