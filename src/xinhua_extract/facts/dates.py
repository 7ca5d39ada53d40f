"""Dates and time expressions, resolved against the publication date.

One compiled alternation finds every candidate in the content spans, leftmost first;
at one position the alternatives are tried in order, so blockers (comparison bases)
come before the date rules and longer compositions before their parts. Adjacent points
joined by ``~``/``-`` are then merged into one interval (``2020년 10월~2021년 3월``).
The examples corpus is :mod:`xinhua_extract.facts.corpus.dates`.

Values are ISO-like: ``2021``, ``2021-H1``, ``2021-Q3``, ``2021-08``, ``2021-08-26``,
or an interval ``A/B`` of two of the same grain. ``grain`` is the grain of the value or,
for an interval, of both of its ends (``1~11월`` -> ``2021-01/2021-11``, grain month):
the ``/`` in the value is what marks an interval.

Decisions (where the house rules were silent):

* The record text excludes range particles: ``2004년부터`` -> ``2004년`` with
  ``range="start"`` (also ``이래``, ``이후``); ``까지``, ``이전`` close a span
  (``range="end"``). ``2019년부터 2021년까지`` is two records, ``2020~2022년`` one interval.
  ``들어`` (``올 들어``, ``8월 들어``) is left out too (``올해 들어`` -> ``올해``, as the fixture
  gold has it); it only licenses the bare ``올``.
* Parts of a month (``초``, ``초순``, ``상순``, ``중순``, ``하순``, ``말``) keep month grain:
  ``8월 말`` -> ``2021-08``. Parts of a year: ``연말``/``말`` -> the year's December
  (``2021-12``), ``연초``/``초`` -> its January; bare ``연초`` and ``연내`` (within the year,
  ``range="end"``) are the reference year's, bare ``연말`` too except in January and February,
  when it is the December just past (``연말 특수`` in an article of 2024-01-05 -> ``2023-12``)
  — but ``연말까지`` is a deadline, this year's December. ``연말연시`` (the turn of the year) is
  the interval December/January around the nearest December.
* ``올 들어 7월까지`` (this year, up to July) is one interval from the year's January:
  ``2022-01/2022-07`` (a day for the end gives day grain: ``2022-01-01/2022-05-20``).
* ``올 내에`` (within this year) is this year.
* ``올 춘절``, ``올 국경절 연휴``, ``올여름``, ``올겨울``: the bare ``올`` before a holiday or a
  season is this year (the record is ``올``; a season is no period of the value formats, so
  ``올겨울`` in January is still the reference year).
* ``올 한 해``, ``작년 한 해`` are the year; ``금년`` is this year; the spaced ``지난 해`` is
  ``지난해`` (before a particle or a non-letter only: ``지난 해양`` is no year).
* A year without 년 opening the name of an event (``2019 세계인공지능대회``, ``2022 베이징
  동계올림픽``, also with a hanja gloss inside the name: ``2023 보아오(博鰲)포럼``) is that
  year (rule ``event_year``); a year before other nouns is not read.
* Two-digit years (``'21년``, ``'98년``) and decades (``80년대``) are 2000-2049 / 1950-1999.
* Weeks (``지난주``, ``이번 주``, ``다음 주``) are the interval Monday/Sunday of that week
  (grain day).
* ``N~M일`` without 지난/오는 is a date range unless a duration word follows (``2~3일
  소요``, ``걸린다``, ``정도``…) or it counts days per week or month (``주 3~4일``).
* ``한 달 전``, ``두 해 전``: native numerals in offsets. ``2021.03`` (two-digit month) is a
  month; ``2021.3`` stays a decimal.
  ``1분기 말``/``상반기 초`` -> the period's last/first month (``2021-03``, ``2021-01``).
  ``1/4분기``, ``1·4분기``, ``1사분기`` are ``1분기``; ``2분기 연속`` counts, it names no quarter.
* A month, quarter or half without a year that follows a date with a stated year (digits
  or a year word) in the same sentence takes that year: ``작년 2분기 성장률은 … 1분기의``
  -> both last year. Otherwise
  a month, day of a month, quarter or half without a year takes the reference year,
  unless it would start more than six months after the reference month; then the year
  before (``12월`` in an article of 2024-01-05 -> ``2023-12``). For an interval the end
  decides (``1~11월`` in January -> last year's). ``지난 N월``/``지난 N월 N일`` take the latest
  such date on or before the reference, ``오는 …`` the earliest on or after.
* A day alone (``10일``, ``지난 10일``, ``10일(현지시간)``) is the latest such day on or
  before the reference (skipping months too short for it); ``오는 10일`` the earliest on
  or after. Anything resolved with the reference is ``relative=True``; with no reference
  its ``value`` is ``None`` (the pipeline warns).
* ``N년 전``/``후``/``뒤`` -> the year (year grain), ``N개월 전`` -> the month, ``N일 전`` ->
  the day. ``1990년대`` -> ``1990/1999`` (grain year); ``19세기`` -> ``1800/1899`` (the
  1800s, as in usage), but ``20세기 60년대`` is the decade and a quoted name's century no date.
* Not dates: comparison bases — ``전년 동기 대비``, ``지난해 같은 기간``, ``지난해보다``,
  ``1년 전 같은 기간보다``, ``2016년의 명목 성장률 보다`` (a date's figure as the base),
  ``전월 대비``, ``전분기 대비``, ``지난해 박람회보다`` (last year's X as the base), and any
  date directly followed by ``보다``/``대비``/``比``/``에 비해``/``와 비교``/``와 비슷`` or
  ``의 N배`` (``2010년의 1.7배``: a multiple of that year's figure) (``지난해 말보다``,
  ``2019년 대비``: the date names the base of a change, not when something happened), or by
  nouns that are the object of a comparing verb (``지난해 전체 인원수를 웃돌았다``), or by one
  or two nouns and a comparison word (``1분기 증속에 비했을때``, ``상반기 매출 대비``), or by
  an event and 전보다/때보다 (``2019년 코로나19 발생 전보다``).
  :func:`comparison_bases` returns them with a label (and, for the latter, the resolved
  value) for the numeric facts' ``basis``. ``전년`` on its own is a date.
* Not dates either: a quarter or half that is the object of a comparing verb (``1분기를
  앞질렀고``) or before ``와 같은 수준``; a bare day after a noun of what takes time (``해상
  운수 20일에서 육로 운송 6일로``), in ``1박 2일`` or before ``짜리``; ``1일`` before a trip noun
  (``1일 관광객``: one-day trippers); a bare number with a counter or a currency before an
  event noun (``선수 2000 명이 대회에``).
* Not dates either: a month or part of a year without a year after 대개/보통/해마다/매해/주로
  (``와이너리는 대개 2월부터 연말까지 바쁘다``: a habit, no one date);
  durations (``3년간``, ``10년 동안``, ``5일간``, ``5일 만에``, ``30일 이내``,
  ``지난 3년``, ``2~3년 전``, ``2분기 연속``); recurring dates (``매월 10일``, ``매년 11월 11일``); counts and ordinals (``13기``,
  ``14차 5개년``); ``N년생``, ``N년형``, ``연말정산``; times of day and ``24시간``; vague words
  (``현재``, ``최근``, ``향후``, ``그동안``).
* ``이날``, ``당일``, ``전날``, ``같은 날`` point to the article's or a previous sentence's
  day; the gold does not annotate them, so they yield nothing.
* Years outside 1000-2199 are not read as years. A match that
  names no real day (``2월 30일``, a backwards ``5월 3~1일``) yields nothing.
* ``rule`` is the name of the matching alternative in :data:`RULES` (``calendar``,
  ``month``, ``month_word``, ``period``, ``day_range``, ``day_of_month``, ``offset``, ``iso_date``,
  ``century``, ``decade``, ``year_range``), or ``interval`` for two points joined by ``~``.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any, NamedTuple, Optional, Sequence

import regex

from ..numbers import scan
from ._numeric import FOLLOW, alternation, counters, currencies
from ..particles import particle_pattern, particles
from ..records import DateFact

__all__ = ["ComparisonBasis", "comparison_bases", "extract_dates", "scan_dates", "RULES"]

# --------------------------------------------------------------------------- vocabulary
#: Year words and their offset from the reference year.
YEAR_WORDS = {
    "재작년": -2, "지지난해": -2, "지난해": -1, "지난 해": -1, "작년": -1, "전년도": -1, "전년": -1,
    "올해": 0, "금년도": 0, "금년": 0, "내년도": 1, "내년": 1, "명년": 1, "내후년": 2,
    "올": 0,  # only before another date word: 올 상반기, 올 1~7월, 올 들어
}
#: Month words and their offset from the reference month.
MONTH_WORDS = {
    "지난달": -1, "지난 달": -1, "이달": 0, "이번 달": 0, "이번달": 0,
    "다음 달": 1, "다음달": 1, "내달": 1,
}
#: Comparison bases: the word after the base picks the label.
_SAME_PERIOD = {
    "동기": "same_period_last_year", "같은 기간": "same_period_last_year",
    "같은기간": "same_period_last_year", "동기간": "same_period_last_year",
    "동월": "same_month_last_year", "같은 달": "same_month_last_year",
    "동분기": "same_quarter_last_year", "같은 분기": "same_quarter_last_year",
}
_BASIS_PREVIOUS = {
    "전년도": "previous_year", "전년": "previous_year", "지난해": "previous_year", "지난 해": "previous_year",
    "작년": "previous_year",
    "전월": "previous_month", "지난달": "previous_month", "전달": "previous_month",
    "전분기": "previous_quarter", "직전 분기": "previous_quarter", "지난 분기": "previous_quarter",
}


#: The bases that name last year in one word (전년 동기, 지난해 박람회보다), and the words of
#: "the same period" (1년 전 같은 기간보다): read from the tables above, never listed again.
_LAST_YEAR = tuple(w for w, label in _BASIS_PREVIOUS.items() if label == "previous_year" and " " not in w)
_SAME_PERIOD_WORDS = tuple(w for w, label in _SAME_PERIOD.items() if label == "same_period_last_year")


def _alt(words) -> str:
    """An alternation, longest first, so that 지난해 is tried before a shorter prefix."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


