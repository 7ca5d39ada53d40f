"""The Korean number grammar: every way Xinhua's Korean service writes a number, to an
exact :class:`~decimal.Decimal`.

Forms understood (all exact, no floats anywhere):

* Arabic digits, with or without thousands commas and a decimal part: ``43``, ``4,276``,
  ``25.4``, ``140667``.
* Sino-Korean place words inside a group below 10^4: 천 (10^3), 백 (10^2), 십 (10^1),
  with or without a coefficient: ``3천950`` = 3950, ``1천3`` = 1003, ``천`` = 1000.
* Myriad groups in descending order: 만 (10^4), 억 (10^8), 조 (10^12), 경 (10^16), joined
  directly or by one space before a digit: ``11억9천만``, ``82조 7,122억``, ``1만8382``,
  ``3조8천800억``, ``4경3천277조``, ``백만``, ``천억``, ``조``.
* A hanja gloss of a place word, inside the number: ``조(兆)``, ``억(億)``.
* A sign: ``-4.1``, ``−4.1``, ``마이너스(-) 4.1`` ("minus").
* Markers kept as attributes, not folded into the value:
  approximation (``approx``) — 약 / 대략 / 거의 / 근 before the number, 여 inside or
  after it (``200여 개``, ``70여억``), and after the unit 가량 / 안팎 / 정도 / 내외 /
  남짓 / 쯤 / (에) 육박 / 가까이 / 에 가까운, also behind a note in parentheses without figures
  (``12억명(연인원)에 육박``) or the word 선 (``6만 위안 선에 육박``: the mark);
  bounds (``bound``), a small vocabulary:

  ========  ==============================================================
  ``min``   at least: 이상 after the unit; 최소 / 적어도 before the number
  ``max``   at most: 이하 / 이내 after the unit; 최대 / 최고 before it
  ``over``  more than: 초과, (을/를/이/가) 넘는·넘어·넘게…, 돌파, 웃도는, 상회
  ``under`` less than: 미만, 밑도는·밑돌아…, 하회, 못 미치는
  ========  ==============================================================

  ``(에) 달하는`` ("reaching") states the value itself: no bound.

Decisions where usage is vague:

* 수십 / 수백 / 수천 / 수만 / 수십억 ("tens of", "hundreds of"…) and 몇 are *not*
  numbers: their value is unknown, and a guessed magnitude would look exact downstream.
  The left-boundary rule below makes ``수십억`` yield nothing at all.
* Hangul digit words (일, 이, 삼 … 구, :data:`HANGUL_DIGITS`) are read only as the
  coefficient of a place word (``일억``, ``삼천``, ``이십여``, ``삼천오백만``) or as the last
  digit after one (``이십삼``); alone they collide with common syllables (일, 이, 사).
  Such a number counts as having digits (``has_digits``). Native numerals (한, 두, 세 …
  열, 스무) and their ranges (두세, 서너: :data:`NATIVE_RANGES`) are read only by the count
  rules, before a counter (:data:`NATIVE_NUMERALS`).
* Chinese myriad characters in Korean text are the place words they stand for:
  ``1.2亿`` = 1.2억, ``3万`` = 3만 (also 萬, 億, 兆, 京); ``万亿`` is 조 (``3万亿元``).
* Digits may follow a hangul word or Chinese characters directly (``총43개``,
  ``세계1위``, ``投资额为100亿元``), except after 제/第 (ordinals).
* A number must not continue a word: it may not follow a Latin letter, a digit, ``. , : /
  _ @ # & %`` or a hyphen that follows a letter or digit (``C919``, ``GPT-4``, ``0086-10``,
  ``c_1310149560``, ``@126.com``, ``2021-08-26``), nor run into a Latin letter (``5G``).
  A number made only of place words (``천억``, ``조``) is returned with
  ``has_digits=False``: callers accept it only right before a currency (``조 위안``),
  since ``조``, ``천`` and ``만`` are common syllables (``천진``, ``만큼``, ``조정``).
"""

from __future__ import annotations

