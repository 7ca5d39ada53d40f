"""Place mentions in an article: find them, resolve them to GB/T 2260 codes.

Three sources of evidence, strongest first:

1. a hanja gloss on the mention (``짜오좡(棗莊)``) — resolved through the gazetteer's
   Chinese names; a hangul head that does not transcribe to the hanja adds a warning;
2. the article's own earlier resolution of the same hangul name (``산시(陝西)`` … ``산시``);
3. the hangul name itself (``상하이``, ``산둥성은``, ``짜오좡은``): a run of hangul is split
   into name + administrative suffix (성/시/현/구/자치구/자치주/맹/기) + particles, and the
   name looked up among the standard transcriptions, variants and Sino-Korean readings.

Bare names need more evidence the lower the level: provinces are taken as they are;
prefectures too unless the name is also an ordinary Korean word (``지난``: 济南 or "last",
``한중``, ``시안``) — such names, and all counties, need a suffix, a gloss or an earlier
anchored mention. Several candidates left after the article's own context (earlier
mentions, provinces named in the same sentence) stay unresolved: ``code`` is None, the
``candidates`` are listed and a warning says so. Chinese-script paragraphs are segmented
with the private jieba tokenizer (:mod:`xinhua_extract.places.segment`).
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Optional, Sequence

import regex

from ..particles import particle_pattern, particles
from ..records import ArticleWarning, Gloss, Paragraph, PlaceMention, Token
from .gazetteer import Division, Region, get_gazetteer
from .transcribe import loose_first, loose_key, to_simplified

#: Administrative suffixes in hangul, longest first: the levels each may mark and the
#: Chinese suffixes it spells (``시`` is 市; ``구`` 区; ``신구`` 新区).
SUFFIX_LEVELS: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
    ("특별행정구", frozenset({"province"}), frozenset({"特别行政区"})),
    ("자치구", frozenset({"province"}), frozenset({"自治区"})),
    ("자치주", frozenset({"prefecture"}), frozenset({"自治州"})),
    ("자치현", frozenset({"county"}), frozenset({"自治县"})),
    ("자치기", frozenset({"county"}), frozenset({"自治旗"})),
    ("신구", frozenset({"county"}), frozenset({"新区"})),
    ("지구", frozenset({"prefecture"}), frozenset({"地区"})),
    ("성", frozenset({"province"}), frozenset({"省"})),
    ("시", frozenset({"province", "prefecture", "county"}), frozenset({"市"})),
    ("현", frozenset({"county"}), frozenset({"县", "自治县"})),
    ("구", frozenset({"county"}), frozenset({"区", "新区"})),
    ("맹", frozenset({"prefecture"}), frozenset({"盟"})),
    ("기", frozenset({"county"}), frozenset({"旗", "自治旗"})),
)
_SUFFIX = {suffix: (levels, zh) for suffix, levels, zh in SUFFIX_LEVELS}

#: Particles (조사) and copula endings that may follow a place name within one word (the
#: shared table data/particles.tsv, column "place").
PARTICLES = frozenset(particles("place"))

#: Nouns that make a place name part of something else: 홍콩달러 is a currency, 티베트족
#: (藏族) a people.
_NOT_PLACE_HEADS = ("달러", "위안", "족")
#: The nationalities and the autonomous suffix of a full name, glued or spaced:
#: ``멍롄다이족라후족와족자치현``, ``누장 리수족자치주``, ``궈뤄(果洛)티베트족자치주``.
#: A nationality may carry its own gloss: ``위핑 둥족(侗族)자치현``, ``짱족(藏族)자치주``.
_ETHNIC_SUFFIX = regex.compile(
    r"[ ]?(?:\p{Hangul}{1,4}?족(?:\([^()\d]{1,8}\))?[ ·∙]?)+[ ]?(?P<suf>자치(?:현|주|구|기))"
)
#: A misspelled ü-syllable in a suffixed name (루춘현 for 뤼춘현 绿春县): the plain vowel for ㅟ.
_U_VARIANTS = {"루": "뤼", "누": "뉘", "주": "쥐", "추": "취", "수": "쉬", "유": "위"}

_COUNTY_SUFFIX_ZH = ("县", "縣", "旗", "自治县", "自治縣")
#: Hangul suffixes of counties and banners: a county named with one is evidence of its province.
_COUNTY_SUFFIXES = frozenset({"현", "자치현", "기", "자치기"})
_NUMBER_AHEAD = regex.compile(r"\s*[0-9]")
#: ``지난 해보다``, ``지난 달의``: an everyday-word name ('last') before a word of time is the
#: everyday word, as before a number.
_TIME_WORD_AHEAD = regex.compile(r"[ ]+(?:해|달|주|번|세기|분기|학기|회기|시기|기간|연도)(\p{Hangul}*)")
_HANGUL_RUN = regex.compile(r"\p{Hangul}+")
_HAN = regex.compile(r"\p{Han}")
#: ``[신화통신 기자 허페이/광저우(廣州) 보도]``: where the reporters filed from, not a mention.
_BYLINE_BEFORE = regex.compile(r"\[[^\[\]\n]{0,12}기자[ ]+(?:[^\[\]\n/]{1,12}/)*$")
_BYLINE_AFTER = regex.compile(r"(?:\([^()\n]{1,8}\))?(?:/[^\[\]\n]{1,20})?[ ]*보도\]")
#: ``(중국 인촨=신화통신)``: a wire lead's filing place (again in a gallery's later captions),
#: meta like the dateline, not a mention.
_WIRE_LEAD_AHEAD = regex.compile(r"[ ]?=[ ]?(?:신화통신|신화사|신화망)\)")
_ZH_SEP = regex.compile(r"[·∙・]")
_INNER_GLOSS = regex.compile(r"\([^()]*\)")  # 창장(長江)삼각주: a gloss inside a region's name
_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A possible mention: ``text[start:end]`` is name + suffix (``산둥성``); ``name`` is
    the bare name (``산둥``). ``compound`` marks a name fused with a following noun
    (``하얼빈세관``), taken only for a name the article has anchored."""

    start: int
    end: int
    name: str
    suffix: str
    hanja: Optional[str]
    compound: bool = False
    sino: bool = False  # a Sino-Korean reading with its suffix (절강성), see _sino_split
    within: Optional[str] = None  # the province a glued pair's second name lies in (_glued_pair)
    fused: bool = False  # 유이(友誼)지사: a glossed name fused with the noun after the gloss
    respelled: bool = False  # 루춘현 read as 뤼춘현: needs its province in the article (_respelled_split)


def _covered(spans: list[tuple[int, int]]):
    """A test ``pos -> bool``: whether some span ``(start, end)`` holds ``pos``."""
    spans = sorted(spans)
    starts = [start for start, _ in spans]
    reach, furthest = [], -1  # reach[i]: the furthest end among spans[:i + 1]
    for _, end in spans:
        furthest = max(furthest, end)
        reach.append(furthest)

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and reach[i] > pos

    return inside


