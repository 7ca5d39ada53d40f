"""Count rules: a number with a counter word (분류사, classifier) from data/counters.tsv:
``43개``, ``200여 개`` (approx), ``4개씩`` (distributive: the text keeps 씩), ``300만 대``,
``세 가지``.

Rules (``Count.rule``):

``count-number-counter``   number + counter
``count-distributive``     number + counter + 씩 (``4개씩``: four each)
``count-native-numeral``   native numeral + counter (``세 가지``, ``두 곳``, glued ``두개``; not the idiom
                           ``한 번`` "once more", nor ``한 편`` "one side")
``count-native-range``     native numeral range + counter (``두세 곳``, ``서너 개``): the lower
                           end, ``approx`` true (the upper end is one more, or two for
                           ``두서너``; see ``numbers.NATIVE_RANGES``)
``count-range-low``        the lower end of ``3~5개`` (text ``3``, bound min)
``count-range-high``       its upper end (bound max)

Not counts: ordinals and labels (``제14회``: a number never starts right after a letter;
``1분기``, ``2차``, ``13기``, ``창어 5호``: not counters), dates and durations (``2004년``,
``8월``, ``3개월``, ``5개년``: the counter must end where a particle begins), units of
measure (톤, km: not counters), and ``N대`` meaning "the N largest" (``5대 그룹``, ``세계
500대 기업``, ``20대 청년``): a plain number below 1,000 written against 대 and followed
by a space and a noun — unless the noun before the number is one counted by 대
(data/counter_nouns.tsv: ``자동차 3대 판매``, ``로봇 5대 도입``). ``300만 대``, ``1천 대를``,
``차량 3대가`` stay counts. Number labels are not counts either: ``1번 국도`` (route 1),
``3번 출구`` — 번 followed by a noun listed as a label noun in the same table.

``subject`` (from Kiwi tokens, when given) is the noun phrase counted, as written:
the nouns right after the counter (``43개 산업 클러스터`` -> ``산업 클러스터``,
``3천950개의 관련 기업`` -> ``관련 기업``), else the nouns before the topic or subject
particle in front of the number (``리튬전지 기업은 12개로`` -> ``리튬전지 기업``). The
whole compound is kept rather than its head noun because the modifiers carry the meaning
(``관련 기업``, ``첨단기술 기업``); the head is its last word.
"""

from __future__ import annotations

import bisect
import logging
from decimal import Decimal
from typing import Optional, Sequence

import regex

from ..numbers import NATIVE_NUMERALS, NATIVE_RANGES, read_number, read_trailing_markers
from ..records import Count, Token
from ._numeric import (
    FOLLOW,
    alternation,
    clip_spans,
    counter_nouns,
    counters,
    numbers_with_ranges,
    range_low_value,
    unit_char,
)

log = logging.getLogger(__name__)

__all__ = ["extract_counts"]

_SP = r"[ \u00a0]"
_COUNTER_OF = {row.surface: row.counter for row in counters()}
_NATIVE_IDIOMS = {("한", "번"), ("한", "편")}