import decimal
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Optional, Sequence

import regex

from .errors import NumberParseError
from .particles import particle_pattern

log = logging.getLogger(__name__)

__all__ = [
    "NumberParseError",
    "NumberMatch",
    "Markers",
    "BOUNDS",
    "NATIVE_NUMERALS",
    "NATIVE_RANGES",
    "HANGUL_DIGITS",
    "LEFT_BOUNDARY",
    "NUMBER_PATTERN",
    "NUMBER_RE",
    "number_expression",
    "start_class",
    "scan",
    "read_number",
    "parse_korean_number",
    "match_number",
    "find_numbers",
    "iter_number_matches",
    "iter_bare_amounts",
    "read_trailing_markers",
    "tidy",
]


#: The bound vocabulary (see the module docstring).
BOUNDS = ("min", "max", "over", "under")

#: Native Korean numerals as they stand before a counter (세 가지, 두 곳, 열 명).
NATIVE_NUMERALS: dict[str, int] = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
    "아홉": 9, "열": 10, "스무": 20,
}

#: Native numeral ranges before a counter (두세 곳: two or three places): (low, high).
NATIVE_RANGES: dict[str, tuple[int, int]] = {
    "한두": (1, 2), "두세": (2, 3), "두서너": (2, 4), "서너": (3, 4), "너덧": (4, 5),
    "네댓": (4, 5), "대여섯": (5, 6), "예닐곱": (6, 7), "일고여덟": (7, 8),
}

_SMALL = {"천": 1000, "백": 100, "십": 10}
_BIG = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}
#: Chinese myriad characters written in Korean text (``1.2亿 위안``, ``100亿元``): same values.
_BIG_HANZI = {"万": "만", "萬": "만", "亿": "억", "億": "억", "兆": "조", "京": "경", "万亿": "조", "萬億": "조"}
#: Sino-Korean digit words, read only as the coefficient of a place word (``일억``,
#: ``삼천``, ``이십여``); alone they are syllables of other words (일, 이, 사…).
HANGUL_DIGITS: dict[str, int] = {
    "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9,
}

# ----------------------------------------------------------------------------- pattern
_SP = r"[ \u00a0]"  # one space between groups, never a line break
_D = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_H = "[" + "".join(HANGUL_DIGITS) + "]"  # a hangul digit word, only before a place word
#: A coefficient: digits, or a hangul digit right before a place word.
_C = rf"(?:{_D}|{_H}(?=[천백십만억조경万萬亿億兆京]))"
#: The last digits of a group after a place word: digits or one hangul digit (이십삼).
_T = rf"(?:{_D}|{_H}(?![\p{{Hangul}}]))"
_GL = r"(?:\((?:千|仟|百|佰|十|拾|萬|万|億|亿|兆|京)\))"  # 조(兆): hanja gloss of a place word
#: A group below 10^4 (or any digit string): 3천950, 천, 8백, 1천3, 7,122, 140667.
_G = (
    rf"(?:(?:{_C})?천{_GL}?(?:(?:{_C})?백{_GL}?)?(?:(?:{_C})?십{_GL}?)?(?:{_T})?"
    rf"|(?:{_C})?백{_GL}?(?:(?:{_C})?십{_GL}?)?(?:{_T})?"
    rf"|(?:{_C})?십{_GL}?(?:{_T})?"
    rf"|{_C})"
)