# --------------------------------------------------------------------------- building blocks
_SP = r"[ \u00a0]?"
_SEP = _SP + r"[~∼～〜\-–]" + _SP
_NOT_WORD_BEFORE = r"(?<![가-힣])"
_NOT_NUM_BEFORE = r"(?<![\d,/])(?<!\d\.)"  # 3.2014 is a decimal; 있었다.2014년 a year
_YEAR_NUM = r"(?:1\d{3}|20\d\d|21\d\d)"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
_DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])"
#: 말/초 are words of their own (말레이시아, 초청); accept them only before a particle.
_PART_END = (  # the shared table data/particles.tsv, column "date" (인대 is no particle)
    r"(?=$|[^가-힣]|"
    + "|".join("인(?!대)" if p == "인" else p for p in sorted(particles("date"), key=len, reverse=True))
    + r")"
)
_YEAR_ABS = (
    r"(?:" + _NOT_NUM_BEFORE + r"(?P<y>" + _YEAR_NUM + r")|(?<![\w'’])['’](?P<yy>\d\d))" + _SP
    + r"년(?P<ydo>도)?(?!대|생|형|산|간|째|치|분|차)"
)
#: 올 춘절, 올 국경절 연휴, 올 시즌, 올 여름 / 올여름: the bare 올 names this year before a
#: season or a holiday of the year (the year only: a season is no period of the formats).
_SEASONS = ("봄", "여름", "가을", "겨울")
_SEASONS_AND_HOLIDAYS = (
    *_SEASONS, "춘절", "춘제", "설 연휴", "설날", "원소절", "청명절", "노동절", "단오절", "중추절", "추석",
    "국경절", "성탄절", "시즌", "휴가철", "연휴",
)
_YEAR_WORD = (
    _NOT_WORD_BEFORE + r"(?:(?P<yw>" + _alt(w for w in YEAR_WORDS if w not in ("올", "지난 해")) + r")"
    + r"|(?P<yw>지난" + _SP + r"해)" + _PART_END  # spaced 지난 해, not 지난 해양
    + r"|(?P<yw>올)(?=" + _SP + r"(?:들어|한" + _SP + r"해|[상하]반기|연말|연초|초" + _PART_END + r"|말" + _PART_END
    + r"|내" + _PART_END + r"|\d"
    + r"|" + _alt(_SEASONS_AND_HOLIDAYS) + r")|" + _alt(_SEASONS) + r"))"
)
_MONTH = r"(?P<m>" + _MONTH_NUM + r")" + _SP + "월"
_MONTH_RANGE = (
    r"(?P<m>" + _MONTH_NUM + r")" + _SP + r"(?:월)?" + _SEP + r"(?P<m2>" + _MONTH_NUM + r")" + _SP + "월"
)
_DAY = r"(?P<d>" + _DAY_NUM + r")" + _SP + r"일(?!간|째|동안|본|반)"
_DAY_RANGE = (
    r"(?P<d>" + _DAY_NUM + r")" + _SP + r"(?:일)?" + _SEP + r"(?P<d2>" + _DAY_NUM + r")" + _SP
    + r"일(?!간|째|동안)"
)
_MONTH_PART = r"(?P<mpart>초순|상순|중순|하순|초" + _PART_END + r"|말" + _PART_END + r")"
#: 2분기 연속 counts quarters; it names none.
_NOT_A_COUNT = r"(?!" + _SP + r"(?:연속|째|만에|동안|간))"
#: 1분기 말, 상반기 초: the period's last or first month.
_PERIOD_PART = r"(?:" + _SP + r"(?P<ppart>초" + _PART_END + r"|말" + _PART_END + r"))?"
_QUARTER = r"(?P<q>[1-4])" + _SP + r"(?:[/·]4|사)?" + _SP + "분기" + _NOT_A_COUNT + _PERIOD_PART
_QUARTER_RANGE = (
    r"(?P<q>[1-4])" + _SP + r"(?:분기)?" + _SEP + r"(?P<q2>[1-4])" + _SP + r"(?:[/·]4|사)?" + _SP + "분기"
    + _NOT_A_COUNT
)
_HALF = r"(?P<half>상|하)반기" + _PERIOD_PART
_YEAR_PART = r"(?P<ypart>연말(?!정산|연시)|연초|말" + _PART_END + r"|초" + _PART_END + r")"
#: 올 한 해, 작년 한 해: the whole year.
_WHOLE_YEAR = r"(?P<whole>한" + _SP + r"해)"
#: What may follow a month: a day range, a day or a part of the month.
_MONTH_TAIL = (
    r"(?:" + _MONTH_RANGE + r"|" + _MONTH + r"(?:" + _SP + r"(?:" + _DAY_RANGE + r"|" + _DAY + r"|"
    + _MONTH_PART + r"))?)"
)
#: What may follow a year.
_YEAR_TAIL = (
    r"(?:" + _MONTH_TAIL + r"|" + _QUARTER_RANGE + r"|" + _QUARTER + r"|" + _HALF + r"|" + _YEAR_PART + r"|"
    + _WHOLE_YEAR + r")"
)
#: Week words and their offset from the reference week (Monday to Sunday).
WEEK_WORDS = {"지난주": -1, "지난 주": -1, "이번 주": 0, "이번주": 0, "다음 주": 1, "다음주": 1, "내주": 1}
#: Native numerals before 달/해 in offsets (한 달 전, 두 해 전).
_NATIVE_N = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6}
#: Nouns of events whose name a bare year may open (2019 세계인공지능대회).
_EVENT_NOUN = (
    r"(?:대회|박람회|엑스포|포럼|회의|축제|페스티벌|올림픽|월드컵|아시안게임|정상회의|서밋|전시회|교역회|"
    r"박람|컨퍼런스|콘퍼런스|대전|주간|시즌|포럼|교류회|상품전|모터쇼|마라톤)"
)
#: ``1일 관광객``, ``1일 투어``: "one-day" before the noun of a trip, not the 1st of a month.
_ONE_DAY_NOUNS = ("관광객", "여행객", "방문객", "관람객", "관광", "여행", "투어", "코스", "생활권", "이용권", "입장권")
_ONE_DAY = r"(?!(?<=(?<![\d.,])0?1" + _SP + r"일)" + _SP + r"(?:" + "|".join(_ONE_DAY_NOUNS) + r"))"
#: ``해상 운수 20일에서 육로 운송 6일로``: a bare day right after a noun of what takes time
#: (shipping, customs, a stay) is how long it takes, not a day of the month.
_DURATION_NOUNS = ("운송", "운수", "운항", "배송", "통관", "체류", "소요", "여정", "항해")
_DURATION_OF = (
    r"(?<!(?:" + "|".join(_DURATION_NOUNS) + r")" + _SP + r"\d{1,2}" + _SP + r"일)"
    r"(?<!\d" + _SP + r"박" + _SP + r"\d{1,2}" + _SP + r"일)"  # 1박 2일: nights and days
)
#: ``선수 2000 명이 대회에``, ``2015 위안어치를 박람회에서``: a number with a counter or a
#: currency (data/counters.tsv, currencies.tsv) is no year.
_NOT_COUNTED = (
    r"(?!" + _SP + r"(?:" + alternation([row.surface for row in counters()]
                                      + [row.surface for row in currencies() if row.position == "suffix"])
    + r")" + FOLLOW + r")"
)
#: A hanja gloss inside an event's name: 2023 보아오(博鰲)포럼.
_GLOSS = r"(?:\([^()\d]{1,12}\))?"
#: The words that make what precedes them the base of a comparison: one list for the bases
#: (``전년 대비``) and the dates that are bases (``3월보다``); none is a prefix of another.
_COMPARISON_WORDS = ("대비", "보다", "比", "에 비해", "와 비교", "과 비교", "와 비슷", "과 비슷", "와 같은 수준", "과 같은 수준")
_COMPARISON_MARK = r"(?:" + "|".join(_COMPARISON_WORDS[:3]) + r"|비(?![가-힣])|" + "|".join(_COMPARISON_WORDS[3:]) + r")"
#: After a bare ``N일``: words that make it a span, a share or a base, not a day. Whole
#: words (``1일 전국 대회``, ``지난 1일 새벽``, ``1일 간담회``, ``1일 만난`` are days), but for
#: the verb stems that take endings (``3일 소요된``, ``3일 걸려``, ``3일이면``).
_BARE_DAY_GUARD = (
    r"(?!" + _SP + r"(?:(?:간|동안|째|만에|만|이내|이상|이하|미만|내|안에|새|연속|넘게|가량|정도|여|쯤|씩|마다|짜리|"
    r"평균|치|분|제|자리|전|후|뒤|사이|내로)" + FOLLOW + r"|소요|걸|이면|에 한))"
)