# The counter right after a number (the number grammar is in xinhua_extract.numbers).
_COUNTER_RE = regex.compile(
    rf"(?P<gap>{_SP}?)(?P<ctr>{alternation(list(_COUNTER_OF))})(?P<each>씩)?{FOLLOW}"
)
_COUNTER_FIRST = frozenset(surface[0] for surface in _COUNTER_OF)
#: 백여 가지, 천여 명: a bare place word and 여 before a counter (about a hundred, a thousand).
_BARE_YEO_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<n>[십백천만])여{_SP}?(?P<ctr>{alternation(list(_COUNTER_OF))})(?P<each>씩)?{FOLLOW}"
)
_BARE_YEO_VALUE = {"십": 10, "백": 100, "천": 1000, "만": 10000}
_NATIVE_RE = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}])(?P<nat>{alternation([*NATIVE_NUMERALS, *NATIVE_RANGES])}){_SP}
    (?P<ctr>{alternation([row.surface for row in counters() if row.native])})(?P<each>씩)?{FOLLOW}
    """,
    regex.VERBOSE,
)
#: Older pages glue a native numeral to the counter (``두개의 원구``, ``세곳``). Only the
#: plainest counters, and not 한 (``한곳에 모여``: "in one place", an idiom), so that words such
#: as 세계 or 두부 never start a count.
_GLUED_COUNTERS = ("개", "곳", "명", "가지", "그루", "마리", "차례")
#: Glued counters that 한 may open too: 한그루, 한마리 (한개, 한명, 한가지 are also
#: words or names: 한가지로 'alike').
_GLUED_AFTER_ONE = ("그루", "마리")  # not 한차례 'a bout of' (한차례 투자 열)
_NATIVE_GLUED_RE = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}])
    (?:(?P<nat>{alternation([n for n in NATIVE_NUMERALS if n != "한"])})(?P<ctr>{alternation(list(_GLUED_COUNTERS))})
      |(?P<nat>한)(?P<ctr>{alternation(list(_GLUED_AFTER_ONE))}))
    (?P<each>씩)?{FOLLOW}
    """,
    regex.VERBOSE,
)
#: What a span needs for a native count: the last letter of a native numeral, at most one
#: space, the first letter of a native or glued counter (both patterns are skipped otherwise).
_MAY_NATIVE = regex.compile(
    "[" + "".join(sorted({n[-1] for n in (*NATIVE_NUMERALS, *NATIVE_RANGES)})) + "]" + _SP + "?["
    + "".join(sorted({row.surface[0] for row in counters() if row.native} | {c[0] for c in _GLUED_COUNTERS})) + "]"
)
_BIG_UNIT_RE = regex.compile(r"[만억조경]")
_NOUN_AFTER_RE = regex.compile(rf"{_SP}[“\"‘'「『]?\p{{Hangul}}")  # 2대 “하이라이트”: a quoted noun too
_TOP_N_LIMIT = Decimal(1000)
_AMONG_RE = regex.compile(rf"{_SP}중{FOLLOW}")  # 10대 중 (of the ten), not 10대 중점 업종


def _noun_pattern(counter: str, side: str, reading: str) -> "Optional[regex.Pattern[str]]":
    nouns = [r.noun for r in counter_nouns() if (r.counter, r.side, r.reading) == (counter, side, reading)]
    if not nouns:
        return None
    if side == "before":  # the word right before the number ends with the noun (전기자동차 3대)
        return regex.compile(rf"(?:{alternation(nouns)}){_SP}?$")
    return regex.compile(rf"{_SP}(?:{alternation(nouns)}){FOLLOW}")


#: Per counter, what marks a count against the "N largest" reading (자동차 3대 판매).
_COUNTED_BEFORE = {c: _noun_pattern(c, "before", "count") for c in _COUNTER_OF}
#: Per counter, a noun after it that makes the number a label (1번 국도, 3번 출구).
_LABEL_AFTER = {c: _noun_pattern(c, "after", "label") for c in _COUNTER_OF}
#: Per counter, a noun of time after it that makes the number a span (지난 3개 분기).
_SPAN_AFTER = {c: _noun_pattern(c, "after", "span") for c in _COUNTER_OF}
#: Counters that count only after a listed noun or with a number that is plainly a quantity
#: (원전 4기, 풍력 설비 1천 기, 농가 300여 호; not 13기 전인대, 창어 5호, 3부).
_ONLY_AFTER_NOUN = {
    c: pattern for c in set(_COUNTER_OF.values()) if (pattern := _noun_pattern(c, "before", "only")) is not None
}
_QUANTITY_FLOOR = Decimal(1000)
_LOOK_BEHIND = 12  # characters: enough for the longest listed noun and a space