def _number_pattern() -> str:
    """Myriad groups in descending order; the leading coefficient may be absent (조, 천억)
    and may carry 여 (70여억); later groups need a coefficient, and one space before a
    later group is allowed only before a digit (``82조 7,122억``, not ``10억 천진``); one
    space is also allowed between a group ending in 천/백/십 and its myriad unit (``8천 만``).

    Each group is atomic (``(?>…)``): its greedy reading is always the right one, and not
    backtracking into it keeps the scan fast (a number starts at every digit)."""
    group = rf"(?>{_G})"
    later = rf"(?:{_SP}(?=\d))?{group}"
    # 20억8천 만: a space may part a group that ends in 천/백/십 from its myriad unit
    gap = rf"(?:(?<=[천백십]){_SP}(?=[만억조경万萬亿億兆京]))?"
    bigs = ["[경京]", "(?:[조兆]|万亿|萬億)", "[억亿億]", "[만万萬]"]
    chains = []
    for i, unit in enumerate(bigs):
        tail = "".join(rf"(?:{later}{gap}{u}{_GL}?)?" for u in bigs[i + 1 :])
        chains.append(rf"{unit}{_GL}?{tail}")
    chain = "(?:" + "|".join(chains) + rf")(?:{later})?"
    return rf"(?:{group}(?:여?{gap}{chain})?|{chain})"


#: Pattern source (no capturing groups) of a bare number: digits and place words.
NUMBER_PATTERN = _number_pattern()

#: Where a number (or its prefix or sign) may start: not inside a word, code or date.
#: Digits may follow a hangul word or Chinese characters directly (``총43개``, ``세계1위``,
#: ``증가율5%``, ``投资额为100亿元``) except after 제/第 (``제14회``: an ordinal); a hangul
#: digit word never continues a word (``통일억`` is no number).
LEFT_BOUNDARY = (
    r"(?:(?<![\p{L}\p{N}.,:/_@#&%]|[\p{L}\p{N}][-‐−–])"
    r"|(?<=[\p{Hangul}\p{Han}])(?<![제第])(?=[-−–]?\d))"
)

_PREFIXES = {
    "약": (True, None), "대략": (True, None), "거의": (True, None), "근": (True, None),
    "최소": (False, "min"), "적어도": (False, "min"),
    "최대": (False, "max"), "최고": (False, "max"),
}
_PREFIX_ALT = "|".join(sorted(_PREFIXES, key=len, reverse=True))
_SIGN = r"마이너스(?:[ ]?\([-−–]\))?[ ]?|[-−–](?=\d)"


def number_expression(tag: str = "") -> str:
    """Pattern source of ``[prefix] [sign] number [여]`` with named groups
    ``{tag}pre``, ``{tag}sign``, ``{tag}num``, ``{tag}yeo``; read a match with
    :func:`read_number`. Fact rules append their unit to it."""
    t = tag
    return (
        rf"{LEFT_BOUNDARY}"
        rf"(?:(?P<{t}pre>{_PREFIX_ALT}){_SP}?)?"
        rf"(?P<{t}sign>{_SIGN})?"
        rf"(?P<{t}num>{NUMBER_PATTERN})"
        rf"(?P<{t}yeo>여(?!러))?"
        rf"(?![\p{{Latin}}\d])"
    )


def start_class(bare: bool = False) -> str:
    """A pattern of where :func:`number_expression` can begin: a digit, a hangul digit
    word before a place word, a sign, or a whole prefix word (약, 최대…) before one of
    these; with ``bare`` also the place words. Whole prefix words, not their first letters:
    대 and 최 begin countless other words, and each false start costs a full attempt."""
    first = r"\d|" + _H + r"(?=[천백십만억조경])"
    if bare:
        first += "|[" + "".join(_SMALL) + "".join(_BIG) + "".join(_BIG_HANZI) + "]"
    sign = r"마이너스|[-−–](?=\d)"
    return rf"(?:(?:{_PREFIX_ALT}){_SP}?(?={sign}|{first})|{sign}|{first})"


def scan(pattern: "regex.Pattern[str]", starts: "regex.Pattern[str]", text: str, pos: int, endpos: int):
    """``pattern.finditer(text, pos, endpos)``, but trying ``pattern`` only where
    ``starts`` matches. When every match of ``pattern`` begins where ``starts`` matches,
    the result is the same, several times faster: the number grammar is large, and each
    attempt costs microseconds."""
    last = pos
    for c in starts.finditer(text, pos, endpos):
        at = c.start()
        if at < last:
            continue
        m = pattern.match(text, at, endpos)
        if m is not None:
            yield m
            last = m.end()


