"""Money corpus: amounts as the Xinhua Korean service writes them (see the package docstring)."""

from __future__ import annotations

from typing import Any, Optional

from . import ex, neg


def m(text: str, value: str, currency: str, approx: bool = False, bound: Optional[str] = None, **extra: Any) -> dict:
    return dict(text=text, value=value, currency=currency, approx=approx, bound=bound, **extra)


EXAMPLES = [
    ex("올해 상반기 선전시의 지역총생산은 1조5천억 위안을 기록했다.", m("1조5천억 위안", "1500000000000", "CNY")),
    ex("프로젝트 총투자액은 약 2.7억 위안에 달한다.", m("약 2.7억 위안", "270000000", "CNY", approx=True)),
    ex("지난해 화물 무역액은 4조3천억 달러로 집계됐다.", m("4조3천억 달러", "4300000000000", "USD")),
    ex("규모 이상(연 매출 2천만 위안 이상) 기업", m("2천만 위안", "20000000", "CNY", bound="min")),
    ex("천억 위안급 산업 클러스터를 육성한다.", m("천억 위안", "100000000000", "CNY", scale="급")),
    ex("조 위안급 산업 규모를 조성할 계획이다.", m("조 위안", "1000000000000", "CNY", scale="급")),
    ex(
        "조(兆) 위안(180조원)급 산업 클러스터",
        m("조(兆) 위안", "1000000000000", "CNY", scale="급"),
        m("180조원", "180000000000000", "KRW", equivalent_of=0, rate="180"),
    ),
    ex(
        "지난해 매출은 11억9천만 위안(2천146억원)을 기록했다.",
        m("11억9천만 위안", "1190000000", "CNY"),
        m("2천146억원", "214600000000", "KRW", equivalent_of=0, rate="180.34"),
    ),
    ex(
        "천억 위안(약 18조원)급 산업 단지",
        m("천억 위안", "100000000000", "CNY", scale="급"),
        m("약 18조원", "18000000000000", "KRW", approx=True, equivalent_of=0, rate="180"),
    ),
    ex(
        "약 600억 위안(약 11조원)을 투입한다.",
        m("약 600억 위안", "60000000000", "CNY", approx=True),
        m("약 11조원", "11000000000000", "KRW", approx=True, equivalent_of=0, rate="183.33"),
    ),
    ex(
        "1억 달러(약 1천100억원) 규모의 계약",
        m("1억 달러", "100000000", "USD"),
        m("약 1천100억원", "110000000000", "KRW", approx=True, equivalent_of=0, rate="1100"),
    ),
    ex("전국 일반공공예산 수입은 총 82조 7,122억 위안에 달했다.", m("82조 7,122억 위안", "82712200000000", "CNY")),
    ex("사회소비품 소매총액은 140667억 위안이었다.", m("140667억 위안", "14066700000000", "CNY")),
    ex("1인당 가처분소득은 1만8382위안으로 늘었다.", m("1만8382위안", "18382", "CNY")),
    ex("외화보유액은 3조2천억 달러를 넘어섰다.", m("3조2천억 달러", "3200000000000", "USD", bound="over")),
    ex("100억 달러 규모의 투자 협약을 체결했다.", m("100억 달러", "10000000000", "USD", scale="규모")),
    ex("관광 수입은 13억7462만 위안을 기록했다.", m("13억7462만 위안", "1374620000", "CNY")),
    ex("올해 70여억 위안을 투입할 계획이다.", m("70여억 위안", "7000000000", "CNY", approx=True)),
    ex("중국 자동차 시장 규모는 3조8천800억 위안이다.", m("3조8천800억 위안", "3880000000000", "CNY")),
    ex("항공권 가격은 500~800위안 사이다.",
       m("500", "500", "CNY", bound="min"), m("800위안", "800", "CNY", bound="max")),
    ex("투자액은 3~4억 달러로 추산된다.",
       m("3", "300000000", "USD", bound="min"), m("4억 달러", "400000000", "USD", bound="max")),
    ex("투자 규모는 3~4억 5천만 위안이다.",
       m("3", "300000000", "CNY", bound="min"), m("4억 5천만 위안", "450000000", "CNY", bound="max")),
    ex("홍콩 기업이 US$ 25억을 투자했다.", m("US$ 25억", "2500000000", "USD")),
    ex("유럽연합(EU)은 2천500만 유로를 지원한다.", m("2천500만 유로", "25000000", "EUR")),
    ex("일본 기업의 투자액은 1천억 엔에 이른다.", m("1천억 엔", "100000000000", "JPY")),
    ex("이번 채권 발행 규모는 50억 홍콩달러다.", m("50억 홍콩달러", "5000000000", "HKD")),
    ex("영국 측은 3억 파운드를 출자했다.", m("3억 파운드", "300000000", "GBP")),
    ex("러시아 측 투자는 10억 루블이다.", m("10억 루블", "1000000000", "RUB")),
    ex("타이완 기업의 수주액은 20억 대만달러였다.", m("20억 대만달러", "2000000000", "TWD")),
    ex("1회 진료비는 5천만 위안 가량이다.", m("5천만 위안", "50000000", "CNY", approx=True)),
    ex("연간 매출은 1억 위안 안팎이다.", m("1억 위안", "100000000", "CNY", approx=True)),
    ex("최대 30억 달러를 지원한다.", m("최대 30억 달러", "3000000000", "USD", bound="max")),
    ex("최소 1천만 위안을 투자해야 한다.", m("최소 1천만 위안", "10000000", "CNY", bound="min")),
    ex("자산 10만 위안 미만 가구", m("10만 위안", "100000", "CNY", bound="under")),
    ex("거래액이 500억 위안을 돌파했다.", m("500억 위안", "50000000000", "CNY", bound="over")),
    ex("3천억원 초과 사업은 심사를 받는다.", m("3천억원", "300000000000", "KRW", bound="over")),
    ex("근 100억 위안을 들였다.", m("근 100억 위안", "10000000000", "CNY", approx=True)),
    ex("이 사업에는 40억 위엔이 투입됐다.", m("40억 위엔", "4000000000", "CNY")),
    ex("수출입 총액은 4,276억 위안이다.", m("4,276억 위안", "427600000000", "CNY")),
    ex("5억 위안화 규모의 펀드", m("5억 위안화", "500000000", "CNY", scale="규모")),
    ex("양국 교역액은 1조 원을 넘었다.", m("1조 원", "1000000000000", "KRW", bound="over")),
    ex("시장 규모가 2.5조 위안에 달한다.", m("2.5조 위안", "2500000000000", "CNY")),
    ex("순이익은 -3억 위안으로 적자를 냈다.", m("-3억 위안", "-300000000", "CNY")),
    ex("유럽 측 출자금은 €5억이다.", m("€5억", "500000000", "EUR")),
    ex("미화 100만 달러를 기부했다.", m("100만 달러", "1000000", "USD")),
    ex("위안화 환율은 달러당 6.5위안선에서 움직였다.", m("6.5위안", "6.5", "CNY", scale="선")),
    ex("주가는 1만원대를 유지했다.", m("1만원", "10000", "KRW", scale="대")),
    ex("1억여 위안을 들여 공장을 지었다.", m("1억여 위안", "100000000", "CNY", approx=True)),
    ex("총사업비는 1억천만 위안이다.", m("1억천만 위안", "110000000", "CNY")),
    ex("예산은 5억 위안에서 8억 위안으로 늘었다.",
       m("5억 위안", "500000000", "CNY"), m("8억 위안", "800000000", "CNY")),
    ex("생산액이 120억 위안 남짓이다.", m("120억 위안", "12000000000", "CNY", approx=True)),
    ex("총 일억 위안을 투자했다.", m("일억 위안", "100000000", "CNY")),
    ex("예산은 삼천만 위안이다.", m("삼천만 위안", "30000000", "CNY")),
    ex("이십여억 위안", m("이십여억 위안", "2000000000", "CNY", approx=True)),
    ex("투자액은 50억 위안, 한화로 약 9천억원에 이른다.",
       m("50억 위안", "5000000000", "CNY"), m("약 9천억원", "900000000000", "KRW", approx=True, equivalent_of=0)),
    ex("총액은 2억 달러로, 우리 돈으로 2천600억원이다.",
       m("2억 달러", "200000000", "USD"), m("2천600억원", "260000000000", "KRW", equivalent_of=0)),
    ex("投资额为100亿元", m("100亿元", "10000000000", "CNY")),
    ex("地区生产总值达3万亿元", m("3万亿元", "3000000000000", "CNY")),
    ex("사업비 1.2亿 위안을 들였다.", m("1.2亿 위안", "120000000", "CNY")),
    ex("투자액은 100억 위앤이다.", m("100억 위앤", "10000000000", "CNY", rule="money-irregular-currency")),
    # 원 for the yuan 元 (its Sino-Korean reading) in a sentence about Chinese money: CNY, warned (W104)
    ex("이 마을 농민의 1인당 가처분소득은 1만6천 원을 넘었다.",
       m("1만6천 원", "16000", "CNY", bound="over", rule="money-won-as-yuan")),
    ex("중국의 빈곤 퇴치 지원금으로 가구당 3천 원이 지급됐다.",
       m("3천 원", "3000", "CNY", rule="money-won-as-yuan")),
    ex("상무부는 국경절 연휴 소매 매출액이 1조2000억원이라고 밝혔다.",  # a Chinese body, a Chinese holiday
       m("1조2000억원", "1200000000000", "CNY", rule="money-won-as-yuan")),
    # … but the won stays the won: a conversion, a Korean sentence, a sentence that writes 위안
    ex("기획재정부는 내년 예산 1조원을 배정했다.", m("1조원", "1000000000000", "KRW")),  # Korea's ministry
    ex("중국 농민 소득은 2만 위안(약 370만원)으로 늘었다.",
       m("2만 위안", "20000", "CNY"), m("약 370만원", "3700000", "KRW", approx=True, rule="money-conversion")),
    ex("한국 여행사가 내놓은 중국 관광 상품은 1인당 150만원이다.", m("150만원", "1500000", "KRW")),
    ex("중국 측은 5억 위안을, 상대 측은 800억 원을 냈다.",
       m("5억 위안", "500000000", "CNY"), m("800억 원", "80000000000", "KRW")),
    ex("입장권 가격은 3만 원이다.", m("3만 원", "30000", "KRW")),
    # a lower end that the upper end's myriad unit would put above it keeps its own value
    ex("임시 일자리 수입은 8천~1만2천 위안이다.",
       m("8천", "8000", "CNY", bound="min"), m("1만2천 위안", "12000", "CNY", bound="max")),
    # a range converted into a range: low with low, high with high; 약 covers both ends
    ex("정규직 연봉은 4만~5만 위안(약 760만~950만원)이다.",
       m("4만", "40000", "CNY", bound="min"), m("5만 위안", "50000", "CNY", bound="max"),
       m("약 760만", "7600000", "KRW", approx=True, bound="min", equivalent_of=0, rate="190"),
       m("950만원", "9500000", "KRW", approx=True, bound="max", equivalent_of=1, rate="190")),
    # an approximation word after the parenthesis is said of both amounts
    ex("수입액은 2천40억 위안(38조원)에 육박했다.",
       m("2천40억 위안", "204000000000", "CNY", approx=True),
       m("38조원", "38000000000000", "KRW", approx=True, equivalent_of=0, rate="186.27")),
    # 선 ('the mark') between the amount and its approximation or bound (blind batch Y)
    ex("1인당 소득은 60,000위안 선에 육박했다.", m("60,000위안", "60000", "CNY", approx=True)),
    ex("규모가 100조 위안 선을 돌파했다.", m("100조 위안", "100000000000000", "CNY", bound="over")),
    # a headline drops the 에 of 에 육박 (blind batch AF)
    ex("소매판매 4천500조원 육박", m("4천500조원", "4500000000000000", "KRW", approx=True)),
    # a space between a group ending in 천/백/십 and its myriad unit
    ex("순이익은 12억6천 만 위안에 그쳤다.", m("12억6천 만 위안", "1260000000", "CNY")),
    # 3,4만: three or four (ten thousand), a range
    ex("하우스 한 동의 수입은 5,6만 위안이었다.",
       m("5", "50000", "CNY", bound="min", rule="money-range-low"),
       m("6만 위안", "60000", "CNY", bound="max", rule="money-range-high")),
    ex("5억 위얀을 들였다.", m("5억 위얀", "500000000", "CNY", rule="money-irregular-currency")),
    ex("매출 3천만 달로를 기록했다.", m("3천만 달로", "30000000", "USD", rule="money-irregular-currency")),
    ex("총사업비는6억 위안이다.", m("6억 위안", "600000000", "CNY")),
]