#: The rules, in priority order: (name, pattern). Names starting with ``basis_`` or
#: ``block_`` yield no date; the others are date rules.
RULES: tuple[tuple[str, str], ...] = (
    (
        "basis_same_period",
        _NOT_WORD_BEFORE + r"(?:" + "|".join(_LAST_YEAR) + r")" + _SP + r"(?P<bw>" + _alt(_SAME_PERIOD) + r")(?:"
        + _SP + _COMPARISON_MARK + r")?",
    ),
    (  # 2019년 같은 기간보다: the same period of a named year
        "basis_same_period_of",
        _NOT_NUM_BEFORE + r"(?P<y>" + _YEAR_NUM + r")" + _SP + r"년" + _SP + r"(?P<bw>" + _alt(_SAME_PERIOD) + r")(?:"
        + _SP + _COMPARISON_MARK + r")?",
    ),
    ("basis_previous", _NOT_WORD_BEFORE + r"(?P<bw>" + _alt(_BASIS_PREVIOUS) + r")" + _SP + _COMPARISON_MARK),
    (  # 지난해 박람회보다: last year's fair is the base
        "basis_previous_noun",
        _NOT_WORD_BEFORE + r"(?P<bw>" + "|".join(_LAST_YEAR) + r")" + _SP + r"(?![상하]반기|말|초|연말|연초)[가-힣]{1,5}"
        r"(?:" + "|".join(_COMPARISON_WORDS[:2]) + ")",  # 대비, 보다 (glued to the noun)
    ),
    (  # 지난해 전년 생산총액: 전년 right after a year is that whole year (全年), no date of its own
        "block_whole_year",
        r"(?<=(?:\d년|" + _alt(w for w in YEAR_WORDS if w not in ("올", "지난 해")) + r")[ \u00a0])전년(?![가-힣]|" + _SP
        + r"(?:동기|같은|대비|보다|에 비|比|수준))",
    ),
    (  # 매년 11월 11일, 매월 10일: recurring, no one date
        "block_recurring",
        _NOT_WORD_BEFORE + r"(?:매(?:년|해)" + _SP + r"\d{1,2}" + _SP + r"월(?:" + _SP + r"\d{1,2}" + _SP + r"일)?"
        r"|매(?:월|달)" + _SP + r"\d{1,2}" + _SP + r"일)",
    ),
    (
        "iso_date",
        r"(?<![\d.])(?P<y>" + _YEAR_NUM + r")(?P<sep>[-/]|\.[ ]?)(?P<m>" + _MONTH_NUM + r")(?P=sep)(?P<d>"
        + _DAY_NUM + r")(?![\d])",
    ),
    # 19세기 (the 1800s, as 1990년대 is the 1990s); not 20세기 60년대 (the 1960s: the decade
    # is the date), nor a century opening a quoted name ('21세기 해상 실크로드')
    ("century", _NOT_NUM_BEFORE + r"(?<![“\"‘'「『])(?P<cent>1\d|2[01]|[1-9])" + _SP + r"세기(?!" + _SP + r"\d0"
     + _SP + r"년대)"),
    ("decade", r"(?:" + _NOT_NUM_BEFORE + r"(?P<dec>1\d{2}0|20\d0|21\d0)|(?<![\w'’])['’]?(?P<dec2>\d0))" + _SP + r"년대"),
    (  # 2021.03: a dotted year and two-digit month (2021.3 reads like a decimal)
        "iso_month",
        r"(?<![\d.])(?P<y>" + _YEAR_NUM + r")\.(?P<m>0[1-9]|1[0-2])(?![\d]|\.\d|" + _SP + r"(?:%|％|퍼센트))",
    ),
    (
        "year_range",
        _NOT_NUM_BEFORE + r"(?P<y>" + _YEAR_NUM + r")" + _SP + r"(?:년도?)?" + _SEP + r"(?:(?P<y2>"
        + _YEAR_NUM + r")|(?P<y2s>\d\d))" + _SP + r"년(?:도)?(?!대|생|형|산|간|째)",
    ),
    (
        "offset",
        r"(?:(?<![\d.,/~∼～〜\-–])(?P<n>\d{1,3})" + _SP + r"(?P<unit>년|개월|달|일)|" + _NOT_WORD_BEFORE
        + r"(?P<nn>" + _alt(_NATIVE_N) + r")" + _SP + r"(?P<unit>달|해))" + _SP + r"(?P<ago>전|후|뒤)" + _PART_END,
    ),
    ("week_word", _NOT_WORD_BEFORE + r"(?P<ww>" + _alt(WEEK_WORDS) + r")(?!" + _SP + r"(?:말|간|동안))"),
    (  # 2019 세계인공지능대회: a year without 년 opening an event's name
        "event_year",
        r"(?<![\d.,:/\-])(?P<y>" + _YEAR_NUM + r")(?![\d.,])" + _NOT_COUNTED + r"(?=" + _SP + r"(?:[\w·]+" + _GLOSS + _SP + r"){0,4}?"
        r"[\w·]*" + _GLOSS + r"[\w·]*" + _EVENT_NOUN + r")",
    ),
    ("calendar", r"(?:" + _YEAR_ABS + r"|" + _YEAR_WORD + r")(?:" + _SP + _YEAR_TAIL + r")?"),
    (
        "month_word",
        _NOT_WORD_BEFORE + r"(?P<mw>" + _alt(MONTH_WORDS) + r")(?:" + _SP + r"(?:" + _DAY + r"|" + _MONTH_PART
        + r"))?",
    ),
    (
        "month",
        r"(?:" + _NOT_WORD_BEFORE + r"(?P<dir>지난|오는)" + _SP + r")?" + _NOT_NUM_BEFORE + _MONTH_TAIL,
    ),
    (
        "period",
        r"(?<![가-힣\d])(?:" + _QUARTER_RANGE + r"|" + _QUARTER + r"|" + _HALF
        + r"|(?P<ypart>연말연시|연말(?!정산)|연초|연내))",
    ),
    (
        "day_range",
        r"(?<![\w.,~∼～〜/\-·])(?:(?P<dir>지난|오는)" + _SP + r"|(?<!(?:주|월|연|하루|일주일에)[ ]?))"
        r"(?<![\w.,~∼～〜/\-·])" + _DAY_RANGE
        + _BARE_DAY_GUARD,
    ),
    (
        "day_of_month",
        r"(?<![\w.,~∼～〜/\-·])(?:(?P<dir>지난|오는)" + _SP + r")?(?<![\w.,~∼～〜/\-·])(?P<d>" + _DAY_NUM + r")"
        + _SP + r"일(?!본|반)" + _BARE_DAY_GUARD + _ONE_DAY + _DURATION_OF,
    ),
)
_RULE_NAMES = tuple(name for name, _ in RULES)
#: Every rule starts with a digit or one of these words; the lookahead lets the engine
#: skip all other positions cheaply (it cuts the scan time about fourfold). Keep it in
#: step with the first words of the rules (the corpus test fails otherwise).
_FIRST = (
    r"(?=(?<!\d)\d|['’]\d|지난|지지난|전(?:년|월|달|분기)|작년|재작년|매[년해월달]|올|금년|내[년달주후]|명년|이달|이번"
    r"|다음|오는|[상하]반기|연[말초내]|직전|(?:한|두|세|네|여섯)" + _SP + r"(?:달|해))"
)
_PATTERN = regex.compile(
    _FIRST + "(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in RULES) + ")", regex.V0
)
#: Where the scan tries :data:`_PATTERN`: a word position that passes :data:`_FIRST`, or a
#: digit that starts a run of four (a year) or whose run is followed by what every rule
#: starting with a number has after it (년, 월, 일, 달, 개월, 분기, 사분기, ``/``, ``·`` or a range
#: sign). Most numbers of an article (``3.5%``, ``2,000억``, ``43개``) fail here, cheaply,
#: instead of costing an attempt of every rule; each start is one character, so none
#: hides another. Keep it in step with the rules (the corpus test fails otherwise).
_STARTS = regex.compile(
    r"(?<!\d)\d(?=\d{3}|\d*[ \u00a0]*(?:[년월일달/·~∼～〜\-–]|개월|분기|사|세기))|(?!\d)" + _FIRST + ".",
    regex.V0 | regex.DOTALL,
)
#: A date right before one of these is the base of a comparison, not a date fact.
_COMPARE = regex.compile(_SP + r"(?:" + "|".join(_COMPARISON_WORDS) + r"|의 \d+(?:\.\d+)?(?:, ?\d+(?:\.\d+)?)*배)")
#: ``1년 전 같은 기간보다``: a date counted back from now, then the same period of it.
_COMPARE_SAME = regex.compile(_SP + r"(?:" + _alt(_SAME_PERIOD_WORDS) + r")" + _COMPARE.pattern)
#: ``2016년의 명목 성장률 보다``: the date's figure, named by one to three nouns (no particle
#: ends them: ``3월의 수출은 지난해보다`` compares the exports of March with last year).
_NOUN = r"(?!지난해|전년|작년|올해|금년)[가-힣]{1,6}(?<!" + particle_pattern("noun") + ")"  # data/particles.tsv
_COMPARE_OF = regex.compile(r"의 (?:" + _NOUN + r" ){0,2}" + _NOUN + _COMPARE.pattern)
#: ``1분기 증속에 비했을때``, ``상반기 매출 대비``: the date's figure, named by one or two nouns
#: without a particle, before a comparison word (any ending of 비하다).
_COMPARE_NOUN = regex.compile(
    r" (?!" + _alt([*_SAME_PERIOD, *_BASIS_PREVIOUS]) + r")(?:" + _NOUN + r" )?" + _NOUN
    + r"(?: ?(?:" + "|".join(_COMPARISON_WORDS[:2]) + r")|에 ?비(?:해|하|했|한|교))"
)  # not 2분기 동기 대비 (Q2 against the same period: 2분기 is the date)
#: ``2019년 코로나19 발생 전보다``: the time before an event of that year as the base.
_COMPARE_BEFORE = regex.compile(r"(?: [\w·]+){1,3}? ?(?:이전|전|때|당시)보다")
#: ``지난해 전체 인원수를 웃돌았다``, ``2020년 후난성 전체 무역액을 넘어선``: the date's figure as
#: the object of a comparing verb (any of its endings: 웃도는, 넘어선, 넘긴).
_COMPARE_OBJ = regex.compile(
    r"(?: (?:" + _NOUN + r" ){0,2}" + _NOUN + r")?(?:" + particle_pattern("verb", "object") + r") ?"
    r"(?:웃돌|웃도|밑돌|밑도|상회|하회|넘어서|넘어섰|넘어선|넘어설|넘었|넘겼|넘긴|넘는|초과)"
)
#: ``상반기 증가속도는 1분기를 앞질렀고``: a quarter or half as the object of a comparing verb.
_COMPARE_OBJ_PERIOD = regex.compile(
    r"(?: (?:" + _NOUN + r" ){0,1}" + _NOUN + r")?(?:" + particle_pattern("verb", "object") + r") ?"
    r"(?:웃돌|웃도|밑돌|밑도|상회|하회|앞지르|앞질|앞선|앞서|초과)"
)
_TAIL = regex.compile(r"(?P<start>부터|에서부터|[ ]?이래|[ ]?이후)|(?P<end>까지|[ ]?이전(?![하한할했해])|[ ]?전까지)")
_GAP = regex.compile(_SEP)
_POINT_RULES = frozenset({"calendar", "month", "period", "iso_date", "month_word", "iso_month"})