NUMBER_RE = regex.compile(number_expression())
_STARTS = regex.compile(LEFT_BOUNDARY + start_class())
_STARTS_BARE = regex.compile(LEFT_BOUNDARY + start_class(bare=True))
#: The two commonest shapes of a number, when nothing extends or spoils them: digits with
#: one or two place words (``1천억``, ``3천만``, ``10조``, ``5백``: no digit, place word,
#: hangul digit, gloss, 여, Latin letter, or space and digit or myriad unit after them: ``8천 만``
#: is one number), and a plain run
#: of digits (``2,000``, ``3.5``: no place word, 여, Latin letter or digit after it). At a
#: digit, :data:`NUMBER_RE` matches exactly these (no prefix or sign starts at a digit, and
#: its groups are atomic), so the scan tries this cheap pattern first; it has the same
#: groups (``pre``, ``sign`` and ``yeo`` never match). A property test holds them equal.
_SIMPLE_RE = regex.compile(
    rf"(?P<pre>(?!))?(?P<sign>(?!))?(?P<num>"
    rf"(?>\d+)(?:[천백십][만억조경]?|[만억조경])"
    rf"(?![\p{{Latin}}\d천백십만억조경万萬亿億兆京여(]|{_H}|{_SP}[\d만억조경万萬亿億兆京])"
    rf"|(?>{_D})(?![\p{{Latin}}\d천백십만억조경万萬亿億兆京여])"
    rf")(?P<yeo>(?!))?"
)
_FULL_RE = regex.compile(rf"[ ]*{number_expression()}[ ]*")
_PIECE_RE = regex.compile(rf"(?P<d>{_D})|(?P<h>{_H})|(?P<s>[천백십])|(?P<b>万亿|萬億|[만억조경万萬亿億兆京])|{_GL}")
_PLAIN_RE = regex.compile(_D)  # the digits piece of _PIECE_RE, alone
#: A written coefficient: a digit or a hangul digit word (``일억`` has one, ``억`` none).
_DIGIT_RE = regex.compile(rf"\d|{_H}(?=[천백십만억조경])")


def _has_digits(num: str) -> bool:
    """Whether a matched number has a written coefficient (``3천``, ``일억``; not ``억``). A
    leading digit settles it without the search (hangul and hanzi are no decimals)."""
    return num[:1].isdecimal() or _DIGIT_RE.search(num) is not None


_CONTEXT = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN)
_LONG_DIGITS = regex.compile(r"\d(?:,?\d){29}")  # 30 digits, thousands commas or not


# ----------------------------------------------------------------------------- values
def tidy(value: Decimal) -> Decimal:
    """``value`` without exponent or trailing zeros: 2.7억 -> 270000000, 25.40 -> 25.4."""
    if value == value.to_integral_value():
        # enough precision for every digit: quantize raises InvalidOperation otherwise
        context = _CONTEXT if value.adjusted() < _CONTEXT.prec else decimal.Context(prec=value.adjusted() + 2)
        return value.quantize(Decimal(1), context=context)
    return value.normalize(_CONTEXT)


def _value_of(num: str) -> Decimal:
    """The value of a string matched by :data:`NUMBER_PATTERN` (glosses, spaces and 여
    are skipped). Groups accumulate: coefficient x 천/백/십 into a section, section x
    만/억/조/경 into the total."""
    if len(num) <= 60 and "." not in num:
        digits = num.replace(",", "")
        if digits.isdecimal():  # one run of digits (2,000): an integer, exactly as below
            return Decimal(int(digits))
        total_int = _int_value_of(num)  # place words over integers: exact in ints
        if total_int is not None:
            return Decimal(total_int)
    plain = _PLAIN_RE.match(num)
    if plain is not None and plain.end() == len(num) and len(num) <= 60:
        # most numbers are one run of digits (2,000, 15.3): exactly what the loop below
        # gives for them (0 + 0 + D is exact at 60 digits), without the context and the scan
        return tidy(Decimal(num.replace(",", "")))
    return _decimal_value_of(num)


