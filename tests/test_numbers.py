"""The Korean number grammar: forms, attributes, rejections and a round-trip property."""

from __future__ import annotations

from decimal import Decimal

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from xinhua_extract import parse_article
from xinhua_extract.errors import XinhuaExtractError
from xinhua_extract.numbers import (
    NumberParseError,
    find_numbers,
    match_number,
    overflowing_unit,
    parse_korean_number,
    read_trailing_markers,
    tidy,
)

FORMS = [
    ("43", "43"),
    ("4,276", "4276"),
    ("25.4", "25.4"),
    ("3천950", "3950"),
    ("1천3", "1003"),
    ("11억9천만", "1190000000"),
    ("2천146억", "214600000000"),
    ("천억", "100000000000"),
    ("조", "1000000000000"),
    ("조(兆)", "1000000000000"),
    ("억(億)", "100000000"),
    ("82조 7,122억", "82712200000000"),
    ("140667억", "14066700000000"),
    ("약 2.7억", "270000000"),
    ("1만8382", "18382"),
    ("13억7462만", "1374620000"),
    ("3조8천800억", "3880000000000"),
    ("4경3천277조", "43277000000000000"),
    ("백만", "1000000"),
    ("천만", "10000000"),
    ("1억천만", "110000000"),
    ("300만 2천", "3002000"),
    ("4천5백6십7", "4567"),
    ("2.5조", "2500000000000"),
    ("-4.1", "-4.1"),
    ("−4.1", "-4.1"),
    ("마이너스(-) 4.1", "-4.1"),
    ("마이너스 4.1", "-4.1"),
    ("200여", "200"),
    ("70여억", "7000000000"),
    ("1만여", "10000"),
    ("0", "0"),
    ("1경", "10000000000000000"),
    ("1,234,567", "1234567"),
    ("일억", "100000000"),
    ("삼천", "3000"),
    ("이십여", "20"),
    ("이십삼", "23"),
    ("삼천오백만", "35000000"),
    ("1.2亿", "120000000"),
    ("100亿", "10000000000"),
    ("3万", "30000"),
    ("3万亿", "3000000000000"),
    ("1.5萬億", "1500000000000"),
]


@pytest.mark.parametrize("text,value", FORMS, ids=[f[0] for f in FORMS])
def test_forms(text, value):
    got = parse_korean_number(text)
    assert got == Decimal(value)
    assert format(got, "f") == value  # no exponent, no trailing zeros


@pytest.mark.parametrize("text", ["수십억", "수백", "몇", "3만 2만", "천진", "만큼", "", "C919", "1억 조", "삼", "일", "이삼"])
def test_rejections(text):
    with pytest.raises(NumberParseError) as err:
        parse_korean_number(text)
    assert isinstance(err.value, XinhuaExtractError) and isinstance(err.value, ValueError)
    assert err.value.code == "E101"


def test_attributes():
    m = match_number("약 2.7억")
    assert (m.approx, m.bound, m.prefix, m.number_start, m.number_end, m.text) == (True, None, (0, 1), 2, 6, "약 2.7억")
    m = match_number("200여")
    assert m.approx and m.suffix == (3, 4) and m.value == 200
    assert match_number("70여억").approx
    assert match_number("최대 30").bound == "max"
    assert match_number("최소 30").bound == "min"
    assert match_number("근 10만").approx
    m = match_number("마이너스(-) 4.1")
    assert m.negative and m.value == Decimal("-4.1") and m.number_start == 8
    assert not match_number("천억").has_digits and match_number("1천억").has_digits


def test_trailing_markers():
    cases = {
        " 이상": (False, "min"), " 이하": (False, "max"), " 이내": (False, "max"),
        " 초과": (False, "over"), " 미만": (False, "under"), "을 넘어섰다": (False, "over"),
        "가 넘는": (False, "over"), "를 돌파했다": (False, "over"), "를 밑돌았다": (False, "under"),
        " 가량": (True, None), " 안팎": (True, None), " 정도": (True, None), " 내외": (True, None),
        " 남짓": (True, None), "에 육박": (True, None), "에 달한다": (False, None), "의 기업": (False, None),
    }
    for after, (approx, bound) in cases.items():
        markers = read_trailing_markers("X" + after, 1)
        assert (markers.approx, markers.bound) == (approx, bound), after
        assert markers.end > 1 or (not approx and bound is None)