# --------------------------------------------------------------------------- periods
class _Period(NamedTuple):
    """A calendar period: grain, year, and sub (half/quarter/month) and day where they apply."""

    grain: str
    year: int
    sub: int = 0
    day: int = 0

    def first(self) -> date:
        if self.grain == "day":
            return date(self.year, self.sub, self.day)
        return date(self.year, self.first_month(), 1)

    def last(self) -> date:
        if self.grain == "day":
            return self.first()
        month = {"year": 12, "half": self.sub * 6, "quarter": self.sub * 3}.get(self.grain, self.sub)
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def first_month(self) -> int:
        return {"year": 1, "half": self.sub * 6 - 5, "quarter": self.sub * 3 - 2}.get(self.grain, self.sub)

    def iso(self) -> str:
        if self.grain == "year":
            return f"{self.year:04d}"
        if self.grain == "half":
            return f"{self.year:04d}-H{self.sub}"
        if self.grain == "quarter":
            return f"{self.year:04d}-Q{self.sub}"
        if self.grain == "month":
            return f"{self.year:04d}-{self.sub:02d}"
        return f"{self.year:04d}-{self.sub:02d}-{self.day:02d}"

    def with_year(self, year: int) -> "_Period":
        return self._replace(year=year)


class _Skip(ValueError):
    """The match names no real date (2월 30일): drop it. ``date()`` raises ValueError alike."""