def _decimal_value_of(num: str) -> Decimal:
    """:func:`_value_of` by the general loop over the pieces, in Decimal (the reference the
    faster integer paths must agree with)."""
    total = Decimal(0)
    section = Decimal(0)
    pending: Optional[Decimal] = None
    with decimal.localcontext(_CONTEXT):
        for m in _PIECE_RE.finditer(num):
            d, h, s, b = m.group("d", "h", "s", "b")  # one call per piece
            if d:
                pending = Decimal(d.replace(",", ""))
            elif h:
                pending = Decimal(HANGUL_DIGITS[h])
            elif s:
                section += (pending if pending is not None else 1) * _SMALL[s]
                pending = None
            elif b:
                if pending is not None:
                    section += pending
                elif section == 0:
                    section = Decimal(1)  # 조 alone, 만 alone
                total += section * _BIG[_BIG_HANZI.get(b, b)]
                section, pending = Decimal(0), None
        total += section + (pending if pending is not None else 0)
    return tidy(total)


_EXACT_LIMIT = 10**60  # below it, the Decimal loop of _value_of (60 digits) rounds nothing


_BIG_ANY = {**_BIG, **{k: _BIG[v] for k, v in _BIG_HANZI.items() if len(k) == 1}}
_GLOSS_CHARS = frozenset("千仟百佰十拾萬万億亿兆京")
_SKIPPED = frozenset(" \u00a0여")