def _is_top_n(num: str, unit: "regex.Match[str]", value: Decimal, approx: bool, text: str, start: int) -> bool:
    """``5대 그룹``, ``세계 500대 기업``: 대 against a small plain number, then a noun."""
    if unit.group("ctr") != "대" or unit.group("gap") or unit.group("each") or approx:
        return False
    if _BIG_UNIT_RE.search(num) or value != value.to_integral_value() or value > _TOP_N_LIMIT:
        return False
    end = unit.end()
    if not _NOUN_AFTER_RE.match(text, end):
        return False
    markers = read_trailing_markers(text, end)
    if markers.approx or markers.bound or _AMONG_RE.match(text, end):
        return False  # 300대 이상, 3대 가량, 10대 중: still vehicles
    counted = _COUNTED_BEFORE.get("대")
    if counted is not None and counted.search(text, max(0, start - _LOOK_BEHIND), start):
        return False  # 자동차 3대 판매: the noun before says what is counted
    return True


def _lacks_evidence(counter: str, value: Decimal, approx: bool, text: str, start: int) -> bool:
    """``13기``, ``창어 5호``: a counter of :data:`_ONLY_AFTER_NOUN` with a small exact number
    and none of its nouns right before is a label or a name, not a count."""
    nouns = _ONLY_AFTER_NOUN.get(counter)
    if nouns is None or approx or value >= _QUANTITY_FLOOR:
        return False
    return nouns.search(text, max(0, start - _LOOK_BEHIND), start) is None


def _is_label(unit: "regex.Match[str]", text: str) -> bool:
    """``1번 국도``, ``3번 출구``: a number naming one thing, not counting; ``3개 분기``: a
    span of time (as ``3개월``), not a count."""
    counter = _COUNTER_OF[unit.group("ctr")]
    if unit.group("each"):
        return False
    return any(p is not None and p.match(text, unit.end()) is not None
               for p in (_LABEL_AFTER.get(counter), _SPAN_AFTER.get(counter)))


#: A quoted slogan that opens with the number and closes on its hanja gloss: ``'1천 개 기업
#: 개조(千企改造)'``, ``‘1만 개 기업 융합(萬企融合)’`` name a policy, they count nothing.
_SLOGAN_OPEN = regex.compile(r"['‘\"“][ ]?$")
_SLOGAN_CLOSE = regex.compile(r"[^'’\"”()\n]{0,16}\(\p{Han}{2,8}\)['’\"”]")
#: A short quoted label with the number glued inside it (``'신3종'``, ``'신(新)3종'``: the
#: "new three", a name of a product group, as ``'4종4횡'`` names a railway plan).
_LABEL_OPEN = regex.compile(r"['‘\"“][^'’\"”\s\d]{1,8}$")
_LABEL_CLOSE = regex.compile(r"['’\"”]")
_PER_AFTER = regex.compile(r"당" + FOLLOW)
_EVERY_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])매[ ]$")


def extract_counts(
    text: str, spans: Sequence[tuple[int, int]], tokens: Sequence[Token] = ()
) -> tuple[Count, ...]:
    """Every count inside ``spans`` of ``text``, in text order; ``tokens`` (Kiwi tokens
    covering the spans, offsets into ``text``) give each count its ``subject``."""
    subjects = _Subjects(text, tokens)
    out: list[Count] = []
    for span_start, span_end in clip_spans(text, spans):
        found: list[Count] = []
        for m, low in numbers_with_ranges(text, span_start, span_end):
            if unit_char(text, m.end()) not in _COUNTER_FIRST:
                continue  # no counter starts here: skip the pattern
            unit = _COUNTER_RE.match(text, m.end(), span_end)
            if unit is not None:
                found.extend(_numeric_counts(m, low, unit, text, span_end, subjects))
        for m in _BARE_YEO_RE.finditer(text, span_start, span_end):
            end = m.end("each") if m.group("each") else m.end("ctr")
            markers = read_trailing_markers(text, end, span_end)
            found.append(
                Count(
                    text=text[m.start() : end], start=m.start(), end=end, rule="count-number-counter",
                    value=Decimal(_BARE_YEO_VALUE[m.group("n")]), counter=_COUNTER_OF[m.group("ctr")],
                    approx=True, bound=markers.bound, subject=subjects.of(m.start(), end),
                )
            )
        natives = [*_NATIVE_RE.finditer(text, span_start, span_end),
                   *_NATIVE_GLUED_RE.finditer(text, span_start, span_end)
                   ] if _MAY_NATIVE.search(text, span_start, span_end) else ()
        for m in natives:
            if (m.group("nat"), m.group("ctr")) in _NATIVE_IDIOMS or _EVERY_BEFORE.search(text, max(0, m.start() - 2), m.start()):
                continue  # 한 번 'once'; 매 한그루의 나무 'every single tree'
            end = m.end()
            markers = read_trailing_markers(text, end, span_end)
            nat = m.group("nat")
            ranged = nat in NATIVE_RANGES  # 두세 곳: the lower end, approximate
            value = NATIVE_RANGES[nat][0] if ranged else NATIVE_NUMERALS[nat]
            found.append(
                Count(
                    text=text[m.start() : end], start=m.start(), end=end,
                    rule="count-native-range" if ranged else "count-native-numeral",
                    value=Decimal(value), counter=_COUNTER_OF[m.group("ctr")],
                    approx=ranged or markers.approx, bound=markers.bound, subject=subjects.of(m.start(), end),
                )
            )
        found.sort(key=lambda c: (c.start, c.end))
        out.extend(found)
    return tuple(out)