def find_places(
    text: str,
    paragraphs: Sequence[Paragraph],
    tokens: Sequence[Token],
    glosses: Sequence[Gloss],
) -> tuple[tuple[PlaceMention, ...], tuple[ArticleWarning, ...]]:
    """Every place and region mention in the content paragraphs, in text order.

    Two passes: the first resolves the hanja-glossed mentions, which anchor their hangul
    names for the whole article (a title often names ``쑤저우`` before the body glosses it
    ``쑤저우(蘇州)``); the second resolves everything with those anchors.
    """
    gaz = get_gazetteer()
    gloss_at = {g.head_start: g for g in glosses}
    # 자오허 서역(蛟河西): station glosses, by where their head starts
    stations = {g.head_start: g for g in glosses if g.head in _STATION_HEADS}
    # names the article glosses as places: used bare later even when the gazetteer does not
    # know the spelling (항주(杭州) ... 항주의) or when it is an everyday word (다리(大理))
    glossed: dict[str, set[str]] = {}
    glossed_loose: dict[str, set[str]] = {}
    for g in glosses:
        if g.kind == "place" and len(g.head) >= 2:
            glossed.setdefault(g.head[:2], set()).add(g.head)
            # 옌볜(延邊) … 옌벤, 톈진(天津) … 텐진: a loose or older spelling of a glossed
            # name, by its first syllable (folded) in any spelling convention
            for first in gaz.first_syllable_spellings(g.head):
                glossed_loose.setdefault(first, set()).add(g.head)
    mentions: list[PlaceMention] = []
    warnings: list[ArticleWarning] = []

    candidates: list[_Candidate] = []
    for para in paragraphs:  # content only: the layout never makes others
        if para.lang == "zh":
            mentions.extend(_chinese_mentions(text, para))
            continue
        taken = []
        for region_mention in _region_mentions(text, para):
            mentions.append(region_mention)
            # 청위(成渝·청두와 충칭) 지역: the places a gloss inside the name lists are mentions
            last = region_mention.start
            for g in _INNER_GLOSS.finditer(text, region_mention.start, region_mention.end):
                taken.append((last, g.start()))
                last = g.end()
            taken.append((last, region_mention.end))
        inside = _covered(taken)  # (a search per candidate: linear in the mentions, not quadratic)
        candidates.extend(c for c in _hangul_candidates(text, para, gloss_at, glossed, stations, glossed_loose) if not inside(c.start))
    candidates.extend(_loose_children(text, gaz, candidates))
    # 지난해 is one word to Kiwi, 시안국제항 is 시안 + 국제항: an everyday-word name fused with
    # what follows counts only where Kiwi cuts the word after the name
    sino_names = {c.name for c in candidates if c.sino}
    if sino_names:  # 절강성 … 절강의: the reading the article wrote with its suffix, used bare
        candidates.extend(_bare_sino_candidates(text, paragraphs, sino_names, {c.start for c in candidates}))
    # (사진/차오양 기자): a name right before 기자 is the reporter's (not 기자회견); one in a
    # closing credit [신화통신 기자 허페이/광저우(廣州) 보도] is where they filed from
    candidates = [
        c for c in candidates
        if (c.suffix or not _REPORTER_AHEAD.match(text, c.end))
        and not (_BYLINE_AFTER.match(text, c.end) and _BYLINE_BEFORE.search(text, max(0, c.start - 40), c.start))
        and not _WIRE_LEAD_AHEAD.match(text, c.end)
    ]
    everyday = _everyday_words()
    if any(c.name in everyday for c in candidates):
        # 저장시설, 신장률, 장시간: an everyday noun (data/place_everyday_words.tsv) fused with
        # what follows is that noun — unless the article writes the place with a gloss or its
        # suffix, and then never before a verb ending (선전했다, 주장하는)
        named = {c.name for c in candidates if not c.compound and (c.hanja or c.suffix)}
        candidates = [
            c for c in candidates
            if not (c.compound and c.name in everyday
                    and (c.name not in named or _VERB_AHEAD.match(text, c.start + len(c.name))))
        ]
        # 장시간 ('long hours', not 江西 + 간): Kiwi reads one longer noun from the name's start;
        # 에너지 저장 용량: Kiwi tags the bare name a common noun (NNG) in context, where it
        # tags the place a proper noun (저장·안후이, 선전 증시: NNP)
        candidates = [
            c for c in candidates
            if c.hanja or c.name not in everyday
            or text[c.start : c.start + len(c.name)] != c.name  # 저쟝성: spelled otherwise, no noun
            or not (_longer_noun(tokens, c.start, c.start + len(c.name))
                    or (not c.suffix and not gaz.is_common_word(c.name)  # Kiwi knows it as NNP too
                        and _common_noun(tokens, c.start, c.start + len(c.name))))
        ]
    # 하미과 (哈密瓜, the Hami melon): a bare name and one particle syllable that Kiwi reads
    # as one noun is that noun — unless the article writes the name with a gloss or suffix
    glued = [c for c in candidates if not (c.hanja or c.suffix or c.compound) and _noun_over_particle(text, tokens, c)]
    if glued:
        named_here = {c.name for c in candidates if not c.compound and (c.hanja or c.suffix)}
        dropped_glued = {id(c) for c in glued if c.name not in named_here}
        candidates = [c for c in candidates if id(c) not in dropped_glued]
    risky = [c for c in candidates if c.compound and gaz.is_common_word(c.name)]
    if risky:
        dropped = {id(c) for c in risky if not _token_spans(tokens, c.start, c.end)}
        candidates = [c for c in candidates if id(c) not in dropped]

    # the article's context: the codes of provinces and prefectures it names on their
    # own, the provinces of counties it names with their suffix (산시성 류린현: 柳林县 is
    # Shanxi's only, so 산시 is 山西), then of its glossed mentions (with their parents)
    context: set[str] = set()
    for cand in candidates:
        if not cand.hanja and not cand.compound:
            strict = _fit_suffix(_strict(gaz, cand.name), cand.suffix)
            found = [d for d in strict if d.level != "county"]
            if len(found) == 1 and (found[0].level == "province" or not gaz.is_common_word(cand.name)):
                context.update(filter(None, (found[0].code, found[0].province_code)))
            elif (
                not found and len(strict) == 1 and cand.suffix in _COUNTY_SUFFIXES and len(cand.name) >= 2
                and not cand.respelled
                and not gaz.is_common_word(cand.name)
            ):
                context.update(filter(None, (strict[0].province_code,)))
    anchors = _Anchors()
    with_gloss = [c for c in candidates if c.hanja]
    for counties in (False, True):  # a county gloss is checked against the provinces found so far
        for cand in with_gloss:
            if not cand.suffix and _feature_ahead(text, cand):
                continue  # 톈산(天山) 천지: a mountain anchors nothing
            chosen = _resolve_hanja(gaz, cand, context)
            if chosen is not None and (chosen.level == "county") == counties:
                anchors.add(cand.name, cand.start, chosen)
                if chosen.hangul != cand.name:  # 시장(西藏) … 시짱: the standard spelling too
                    anchors.add(chosen.hangul, cand.start, chosen)
                context.update(filter(None, (chosen.code, chosen.parent, chosen.province_code)))
    # 시안은 … 시안시 시장: a name the article writes with its suffix anchors its bare uses
    # before that too (the title and lead often come first), as a gloss does
    for cand in candidates:
        if (cand.suffix and not (cand.hanja or cand.compound or cand.sino or cand.respelled)
                and anchors.get(cand.name, cand.start) is None):
            suffixed = _fit_suffix(_strict(gaz, cand.name), cand.suffix)
            if len(suffixed) == 1:
                anchors.add(cand.name, cand.start, suffixed[0])

    # standalone names first: a name the article uses on its own may also head a compound
    ends: dict[int, Division] = {}  # where resolved mentions end: 상하이 푸둥, a district after its city
    for cand in sorted(candidates, key=lambda c: (c.compound, not c.sino)):
        # 퉁런-위핑 철도: a route's two ends are as good as a space for the hierarchy
        parent = ends.get(cand.start - 1) if cand.start and text[cand.start - 1] in " -" else None
        # 칭다오, 선전, 난징, 시안 등, 항저우와 황산을 잇는, 항저우-황산 구간: a name listed or
        # paired right after a place is a place of the list
        listed = (text[cand.start - 2 : cand.start] in (", ", "와 ", "과 ") and (cand.start - 2) in ends) or (
            text[cand.start - 1 : cand.start] in ("·", "、", "∙", "-") and (cand.start - 1) in ends)
        if parent is not None and (  # 리장 고성 (古城 'old town', also Lijiang's 古城区): a common noun
            gaz.is_common_word(cand.name) or _common_noun(tokens, cand.start, cand.start + len(cand.name))
        ):
            parent = None
        mention = _resolve(cand, text, gaz, anchors, context, warnings, parent, listed)
        if mention is not None:
            mentions.append(mention)
            division = gaz.by_code(mention.code) if mention.code else None
            if division is not None:
                ends[mention.end] = division
                if not cand.compound and not cand.hanja:
                    anchors.add(cand.name, cand.start, division)
                    if division.hangul != cand.name:  # 푸동 … 푸둥은: the standard spelling too
                        anchors.add(division.hangul, cand.start, division)

    mentions.sort(key=lambda m: (m.start, m.end))
    return tuple(_drop_out_of_hierarchy(text, mentions, gaz)), tuple(warnings)