def test_no_numbers_inside_words_codes_or_dates():
    text = "C919 GPT-4 전화:0086-10-8805-0795 xinhuakorea@126.com c_1310149560 5G 제14회 第3 수십억 통일억"
    values = {m.text for m in find_numbers(text)}
    assert values == set()
    # digits may follow a hangul word or Chinese characters: 총43개, 세계1위, 为100亿元
    assert [m.text for m in find_numbers("총43개 세계1위 投资额为100亿元")] == ["43", "1", "100亿"]
    assert [m.text for m in find_numbers("천진에서 만큼 조정")] == []  # syllables, not numbers
    assert [m.text for m in find_numbers("10억 천진")] == ["10억"]
    assert all(not m.has_digits for m in find_numbers("천진에서 만큼 조정", require_digits=False))


def test_find_numbers_respects_spans():
    text = "43개 그리고 25.4% 또 100"
    assert [m.text for m in find_numbers(text, [(5, 15)])] == ["25.4"]


def test_tidy():
    assert format(tidy(Decimal("2.7") * Decimal(10**8)), "f") == "270000000"
    assert format(tidy(Decimal("25.40")), "f") == "25.4"
    assert format(tidy(Decimal("1E+11")), "f") == "100000000000"


# ----------------------------------------------------------------------------- property
_BIG = [("경", 10**16), ("조", 10**12), ("억", 10**8), ("만", 10**4)]


def _group(v: int, style: str, omit_one: bool) -> str:
    """A group 1..9999 as digits, with commas, or with 천/백/십."""
    if style == "digits":
        return str(v)
    if style == "commas":
        return f"{v:,}"
    if style == "mixed" and v >= 1000:  # 3천950, 1천3
        head, rest = divmod(v, 1000)
        return ("" if head == 1 and omit_one else str(head)) + "천" + (str(rest) if rest else "")
    out = ""
    for unit, size in (("천", 1000), ("백", 100), ("십", 10)):
        d = v // size % 10
        if d:
            out += ("" if d == 1 and omit_one else str(d)) + unit
    return out + (str(v % 10) if v % 10 else "")