def _numeric_counts(
    m: "regex.Match[str]",
    low_match: "Optional[regex.Match[str]]",
    unit: "regex.Match[str]",
    text: str,
    span_end: int,
    subjects: "_Subjects",
) -> list[Count]:
    nm = read_number(m)
    end = unit.end()
    if _is_top_n(m.group("num"), unit, nm.value, nm.approx, text, nm.start) or _is_label(unit, text):
        return []
    if text[end : end + 1].isdigit():
        return []  # 8종8횡 (eight vertical, eight horizontal lines): a name, no count
    if _LABEL_OPEN.search(text, max(0, nm.start - 9), nm.start) and _LABEL_CLOSE.match(text, end):
        return []
    if _PER_AFTER.match(text, end):
        return []  # 3명당 1명 ('one in three'): the base of a rate, as 1인당, no count
    if _SLOGAN_OPEN.search(text, max(0, nm.start - 2), nm.start) and _SLOGAN_CLOSE.match(text, end, min(span_end, end + 24)):
        return []  # '1천 개 기업 개조(千企改造)': a policy named by its slogan, no count
    if not _ARABIC.search(text, nm.number_start, nm.number_end) and subjects.one_noun(nm.number_start, end):
        return []  # 일조량 'sunshine': a noun Kiwi knows, not 일조 (a trillion) + 량
    counter = _COUNTER_OF[unit.group("ctr")]
    if counter == "세대" and nm.value != nm.value.to_integral_value():
        return []  # 8.6세대 AMOLED: a generation, households come whole
    markers = read_trailing_markers(text, end, span_end)
    low = read_number(low_match) if low_match is not None else None
    start = low.start if low is not None else nm.start
    if _lacks_evidence(counter, nm.value, nm.approx or markers.approx or (low is not None and low.approx), text, start):
        return []
    rule = "count-distributive" if unit.group("each") else "count-number-counter"
    bound = markers.bound or nm.bound
    out = []
    if low is not None:
        out.append(
            Count(
                text=low.text, start=low.start, end=low.end, rule="count-range-low",
                value=range_low_value(low, m.group("num"), text),
                counter=counter, approx=low.approx or markers.approx, bound="min",
                subject=subjects.of(low.start, end),
            )
        )
        rule, bound = "count-range-high", "max"
    out.append(
        Count(
            text=text[nm.start : end], start=nm.start, end=end, rule=rule, value=nm.value,
            counter=counter, approx=nm.approx or markers.approx or (low is not None and low.approx), bound=bound,
            subject=subjects.of(start, end),
        )
    )
    return out