NEGATIVES = [
    neg("중국 농민들은 원하는 작물을 심었다."),  # 원하다, no amount
    neg("가구 수는 3,4만 가구에 이른다."),  # 3,4만 without a currency
    neg("수십억 위안을 투자했다."),  # vague: 수십억 has no value
    neg("수백만 달러 규모"),
    neg("평화공존 5원칙을 견지했다."),
    neg("30이라는 이 숫자는 특별하다."),  # the copula 이라, one letter off 리라 (lira)
    neg("계약 3건을 체결했다."),
    neg("천진에서 열린 회의에 참석했다."),
    neg("조 위원장은 이같이 말했다."),
    neg("출처: 신화망 | 2021-08-26 09:51:45 | 편집: 朱雪松"),
    neg("전화:0086-10-8805-0795"),
    neg("이메일:xinhuakorea@126.com"),
    neg("010020071350000000000000011100001310149560"),
    neg("http://kr.news.cn/2021-08/26/c_1310149560.htm"),
    neg("달러 환율이 하락했다."),
    neg("위안화 국제화를 추진한다."),
    neg("원전 3기를 건설한다."),
    neg("유로존 19개국이 참여했다."),
    neg("3원색으로 꾸몄다."),
    neg("C919 여객기 100대를 주문했다."),
    neg("GPT-4 모델을 공개했다."),
    neg("100만 명이 참가했다."),
    neg("25.4%를 차지한다."),
    neg("조(兆) 단위의 투자가 이뤄졌다."),
    neg("이만큼 중요한 일은 없다."),
    neg("세계 500대 기업에 선정됐다."),
    neg("위안화 환율은 달러당 6.45를 기록했다."),
    neg("만원 버스에 올랐다."),
    neg("4엔진 항공기"),
    neg("통일억 위안"),
    neg("10 유료 서비스"),
    neg("3대 달라진 점"),
    neg("5위원회"),
    neg("제3원칙"),
    neg("사천성에 갔다."),
]