@st.composite
def korean_numbers(draw):
    n = draw(st.integers(min_value=0, max_value=10**16))
    style = draw(st.sampled_from(["digits", "commas", "groups", "big-coefficient"]))
    if style == "digits" or n == 0:
        return n, str(n)
    if style == "commas":
        return n, f"{n:,}"
    if style == "big-coefficient":  # 140667억, 2,146억
        unit, size = draw(st.sampled_from(_BIG[1:]))
        n = n // size * size or size
        return n, (f"{n // size:,}" if draw(st.booleans()) else str(n // size)) + unit
    sep = draw(st.sampled_from(["", " "]))
    parts, rest, first = [], n, True
    for unit, size in _BIG + [("", 1)]:
        v, rest = divmod(rest, size)
        if not v:
            continue
        gstyle = draw(st.sampled_from(["digits", "commas", "small", "mixed"]))
        omit = draw(st.booleans()) and (first or not sep)  # after a space, a digit first
        coef = _group(v, gstyle, omit)
        if unit and v == 1 and first and draw(st.booleans()):
            coef = ""  # 만, 억, 조 alone as the leading group
        parts.append(coef + unit)
        first = False
    return n, sep.join(parts)


@settings(max_examples=500, deadline=None)
@given(korean_numbers())
def test_round_trip(case):
    n, text = case
    assert parse_korean_number(text) == n, text


@settings(max_examples=200, deadline=None)
@given(korean_numbers(), st.sampled_from(["약 ", "", "최대 "]))
def test_found_in_running_text(case, prefix):
    n, text = case
    sentence = f"올해 {prefix}{text}개를 넘었다"
    found = list(find_numbers(sentence, require_digits=False))
    assert len(found) == 1 and found[0].value == n, (sentence, found)
    assert found[0].text == prefix + text


_SCAN_PIECES = st.sampled_from(
    ["1", "12", "2,000", "3.5", ",", ".", "0", "123456", " ", "천", "백", "십", "만", "억", "조", "万", "亿", "여",
     "여러", "약 ", "최대", "마이너스", "-", "(", ")", "(兆)", "일", "삼", "G", "%", "위안", "개", "제", "第", "~", "/"]
)


def _scan_like_full_pattern(text: str, bare: bool) -> None:
    from xinhua_extract import numbers

    groups = ("pre", "sign", "num", "yeo")
    full = [
        [m.span(g) for g in groups]
        for m in numbers.scan(numbers.NUMBER_RE, numbers._STARTS_BARE if bare else numbers._STARTS, text, 0, len(text))
        if not numbers._LONG_DIGITS.search(m.group("num"))
        and (bare or numbers._DIGIT_RE.search(m.group("num")))
    ]
    got = [[m.span(g) for g in groups] for m in numbers.iter_number_matches(text, 0, len(text), bare=bare)]
    assert got == full, text


@settings(max_examples=300, deadline=None)
@given(st.lists(_SCAN_PIECES, max_size=12), st.booleans())
def test_scan_takes_common_shapes_as_the_full_pattern_would(pieces, bare):
    """``iter_number_matches`` reads plain digits and digits with place words (``1천억``)
    with a cheap pattern: it must yield the very matches (spans of every group) of trying
    :data:`NUMBER_RE` at each start."""
    _scan_like_full_pattern("".join(pieces), bare)


@pytest.mark.parametrize(
    "text",
    ["1천삼 명", "1천이", "3억 5천만", "1천(千)", "1천억여 위안", "1,000억", "1.5천", "2백십", "3조(兆)", "5천G",
     "4천여 개", "7억만", "3천 5", "10조 위안", "2천520개", "5억이 ", "1만8382", "3万亿元", "8백 명",
     "8천 만", "20억8천 만 위안", "3백 억", "5십 만 명", "7억 만"],
)
def test_scan_edge_shapes_as_the_full_pattern_would(text):
    _scan_like_full_pattern(text, False)
    _scan_like_full_pattern(text, True)


_VALUE_PIECES = st.sampled_from(
    ["1", "12", "2,000", "3.5", "0", "007", "123456", " ", "천", "백", "십", "만", "억", "조", "경", "万", "亿", "萬億",
     "여", "(兆)", "(千)", "일", "삼", "구", "9" * 29, "1,234,567"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_VALUE_PIECES, min_size=1, max_size=8))
def test_fast_value_paths_agree_with_the_decimal_loop(pieces):
    """Integer and plain-digit shortcuts of the value reader give the very Decimal (digits
    and exponent) of the general Decimal loop, for every number the grammar matches."""
    from xinhua_extract import numbers

    for m in regex.finditer(numbers.NUMBER_PATTERN, "".join(pieces)):
        num = m.group()
        fast, slow = numbers._value_of(num), numbers._decimal_value_of(num)
        assert fast.as_tuple() == slow.as_tuple(), num


@pytest.mark.parametrize(
    ("numeral", "part"),
    [("2만1천3422", "천3422"), ("12만34567", "만34567"), ("3백450", "백450"), ("2만1342", None),
     ("1,234억", None), ("3천500만", None), ("12억6천만", None), ("7천500백만", "500백"), ("5000천", None)],
)
def test_overflowing_unit_finds_digits_too_many_for_their_unit(numeral, part):
    assert overflowing_unit(numeral) == part


def test_a_mistyped_numeral_is_read_as_written_with_a_warning():
    article = parse_article("1인당 소득은 2만1천3422위안이다. 수출은 2만1342위안이다.")
    first, second = article.facts_of("money")
    assert first.value == 24422 and second.value == 21342
    (warning,) = [w for w in article.warnings if w.code == "W105"]
    assert (warning.start, warning.end) == (first.start, first.end)


def test_an_amount_whose_numeral_cannot_be_read_is_warned_not_dropped_in_silence():
    article = parse_article("투자액은 4억2200억 위안이다. 수출은 4억2200만 위안이다.")
    (money,) = article.facts_of("money")
    assert money.value == 422000000
    (warning,) = [w for w in article.warnings if w.code == "W106"]
    assert article.text[warning.start : warning.end] == "4억2200억 위안"