# ----------------------------------------------------------------------------- subject
_NOMINAL = frozenset({"NNG", "NNP", "SL", "SH", "XSN", "XPN", "XR"})
_TOPIC_OR_SUBJECT = frozenset({"JKS", "JX"})
_PREDICATE = frozenset({"XSV", "XSA"})
_PUNCTUATION = frozenset({"SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW"})
_MAX_RUN = 6
# Words right after a count that are not what it counts: markers (100개 이상), 중 (3개 중
# 1개), 가운데, 연속 (14회 연속), 규모, 수준.
_NOT_SUBJECT = frozenset(
    {"이상", "이하", "이내", "미만", "초과", "가량", "정도", "안팎", "내외", "남짓", "중", "가운데"}
    | {"연속", "규모", "수준", "당"}
)


_ARABIC = regex.compile(r"\d")


class _Subjects:
    """Finds the counted noun phrase around a count from Kiwi tokens."""

    def __init__(self, text: str, tokens: Sequence[Token]) -> None:
        self.text = text
        self._given = tokens
        self.tokens: list[Token] = []
        self.starts: list[int] = []

    def _index(self) -> None:
        """Built on the first count only: most paragraphs have none."""
        self.tokens = list(self._given)
        self.starts = [t.start for t in self.tokens]
        if self.starts != sorted(self.starts):  # Kiwi gives them in order; others may not
            self.tokens.sort(key=lambda t: (t.start, t.end))
            self.starts = [t.start for t in self.tokens]

    def _glued(self, i: int) -> bool:
        """Token ``i`` continues the word of the token before it (not after punctuation)."""
        if i == 0:
            return False
        prev = self.tokens[i - 1]
        return prev.end >= self.tokens[i].start and prev.tag not in _PUNCTUATION

    def _blank(self, a: int, b: int) -> bool:
        return a <= b and not self.text[a:b].strip(" \u00a0")

    def one_noun(self, start: int, end: int) -> bool:
        """Whether one Kiwi noun token covers ``start``-``end`` (일조량 NNG)."""
        if not self._given:
            return False
        if not self.tokens:
            self._index()
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.tokens[i].end >= end and self.tokens[i].tag in ("NNG", "NNP")

    def of(self, start: int, end: int) -> Optional[str]:
        if not self._given:
            return None
        if not self.tokens:
            self._index()
        return self._after(end) or self._before(start)

    def _after(self, end: int) -> Optional[str]:
        toks = self.tokens
        i = bisect.bisect_left(self.starts, end)
        if i < len(toks) and toks[i].start == end:  # something attached to the counter
            if toks[i].tag != "JKG":  # 12개로, 4개씩 …: a particle, no noun follows
                return None
            end, i = toks[i].end, i + 1  # 3천950개의 관련 기업
        if i >= len(toks) or toks[i].start == end or not self._blank(end, toks[i].start):
            return None
        j = i
        while j < len(toks) and j - i < _MAX_RUN and toks[j].tag in _NOMINAL and (
            j == i or self._blank(toks[j - 1].end, toks[j].start)
        ):
            j += 1
        if j == i or toks[i].form in _NOT_SUBJECT:
            return None
        if j < len(toks) and toks[j].tag in _PREDICATE and toks[j].start <= toks[j - 1].end:
            return None  # 4개씩 포함돼: 포함 is the verb's stem, not what is counted
        return self.text[toks[i].start : toks[j - 1].end]

    def _before(self, start: int) -> Optional[str]:
        toks = self.tokens
        k = bisect.bisect_left(self.starts, start) - 1
        if k < 0 or toks[k].end > start or not self._blank(toks[k].end, start):
            return None
        if toks[k].tag in _TOPIC_OR_SUBJECT:  # 기업은 12개로
            if k == 0 or toks[k - 1].end != toks[k].start:
                return None
            k -= 1
        last = k
        while k >= 0 and last - k < _MAX_RUN and toks[k].tag in _NOMINAL and (
            k == last or self._blank(toks[k].end, toks[k + 1].start)
        ):
            k -= 1
        first = k + 1
        # a run starts a word: in 5G 기지국, G is glued to 5 and is not the subject
        while first <= last and self._glued(first):
            first += 1
        if first > last:
            return None
        return self.text[toks[first].start : toks[last].end]