def _int_value_of(num: str) -> Optional[int]:
    """:func:`_value_of` of a number without a decimal point, in integer arithmetic: the
    pieces of :data:`_PIECE_RE` read character by character and accumulated the same way,
    several times faster than the regex and Decimal loop. None for anything unexpected,
    and when the total would reach 60 digits (where the Decimal loop rounds)."""
    total = section = 0
    pending: Optional[int] = None
    i, n = 0, len(num)
    while i < n:
        ch = num[i]
        if ch.isdecimal():  # a run of digits with thousands commas: one piece
            j = i + 1
            while j < n and (num[j].isdecimal() or num[j] == ","):
                j += 1
            pending = int(num[i:j].replace(",", ""))
            i = j
            continue
        if ch in HANGUL_DIGITS:
            pending = HANGUL_DIGITS[ch]
        elif ch in _SMALL:
            section += (pending if pending is not None else 1) * _SMALL[ch]
            pending = None
        elif ch in _BIG_ANY:
            if num.startswith(("万亿", "萬億"), i):
                unit, i = _BIG["조"], i + 1
            else:
                unit = _BIG_ANY[ch]
            if pending is not None:
                section += pending
            elif section == 0:
                section = 1
            total += section * unit
            section, pending = 0, None
        elif ch == "(":  # a hanja gloss, 조(兆): skipped whole
            if num[i + 2 : i + 3] != ")" or num[i + 1 : i + 2] not in _GLOSS_CHARS:
                return None
            i += 3
            continue
        elif ch not in _SKIPPED:
            return None
        i += 1
    total += section + (pending if pending is not None else 0)
    return total if total < _EXACT_LIMIT else None


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number found in a text: its value and where its parts are.

    ``start``/``end`` cover prefix, sign, number and 여 (``text`` is that slice);
    ``number_start``/``number_end`` the digits and place words only; ``prefix`` and
    ``suffix`` the spans of the prefix word (약, 최대…) and of 여, when present.
    """

    value: Decimal
    start: int
    end: int
    text: str
    number_start: int
    number_end: int
    approx: bool = False
    bound: Optional[str] = None
    negative: bool = False
    has_digits: bool = True
    prefix: Optional[tuple[int, int]] = None
    suffix: Optional[tuple[int, int]] = None


_GROUP_NAMES: dict[str, tuple[str, str, str, str]] = {}


def read_number(m: "regex.Match[str]", tag: str = "") -> NumberMatch:
    """The :class:`NumberMatch` of the groups that :func:`number_expression` ``(tag)`` made."""
    # one span() call for the four groups: this runs for every number a fact rule keeps
    names = _GROUP_NAMES.get(tag)
    if names is None:
        names = _GROUP_NAMES[tag] = (f"{tag}num", f"{tag}pre", f"{tag}sign", f"{tag}yeo")
    (num_start, num_end), (pre_start, pre_end), (sign_start, _), (yeo_start, yeo_end) = m.span(*names)
    string = m.string
    num = string[num_start:num_end]
    value = _value_of(num)
    pre = string[pre_start:pre_end] if pre_start >= 0 else None
    negative = sign_start >= 0
    if negative:
        value = -value
    approx, bound = _PREFIXES.get(pre, (False, None)) if pre else (False, None)
    yeo = yeo_start >= 0 and yeo_end > yeo_start
    if yeo or "여" in num:
        approx = True
    # the first group present (prefix, sign and number come in this order)
    start = pre_start if pre_start >= 0 else sign_start if sign_start >= 0 else num_start
    end = yeo_end if yeo else num_end
    return NumberMatch(
        value=value,
        start=start,
        end=end,
        text=string[start:end],
        number_start=num_start,
        number_end=num_end,
        approx=approx,
        bound=bound,
        negative=negative,
        has_digits=_has_digits(num),
        prefix=(pre_start, pre_end) if pre else None,
        suffix=(yeo_start, yeo_end) if yeo else None,
    )


def match_number(s: str) -> NumberMatch:
    """Read all of ``s`` as one number expression (prefix, sign, number, 여) or raise
    :class:`NumberParseError`."""
    m = _FULL_RE.fullmatch(s)
    if m is None:
        raise NumberParseError(
            f"{s!r} is not a Korean number expression; expected digits and/or 천/백/십 "
            "with 만/억/조/경 groups in descending order, e.g. '11억9천만', '82조 7,122억', "
            "'약 2.7억' (vague amounts such as 수십억 have no value)"
        )
    return read_number(m)


def parse_korean_number(s: str) -> Decimal:
    """The exact value of a Korean number expression: ``'11억9천만'`` -> 1190000000.

    Approximation and bound words (약, 여, 최대…) are accepted and do not change the
    value; use :func:`match_number` to keep them.
    """
    return match_number(s).value


def iter_number_matches(
    text: str, start: int, end: int, *, bare: bool = False
) -> Iterator["regex.Match[str]"]:
    """The raw matches of :data:`NUMBER_RE` in ``text[start:end]`` (plain digits matched by
    the equivalent :data:`_SIMPLE_RE`), in order (groups
    ``pre``, ``sign``, ``num``, ``yeo``; read one with :func:`read_number`). Without
    ``bare``, numbers made only of place words (``조``, ``천억``) are left out. Fact rules
    check their unit right after a match before paying for a :class:`NumberMatch`."""
    last = start
    for c in (_STARTS_BARE if bare else _STARTS).finditer(text, start, end):
        at = c.start()  # scan(NUMBER_RE, …), with the plain digits taken by _SIMPLE_RE
        if at < last:
            continue
        m = _SIMPLE_RE.match(text, at, end) or NUMBER_RE.match(text, at, end)
        if m is None:
            continue
        last = m.end()
        num = m.group("num")
        if len(num) >= 30 and _LONG_DIGITS.search(num):
            continue  # 30+ digits in a row is a code or an ID, not a quantity
        if bare or _has_digits(num):
            yield m


_BARE_AMOUNT_RE = regex.compile(
    rf"{LEFT_BOUNDARY}(?:(?P<pre>{_PREFIX_ALT}){_SP}?)?(?P<sign>(?!))?"
    rf"(?P<num>(?:[천백십]?[억조]|[천백십]만){_GL}?)(?P<yeo>여(?!러))?(?![\p{{Latin}}\d])"
)
_BARE_AMOUNT_START = regex.compile(rf"(?:(?:{_PREFIX_ALT}){_SP}?)?[천백십만억조]")


def iter_bare_amounts(text: str, start: int, end: int) -> Iterator["regex.Match[str]"]:
    """Numbers made of place words only, in the few shapes an amount of money takes
    (``조``, ``천억``, ``백만``; groups as :func:`iter_number_matches`): money reads these
    beside the digit numbers instead of scanning the text a second time with ``bare``."""
    for m in scan(_BARE_AMOUNT_RE, _BARE_AMOUNT_START, text, start, end):
        yield m


def find_numbers(
    text: str,
    spans: Optional[Sequence[tuple[int, int]]] = None,
    *,
    require_digits: bool = True,
) -> Iterator[NumberMatch]:
    """Every number expression in ``spans`` of ``text`` (the whole text by default).

    Numbers made only of place words (``조``, ``천억``) are skipped unless
    ``require_digits`` is false: alone they are usually syllables of other words.
    """
    for start, end in spans if spans is not None else ((0, len(text)),):
        for m in iter_number_matches(text, start, end, bare=not require_digits):
            yield read_number(m)


# ----------------------------------------------------------------------------- malformed
#: More digits after a unit word than fit below it (``2만1천3422``: 3422 after 천 ``1,000``), or
#: before 십/백/천 than one digit inside a larger group (``7천500백만``; ``5000천 위안``, thousands
#: of yuan, is well formed): a typo in the source. The number is read as
#: written, and the reader is warned.
_OVERFLOW = regex.compile(r"(?:십\d{2,}|백\d{3,}|천\d{4,}|만\d{5,}|억\d{9,}|조\d{13,}|\d{2,}[십백천](?=[만억조경]))")


def overflowing_unit(numeral: str) -> Optional[str]:
    """The part of a Korean numeral whose digits overflow the unit word before them
    (``2만1천3422`` -> ``천3422``), or None for a well-formed numeral."""
    m = _OVERFLOW.search(numeral.replace(",", ""))
    return m.group() if m else None


# ----------------------------------------------------------------------------- markers
@dataclass(frozen=True, slots=True)
class Markers:
    """Approximation and bound words after a quantity's unit; ``end`` is where they stop
    (records exclude them: ``2천만 위안 이상`` -> text ``2천만 위안``, bound ``min``)."""

    approx: bool = False
    bound: Optional[str] = None
    end: int = 0


_TRAIL_RE = regex.compile(
    r"""
    (?:[ ]?\([^()\d]{1,20}\))?   # a note without figures: 12억명(연인원, 이하 동일)에 육박
    [ ]?
    (?:선(?=(?:에|""" + particle_pattern("verb") + r""")[ ]?[가-힣]))?   # 6만 위안 선에 육박, 선을 돌파: the mark
    (?:
        (?P<approx>가량|안팎|정도|내외|남짓|쯤|가까이|육박(?!전))   # 4천500조원 육박 (a headline drops 에)
      | (?P<min>이상)
      | (?P<max>이하|이내)
      | (?P<under>미만)
      | (?P<over>초과)
      | (?:(?:""" + particle_pattern("verb") + r""")[ ]?)?   # 명을 넘는, 위안이 돌파: data/particles.tsv
        (?:
            (?P<over>넘(?:는|게|어|었|긴|을|으|겼|기)|돌파|웃도|웃돌|상회)
          | (?P<under>밑도|밑돌|하회|못[ ]?미치|못[ ]?미쳤)
        )
      | 에[ ]?(?P<approx>육박|가까운|가까이|가깝)   # 23만 명에 가까운: nearly
    )
    """,
    regex.VERBOSE,
)

_MARKER_BOUNDS = ("min", "max", "over", "under")


def read_trailing_markers(text: str, pos: int, endpos: Optional[int] = None) -> Markers:
    """The approximation or bound word right after a unit ending at ``pos``."""
    m = _TRAIL_RE.match(text, pos, len(text) if endpos is None else endpos)
    if m is None:
        return Markers(end=pos)
    if m.group("approx"):
        return Markers(approx=True, end=m.end())
    for name in _MARKER_BOUNDS:
        if m.group(name):
            return Markers(bound=name, end=m.end())
    return Markers(end=pos)  # pragma: no cover - every branch names a group
