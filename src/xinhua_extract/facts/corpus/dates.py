"""Dates corpus: phrases and exactly the date records they must yield.

The rules are :mod:`xinhua_extract.facts.dates`. Each example is one phrase (written in
Xinhua style for this corpus) with the records ``(text, value, grain, relative, range)``
that :func:`~xinhua_extract.facts.dates.extract_dates` must return over the whole phrase,
resolved against :data:`REFERENCE` unless the example carries its own reference date
(``None``: no reference at all). Forms not handled yet stay here with ``xfail`` set to
the reason, so the gaps stay counted (``tests/facts/test_dates_corpus.py`` runs them as
strict xfails). :data:`NEGATIVES` must yield nothing.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple, Optional

#: The pinned reference date: the seed article's publication date (a Thursday).
REFERENCE = date(2021, 8, 26)

Expected = tuple[str, Optional[str], str, bool, Optional[str]]


class Example(NamedTuple):
    phrase: str
    expected: tuple[Expected, ...]
    reference: Optional[date] = REFERENCE
    xfail: Optional[str] = None


class Negative(NamedTuple):
    phrase: str
    xfail: Optional[str] = None


def _ex(phrase: str, *expected: Expected, reference: Optional[date] = REFERENCE, xfail: Optional[str] = None):
    return Example(phrase, tuple(expected), reference, xfail)


_NEW_YEAR = date(2024, 1, 5)  # the year boundary: "last December" is 2023-12

EXAMPLES: tuple[Example, ...] = (
    # --- absolute calendar dates
    _ex("중국 과학기술부는 2021년 8월 26일 의견을 발표했다.", ("2021년 8월 26일", "2021-08-26", "day", False, None)),
    _ex("발표일은 2021-08-26이다.", ("2021-08-26", "2021-08-26", "day", False, None)),
    _ex("통계는 2021.3.31 기준이다.", ("2021.3.31", "2021-03-31", "day", False, None)),
    _ex("통계는 2021. 3. 31. 기준이다.", ("2021. 3. 31", "2021-03-31", "day", False, None)),
    _ex("2021/08/26 공고", ("2021/08/26", "2021-08-26", "day", False, None)),
    _ex("2021년 3월 수출이 크게 늘었다.", ("2021년 3월", "2021-03", "month", False, None)),
    _ex("2021년 3월 말 기준", ("2021년 3월 말", "2021-03", "month", False, None)),
    _ex("8월26일 개막한 박람회", ("8월26일", "2021-08-26", "day", True, None)),
    _ex("박람회는 8월 26일 개막했다.", ("8월 26일", "2021-08-26", "day", True, None)),
    _ex("'2021년도 혁신형 산업 클러스터 시범사업'에 포함됐다.", ("2021년도", "2021", "year", False, None)),
    _ex("산둥성은 일찍이 2004년부터 리튬전지 산업을 육성했다.", ("2004년", "2004", "year", False, "start")),
    _ex("과기부는 2013년부터 시범 사업을 본격 가동했다.", ("2013년", "2013", "year", False, "start")),
    _ex("2013년 이래 처음이다.", ("2013년", "2013", "year", False, "start")),
    _ex("2013년 이후 꾸준히 늘었다.", ("2013년", "2013", "year", False, "start")),
    _ex("신청은 2021년 8월 26일까지 받는다.", ("2021년 8월 26일", "2021-08-26", "day", False, "end")),
    _ex("2020년 말 기준 109개", ("2020년 말", "2020-12", "month", False, None)),
    _ex("2025년 말까지 완공할 예정이다.", ("2025년 말", "2025-12", "month", False, "end")),
    _ex("2022년 4분기 완공 예정", ("2022년 4분기", "2022-Q4", "quarter", False, None)),
    _ex("2022년 상반기 중 가동한다.", ("2022년 상반기", "2022-H1", "half", False, None)),
    _ex("2021년 8월 10~12일 열린 포럼", ("2021년 8월 10~12일", "2021-08-10/2021-08-12", "day", False, None)),
    _ex("1990년대 이후 급성장했다.", ("1990년대", "1990/1999", "year", False, "start")),
    # a century: the hundred years of its number, as in usage (the 1800s); a decade written
    # inside its century is the decade (blind batches W, Y)
    _ex("19세기 말 하얼빈에 전해졌다.", ("19세기", "1800/1899", "year", False, None)),
    _ex("20세기 60년대 말 세운 공장", ("60년대", "1960/1969", "year", False, None)),
    # a bare day before a word that only starts like a span word (전국, 새벽, 간담회)
    _ex("지난 1일 전국 대회가 열렸다.", ("지난 1일", "2021-08-01", "day", True, None)),
    _ex("지난 1일 새벽 드론쇼가 열렸다.", ("지난 1일", "2021-08-01", "day", True, None)),
    _ex("10일 간담회에서 밝혔다.", ("10일", "2021-08-10", "day", True, None)),
    # 전년 right after a year is that whole year (全年), not the year before it (blind batch X)
    _ex("지난해 전년 국내 생산총액은 늘었다.", ("지난해", "2020", "year", True, None)),
    # a year right after a sentence's full stop with no space; 올 내에 'within this year' (blind batch AA)
    _ex("30명이 있었다.2014년 이후 늘었다.", ("2014년", "2014", "year", False, "start")),
    _ex("올 내에 완공할 예정이다.", ("올", "2021", "year", True, None)),
    # --- intervals and spans
    _ex("1~11월 누적 수출액", ("1~11월", "2021-01/2021-11", "month", True, None)),
    _ex("1∼7월 누계", ("1∼7월", "2021-01/2021-07", "month", True, None)),
    _ex("1월-9월 무역액", ("1월-9월", "2021-01/2021-09", "month", True, None)),
    _ex("1-4월 고정자산 투자", ("1-4월", "2021-01/2021-04", "month", True, None)),
    _ex("2021년 1~7월 누적", ("2021년 1~7월", "2021-01/2021-07", "month", False, None)),
    _ex("올해 1~7월 수출", ("올해 1~7월", "2021-01/2021-07", "month", True, None)),
    _ex("1~3분기 누계", ("1~3분기", "2021-Q1/2021-Q3", "quarter", True, None)),
    _ex("2020~2022년 3년 동안", ("2020~2022년", "2020/2022", "year", False, None)),
    _ex("14차 5개년 계획(2021~2025년) 기간", ("2021~2025년", "2021/2025", "year", False, None)),
    _ex("2021~25년 계획", ("2021~25년", "2021/2025", "year", False, None)),
    _ex("2021-2025년 계획", ("2021-2025년", "2021/2025", "year", False, None)),
    _ex(
        "지난해 하반기부터 올해 상반기까지",
        ("지난해 하반기", "2020-H2", "half", True, "start"),
        ("올해 상반기", "2021-H1", "half", True, "end"),
    ),
    _ex("다음 달 1일부터 시행된다.", ("다음 달 1일", "2021-09-01", "day", True, "start")),
    _ex("5월 1일~5일 노동절 연휴", ("5월 1일~5일", "2021-05-01/2021-05-05", "day", True, None)),
    _ex(
        "2019년부터 2021년까지 누적 투자액",
        ("2019년", "2019", "year", False, "start"),
        ("2021년", "2021", "year", False, "end"),
    ),
    _ex("2020년 10월~2021년 3월 시범 운영", ("2020년 10월~2021년 3월", "2020-10/2021-03", "month", False, None)),
    _ex("8월 30일~9월 2일 열린다.", ("8월 30일~9월 2일", "2021-08-30/2021-09-02", "day", True, None)),
    _ex("2020년 12월~1월 한파", ("2020년 12월~1월", "2020-12/2021-01", "month", False, None)),
    _ex("올해 1월 1~15일 판매액", ("올해 1월 1~15일", "2021-01-01/2021-01-15", "day", True, None)),
    # --- parts of years and months
    _ex("1분기 국내총생산(GDP)", ("1분기", "2021-Q1", "quarter", True, None)),
    _ex("1/4분기 실적", ("1/4분기", "2021-Q1", "quarter", True, None)),
    _ex("1사분기 매출", ("1사분기", "2021-Q1", "quarter", True, None)),
    _ex("상반기 수출입 총액", ("상반기", "2021-H1", "half", True, None)),
    _ex("하반기 경제 전망", ("하반기", "2021-H2", "half", True, None)),
    _ex("올 상반기 판매량", ("올 상반기", "2021-H1", "half", True, None)),
    _ex("내년 상반기 출시한다.", ("내년 상반기", "2022-H1", "half", True, None)),
    _ex("연말까지 완공할 계획이다.", ("연말", "2021-12", "month", True, "end")),
    _ex("올해 초 발표된 계획", ("올해 초", "2021-01", "month", True, None)),
    _ex("지난해 말 기준", ("지난해 말", "2020-12", "month", True, None)),
    _ex("8월 초 착공했다.", ("8월 초", "2021-08", "month", True, None)),
    _ex("8월 중순 개최된다.", ("8월 중순", "2021-08", "month", True, None)),
    _ex("6월 말 현재 등록 기업", ("6월 말", "2021-06", "month", True, None)),
    _ex("지난달 말 기준", ("지난달 말", "2021-07", "month", True, None)),
    _ex("1분기 말 기준", ("1분기 말", "2021-03", "month", True, None)),
    _ex("상반기 말까지", ("상반기 말", "2021-06", "month", True, "end")),
    _ex("올해 3·4분기 성장률", ("올해 3·4분기", "2021-Q3", "quarter", True, None)),
    _ex("다음달 초 발표한다.", ("다음달 초", "2021-09", "month", True, None)),
    _ex("이번 달 말 개통", ("이번 달 말", "2021-08", "month", True, None)),
    # --- relative to the reference date
    _ex("지난해 리튬전지 산업 매출은 11억 위안이었다.", ("지난해", "2020", "year", True, None)),
    _ex("작년 매출", ("작년", "2020", "year", True, None)),
    _ex("전년에 이어 올해도 늘었다.", ("전년", "2020", "year", True, None), ("올해", "2021", "year", True, None)),
    _ex("재작년 개통한 노선", ("재작년", "2019", "year", True, None)),
    _ex("재작년 3월 문을 연 물류센터", ("재작년 3월", "2019-03", "month", True, None)),
    _ex("지난 해 관광객은 40% 늘었다.", ("지난 해", "2020", "year", True, None)),  # spaced 지난해
    _ex("지난 해 12월 첫 열차가 떠났다.", ("지난 해 12월", "2020-12", "month", True, None)),
    # a month after a turn (돌아서) takes the year of the date the turn is counted from
    _ex("수출은 재작년 하반기 감소세에서 증가세로 돌아서 3월에 정점을 찍었다.",
        ("재작년 하반기", "2019-H2", "half", True, None), ("3월", "2019-03", "month", True, None)),
    _ex("판매량은 지난해 4분기 반등으로 돌아서 12월 최고치를 기록했다.",
        ("지난해 4분기", "2020-Q4", "quarter", True, None), ("12월", "2020-12", "month", True, None)),
    _ex("올해 들어 처음이다.", ("올해", "2021", "year", True, None)),
    _ex("올 들어 수출이 늘었다.", ("올", "2021", "year", True, None)),
    # 올 들어 N월까지: from January of that year up to the month (or day) — one interval
    _ex("올 들어 7월까지 수출이 늘었다.", ("올 들어 7월", "2021-01/2021-07", "month", True, None)),
    _ex("올해 들어 5월 20일까지 관광객이 늘었다.", ("올해 들어 5월 20일", "2021-01-01/2021-05-20", "day", True, None)),
    _ex("올해 들어 7월에 처음 흑자를 냈다.", ("올해", "2021", "year", True, None), ("7월", "2021-07", "month", True, None)),
    _ex("금년 목표", ("금년", "2021", "year", True, None)),
    _ex("내년 완공된다.", ("내년", "2022", "year", True, None)),
    _ex("지난해 4월 과기부 횃불센터는 의견을 발표했다.", ("지난해 4월", "2020-04", "month", True, None)),
    _ex("지난달 수출", ("지난달", "2021-07", "month", True, None)),
    _ex("이달 10일 개막한다.", ("이달 10일", "2021-08-10", "day", True, None)),
    _ex("이번 달 판매량", ("이번 달", "2021-08", "month", True, None)),
    _ex("다음 달 출시", ("다음 달", "2021-09", "month", True, None)),
    _ex("지난 10일 발표했다.", ("지난 10일", "2021-08-10", "day", True, None)),
    _ex("10일(현지시간) 발표했다.", ("10일", "2021-08-10", "day", True, None)),
    _ex("27일 개막한 전시회", ("27일", "2021-07-27", "day", True, None)),
    _ex("11일 관광객이 몰렸다.", ("11일", "2021-08-11", "day", True, None)),  # only 1일 is 'one-day'
    _ex("오는 10일 개막한다.", ("오는 10일", "2021-09-10", "day", True, None)),
    _ex("지난 8월 15일 개통했다.", ("지난 8월 15일", "2021-08-15", "day", True, None)),
    _ex("오는 9월 개최된다.", ("오는 9월", "2021-09", "month", True, None)),
    _ex("지난 5월 착공했다.", ("지난 5월", "2023-05", "month", True, None), reference=date(2023, 7, 10)),
    _ex("5년 전 처음 문을 열었다.", ("5년 전", "2016", "year", True, None)),
    _ex("3개월 전 발표한 계획", ("3개월 전", "2021-05", "month", True, None)),
    _ex("10일 전 발표했다.", ("10일 전", "2021-08-16", "day", True, None)),
    _ex(
        "10년 전인 2011년 문을 열었다.",
        ("10년 전", "2011", "year", True, None),
        ("2011년", "2011", "year", False, None),
    ),
    _ex("지난 7월 1일 창당 100주년을 맞았다.", ("지난 7월 1일", "2021-07-01", "day", True, None)),
    _ex(
        "지난해 같은 기간보다 20% 늘어난 올해 1~7월 수출액",
        ("올해 1~7월", "2021-01/2021-07", "month", True, None),
    ),
    _ex("전년 동기 대비 12.7% 증가한 2분기 성장률", ("2분기", "2021-Q2", "quarter", True, None)),
    # the date is the period, not a base: 동기 대비 after a plain date, a particle after its figure
    _ex("2분기 동기 대비 6.1% 증가했다", ("2분기", "2021-Q2", "quarter", True, None)),
    _ex("7월의 수출은 지난해보다 4% 늘었다", ("7월", "2021-07", "month", True, None)),
    _ex("3년 전 같은 기간 문을 연 공장", ("3년 전", "2018", "year", True, None)),
    # --- the year boundary: an article of 2024-01-05
    _ex("작년 12월 수출", ("작년 12월", "2023-12", "month", True, None), reference=_NEW_YEAR),
    _ex("지난해 12월 수출", ("지난해 12월", "2023-12", "month", True, None), reference=_NEW_YEAR),
    _ex("12월 수출이 늘었다.", ("12월", "2023-12", "month", True, None), reference=_NEW_YEAR),
    _ex("지난달 말 기준", ("지난달 말", "2023-12", "month", True, None), reference=_NEW_YEAR),
    _ex("올해 상반기", ("올해 상반기", "2024-H1", "half", True, None), reference=_NEW_YEAR),
    _ex("지난 31일 발표했다.", ("지난 31일", "2023-12-31", "day", True, None), reference=_NEW_YEAR),
    _ex("1~11월 누적", ("1~11월", "2021-01/2021-11", "month", True, None), reference=date(2022, 1, 10)),
    _ex("4분기 성장률", ("4분기", "2021-Q4", "quarter", True, None), reference=date(2022, 1, 17)),
    _ex("지난 31일", ("지난 31일", "2021-08-31", "day", True, None), reference=date(2021, 10, 5)),
    # --- no reference date: relative values stay unresolved
    _ex("지난해 매출", ("지난해", None, "year", True, None), reference=None),
    _ex("10일 발표했다.", ("10일", None, "day", True, None), reference=None),
    _ex("2021년 3월 수출", ("2021년 3월", "2021-03", "month", False, None), reference=None),
    # --- two-digit years, weeks, bare day ranges, 연내, native numerals, dotted year-months
    _ex("'21년 상반기", ("'21년 상반기", "2021-H1", "half", False, None)),
    _ex("80년대 개혁개방", ("80년대", "1980/1989", "year", False, None)),
    _ex(
        "지난주 발표했다.",
        ("지난주", "2021-08-16/2021-08-22", "day", True, None),
    ),
    _ex("지난 3~4일 국빈 방문했다.", ("지난 3~4일", "2021-08-03/2021-08-04", "day", True, None)),
    _ex("지난 30~2일 열린 박람회", ("지난 30~2일", "2021-07-30/2021-08-02", "day", True, None)),
    _ex(
        "10~12일 열린 포럼",
        ("10~12일", "2021-08-10/2021-08-12", "day", True, None),
    ),
    _ex("연내 완공할 계획", ("연내", "2021", "year", True, "end")
),
    _ex("한 달 전 발표", ("한 달 전", "2021-07", "month", True, None)),
    _ex("2021.03 기준", ("2021.03", "2021-03", "month", False, None)),
    _ex("'98년 외환위기", ("'98년", "1998", "year", False, None)),
    _ex("00년대 초반", ("00년대", "2000/2009", "year", False, None)),
    _ex("다음 주 개막한다.", ("다음 주", "2021-08-30/2021-09-05", "day", True, None)),
    _ex("이번 주 발표", ("이번 주", "2021-08-23/2021-08-29", "day", True, None)),
    _ex("두 해 전 문을 열었다.", ("두 해 전", "2019", "year", True, None)),
    _ex("올 한 해 수출", ("올 한 해", "2021", "year", True, None)),
    _ex("작년 한 해 동안 늘었다.", ("작년 한 해", "2020", "year", True, None)),
    _ex("금년 목표", ("금년", "2021", "year", True, None)),
    # the bare 올 before a holiday or a season of the year: the year (a season is no period)
    _ex("올 춘절 연휴 소비가 늘었다.", ("올", "2021", "year", True, None)),
    _ex("올 국경절 연휴에 관광객이 몰렸다.", ("올", "2021", "year", True, None)),
    _ex("올여름 피서객이 늘었다.", ("올", "2021", "year", True, None)),
    _ex("올겨울 빙설 관광이 인기다.", ("올", "2021", "year", True, None)),
    _ex("연말 특수", ("연말", "2023-12", "month", True, None), reference=_NEW_YEAR),
    _ex("연말연시 소비", ("연말연시", "2021-12/2022-01", "month", True, None)),
    _ex("연말연시 특별 운송", ("연말연시", "2023-12/2024-01", "month", True, None), reference=_NEW_YEAR),
    _ex("2019 세계인공지능대회가 열렸다.", ("2019", "2019", "year", False, None)),
    _ex("2024 하얼빈(哈爾濱) 국제빙설축제가 개막했다.", ("2024", "2024", "year", False, None)),  # a gloss in the name
    # a bare day after a dated start (부터) is in the start's month
    _ex("전시회는 오는 9월 27일부터 30일까지 열린다.",
        ("오는 9월 27일", "2021-09-27", "day", True, "start"), ("30일", "2021-09-30", "day", True, "end")),
    _ex("축제는 10월 30일부터 2일까지 이어진다.",
        ("10월 30일", "2021-10-30", "day", True, "start"), ("2일", "2021-11-02", "day", True, "end")),
    _ex("2022 베이징 동계올림픽", ("2022", "2022", "year", False, None)),
    _ex("2019 중국 500대 민영기업 서밋이 열렸다.", ("2019", "2019", "year", False, None)),  # four words to the event
    _ex("2015 빈곤 감소와 발전 고위급 포럼에서 강조했다.", ("2015", "2015", "year", False, None)),  # five words
    _ex(
        "작년 2분기 성장률은 6.3%로 1분기의 4.5%를 웃돌았다.",
        ("작년 2분기", "2020-Q2", "quarter", True, None),
        ("1분기", "2020-Q1", "quarter", True, None),
    ),
    _ex(
        "2019년 3월 착공해 6월 완공했다. 8월 개통한다.",
        ("2019년 3월", "2019-03", "month", False, None),
        ("6월", "2019-06", "month", False, None),
        ("8월", "2021-08", "month", True, None),
    ),
    _ex("5~7일 상하이에서 열린 박람회", ("5~7일", "2021-08-05/2021-08-07", "day", True, None)),
)

NEGATIVES: tuple[Negative, ...] = tuple(
    Negative(p)
    for p in (
        "현재 43개 산업 클러스터가 있다.",
        "관광객이 다시 올 것으로 보인다.",  # 오다, not this year
        "동계올림픽 경기장",
        "올레길을 걸었다.",
        "최근 첫 삽을 떴다.",
        "향후 리튬전지 산업을 필두로",
        "그동안 추진해 온 사업",
        "전년 동기 대비 5% 증가했다.",
        "전년동기대비 5% 증가",
        "지난해 같은 기간보다 10% 늘었다.",
        "지난해 동기 대비 3.2% 늘었다.",
        "작년 같은 기간의 두 배",
        "지난해보다 늘었다.",
        "각각 2010년의 2.6, 3.5, 5.1배로 되었다.",  # a list of multiples of that year's figure
        "“21세기 해상 실크로드” 제안",  # a century opening a quoted name
        "3일 소요된다.",
        "3일간의 회의",
        "지수는 3.2014년 수준",  # a decimal, not a year
        "올 내내 바빴다.",
        "작년보다 줄었다.",
        "전년 대비 8.1% 성장했다.",
        "전년비 3% 증가",
        "전년 동월 대비 0.8% 올랐다.",
        "전월 대비 0.3% 상승했다.",
        "지난달보다 늘었다.",
        "전분기 대비 1.3% 성장",
        "지난해 말보다 400곳 늘었다.",
        "지난해 상반기보다 줄었다.",
        "지난해 박람회보다 11.6% 늘었다.",
        "수확량은 지난해와 비슷했다.",  # a comparison base with 비슷
        "2019년과 비슷한 수준을 회복했다.",
        "관광객 수는 코로나19 발생 전보다 20% 많았다.",  # 전보다: before an event, no date
        "지난 해보다 15% 늘었다.",  # spaced 지난 해 as a base, not the city 지난 (济南)
        "지난 해양 조사 결과",  # 지난 + 해양 'ocean': no year
        "농가 소득은 2012년의 2.3배로 늘었다.",  # a multiple of that year's figure: a base
        "입국자 수는 지난해 전체 입국자 수를 웃돌았다.",  # the object of a comparing verb
        "판매량이 작년을 넘어섰다.",
        "선수 2000 명이 대회에 참가했다.",  # a bare number with a counter before an event noun
        "상품 2015 위안어치를 박람회에서 팔았다.",  # a bare amount before an event noun
        "숙박 관광객은 270만 명, 1일 관광객은 330만 명이었다.",  # one-day trippers, not the 1st
        "도심 1일 투어 상품이 인기다.",
        "해상 운수 20일에서 육로 운송 6일로 단축됐다.",  # how long shipping takes, not days of a month
        "통관 3일이면 된다.",
        "1박 2일 체험 프로그램이 인기다.",  # nights and days
        "증가속도는 1분기를 앞질렀다.",  # a quarter as what is overtaken: a base
        "1분기 증속에 비했을때 상승폭이 컸다.",  # a quarter's figure as the base (비하다)
        "상반기 매출 대비 두 배로 늘었다.",
        "산둥은 1분기와 같은 수준을 유지했다.",
        "판매량은 3분기를 웃돌았다.",
        "주민 2000 가구가 축제를 즐겼다.",
        "이는 2018년 광둥성 전체 수출액을 넘어선 규모다.",  # a place among the nouns; 넘어선
        "누적 판매량은 작년 연간 판매량을 웃도는 수준이다.",  # 웃도는
        "양봉 농가는 대개 4월부터 연말까지 분주하다.",  # a habit: every year
        "관광객은 2019년 팬데믹 발생 전보다 10% 많았다.",  # the time before an event as the base
        "이 꽃은 보통 3~5월에 핀다.",
        "2019년 대비 두 배로 늘었다.",
        "2019년 같은 기간보다 10.5% 늘었다.",
        "물동량이 1년 전 같은 기간보다 8.4% 늘었다.",  # counted back, then the same period: a base
        "소득은 2019년의 명목 증가율 보다 2.1% 높았다.",  # a year's figure is the base
        "2020년의 생산량 대비 30% 늘었다.",
        "매년 11월 11일 열린다.",
        "2분기 연속 성장했다.",
        "5·4운동 정신",
        "신중국 창건 70주년",
        "이틀 전 발표했다.",
        "3년간 투자했다.",
        "10년 동안 이어졌다.",
        "5일간 열린 박람회",
        "지난 3년간 늘었다.",
        "지난 5일간 열렸다.",
        "지난 10년 사이",
        "5일 만에 완판됐다.",
        "30일 이내 신청해야 한다.",
        "2~3일 소요된다.",
        "2~3년 전 시작됐다.",
        "3~4개월 걸린다.",
        "제14차 5개년 계획",
        "13기 전국인민대표대회",
        "24시간 운영한다.",
        "오후 3시 30분",
        "이날 발표했다.",
        "당일 배송",
        "같은 날 열렸다.",
        "1995년생 직원",
        "2022년형 모델",
        "1박2일 일정",
        "매월 10일 발표한다.",
        "올림픽 개최",
        "말레이시아에서 초청했다.",
        "연말정산 서류",
        "만 18세 이상",
        "화웨이 Mate 40 Pro",
        "C919 여객기",
        "5G 기지국 100만 개",
        "1일 평균 2만 명이 찾았다.",
        "2천년 역사",
        "4개씩 포함돼",
        "100위권에 올랐다.",
        "1~2일 걸린다.",
        "3~5일 소요될 전망",
        "지난주말 행사",
        "2021.3 수준",
        "2021.03% 증가",
        "한 해 동안 노력했다.",
        "2019 명이 참가했다.",
        "주 3~4일 근무",
    )
)

__all__ = ["REFERENCE", "Example", "Negative", "EXAMPLES", "NEGATIVES"]