_TOKEN_START = operator.attrgetter("start")


def _token_spans(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether a Kiwi token spans exactly ``start``-``end`` (tokens are in text order):
    a binary search, not a set of every token of the article."""
    i = bisect.bisect_left(tokens, start, key=_TOKEN_START)
    while i < len(tokens) and tokens[i].start == start:
        if tokens[i].end == end:
            return True
        i += 1
    return False


def _common_noun(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether Kiwi tagged ``start``-``end`` as one common noun (NNG)."""
    i = bisect.bisect_left(tokens, start, key=_TOKEN_START)
    while i < len(tokens) and tokens[i].start == start:
        if tokens[i].end == end and tokens[i].tag == "NNG":
            return True
        i += 1
    return False


_ONE_SYLLABLE_PARTICLES = frozenset(p for p in PARTICLES if len(p) == 1)


def _noun_over_particle(text: str, tokens: Sequence[Token], cand: "_Candidate") -> bool:
    """Whether the name is followed by one particle syllable ending the word and Kiwi read
    name and syllable as one noun (``하미과``: NNP, not 하미 + 과)."""
    end = cand.end
    after = text[end + 1 : end + 2]
    if text[end : end + 1] not in _ONE_SYLLABLE_PARTICLES or (after and "\uac00" <= after <= "\ud7a3"):
        return False
    i = bisect.bisect_left(tokens, cand.start, key=_TOKEN_START)
    while i < len(tokens) and tokens[i].start == cand.start:
        if tokens[i].end == end + 1 and tokens[i].tag in ("NNG", "NNP"):
            return True
        i += 1
    return False


def _longer_noun(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether Kiwi read a common noun from ``start`` that runs past ``end`` (장시간)."""
    i = bisect.bisect_left(tokens, start, key=_TOKEN_START)
    while i < len(tokens) and tokens[i].start == start:
        if tokens[i].end > end and tokens[i].tag == "NNG":
            return True
        i += 1
    return False


def _drop_out_of_hierarchy(text: str, mentions: list[PlaceMention], gaz) -> list[PlaceMention]:
    """``우한 둥후(東湖)하이테크개발구``: a county read from a gloss alone, right after a
    place it does not lie in, is something else (here Wuhan's East Lake zone).
    ``중원(中原) 지역의 정저우``: one read from a gloss alone whose own city follows it as
    what it holds (``…의``) is a wider area (the Central Plains), not the city's district.
    The bare uses its gloss anchored go with it (``중원의 교통``), unless another gloss of
    the name stands."""
    out: list[PlaceMention] = []
    dropped: set[tuple[str, Optional[str]]] = set()
    for i, mention in enumerate(mentions):
        prev = out[-1] if out else None
        if (
            prev is not None and prev.code and mention.code and mention.rule == "hanja"
            and mention.level == "county" and text[prev.end : mention.start].strip() == ""
            and gaz.by_code(prev.code).level != "county" and not gaz.is_within(mention.code, prev.code)
            and not _has_suffix(text, mention)
        ):
            dropped.add((mention.text, mention.code))
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None and nxt.code and mention.code and mention.rule == "hanja"
            and mention.level == "county" and nxt.code != mention.code
            and _HOLDS.fullmatch(text, mention.end, nxt.start) is not None
            and gaz.is_within(mention.code, nxt.code) and not _has_suffix(text, mention)
        ):
            dropped.add((mention.text, mention.code))
            continue
        out.append(mention)
    if dropped:
        dropped -= {(m.text, m.code) for m in out if m.rule == "hanja"}
        out = [m for m in out if m.rule != "anchored" or (m.text, m.code) not in dropped]
    return out


#: Between a wider area and a place it holds: ``(中原) 지역의 ``, ``의 `` (the area nouns:
#: data/particles.tsv, column "area").
_HOLDS = regex.compile(r"(?:\([^()]{1,12}\))?[ ]?(?:" + particle_pattern("area") + r")?의[ ]?")


def _has_suffix(text: str, mention: PlaceMention) -> bool:
    after = text[mention.end : mention.end + 6].lstrip("(")
    close = text.find(")", mention.end, mention.end + 30)
    if close >= 0 and text[mention.end] == "(":
        after = text[close + 1 : close + 6]
    return any(after.startswith(s) for s, _, _ in SUFFIX_LEVELS)


class _Anchors:
    """Hangul names the article has tied to a division, with where: a bare mention takes
    the nearest anchor before it (two 타이저우 glossed 台州 and 泰州 in one story), else
    the first one after it (a title names 쑤저우 before the body glosses it)."""

    def __init__(self) -> None:
        self._positions: dict[str, list[int]] = {}
        self._divisions: dict[str, list[Division]] = {}

    def add(self, name: str, position: int, division: Optional[Division]) -> None:
        if division is not None:
            positions = self._positions.setdefault(name, [])
            at = bisect.bisect_right(positions, position)
            positions.insert(at, position)
            self._divisions.setdefault(name, []).insert(at, division)

    def get(self, name: str, position: int) -> Optional[Division]:
        positions = self._positions.get(name)
        if not positions:
            return None
        at = bisect.bisect_right(positions, position)
        return self._divisions[name][at - 1 if at else 0]


# --------------------------------------------------------------------------- candidates
def _hangul_candidates(
    text: str, para: Paragraph, gloss_at: dict[int, Gloss], glossed: Optional[dict[str, set[str]]] = None,
    stations: Optional[dict[int, Gloss]] = None, glossed_loose: Optional[dict[str, set[str]]] = None,
) -> Iterable[_Candidate]:
    gaz = get_gazetteer()
    names = gaz.korean_name_set()
    sino_heads = gaz.sino_suffixed_heads()
    name_heads = _name_heads(names)
    respell_heads = _respelled_heads(names)
    loose_heads = _loose_heads(gaz)
    skip_until = -1
    for m in _HANGUL_RUN.finditer(text, para.start, para.end):
        start = m.start()
        if start < skip_until:
            continue
        gloss = gloss_at.get(start)
        if gloss is None and stations and (m.end() + 1) in stations:
            station = stations[m.end() + 1]
            if text.startswith(" ", m.end()) and station.gloss[-1:] in _DIRECTIONS_ZH:
                # 자오허 서역(蛟河西): a station glossed as its city + 西; the city is named before it
                yield _Candidate(start, m.end(), m.group(), "", station.gloss[:-1])
                continue
        if gloss is None:
            # most runs: no name of any kind starts with their first two syllables
            head = text[start : start + 2]
            if head in _NAME_PREFIXES and text[start + 2 : start + 4] in name_heads and gloss_at.get(start + 2) is None:
                # 중국시짱관광문화국제박람회: a name glued after 중국 in an event's or a body's name
                split = _split_run(m.group()[2:], names)
                if split is not None and not (start > 0 and _is_word_char(text[start - 1])):
                    name, suffix, length, compound = split
                    yield _Candidate(start + 2, start + 2 + length, name, suffix, None, True)
                continue
            if (head not in name_heads and head not in sino_heads and not (glossed and head in glossed)
                    and head not in respell_heads):
                # a loosely spelled name: like a name the article glossed, or before a
                # province's or prefecture's suffix
                loose = None
                heads = glossed_loose.get(loose_first(head)) if glossed_loose else None
                if heads:
                    loose = _loose_glossed(gaz, m.group(), start, heads)
                if loose is None and m.end() - start > 2 and _LOOSE_SUFFIXED.match(text, start, m.end()):
                    loose = _loose_suffixed(gaz, m.group(), start, loose_heads)
                if loose is not None and not (start > 0 and _is_word_char(text[start - 1])):
                    yield loose
                continue
        if gloss is not None and gloss.head_end <= m.end():
            pair = _glued_pair(gaz, text[start : gloss.head_end], gloss.gloss.strip())
            if pair is not None:  # 저장쟈싱(浙江嘉興): a province and a place in it, written as one
                cut, left_zh, right_zh, province = pair
                yield _Candidate(start, start + cut, text[start : start + cut], "", left_zh)
                yield _Candidate(start + cut, gloss.head_end, text[start + cut : gloss.head_end], "", right_zh,
                                 within=province)
                continue
        if gloss is not None and gloss.head_end <= m.end() and not _HAN.search(gloss.gloss):
            # 츠펑(울란하드)시: a gloss without hanja (a native name, an alias) says nothing
            # of the division; the head is read bare, with the suffix after the parenthesis
            head_text = text[start : gloss.head_end]
            if head_text in names and not gaz.is_common_word(head_text):
                after = text[gloss.end : gloss.end + 5]
                suffix = next((s for s, _, _ in SUFFIX_LEVELS if after.startswith(s)), "")
                yield _Candidate(start, gloss.head_end, head_text, suffix, None)
                skip_until = gloss.end  # the native name in the parenthesis is the same place
                inner = gloss.gloss.strip()
                if inner in names and not gaz.is_common_word(inner) and not set(
                        gaz.lookup_hangul_strict(inner)) & set(gaz.lookup_hangul_strict(head_text)):
                    # 간쑤(란저우)국제육항: a place of its own in the parenthesis, not a name of the head's
                    at = text.find(inner, gloss.head_end, gloss.end)
                    yield _Candidate(at, at + len(inner), inner, "", None)
                continue
            gloss = None  # 톈진항(그룹)유한회사: a note on a word that is no name; read it bare
        if gloss is not None and gloss.head_end <= m.end() and gloss.kind not in ("place", "person"):
            # 우한유뎬(郵電)과학연구소: the gloss spells the name after the place glued before it
            before = _place_before_gloss(gaz, text[start : gloss.head_end], gloss.gloss, names)
            if before is not None:
                yield _Candidate(start, start + len(before), before, "", None)
                continue
        if gloss is not None and gloss.head_end <= m.end() and gloss.kind in ("org", "alias"):
            opening = _org_opening_place(gaz, text[start : gloss.head_end], gloss.gloss, names)
            if opening is not None:  # 상하이증권보(上海證券報): the city in the paper's name
                name, zh = opening
                yield _Candidate(start, start + len(name), name, "", zh, True)
                continue
        if (gloss is not None and gloss.head_end <= m.end() and gloss.kind not in ("place", "org")
                and not _suffixed_name(text[start : gloss.head_end], names)):
            continue  # 한중(韓中): the text itself says what the name means here (but 윈양현(雲陽顯),
            # a name with its suffix whose gloss has a slip, is read on: see _misglossed)
        if gloss is not None and gloss.head_end <= m.end():
            # 짜오좡(棗莊)시: the head is the name, the suffix may follow the parenthesis
            hanja = _ZH_SEP.split(gloss.gloss, maxsplit=1)[0].strip()
            chain = _gloss_chain(gaz, text, gloss, hanja, gloss_at)
            if chain is not None:  # 커얼친(科爾沁) 좌익(左翼) 중기(中旗): one name glossed word by word
                joined, end = chain
                skip_until = end
                name = _INNER_GLOSS.sub("", text[start:end]).replace(" ", "")
                yield _Candidate(start, end, name, "", joined)
                continue
            after = text[gloss.end : gloss.end + 5]
            suffix = next((s for s, _, _ in SUFFIX_LEVELS if after.startswith(s)), "")
            if not suffix and text.find("족", gloss.end, gloss.end + 8) >= 0:  # 멍롄(孟連)다이족…자치현
                em = _ETHNIC_SUFFIX.match(text, gloss.end, min(para.end, gloss.end + 40))
                suffix = em.group("suf") if em else ""
            fused = False
            if not suffix:
                rest = _HANGUL_RUN.match(text, gloss.end, para.end)
                if rest is not None and _is_town(rest.group()):
                    continue  # 싱런(兴仁)진: a town, not the county of that name
                # 이우(義烏)서역: the city's station names the city, as its suffix would
                fused = rest is not None and not _is_particles(rest.group()) and not any(
                    rest.group().startswith(h) and _is_particles(rest.group()[len(h):]) for h in _STATION_HEADS)
            yield _Candidate(start, gloss.head_end, text[start : gloss.head_end], suffix, hanja, fused=fused)
            continue
        if start > 0 and _is_word_char(text[start - 1]):
            continue  # inside a Latin/Han/digit word
        run = m.group()
        split = None
        if text[start - 1 : start] != ")":
            if "족자치" in run:
                split = _ethnic_split(run, names)
            if split is None and (run.endswith("족") or "족자치" in run):  # 어원커족 자치기: named after its people
                split = _own_people_split(gaz, text, start, para.end, run, names)
        if split is None:
            split = _split_run(run, names)
        if split is not None:
            name, suffix, length, compound = split
            if compound and _is_town(run[length:]):
                continue  # 우이(武邑)현 우이진: the town (镇) named like its county is not coded
            if not suffix and length == len(run) and text.find("족", m.end(), m.end() + 8) >= 0:
                em = _ETHNIC_SUFFIX.match(text, m.end(), min(para.end, m.end() + 40))  # 누장 리수족자치주
                suffix = em.group("suf") if em and em.start() < em.end() and text[m.end()] == " " else ""
            yield _Candidate(start, start + length, name, suffix, None, compound)
            if compound and not suffix:
                second = _glued_province(gaz, run[length:]) or _glued_glossed(run[length:], glossed)
                if second is not None:  # 라싸장쑤실험중학교: a city, then a province, in one name
                    yield _Candidate(start + length, start + length + len(second), second, "", None, True)
                child = _glued_child(gaz, name, run[length:], names) if second is None else None
                if child is not None:  # 연변룡정시: a prefecture, then its city with the suffix
                    yield _Candidate(start + length, start + length + child[2], child[0], child[1], None)
            continue
        heads = glossed.get(run[:2]) if glossed else None
        split = _glossed_split(run, heads) if heads else None
        if split is None and run[:2] in sino_heads:
            split = _sino_split(run, gaz)
        if split is not None:
            name, suffix, length, sino = split
            yield _Candidate(start, start + length, name, suffix, None, False, sino)
        elif run[:2] in respell_heads:
            split = _respelled_split(run, names)
            if split is not None:
                name, suffix, length, _ = split
                yield _Candidate(start, start + length, name, suffix, None, respelled=True)


#: Suffixes after which a loosely spelled name is read: provinces and prefectures only (a
#: county's suffix 현/구 after a loose two-syllable stem meets too many words and names).
_LOOSE_SUFFIXES = ("특별행정구", "자치구", "자치주", "지구", "성", "시", "맹")
_LOOSE_SUFFIXED = regex.compile(r"\p{Hangul}{2,5}?(?:" + "|".join(_LOOSE_SUFFIXES) + ")")


@lru_cache(maxsize=1)
def _loose_heads(gaz) -> frozenset[str]:
    """Loose forms of the first two syllables of every province and prefecture name."""
    return frozenset(loose_key(d.hangul[:2]) for d in gaz.divisions
                     if d.level in ("province", "prefecture") and len(d.hangul) >= 2)


def _loose_glossed(gaz, run: str, start: int, heads: set[str]) -> Optional[_Candidate]:
    """A loose or older spelling of a name the article glossed, then particles (옌볜(延邊) …
    옌벤 지역), read as that name."""
    for head in sorted(heads, key=len, reverse=True):
        n = len(head)
        word = run[:n]
        if word != head and _is_particles(run[n:]) and (
            loose_key(word) == loose_key(head) or any(d.hangul == head for d in gaz.lookup_hangul(word))
        ):
            return _Candidate(start, start + n, head, "", None)
    return None


def _loose_suffixed(gaz, run: str, start: int, loose_heads: frozenset[str]) -> Optional[_Candidate]:
    """A name spelled loosely (tense consonants, glides: 쟝쑤성, 광뚱성, 저쟝성의) with a
    province's or prefecture's suffix, then particles, read as its standard spelling."""
    if loose_key(run[:2]) not in loose_heads:
        return None
    for cut in range(min(len(run) - 1, 5), 1, -1):
        rest = run[cut:]
        suffix = next((sfx for sfx in _LOOSE_SUFFIXES if rest.startswith(sfx)), None)
        if suffix is None or not _is_particles(rest[len(suffix):]):
            continue
        found = [d for d in _fit_suffix(gaz.lookup_hangul(run[:cut]), suffix) if d.level != "county"]
        if len(found) == 1:
            return _Candidate(start, start + cut + len(suffix), found[0].hangul, suffix, None)
    return None


def _glued_province(gaz, rest: str) -> Optional[str]:
    """The province or municipality that opens ``rest``, the letters after a place name in
    one word (``라싸장쑤실험중학교``: 장쑤): spelled as in the gazetteer, not an everyday noun
    (저장, 신장), and followed by more of the name, not by particles only."""
    for cut in range(min(len(rest) - 1, 5), 1, -1):
        head = rest[:cut]
        if (head in _everyday_words() or gaz.is_common_word(head) or _is_particles(rest[cut:])
                or not any(d.level == "province" for d in _strict(gaz, head))):
            continue
        return head
    return None


def _glued_child(gaz, first: str, rest: str, names: frozenset[str]) -> Optional[tuple[str, str, int, bool]]:
    """A division with its suffix written glued after the division that holds it
    (``연변룡정시``: 룡정시 in 연변): the split of ``rest``, or None."""
    split = _split_run(rest, names)
    if split is None or not split[1] or split[3]:
        return None
    holders = {d.code for d in gaz.lookup_hangul_strict(first)}
    if any(d.parent in holders or d.province_code in holders for d in _fit_suffix(_strict(gaz, split[0]), split[1])):
        return split
    return None


def _glued_glossed(rest: str, glossed: Optional[dict[str, set[str]]]) -> Optional[str]:
    """A name the article glossed as a place that opens ``rest``, the letters after a
    place name in one word, followed by more of the name (``닝보저우산항`` after
    ``닝보(寧波)저우산(舟山)항``: 저우산)."""
    heads = glossed.get(rest[:2]) if glossed else None
    for head in sorted(heads or (), key=len, reverse=True):
        if rest.startswith(head) and len(rest) > len(head) and not _is_particles(rest[len(head):]):
            return head
    return None


def _place_before_gloss(gaz, head: str, gloss: str, names: frozenset[str]) -> Optional[str]:
    """The place name glued before the part of ``head`` that its hanja gloss spells
    (``후베이건쥐디(根聚地)``: 후베이, the gloss spelling 건쥐디 only), or None."""
    hanja = _ZH_SEP.split(gloss, maxsplit=1)[0].strip()
    if len(hanja) < 2 or not all(_HAN.match(ch) for ch in hanja):
        return None
    cut = len(head) - len(hanja)
    if cut < 2:
        return None
    prefix = head[:cut]
    if prefix in names and not gaz.is_common_word(prefix) and gaz.lookup_hangul_strict(prefix):
        return prefix
    return None


def _org_opening_place(gaz, head: str, gloss: str, names: frozenset[str]) -> Optional[tuple[str, str]]:
    """The place an organisation's glossed name opens with (``상하이증권보(上海證券報)``:
    상하이, 上海), when its hanja opens with that place's Chinese name too: (name, hanja)."""
    split = _split_run(head, names)
    if split is None or not split[3] or gaz.is_common_word(split[0]):
        return None
    name = split[0]
    hanja = to_simplified(_ZH_SEP.split(gloss, maxsplit=1)[0].strip())
    for d in gaz.lookup_hangul_strict(name):
        for zh in (d.name_zh, d.short_zh):
            if zh and hanja.startswith(zh) and len(hanja) > len(zh):
                return name, zh
    return None


#: Words a name may be glued after in an event's, a body's or a park's name
#: (중국시짱관광문화국제박람회, 중한옌청산업협력단지).
_NAME_PREFIXES = frozenset({"중국", "중한", "한중"})


#: Bodies of a division written glued to its name and suffix (``더화현인민정부의``: the
#: county's government): the name with its suffix is a mention.
_GOVERNMENT_BODIES = ("인민정부", "정부", "당위원회", "당위", "인민대표대회", "인대", "정협", "인민법원",
                      "인민검찰원", "공안국")


#: Suffixes of towns, townships and villages (镇, 乡, 村, 街道): not coded in the gold.
_TOWN_SUFFIXES = ("진", "향", "촌", "가도", "거리")  # 거리: 街道 translated (허난거리, a street of Chifeng)


def _loose_children(text: str, gaz, candidates: Sequence[_Candidate]) -> list[_Candidate]:
    """``상하이 푸동``: a word right after a bare name that spells one of its districts or
    counties only loosely (푸동 for 푸둥 浦东) is a candidate too; it resolves only if the
    name before it turns out to be its parent (see ``parent`` in :func:`_resolve`)."""
    starts = {c.start for c in candidates}
    out: list[_Candidate] = []
    for c in candidates:
        if c.hanja or c.compound or text[c.end : c.end + 1] != " ":
            continue
        if not any(d.level != "county" for d in _strict(gaz, c.name)):
            continue  # only a province or a city holds districts
        m = _HANGUL_RUN.match(text, c.end + 1)
        if m is None or m.start() in starts:
            continue
        run = m.group()
        for cut in range(min(len(run), 6), 1, -1):
            if _is_particles(run[cut:]) and any(d.level == "county" for d in gaz.lookup_hangul(run[:cut])):
                out.append(_Candidate(m.start(), m.start() + cut, run[:cut], "", None))
                break
    return out


def _is_town(rest: str) -> bool:
    """``진에서``, ``향의``: a town suffix and particles only."""
    return any(rest.startswith(t) and _is_particles(rest[len(t) :]) for t in _TOWN_SUFFIXES)


_OWN_PEOPLE_SUFFIX = regex.compile(r"족[ ]?(?P<suf>자치(?:현|주|구|기))")


def _own_people_split(gaz, text: str, start: int, end: int, run: str, names: frozenset[str]
                      ) -> Optional[tuple[str, str, int, bool]]:
    """``어원커족 자치기`` (鄂温克族自治旗): a division named after its own people, the
    people's name being the division's, then 족 and the autonomous suffix, maybe spaced
    (name, suffix, length from ``start``, False)."""
    name = run[: run.find("족")]
    if name not in names or not any(d.name_zh.startswith(d.stem_zh + "族") for d in gaz.lookup_hangul_strict(name)):
        return None
    em = _OWN_PEOPLE_SUFFIX.match(text, start + len(name), end)
    if em is None:
        return None
    rest = _HANGUL_RUN.match(text, em.end(), end)
    if rest is not None and not _is_particles(rest.group()):
        return None
    return name, em.group("suf"), em.end() - start, False


def _ethnic_split(run: str, names: frozenset[str]) -> Optional[tuple[str, str, int, bool]]:
    """``멍롄다이족라후족와족자치현에서``: a name, its nationalities and an autonomous suffix
    (name, 자치현/자치주/자치구/자치기, length, False)."""
    for cut in range(2, min(len(run), 6)):
        if run[:cut] not in names:
            continue
        em = _ETHNIC_SUFFIX.match(run, cut)
        if em is not None and run[cut] not in " 족" and _is_particles(run[em.end() :]):
            return run[:cut], em.group("suf"), em.end(), False
    return None


@lru_cache(maxsize=2)
def _respelled_heads(names: frozenset[str]) -> frozenset[str]:
    """The first two syllables of every name with one ü-syllable written plain (루춘 for 뤼춘)."""
    plain = {v: k for k, v in _U_VARIANTS.items()}
    out = set()
    for head in _name_heads(names):
        for i in (0, 1):
            if head[i : i + 1] in plain:
                out.add(head[:i] + plain[head[i]] + head[i + 1 :])
    return frozenset(out)


def _respelled_split(run: str, names: frozenset[str]) -> Optional[tuple[str, str, int, bool]]:
    """``루춘현``: a suffixed county or city name with one ü-syllable written with the plain
    vowel (루 for 뤼 绿), read as the standard spelling (the name returned is that spelling)."""
    for i in (0, 1):
        right = _U_VARIANTS.get(run[i : i + 1])
        if right is None:
            continue
        fixed = run[:i] + right + run[i + 1 :]
        split = _split_run(fixed, names)
        if split is not None and split[1] in ("현", "시", "구", "기") and not split[3]:
            return split
    return None




def _gloss_chain(gaz, text: str, gloss: Gloss, hanja: str, gloss_at: dict[int, Gloss]):
    """``커얼친(科爾沁) 좌익(左翼) 중기(中旗)``: the glosses of consecutive words that together
    name a division the first alone does not end (科尔沁左翼中旗, not 科尔沁区). Returns the
    joined hanja and the end of the last head, or None."""
    parts, ends, at = [hanja], [gloss.head_end], gloss.end
    while len(parts) < 4 and text[at : at + 1] == " " and (nxt := gloss_at.get(at + 1)) is not None:
        parts.append(_ZH_SEP.split(nxt.gloss, maxsplit=1)[0].strip())
        ends.append(nxt.head_end)
        at = nxt.end
    for k in range(len(parts), 1, -1):
        joined = "".join(parts[:k])
        if gaz.lookup_zh(joined):
            return joined, ends[k - 1]
    return None


def _glued_pair(gaz, head: str, hanja: str) -> Optional[tuple[int, str, str, str]]:
    """``저장쟈싱(浙江嘉興)``, ``장시위두(江西于都)``: a province and a prefecture or county
    inside it written as one word, glossed as one. The hanja must split into a province
    whose standard hangul begins the head and a division of that province, and name no
    division as a whole. Returns (hangul cut, province hanja, rest hanja, province code)."""
    if len(hanja) < 4 or len(head) < 3 or gaz.lookup_zh(hanja):
        return None
    for cut in range(2, len(hanja) - 1):
        for left in gaz.lookup_zh(hanja[:cut]):
            if left.level != "province" or not left.hangul or not head.startswith(left.hangul):
                continue
            if len(head) - len(left.hangul) < 2:
                continue
            inside = [d for d in gaz.lookup_zh(hanja[cut:]) if d.level != "province" and d.code[:2] == left.code[:2]]
            if inside:
                return len(left.hangul), hanja[:cut], hanja[cut:], left.code
    return None


def _bare_sino_candidates(
    text: str, paragraphs: Sequence[Paragraph], names: set[str], taken: set[int]
) -> list[_Candidate]:
    """Bare uses of Sino-Korean readings the article also writes with their suffix; they
    resolve by that anchor (a second pass, run only for articles with such readings)."""
    heads: dict[str, set[str]] = {}
    for name in names:
        heads.setdefault(name[:2], set()).add(name)
    out = []
    for para in paragraphs:
        if para.lang == "zh":
            continue
        for m in _HANGUL_RUN.finditer(text, para.start, para.end):
            start, run = m.start(), m.group()
            if start in taken or run[:2] not in heads or (start > 0 and _is_word_char(text[start - 1])):
                continue
            split = _glossed_split(run, heads[run[:2]])
            if split is not None and not split[1]:
                out.append(_Candidate(start, start + split[2], split[0], "", None))
    return out


def _glossed_split(run: str, heads: set[str]) -> Optional[tuple[str, str, int, bool]]:
    """``항주의``, ``항주시는``: a name the article glossed as a place, then its own suffix
    and particles (name, suffix, length, False)."""
    for head in sorted(heads, key=len, reverse=True):
        if not run.startswith(head):
            continue
        rest = run[len(head) :]
        for suffix, _levels, _zh in SUFFIX_LEVELS:
            if rest.startswith(suffix) and _is_particles(rest[len(suffix) :]):
                return head, suffix, len(head) + len(suffix), False
        if _is_particles(rest):
            return head, "", len(head), False
    return None


def _sino_split(run: str, gaz) -> Optional[tuple[str, str, int, bool]]:
    """``절강성은``, ``강소성과``: the Sino-Korean reading of a province or prefecture-level
    city with its own suffix, then particles (stem, suffix, length, True)."""
    for cut in range(min(len(run), 6), 2, -1):
        name = run[:cut]
        if not _is_particles(run[cut:]) or not gaz.lookup_sino_with_suffix(name):
            continue
        for suffix, _levels, _zh in SUFFIX_LEVELS:
            if name.endswith(suffix) and len(name) > len(suffix):
                return name[: -len(suffix)], suffix, cut, True
    return None


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() and not ("\uac00" <= ch <= "\ud7a3")


def _split_run(run: str, names: frozenset[str]) -> Optional[tuple[str, str, int, bool]]:
    """Read a hangul run as name + suffix + particles: (name, suffix, length of
    name + suffix, compound). Longest name first; a name that already ends in a suffix
    (``이우시``) is split into stem and suffix when the stem is a name too. Failing that, the
    longest name that begins the run is returned as a compound (``하얼빈세관``)."""
    lengths = _name_lengths_by_head(names).get(run[:2])
    if lengths is None:
        return None  # most runs: no place name starts with these two syllables
    longest = min(len(run), 9)
    for cut in lengths:  # only the lengths some name with this head has, longest first
        if cut > longest:
            continue
        name, rest = run[:cut], run[cut:]
        if name not in names:
            continue
        for suffix, _levels, _zh in SUFFIX_LEVELS:
            if rest.startswith(suffix) and (
                _is_particles(rest[len(suffix) :]) or rest.startswith(_GOVERNMENT_BODIES, len(suffix))
            ):
                return name, suffix, cut + len(suffix), False
        if _is_particles(rest):
            for suffix, _levels, _zh in SUFFIX_LEVELS:
                stem = name[: -len(suffix)]
                if name.endswith(suffix) and len(stem) >= 2 and stem in names:
                    return stem, suffix, cut, False
            return name, "", cut, False
    longest = min(len(run) - 1, 9)
    for cut in lengths:
        if cut <= longest and run[:cut] in names and not run[cut:].startswith(_NOT_PLACE_HEADS):
            return run[:cut], "", cut, True
    return None


@lru_cache(maxsize=2)
def _name_lengths_by_head(names: frozenset[str]) -> dict[str, tuple[int, ...]]:
    """First two syllables -> the lengths of the names that begin with them, longest
    first: a run is only cut where some name could end."""
    lengths: dict[str, set[int]] = {}
    for name in names:
        if len(name) >= 2:
            lengths.setdefault(name[:2], set()).add(len(name))
    return {head: tuple(sorted(ls, reverse=True)) for head, ls in lengths.items()}


@lru_cache(maxsize=8192)
def _strict(gaz, name: str) -> tuple:
    """``gaz.lookup_hangul_strict(name)``, remembered: the gazetteer is loaded once and never
    changes, and the same names recur in every article (a tuple, so sharing it is safe)."""
    return gaz.lookup_hangul_strict(name)


@lru_cache(maxsize=2)
def _name_heads(names: frozenset[str]) -> frozenset[str]:
    """The first two syllables of every name: a cheap test that rejects most runs."""
    return frozenset(name[:2] for name in names)


def _time_word_ahead(text: str, end: int) -> bool:
    m = _TIME_WORD_AHEAD.match(text, end)
    return m is not None and _is_particles(m.group(1))


@lru_cache(maxsize=8192)
def _is_particles(rest: str) -> bool:
    """True if ``rest`` is empty or a sequence of particles (``에서는``, ``과의``)."""
    if not rest:
        return True
    return any(rest.startswith(p) and _is_particles(rest[len(p) :]) for p in PARTICLES)


# --------------------------------------------------------------------------- resolution
def _resolve(
    cand: _Candidate,
    text: str,
    gaz,
    anchors: "_Anchors",
    context: set[str],
    warnings: list[ArticleWarning],
    parent: Optional[Division] = None,
    listed: bool = False,
) -> Optional[PlaceMention]:
    if cand.hanja:
        if not cand.suffix and _feature_ahead(text, cand):
            return None  # 톈산(天山) 천지: the mountain, glossed, not Urumqi's 天山区
        found = _hanja_candidates(gaz, cand, context)
        if not found:
            fallback = _misglossed(gaz, cand, context)
            if fallback is None:
                return None
            warnings.append(ArticleWarning(
                code="W301",
                message=f"the hanja {cand.hanja!r} names no division; {cand.name!r} read by its hangul "
                f"as {fallback.name_zh} (a slip in the gloss)",
                start=cand.start, end=cand.end))
            return _mention(text, cand, fallback, (fallback,), "name")
        chosen = _choose(found, cand, context)
        if chosen is not None and not _agrees(gaz, cand.name, chosen):
            warnings.append(
                ArticleWarning(
                    code="W301",
                    message=f"the hangul {cand.name!r} does not transcribe {cand.hanja!r} "
                    f"({chosen.hangul}); resolved by the hanja",
                    start=cand.start,
                    end=cand.end,
                )
            )
        return _mention(text, cand, chosen, found, "hanja")

    if not cand.suffix and not cand.compound and _feature_ahead(text, cand):
        return None  # 누장 서쪽, 황산 정상: the river or the mountain, not the division
    if gaz.is_common_word(cand.name) and not cand.suffix and (
        _NUMBER_AHEAD.match(text, cand.end) or _time_word_ahead(text, cand.end)
    ):
        return None  # 지난 10일, 지난 해: the everyday word, whatever the article anchored
    anchored = anchors.get(cand.name, cand.start)
    # 지안현 … 지안시: a suffix that is not the anchored division's names another one
    if anchored is not None and (
        not cand.suffix
        or (anchored.level in _SUFFIX[cand.suffix][0] and anchored.suffix_zh in _SUFFIX[cand.suffix][1])
    ):
        return _mention(text, cand, anchored, (anchored,), "anchored")

    if cand.sino:  # 절강성: the reading with its suffix names the province or city
        found = gaz.lookup_sino_with_suffix(cand.name + cand.suffix)
        chosen = _choose(found, cand, context) if found else None
        return _mention(text, cand, chosen, found, "sino") if found else None
    found = _fit_suffix(_strict(gaz, cand.name), cand.suffix)
    if not found and parent is not None and not cand.suffix and not cand.compound:
        found = tuple(d for d in gaz.lookup_hangul(cand.name) if d.level == "county" and d.parent == parent.code)
    if cand.respelled:  # 루춘현: only a division of a province or city the article names
        found = tuple(d for d in found if d.province_code in context or d.parent in context)
        if len(found) == 1:
            warnings.append(ArticleWarning(
                code="W303",
                message=f"{text[cand.start:cand.end]!r} read as {cand.name + cand.suffix!r} "
                f"({found[0].name_zh}): an irregular spelling of its ü-syllable",
                start=cand.start, end=cand.end))
    if not found:
        return None
    if cand.compound:
        found = tuple(d for d in found if d.level == "province")
    elif not cand.suffix:
        before_number = bool(_NUMBER_AHEAD.match(text, cand.end))
        # 상하이 푸동: a district or county right after its own city (or municipality) is
        # that division — hierarchy evidence, as good as a suffix (a loose spelling too)
        below = () if parent is None else tuple(
            d for d in (found or gaz.lookup_hangul(cand.name)) if d.level == "county" and d.parent == parent.code
        )
        found = below or tuple(
            d for d in found
            if _bare_ok(d, cand.name, context, before_number, listed)
            # 푸둥은 in a Shanghai story: a municipality's district, bare, where the article
            # names its municipality and the spelling names nothing else
            or (len(found) == 1 and d.parent in context and not before_number
                and not gaz.is_common_word(cand.name) and _municipal_district(gaz, d))
        )
    if not found:
        return None
    chosen = _choose(found, cand, context)
    if chosen is None:
        warnings.append(
            ArticleWarning(
                code="W302",
                message=f"{cand.name!r} may be any of "
                + ", ".join(f"{d.name_zh} ({d.code})" for d in found[:6])
                + "; left unresolved",
                start=cand.start,
                end=cand.end,
            )
        )
    return _mention(text, cand, chosen, found, "suffix" if cand.suffix else "name")


#: 자오허 서역(蛟河西), 투먼 북역(圖們北): a station named by its city and a direction.
_STATION_HEADS = frozenset({"역", "동역", "서역", "남역", "북역"})
_DIRECTIONS_ZH = frozenset("東西南北东")
_REPORTER_AHEAD = regex.compile(r"[ ]?기자(?!회견|단|실|협회|간담회)")
_VERB_AHEAD = regex.compile(r"하|했|한|할|해|되|된|될|됐|시키|시켜")


@lru_cache(maxsize=1)
def _everyday_words() -> frozenset[str]:
    """data/place_everyday_words.tsv (scripts/build_place_everyday_words.py): province and
    city names that are everyday nouns in Kiwi's dictionary (저장, 신장, 선전, 주장)."""
    from importlib import resources

    path = resources.files("xinhua_extract").joinpath("data", "place_everyday_words.tsv")
    return frozenset(
        line.split("\t", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()[1:]
        if line and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def _feature_cues() -> dict[str, "regex.Pattern[str]"]:
    """data/feature_homonyms.tsv (scripts/build_feature_homonyms.py): names of rivers,
    mountains and lakes that spell a division, and the words after them that make them the
    feature."""
    from importlib import resources

    cues: dict[str, set[str]] = {}
    path = resources.files("xinhua_extract").joinpath("data", "feature_homonyms.tsv")
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        hangul, _zh, _kind, _codes, words = line.split("\t")
        cues.setdefault(hangul, set()).update(words.split())
    # a gloss may stand between the name and its cue: 톈산(天山) 천지
    return {name: regex.compile(r"(?:\([^()]{1,12}\))?[ ]?(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")")
            for name, words in cues.items()}


def _feature_ahead(text: str, cand: _Candidate) -> bool:
    cue = _feature_cues().get(cand.name)
    return cue is not None and cue.match(text, cand.end) is not None


def _hanja_candidates(gaz, cand: _Candidate, context: set[str]) -> tuple[Division, ...]:
    """Divisions the hanja of a glossed mention may name. Without a suffix, a county is
    kept only under a prefecture the article names, or — a county or county-level city, not
    a city district, used on its own — in a province it names (퉁웨이(通渭)에 in a Gansu story,
    not 유이(友誼)지사, a company's branch in a Heilongjiang one): 둥후(東湖) in a
    Wuhan story is the East Lake zone, not Nanchang's 东湖区; 지리(吉利) is the carmaker, not
    Luoyang's 吉利区, even in a Henan story (a district needs its city). A county-level
    city of four or more syllables stands alone, glossed as bare (``얼롄하오터(二連浩特)``),
    and so does a municipality's district whose hanja names nothing else (``완저우(萬州)``)."""
    hanja = cand.hanja or ""
    found = _fit_suffix(gaz.lookup_zh(hanja), cand.suffix)
    if cand.within:  # the second name of a glued pair: a division of the province before it
        return tuple(d for d in found if d.level != "province" and d.code[:2] == cand.within[:2])
    if not found and cand.suffix:  # 츠(磁)현: a one-character stem is indexed with its suffix
        found = _fit_suffix(
            tuple(d for zh in _SUFFIX[cand.suffix][1] for d in gaz.lookup_zh(hanja + zh)), cand.suffix
        )
    if cand.suffix == "구" and len(found) > 1 and context:
        # 난산(南山)구 in an Urumqi story: several cities have that district and none is a
        # place the article names — a local area of its own city (Urumqi's Nanshan), no mention
        found = tuple(d for d in found if d.parent in context or d.province_code in context)
    elif (cand.suffix == "구" and len(found) == 1 and not _municipal_district(gaz, found[0])
          and found[0].parent not in context and found[0].province_code not in context
          and any(c.endswith("00") and not c.endswith("0000") for c in context)):
        # 위린(榆林)시 라오청(老城)구: the one 老城区 is Luoyang's, but the article names another
        # city and neither Luoyang nor Henan — the old town of its own city, no mention
        found = ()
    if not cand.suffix and not hanja.endswith(_COUNTY_SUFFIX_ZH):  # 셴현(獻縣) names its suffix
        found = tuple(d for d in found if d.level != "county" or d.parent in context
                      or (d.province_code in context and d.suffix_zh != "区" and not cand.fused)
                      or (not cand.fused and _stands_alone(d, cand.name))
                      or (not cand.fused and len(found) == 1 and _municipal_district(gaz, d)))
    return found


def _suffixed_name(head: str, names: frozenset[str]) -> bool:
    """Whether ``head`` is a place name (two syllables or more) and an administrative suffix."""
    return any(head.endswith(s) and len(head) - len(s) >= 2 and head[: -len(s)] in names for s, _l, _z in SUFFIX_LEVELS)


def _misglossed(gaz, cand: _Candidate, context: set[str]) -> Optional[Division]:
    """``윈양현(雲陽顯)`` (顯 for 縣): a gloss that names no division, on a head that is a
    name with its suffix — the one division of that spelling in a province or city the
    article names, whose own name's characters the gloss holds (云阳 in 雲陽顯)."""
    name, suffix = cand.name, cand.suffix
    if not suffix:
        for s, _levels, _zh in SUFFIX_LEVELS:
            if name.endswith(s) and len(name) - len(s) >= 2:
                name, suffix = name[: -len(s)], s
                break
    if not suffix:
        return None
    hanja = cand.hanja or ""
    found = [
        d for d in _fit_suffix(_strict(gaz, name), suffix)
        if (d.province_code in context or d.parent in context)
        and (all(ch in hanja for ch in d.stem_zh) or all(ch in hanja for ch in d.name_zh_hant[: len(d.stem_zh)]))
    ]
    return found[0] if len(found) == 1 else None


def _municipal_district(gaz, division: Division) -> bool:
    """완저우(萬州), 푸둥(浦東): a district of a municipality (北京, 天津, 上海, 重庆; its
    parent is the province-level city itself) is a city of its own to a Korean reader and is
    glossed without the municipality; taken when its hanja names nothing else."""
    parent = gaz.by_code(division.parent) if division.parent else None
    return division.suffix_zh in ("区", "新区") and parent is not None and parent.level == "province"


def _resolve_hanja(gaz, cand: _Candidate, context: set[str]) -> Optional[Division]:
    found = _hanja_candidates(gaz, cand, context)
    return _choose(found, cand, context) if found else None


def _fit_suffix(found: Sequence[Division], suffix: str) -> tuple[Division, ...]:
    """Keep the divisions a suffix allows; where some carry exactly that suffix
    (``카스시`` -> 喀什市, not 喀什地区), keep those."""
    if not suffix:
        return tuple(found)
    levels, zh = _SUFFIX[suffix]
    fitting = tuple(d for d in found if d.level in levels)
    exact = tuple(d for d in fitting if d.suffix_zh in zh)
    return exact or fitting


def _bare_ok(division: Division, name: str, context: set[str], before_number: bool, listed: bool = False) -> bool:
    """A bare name (no suffix, no gloss, no anchor) is taken for a province, or for a
    prefecture whose name is not also an everyday Korean word — or is one, but the
    article is about its province or it is listed after another place (``난징, 시안 등``),
    and no number follows (``시안`` in a Shaanxi story, never ``지난 10일``) — or for a county-level city whose name has four syllables or more."""
    common = get_gazetteer().is_common_word(name)
    if division.level == "province":
        return not common  # 타이완 is on the stoplist: a polity in our gold unless glossed
    if division.level == "prefecture":
        if not common:
            return True
        return (division.province_code in context or listed) and not before_number
    if len(name) == 2 and name.endswith(("현", "기")) and not common:
        # 츠현: a one-character county written with its suffix. The pairs that are words in
        # Kiwi's dictionary (구현 'implementation', 지현) are common words (generated:
        # data/county_common_words.tsv); the others are the county, or stay ambiguous with
        # candidates when several counties share the spelling (리현).
        return not before_number
    return _stands_alone(division, name)


def _stands_alone(division: Division, name: str) -> bool:
    """만저우리, 얼롄하오터, 훠얼궈쓰: a county-level city of four or more syllables is written
    bare or glossed without its province, like a prefecture (border ports, famous towns); a
    name that long spells no Korean word by accident, and several divisions sharing it stay
    ambiguous."""
    return division.suffix_zh == "市" and len(name) >= 4 and not get_gazetteer().is_common_word(name)


def _choose(found: Sequence[Division], cand: _Candidate, context: set[str]) -> Optional[Division]:
    """One division, or None when the article gives no ground to prefer one."""
    if len(found) == 1:
        return found[0]
    in_context = [d for d in found if (d.province_code or d.code) in context]
    if len({d.province_code or d.code for d in in_context}) == 1 and in_context:
        found = in_context
    exact = [d for d in found if d.hangul == cand.name and not d.shadowed_by] or list(found)
    top = min(_LEVEL_RANK[d.level] for d in exact)
    highest = [d for d in exact if _LEVEL_RANK[d.level] == top]
    if len(highest) == 1:
        return highest[0]
    return None


def _agrees(gaz, hangul: str, division: Division) -> bool:
    """Does the hangul plausibly spell the division (standard, alias, Sino-Korean or a
    loose variant spelling)?"""
    return division in gaz.lookup_hangul(hangul) or division in gaz.lookup_hangul(hangul, loose=False)


def _mention(
    text: str, cand: _Candidate, chosen: Optional[Division], found: Sequence[Division], rule: str
) -> PlaceMention:
    return PlaceMention(
        text=text[cand.start : cand.end],
        start=cand.start,
        end=cand.end,
        kind="division",
        hanja=cand.hanja,
        code=chosen.code if chosen else None,
        name_zh=chosen.name_zh if chosen else None,
        level=chosen.level if chosen else None,
        province_code=(chosen.province_code or chosen.code) if chosen else None,
        candidates=tuple(d.code for d in found),
        lon=_dec(chosen.lon) if chosen else None,
        lat=_dec(chosen.lat) if chosen else None,
        rule=rule,
    )


def _dec(value) -> Optional[Decimal]:
    return None if value is None else Decimal(str(value))


# --------------------------------------------------------------------------- regions
def _region_mentions(text: str, para: Paragraph) -> Iterable[PlaceMention]:
    gaz = get_gazetteer()
    pattern = gaz.region_pattern()
    for m in pattern.finditer(text, para.start, para.end):
        start, end = m.span()
        if start > 0 and "\uac00" <= text[start - 1] <= "\ud7a3":
            continue
        while end > start and text[end - 1] == ")":  # a gloss the pattern took at the end: not ours
            end = text.rindex("(", start, end)
        if end <= start:
            continue
        regions = gaz.lookup_region_hangul(_INNER_GLOSS.sub("", text[start:end]))
        if not regions:
            continue
        region = regions[0]
        hanja = None
        if end < len(text) and text[end] == "(":
            close = text.find(")", end, para.end)  # within the paragraph: linear in the article
            if close > 0:
                inner = _ZH_SEP.split(text[end + 1 : close], maxsplit=1)[0].strip()
                if gaz.lookup_region_zh(inner):
                    hanja = inner
        yield PlaceMention(
            text=text[start:end],
            start=start,
            end=end,
            kind="region",
            hanja=hanja,
            name_zh=region.name_zh,
            members=tuple(region.members),
            rule="region",
        )


# --------------------------------------------------------------------------- Chinese script
def _chinese_mentions(text: str, para: Paragraph) -> Iterable[PlaceMention]:
    from .segment import segment_zh

    for segment in segment_zh(text[para.start : para.end], running=True):
        start, end, entry = segment.start, segment.end, segment.place
        if entry is None:
            continue
        start, end = para.start + start, para.start + end
        if isinstance(entry, Region):
            yield PlaceMention(text=text[start:end], start=start, end=end, kind="region",
                               hanja=text[start:end], name_zh=entry.name_zh, members=tuple(entry.members),
                               rule="jieba")
        else:
            yield PlaceMention(text=text[start:end], start=start, end=end, hanja=text[start:end],
                               code=entry.code, name_zh=entry.name_zh, level=entry.level,
                               province_code=entry.province_code, candidates=(entry.code,),
                               lon=_dec(entry.lon), lat=_dec(entry.lat), rule="jieba")