class _Atom(NamedTuple):
    start: int
    end: int
    rule: str
    lo: Optional[_Period]  # None when a relative date had no reference
    hi: Optional[_Period]
    grain: str
    relative: bool
    year_stated: bool  # the text gave the year (digits or a year word)
    range: Optional[str]
    parts: Optional["_Groups"]  # the components, kept for points that may join an interval
    groups: Optional["_Groups"] = None  # the components of every calendar match


class ComparisonBasis(NamedTuple):
    """A comparison base (``전년 동기 대비``): not a date, but the basis of a change.

    ``label``: same_period_last_year, same_month_last_year, same_quarter_last_year,
    previous_year, previous_month or previous_quarter; ``same_period`` for the same period
    of a named year (``2019년 같은 기간보다``, ``value`` the year); ``date`` for a date
    followed by a comparison marker (``지난해 말보다``, ``2019년 대비``), with its resolved
    ``value``.
    """

    start: int
    end: int
    text: str
    label: str
    value: Optional[str] = None


# --------------------------------------------------------------------------- resolution
def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _day_period(year: int, month: int, day: int) -> _Period:
    if day > calendar.monthrange(year, month)[1]:
        raise _Skip
    return _Period("day", year, month, day)


def _bare_day(day: int, ref: date, forward: bool) -> _Period:
    """The latest ``day`` of a month on or before ``ref`` (the earliest on or after if forward)."""
    year, month = ref.year, ref.month
    step = 1 if forward else -1
    for _ in range(13):
        if day <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, day)
            if (candidate >= ref) if forward else (candidate <= ref):
                return _Period("day", year, month, day)
        year, month = _shift_month(year, month, step)
    raise _Skip


