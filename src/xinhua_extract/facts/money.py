"""Money rules: a number and a currency (``천억 위안``, ``약 18조원``, ``$100``), in base
units with an ISO 4217 code, and the conversions written in parentheses
(``11억9천만 위안(2천146억원)``).

Rules (``Money.rule``):

``money-number-currency``  number + currency word from data/currencies.tsv
``money-symbol-number``    currency sign + number (``$100``, ``€5억``)
``money-range-low``        the lower end of ``100억~200억 위안`` (text ``100억``, bound min;
                           a bare lower end takes the upper end's myriad unit: ``3~4억``)
``money-range-high``       its upper end (bound max)
                           ``3,4만 위안`` (three or four ten thousand: two consecutive digits
                           joined by a comma before one myriad unit) is such a range too
``money-irregular-currency`` number + a currency word one letter (jamo) off a known one
                           (``100억 위앤``): read as that currency; the pipeline warns (W103)
``money-won-as-yuan``      an amount in ``원`` whose sentence is about Chinese money (a word
                           of data/won_context.tsv side ``cny``, none of side ``krw``, no
                           위안 of its own) and that is no conversion: the yuan 元 written by
                           its Sino-Korean reading (``1인당 가처분소득은 1만2천 원``), read as
                           CNY; the pipeline warns (W104)
``money-conversion``       an amount in another currency in parentheses right after an
                           amount (an approximation or bound word after the parenthesis is
                           said of both: ``1천63억 위안(20조1천215억원)에 육박``), or after it behind ``한화로``/``우리 돈으로`` (``50억
                           위안, 한화로 약 9천억원``): its own record, ``equivalent_of`` = the index of that
                           amount in the returned tuple, ``rate`` = this / that

The record text runs from the prefix (약, 최대…) to the currency; approximation and bound
words after the currency (이상, 가량…) and a scale word (``scale``: 급 tier, 대 bracket,
선 level, 규모 scale) are attributes, outside the text: ``천억 위안급`` -> text
``천억 위안``, scale ``급``; ``천억 위안(약 18조원)급`` puts the scale on the yuan amount.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Optional, Sequence

import regex

from ..numbers import NumberMatch, iter_bare_amounts, parse_korean_number, read_number, read_trailing_markers, tidy
from ..particles import particle_pattern
from ..records import ArticleWarning, Fact, Money
from ._numeric import (
    CURRENCY_FOLLOW,
    FOLLOW,
    alternation,
    clip_spans,
    currencies,
    currency_typos,
    won_context,
    numbers_with_ranges,
    UNIT_SPACES,
    range_low_value,
)

log = logging.getLogger(__name__)

__all__ = ["extract_money", "conversion_warnings", "spelling_warnings", "unread_amount_warnings", "KRW_PER_CNY_RANGE"]

#: Plausible won per yuan (the rate has moved between about 150 and 200 since 2000).
KRW_PER_CNY_RANGE = (Decimal(100), Decimal(260))

_SP = r"[ \u00a0]"
_CODES: dict[str, str] = {row.surface: row.code for row in currencies()}

# The currency right after a number, or its sign right before (the number grammar is in
# xinhua_extract.numbers). alternation() escapes the space of '미국 달러'.
_SUFFIXES = [r.surface for r in currencies() if r.position == "suffix"]
_SIGNS = [r.surface for r in currencies() if r.position == "prefix"]
_CURRENCY_RE = regex.compile(rf"{_SP}?(?P<cur>{alternation(_SUFFIXES)}){CURRENCY_FOLLOW}")
#: A figure with unit words and a currency word after it: what a money record should cover.
_AMOUNT_LIKE_RE = regex.compile(rf"(?<![\p{{L}}\p{{N}}.,])\d[\d,.]*(?:[ ]?[십백천만억조경]+[\d,.]*)+{_SP}?(?:{alternation(_SUFFIXES)})")
_SYMBOL_RE = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<sym>{alternation(_SIGNS)}){_SP}?")
_SYMBOL_CHARS = frozenset("".join(_SIGNS)) - frozenset("USHKNT")  # $ € £: a sign may be near
_SYMBOL_WINDOW = max(map(len, _SIGNS)) + 1

_SCALE_RE = regex.compile(rf"(?P<scale>급|선|대{FOLLOW})|{_SP}(?P<scale>규모)")
# Between an amount and the amount in parentheses converting it.
_OPEN_RE = regex.compile(rf"{_SP}?\({_SP}?(?:(?:한화|원화|미화|인민폐|우리{_SP}?돈){_SP}?)?")
# 50억 위안, 한화로 약 9천억원: a conversion written after the amount, outside parentheses.
_OUTSIDE_RE = regex.compile(
    rf"(?:{particle_pattern('convert')}|,)?{_SP}?(?:,{_SP}?)?(?:한화|원화|미화|우리{_SP}?돈|달러|인민폐){_SP}?"
    rf"(?:{particle_pattern('unit', 'to, as')})(?:는)?{_SP}?"  # the joints: data/particles.tsv
    rf"(?:환산하면{_SP}|환산해{_SP}|계산하면{_SP})?"
)
_CLOSE_RE = regex.compile(rf"{_SP}?(?:상당{_SP}?)?\)")
_BARE_OK = regex.compile(r"(?:[천백십]?[억조]|[천백십]만)(?:\(.\))?")


def _bare_ok(nm: NumberMatch, text: str) -> bool:
    """A number without digits is money only as 조, 억, 천억, 백만… (``조 위안``); a lone
    만, 천 or 백 is too often a syllable (``만원 버스``: a packed bus)."""
    return nm.has_digits or _BARE_OK.fullmatch(text, nm.number_start, nm.number_end) is not None


def _rate(value: Decimal, base: Decimal) -> Optional[Decimal]:
    """``value / base`` to 0.01, without trailing zeros or exponent: 180.34, 180."""
    if base == 0:
        return None
    return tidy((value / base).quantize(Decimal("0.01")))


def extract_money(text: str, spans: Sequence[tuple[int, int]]) -> tuple[Money, ...]:
    """Every amount of money inside ``spans`` of ``text``, in text order."""
    found: list[dict] = []
    for span_start, span_end in clip_spans(text, spans):
        # the digit numbers come from the scan counts and percentages share; the amounts
        # without digits (조 위안, 천억 위안) from a small pattern of their own
        here = [
            record
            for m, low in numbers_with_ranges(text, span_start, span_end)
            for record in _records_of(m, low, text, span_start, span_end)
        ]
        bare = [
            record
            for m in iter_bare_amounts(text, span_start, span_end)
            for record in _records_of(m, None, text, span_start, span_end)
        ]
        if bare:
            here = sorted(here + bare, key=lambda r: r["start"])
        listed = _comma_ranges(text, span_start, span_end)
        if listed:
            here = sorted(here + listed, key=lambda r: r["start"])
        found.extend(here)
    _link_conversions(found, text)
    _won_as_yuan(found, text)
    return tuple(Money(**fields) for fields in found)


#: 3,4만 위안: consecutive one-digit numbers joined by a comma before a myriad unit (no
#: thousands separator has one digit after its comma).
_COMMA_RANGE_RE = regex.compile(r"(?<![\d.,])(?P<a>[1-9]),[ ]?(?P<b>[1-9](?P<unit>[천백십]?[만억조]))(?![\d,.])")


def _comma_ranges(text: str, span_start: int, span_end: int) -> list[dict]:
    """``3,4만 위안`` -> a range from 3만 to 4만 yuan, as ``100억~200억 위안`` gives."""
    out: list[dict] = []
    for m in _COMMA_RANGE_RE.finditer(text, span_start, span_end):
        a, b = int(m.group("a")), int(m.group("b")[0])
        cm = _CURRENCY_RE.match(text, m.end(), span_end)
        if b != a + 1 or cm is None:
            continue
        high = parse_korean_number(m.group("b"))
        code, unit_end = _CODES[cm.group("cur")], cm.end()
        markers = read_trailing_markers(text, unit_end, span_end)
        common = dict(currency=code, approx=markers.approx, scale=None)
        out.append(dict(text=m.group("a"), start=m.start("a"), end=m.end("a"), rule="money-range-low",
                        value=tidy(high / b * a), bound="min", **common))
        out.append(dict(text=text[m.start("b") : unit_end], start=m.start("b"), end=unit_end,
                        rule="money-range-high", value=high, bound="max", **common))
    return out


_TYPO_RE = regex.compile(rf"{_SP}?(?P<w>\p{{Hangul}}{{2,8}})")
_CURRENCY_FOLLOW_RE = regex.compile(CURRENCY_FOLLOW)


def _typo_currency(text: str, pos: int, span_end: int) -> Optional[tuple[str, int]]:
    """(the currency word meant, end) for a mistyped currency word right after a number
    (``위앤``, ``위얀`` for 위안), by :func:`~._numeric.currency_typos`; else None."""
    tm = _TYPO_RE.match(text, pos, span_end)
    if tm is None:
        return None
    typos = currency_typos()
    word, at = tm.group("w"), tm.start("w")
    for length in range(min(len(word), 6), 1, -1):
        meant = typos.get(word[:length])
        if meant is not None and _CURRENCY_FOLLOW_RE.match(text, at + length, span_end):
            return meant, at + length
    return None


def _symbol_before(m: "regex.Match[str]", text: str, span_start: int) -> "Optional[regex.Match[str]]":
    start = m.start()
    for at in range(max(span_start, start - _SYMBOL_WINDOW), start):
        sm = _SYMBOL_RE.fullmatch(text, at, start)
        if sm is not None:
            return sm
    return None


_SUFFIX_FIRST = frozenset(w[0] for w in _SUFFIXES)
_TYPO_FIRST: list[frozenset[str]] = []


def _typo_first() -> frozenset[str]:
    """The first two letters of the currency typos (each is two letters or more)."""
    if not _TYPO_FIRST:
        _TYPO_FIRST.append(frozenset(w[:2] for w in currency_typos()))
    return _TYPO_FIRST[0]


def _records_of(
    m: "regex.Match[str]", low_match: "Optional[regex.Match[str]]", text: str, span_start: int, span_end: int
) -> list[dict]:
    # a currency word or a typo of one, right after the number or one space: the patterns are
    # tried only when the word there starts like one
    at = m.end() + (text[m.end() : m.end() + 1] in UNIT_SPACES)
    if text[at : at + 1] in _SUFFIX_FIRST or text[at : at + 2] in _typo_first():
        cm = _CURRENCY_RE.match(text, m.end(), span_end)
        typo = _typo_currency(text, m.end(), span_end) if cm is None else None
    else:
        cm = typo = None
    sm = None
    if cm is None and typo is None:
        window = text[max(span_start, m.start() - _SYMBOL_WINDOW) : m.start()]
        if not _SYMBOL_CHARS.intersection(window):
            return []
        sm = _symbol_before(m, text, span_start)
        if sm is None:
            return []
    nm = read_number(m)
    if not _bare_ok(nm, text):
        return []
    if sm is not None:
        code = _CODES[sm.group("sym")]
        start, unit_end, rule = sm.start(), nm.end, "money-symbol-number"
    elif typo is not None:  # 100억 위앤: a mistyped currency word (warned: W103)
        code = _CODES[typo[0]]
        start, unit_end, rule = nm.start, typo[1], "money-irregular-currency"
    else:
        code = _CODES[cm.group("cur")]
        start, unit_end, rule = nm.start, cm.end(), "money-number-currency"
    scale = None
    after = unit_end
    scm = _SCALE_RE.match(text, unit_end, span_end)
    if scm is not None:
        scale, after = scm.group("scale"), scm.end()
    markers = read_trailing_markers(text, after, span_end)
    out = []
    bound = markers.bound or nm.bound
    approx = nm.approx or markers.approx
    if low_match is not None and sm is None:
        low = read_number(low_match)
        approx = approx or low.approx  # 약 397만~595만원: 약 is said of the whole range
        out.append(
            dict(
                text=low.text, start=low.start, end=low.end, rule="money-range-low",
                value=range_low_value(low, m.group("num"), text), currency=code,
                approx=low.approx or markers.approx, bound="min", scale=scale,
            )
        )
        rule, bound = "money-range-high", "max"
    out.append(
        dict(
            text=text[start:unit_end], start=start, end=unit_end, rule=rule, value=nm.value,
            currency=code, approx=approx, bound=bound, scale=scale,
        )
    )
    return out


def _link_conversions(found: list[dict], text: str) -> None:
    """Mark an amount in parentheses right after another one, in another currency. A
    range converted into a range (``2만~3만 위안(약 397만~595만원)``) pairs its ends:
    low with low, high with high."""
    for i in range(1, len(found)):
        source, target = found[i - 1], found[i]
        if (
            target["rule"] == "money-range-low" and source["rule"] == "money-range-high" and i >= 2
            and found[i - 2]["rule"] == "money-range-low" and i + 1 < len(found)
            and found[i + 1]["rule"] == "money-range-high" and source["currency"] != target["currency"]
            and (_OPEN_RE.fullmatch(text, source["end"], target["start"]) is not None)
        ):
            for src, tgt, at in ((found[i - 2], target, i - 2), (source, found[i + 1], i - 1)):
                tgt["equivalent_of"], tgt["rate"], tgt["rule"] = at, _rate(tgt["value"], src["value"]), "money-conversion"
            continue
        if target.get("equivalent_of") is not None:
            continue
        if source["currency"] == target["currency"] or source.get("equivalent_of") is not None:
            continue
        opened = _OPEN_RE.fullmatch(text, source["end"], target["start"])
        if opened is None and _OUTSIDE_RE.fullmatch(text, source["end"], target["start"]) is None:
            continue
        target["equivalent_of"] = i - 1
        target["rate"] = _rate(target["value"], source["value"])
        target["rule"] = "money-conversion"
        closed = _CLOSE_RE.match(text, target["end"])
        if closed is not None and source["scale"] is None:
            sm = _SCALE_RE.match(text, closed.end())
            if sm is not None:
                source["scale"] = sm.group("scale")
        if closed is not None:  # 1천63억 위안(20조1천215억원)에 육박: said of both amounts
            markers = read_trailing_markers(text, closed.end())
            for record in (source, target):
                record["approx"] = record["approx"] or markers.approx
                record["bound"] = record["bound"] or markers.bound


_SENTENCE_END = regex.compile(r"[.!?。]\s|\n")


def _won_as_yuan(found: list[dict], text: str) -> None:
    """Read an amount in 원 as CNY where its sentence is about Chinese money (see the module
    docstring, rule ``money-won-as-yuan``). Conversions on either side stay KRW."""
    sources = {r["equivalent_of"] for r in found if r.get("equivalent_of") is not None}
    for i, record in enumerate(found):
        if (
            record["currency"] != "KRW" or record["rule"] != "money-number-currency" or i in sources
            or not text.startswith("원", record["end"] - 1)
        ):
            continue
        start = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, record["start"] - 300), record["start"])),
                    default=max(0, record["start"] - 300))
        stop = _SENTENCE_END.search(text, record["end"], record["end"] + 300)
        sentence = text[start : stop.start() if stop else record["end"] + 300]
        words = won_context()
        if "위안" in sentence or any(w in sentence for w in words["krw"]):
            continue
        if any(w in sentence for w in words["cny"]):
            record["currency"], record["rule"] = "CNY", "money-won-as-yuan"


#: rule -> (warning code, message): amounts read from an irregular spelling of their currency
_SPELLING_WARNINGS = {
    "money-irregular-currency": (
        "W103", "'{text}': the currency word is spelled irregularly; read as {currency} "
        "(one letter off a known currency name) — check the source"),
    "money-won-as-yuan": (
        "W104", "'{text}': 원 in a sentence about Chinese money, with no won conversion; read as "
        "CNY (the yuan 元 written by its Sino-Korean reading) — check the source"),
}


def spelling_warnings(moneys: Sequence[Fact]) -> tuple[ArticleWarning, ...]:
    """``W103`` for each amount read with a mistyped currency word (``100억 위앤``), ``W104``
    for each amount in 원 read as yuan (``money-won-as-yuan``)."""
    out = []
    for m in moneys:
        found = _SPELLING_WARNINGS.get(m.rule) if isinstance(m, Money) else None
        if found is not None:
            code, message = found
            out.append(ArticleWarning(code=code, message=message.format(text=m.text, currency=getattr(m, "currency")),
                                      start=m.start, end=m.end))
    return tuple(out)


def unread_amount_warnings(text: str, spans: Sequence[tuple[int, int]], moneys: Sequence[Fact]) -> tuple[ArticleWarning, ...]:
    """``W106`` for each figure with unit words and a currency that no money record covers
    (``4억2200억 위안``: a unit word twice): a numeral the grammar cannot read is said, not
    dropped in silence."""
    out = []
    for start, end in spans:
        for m in _AMOUNT_LIKE_RE.finditer(text, start, end):
            if not any(f.start < m.end() and m.start() < f.end for f in moneys):
                out.append(ArticleWarning(
                    code="W106",
                    message=f"{m.group()!r} reads as an amount but its numeral could not be read "
                    "(a unit word out of order or repeated?): no money record",
                    start=m.start(), end=m.end()))
    return tuple(out)


def conversion_warnings(moneys: Sequence[Fact]) -> tuple[ArticleWarning, ...]:
    """``W101`` for each yuan/won conversion whose implied won-per-yuan rate lies outside
    :data:`KRW_PER_CNY_RANGE`. ``equivalent_of`` must index ``moneys`` (the extractor's
    own tuple, or the article's facts once re-indexed)."""
    low, high = KRW_PER_CNY_RANGE
    out = []
    for money in moneys:
        if not isinstance(money, Money) or money.equivalent_of is None:
            continue
        if not 0 <= money.equivalent_of < len(moneys):
            continue
        source = moneys[money.equivalent_of]
        if not isinstance(source, Money) or source.value == 0 or money.value == 0:
            continue
        pair = (source.currency, money.currency)
        if pair == ("CNY", "KRW"):
            krw, cny = money, source
        elif pair == ("KRW", "CNY"):
            krw, cny = source, money
        else:
            continue
        rate = _rate(krw.value, cny.value)
        if rate is not None and not low <= rate <= high:
            out.append(
                ArticleWarning(
                    code="W101",
                    message=(
                        f"'{cny.text}' ({format(cny.value, 'f')} CNY) given as '{krw.text}' "
                        f"({format(krw.value, 'f')} KRW) implies {format(rate, 'f')} won per yuan, "
                        f"outside the plausible {low}-{high}: one of the two figures is "
                        "probably mistyped or misread; check both against the source"
                    ),
                    start=min(source.start, money.start),
                    end=max(source.end, money.end),
                )
            )
    return tuple(out)