def _window_year(hi: _Period, ref: date) -> int:
    """The reference year, or the one before when the period would start > 6 months ahead."""
    return ref.year - 1 if hi.first_month() - ref.month > 6 else ref.year


def _directed_year(hi: _Period, ref: date, forward: bool) -> int:
    """The year of the latest occurrence on or before ``ref`` (earliest on or after if forward)."""
    if forward:
        return ref.year if hi.with_year(ref.year).last() >= ref else ref.year + 1
    return ref.year if hi.with_year(ref.year).first() <= ref else ref.year - 1


def _shape(g: "_Groups", year: int) -> tuple[_Period, _Period]:
    """The periods the components describe, in ``year``."""
    if g["m"]:
        month = int(g["m"])
        if g["m2"]:
            month2 = int(g["m2"])
            if month2 == month:
                raise _Skip
            # 12월~1월 runs into the next year
            return _Period("month", year, month), _Period("month", year + (month2 < month), month2)
        if g["d"]:
            lo = _day_period(year, month, int(g["d"]))
            if g["d2"]:
                hi = _day_period(year, month, int(g["d2"]))
                if hi.day <= lo.day:
                    raise _Skip
                return lo, hi
            return lo, lo
        return _Period("month", year, month), _Period("month", year, month)
    if g["ppart"]:  # 1분기 말, 상반기 초
        if g["q"]:
            period = _Period("quarter", year, int(g["q"]))
        else:
            period = _Period("half", year, 1 if g["half"] == "상" else 2)
        month = period.first_month() if g["ppart"] == "초" else period.last().month
        return _Period("month", year, month), _Period("month", year, month)
    if g["q"]:
        lo = _Period("quarter", year, int(g["q"]))
        if g["q2"]:
            hi = _Period("quarter", year, int(g["q2"]))
            if hi.sub <= lo.sub:
                raise _Skip
            return lo, hi
        return lo, lo
    if g["half"]:
        p = _Period("half", year, 1 if g["half"] == "상" else 2)
        return p, p
    if g["ypart"] == "연내":
        p = _Period("year", year)
        return p, p
    if g["ypart"] == "연말연시":  # the turn of the year: December and the January after
        return _Period("month", year, 12), _Period("month", year + 1, 1)
    if g["ypart"]:
        p = _Period("month", year, 12 if g["ypart"] in ("연말", "말") else 1)
        return p, p
    p = _Period("year", year)
    return p, p


def _two_digit_year(yy: int) -> int:
    """'21년 -> 2021, '98년 -> 1998, 80년대 -> 1980s: 00-49 are this century, 50-99 the last."""
    return 2000 + yy if yy < 50 else 1900 + yy


def _resolve(rule: str, g: "_Groups", ref: Optional[date], year: Optional[int] = None):
    """(lo, hi, grain, relative, year_stated) of one match; lo/hi None when unresolvable."""
    if rule == "century":
        start = (int(g["cent"]) - 1) * 100
        return _Period("year", start), _Period("year", start + 99), "year", False, True
    if rule == "decade":
        start = int(g["dec"]) if g["dec"] else _two_digit_year(int(g["dec2"]))
        return _Period("year", start), _Period("year", start + 9), "year", False, True
    if rule == "year_range":
        y1 = int(g["y"])
        y2 = int(g["y2"]) if g["y2"] else y1 // 100 * 100 + int(g["y2s"])
        if y2 <= y1:
            raise _Skip
        return _Period("year", y1), _Period("year", y2), "year", False, True
    if rule == "event_year":
        p = _Period("year", int(g["y"]))
        return p, p, "year", False, True
    if rule == "week_word":
        if ref is None:
            return None, None, "day", True, False
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=WEEK_WORDS[g["ww"]])
        sunday = monday + timedelta(days=6)
        lo = _Period("day", monday.year, monday.month, monday.day)
        return lo, _Period("day", sunday.year, sunday.month, sunday.day), "day", True, False
    if rule == "offset":
        n, unit = (int(g["n"]) if g["n"] else _NATIVE_N[g["nn"]]), g["unit"]
        sign = -1 if g["ago"] == "전" else 1
        grain = {"년": "year", "해": "year", "개월": "month", "달": "month", "일": "day"}[unit]
        if ref is None:
            return None, None, grain, True, True
        if grain == "year":
            p = _Period("year", ref.year + sign * n)
        elif grain == "month":
            p = _Period("month", *_shift_month(ref.year, ref.month, sign * n))
        else:
            d = ref + timedelta(days=sign * n)
            p = _Period("day", d.year, d.month, d.day)
        return p, p, grain, True, True
    if rule == "month_word":
        grain = "day" if g["d"] else "month"
        if ref is None:
            return None, None, grain, True, True
        y, m = _shift_month(ref.year, ref.month, MONTH_WORDS[g["mw"]])
        p = _day_period(y, m, int(g["d"])) if g["d"] else _Period("month", y, m)
        return p, p, grain, True, True
    if rule == "day_range":  # 지난 3~4일: a bare range needs 지난/오는 to be a date, not a duration
        if ref is None:
            return None, None, "day", True, False
        hi = _bare_day(int(g["d2"]), ref, forward=g["dir"] == "오는")
        y, m = (hi.year, hi.sub) if int(g["d"]) <= hi.day else _shift_month(hi.year, hi.sub, -1)
        return _day_period(y, m, int(g["d"])), hi, "day", True, False
    if rule == "day_of_month":
        if ref is None:
            return None, None, "day", True, False
        p = _bare_day(int(g["d"]), ref, forward=g["dir"] == "오는")
        return p, p, "day", True, False

    # calendar, month, period, iso_date: the components, with the year stated or not
    lo, hi = _shape(g, 2000)  # leap year: 2월 29일 passes the shape check
    grain = lo.grain
    relative = False
    stated = True
    if year is not None:  # inherited from the other end of an interval
        relative, stated = False, False
    elif g["y"]:
        year = int(g["y"])
    elif g["yy"]:
        year = _two_digit_year(int(g["yy"]))
    elif g["yw"]:
        relative = True
        if ref is None:
            return None, None, grain, True, True
        year = ref.year + YEAR_WORDS[g["yw"]]
    else:
        relative, stated = True, False
        if ref is None:
            return None, None, grain, True, False
        if g["dir"]:
            year = _directed_year(hi, ref, forward=g["dir"] == "오는")
        elif g["ypart"] in ("연말", "연말연시"):  # in January and February: the December just past
            year = ref.year - 1 if ref.month <= 2 else ref.year
        elif g["ypart"] in ("연초", "연내"):
            year = ref.year
        else:  # the end decides; 12~2월 starts the year before
            year = _window_year(hi, ref) - (hi.year - lo.year)
    lo, hi = _shape(g, year)
    return lo, hi, grain, relative, stated


# --------------------------------------------------------------------------- scanning
def _normalised(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, clipped to the text and without overlaps (no double matches)."""
    out: list[tuple[int, int]] = []
    last = 0
    for start, end in sorted(spans):
        start, end = max(start, last, 0), min(end, len(text))
        if start < end:
            out.append((start, end))
            last = end
    return out


class _Groups:
    """The named groups of one match, read on demand (``g["m"]``): ``groupdict()`` builds
    all of the pattern's hundred-odd groups and cost more than the scan itself, while a
    rule reads a handful."""

    __slots__ = ("_group",)

    def __init__(self, m: "regex.Match[str]") -> None:
        self._group = m.group

    def __getitem__(self, name: str) -> Any:
        return self._group(name)


_RULE_SET = frozenset(_RULE_NAMES)


def _matches(text: str, spans: Sequence[tuple[int, int]]):
    """(span end, match, rule name, its named groups) for every match in the spans, in
    text order. The rule is the last group closed (each rule's group wraps its whole
    match); the first rule whose group matched otherwise."""
    for start, end in _normalised(text, spans):
        for m in scan(_PATTERN, _STARTS, text, start, end):  # = _PATTERN.finditer, faster
            rule = m.lastgroup
            if rule not in _RULE_SET:  # the rule groups' values in one call, then the first that matched
                rule = next(name for name, value in zip(_RULE_NAMES, m.group(*_RULE_NAMES)) if value is not None)
            yield end, m, rule, _Groups(m)


def _value(lo: Optional[_Period], hi: Optional[_Period]) -> Optional[str]:
    if lo is None or hi is None:
        return None
    return lo.iso() if lo == hi else f"{lo.iso()}/{hi.iso()}"


def _scan(
    text: str, spans: Sequence[tuple[int, int]], ref: Optional[date]
) -> tuple[list[list[_Atom]], list[ComparisonBasis]]:
    """The date matches grouped by span (intervals never cross a span), and the bases."""
    groups: list[list[_Atom]] = []
    bases: list[ComparisonBasis] = []
    current_end = -1
    habit_end = -1
    for span_end, m, rule, g in _matches(text, spans):
        if span_end != current_end:
            groups.append([])
            current_end = span_end
        if rule.startswith("basis_"):
            if rule == "basis_same_period_of":
                label, value = "same_period", m.group("y")
            elif rule == "basis_same_period":
                label, value = _SAME_PERIOD[m.group("bw")], None
            else:
                label, value = _BASIS_PREVIOUS[m.group("bw")], None
            bases.append(ComparisonBasis(m.start(), m.end(), m.group(), label, value))
            continue
        if rule.startswith("block_"):
            continue
        if rule in _HABIT_RULES and (
            _HABITUAL.search(text, max(0, m.start() - 4), m.start())
            or (habit_end >= 0 and (_FROM_GAP.fullmatch(text, habit_end, m.start()) or _GAP.fullmatch(text, habit_end, m.start())))
        ):
            habit_end = m.end()
            continue  # 대개 2월부터 연말까지 바쁘다: every year, no one date (both ends)
        habit_end = -1
        try:
            lo, hi, grain, relative, stated = _resolve(rule, g, ref)
        except (ValueError, OverflowError):  # _Skip, no such day, or beyond year 1..9999
            continue
        end = m.end()
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        compared = (_COMPARE.match(text, end, span_end) or _COMPARE_OF.match(text, end, span_end)
                    or _COMPARE_NOUN.match(text, end, span_end)
                    or (_COMPARE_OBJ.match(text, end, span_end) or _COMPARE_BEFORE.match(text, end, span_end)
                        if rule == "calendar" else None)
                    or (_COMPARE_OBJ_PERIOD.match(text, end, span_end) if rule == "period" else None)
                    or (_COMPARE_SAME.match(text, end, span_end) if rule == "offset" else None))
        if compared is not None:
            stop = compared.end()
            bases.append(ComparisonBasis(m.start(), stop, text[m.start() : stop], "date", _value(lo, hi)))
            continue
        tail = _TAIL.match(text, end, span_end)
        where = None if tail is None else ("start" if tail.group("start") else "end")
        if g["ypart"] == "연내":  # within the year: by its end
            where = "end"
        elif g["ypart"] == "연말" and where == "end" and rule == "period" and ref is not None:
            lo, hi = _shape(g, ref.year)  # 연말까지 is a deadline: this year's end, even in January
        point = rule in _POINT_RULES and lo == hi
        groups[-1].append(
            _Atom(m.start(), end, rule, lo, hi, grain, relative, stated, where, g if point else None, g)
        )
    return groups, bases


def _merge(text: str, atoms: list[_Atom], ref: Optional[date]) -> list[_Atom]:
    """Join ``A ~ B`` points of one grain into an interval."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms) and a.parts is not None and a.range is None:
            b = atoms[i + 1]
            if b.parts is not None and b.grain == a.grain and _GAP.fullmatch(text, a.end, b.start):
                joined = _join(a, b, ref)
                if joined is not None:
                    out.append(joined)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _join(a: _Atom, b: _Atom, ref: Optional[date]) -> Optional[_Atom]:
    """The interval from ``a`` to ``b``; ``b`` without a stated year takes ``a``'s (or the next)."""
    lo, hi, relative = a.lo, b.hi, a.relative or b.relative
    if not b.year_stated and b.rule != "month_word" and lo is not None and b.parts is not None:
        try:
            _, hi, *_ = _resolve(b.rule, b.parts, ref, year=lo.year)
            if hi.last() < lo.first():
                _, hi, *_ = _resolve(b.rule, b.parts, ref, year=lo.year + 1)
        except ValueError:
            return None
        relative = a.relative
    if lo is not None and hi is not None and hi.first() <= lo.last():
        return None
    return _Atom(a.start, b.end, "interval", lo, hi, a.grain, relative, a.year_stated, b.range, None)


#: ``올 들어 7월까지``: the gap between a year word and the month that ends its span.
_SINCE_GAP = regex.compile(r"[ ]?들어(?:서)?[ ]?")


def _since_year_start(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """``올 들어 7월까지``, ``올해 들어 5월 20일까지``: from the start of the year the year word
    names up to the month (or day) that ends there: one interval, ``2022-01/2022-07``."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        g = a.groups
        if (
            b is not None and a.rule == "calendar" and a.grain == "year" and g is not None and g["yw"]
            and a.lo is not None and b.range == "end" and b.rule == "month" and b.groups is not None
            and not b.groups["dir"] and not b.groups["m2"] and not b.groups["d2"] and not b.groups["mpart"]
            and b.lo is not None and b.lo == b.hi and _SINCE_GAP.fullmatch(text, a.end, b.start)
        ):
            try:
                hi, _ = _shape(b.groups, a.lo.year)
            except ValueError:
                hi = None
            if hi is not None:
                lo = _Period("day", hi.year, 1, 1) if hi.grain == "day" else _Period("month", hi.year, 1)
                if lo != hi:
                    out.append(_Atom(a.start, b.end, "interval", lo, hi, hi.grain, a.relative, True, None, None))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


#: 대개 2월부터, 보통 10월에: a habit of every year, not one date (like 매년 11월).
_HABITUAL = regex.compile(r"(?<![가-힣])(?:대개|보통|해마다|매해|주로)[ ]$")
_HABIT_RULES = frozenset({"month", "period", "day_of_month", "day_range"})
_FROM_GAP = regex.compile(r"(?:부터|에서부터)[ ]?")


def _continue_month(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """``8월 9일부터 11일까지``: a bare day right after a dated start is in that start's
    month (the next one when it is an earlier day), not the reference's. Two records."""
    out: list[_Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if (
            prev is not None and atom.rule == "day_of_month" and atom.groups is not None and not atom.groups["dir"]
            and prev.range == "start" and prev.hi is not None and prev.hi.grain == "day"
            and _FROM_GAP.fullmatch(text, prev.end, atom.start)
        ):
            day = int(atom.groups["d"])
            year, month = prev.hi.year, prev.hi.sub
            if day <= prev.hi.day:
                year, month = _shift_month(year, month, 1)
            try:
                p = _day_period(year, month, day)
            except ValueError:
                p = None
            if p is not None:
                atom = atom._replace(lo=p, hi=p, relative=prev.relative)
        out.append(atom)
    return out


_SENTENCE_END = regex.compile(r"[.!?。](?:\s|$)|\n")
_INHERITS = frozenset({"month", "period"})


def _inherit_years(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """``작년 2분기 성장률은 … 1분기의 4.5%``: a month, quarter or half without a year takes
    the year of the date stated before it in the same sentence (not the reference year)."""
    out: list[_Atom] = []
    anchor: Optional[_Atom] = None
    for atom in atoms:
        if anchor is not None and _SENTENCE_END.search(text, anchor.end, atom.start):
            anchor = None
        g = atom.groups
        if (
            anchor is not None and not atom.year_stated and atom.rule in _INHERITS and g is not None
            and not g["dir"] and not g["ypart"] and atom.lo is not None and anchor.hi is not None
        ):
            try:
                lo, hi = _shape(g, anchor.hi.year)
            except ValueError:
                lo = None
            if lo is not None and (lo, hi) != (atom.lo, atom.hi):
                atom = atom._replace(lo=lo, hi=hi, relative=anchor.relative)
        elif atom.year_stated and atom.rule in ("calendar", "interval", "iso_date", "iso_month") and atom.hi is not None:
            anchor = atom
        out.append(atom)
    return out


def extract_dates(
    text: str, spans: Sequence[tuple[int, int]], reference: Optional[date]
) -> tuple[DateFact, ...]:
    """Every date in the content ``spans`` of ``text``, resolved against ``reference``.

    Records carry absolute offsets; ``sentence`` and ``places`` are left for the pipeline.
    """
    return scan_dates(text, spans, reference)[0]


def scan_dates(
    text: str, spans: Sequence[tuple[int, int]], reference: Optional[date]
) -> tuple[tuple[DateFact, ...], tuple[ComparisonBasis, ...]]:
    """The dates (as :func:`extract_dates`) and the comparison bases (as
    :func:`comparison_bases`) of one scan: the fact rules need both, and the scan is the
    costliest pass over the text after Kiwi."""
    groups, bases = _scan(text, spans, reference)
    dates = tuple(
        DateFact(
            text=text[atom.start : atom.end],
            start=atom.start,
            end=atom.end,
            rule=atom.rule,
            value=_value(atom.lo, atom.hi),
            grain=atom.grain,
            relative=atom.relative,
            range=atom.range,
        )
        for group in groups
        for atom in _inherit_years(text, _continue_month(text, _merge(text, _since_year_start(text, group), reference)))
    )
    return dates, tuple(bases)


def comparison_bases(
    text: str, spans: Sequence[tuple[int, int]], reference: Optional[date] = None
) -> tuple[ComparisonBasis, ...]:
    """The comparison bases in ``spans`` (``전년 동기 대비`` …), for the numeric facts' ``basis``."""
    return tuple(_scan(text, spans, reference)[1])
