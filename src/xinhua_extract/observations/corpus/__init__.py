"""Observation corpus: short passages in Xinhua style, each with the one observation expected
for one figure in it (``tests/observations/test_corpus.py`` runs them through
``parse_article``).

An example names its figure by the fact's text and gives what must hold: ``role``, ``head``
(the measure's text ends with it; ``None`` wants no measure), and where given ``places``,
``period`` and ``direction``. ``NEGATIVES`` are passages whose figures must get no
observation (KRW conversions, dates, ranks). ``xfail`` carries the reason a case is not
supported yet: the test is a strict xfail, so a rule that starts handling it shows up.

Passages are written for this corpus; published date of every passage: ``PUBLISHED``.
"""

from __future__ import annotations

from typing import Any, Optional

PUBLISHED = "2024-03-15"


def ob(text: str, figure: str, role: str, head: Optional[str], *, xfail: Optional[str] = None, **want: Any) -> dict:
    return dict(text=text, figure=figure, role=role, head=head, xfail=xfail, want=want)


EXAMPLES = [
    # --- level: topic, subject, X는 N(으)로, N의 X, adjacent phrase, counted noun
    ob("허난성의 지난해 곡물 생산량은 6천624만t으로 집계됐다. 농업 인구는 4천200만 명이다.",
       "4천200만 명", "level", "인구", places=["410000"]),
    ob("지난해 허난성 정저우시의 지역총생산은 1조3천617억 위안을 기록했다.",
       "1조3천617억 위안", "level", "지역총생산", places=["410100"], period="2023"),
    ob("청두시에는 현재 외국 영사관 23곳이 들어서 있다.", "23곳", "level", "영사관", places=["510100"], period=None),
    ob("올해 1~2월 광시좡족자치구의 수출액은 612억 위안으로 지난해 같은 기간보다 8.3% 늘었다.",
       "612억 위안", "level", "수출액", places=["450000"], period="2024-01/2024-02"),
    ob("간쑤성은 풍력발전소 57개를 새로 건설했다.", "57개", "level", "풍력발전소", places=["620000"]),
    ob("톈진항은 지난해 42개 국제 컨테이너 항로를 새로 열었다.", "42개", "level", "컨테이너 항로"),
    ob("하얼빈시의 빙설 관광객은 지난 겨울 연인원 8천만 명에 달했다.", "8천만 명", "level", "관광객", places=["230100"]),
    ob("난닝시는 전기버스 1천200대의 운행을 시작했다.", "1천200대", "level", "전기버스"),  # N의 X after a bare phrase: the phrase
    # --- change with direction
    ob("1분기 후난성의 소매판매액은 4천870억 위안으로 전년 동기 대비 5.9% 증가했다.",
       "5.9%", "change", "소매판매액", direction="up", places=["430000"], period="2024-Q1"),
    ob("지난해 지린성의 석탄 소비량은 전년보다 3.1% 감소했다.", "3.1%", "change", "소비량", direction="down",
       places=["220000"], period="2023"),
    ob("산시성의 실업률은 0.4%p 낮아졌다.", "0.4%p", "change", "실업률", direction="down"),
    ob("닝보시의 물동량은 지난해보다 1천만t 넘게 늘었다. 컨테이너 처리량은 4.9% 늘어났다.",
       "4.9%", "change", "처리량", direction="up", places=["330200"]),
    ob("수출은 12.1%, 수입은 3.4% 각각 줄었다.", "3.4%", "change", "수입", direction="down"),
    ob("허베이성의 철강 생산량은 4.2% 하락했다.", "4.2%", "change", "생산량", direction="down"),
    ob("산둥성은 올해 풍력 설비 1천 기를 늘렸다.", "1천 기", "change", "풍력 설비", direction="up"),
    ob("하이난성은 올해 면세점 12곳을 늘렸다.", "12곳", "change", "면세점", direction="up"),
    ob("지난해 수출액은 3천억 위안, 수입액은 1천억 위안이었다. 이는 각각 5.2%, 3.3% 늘어난 수치다.",
       "3.3%", "change", "수입액", direction="up"),
    # --- share
    ob("하이테크 기업의 매출은 성 전체의 38.2%를 차지했다.", "38.2%", "share", "매출"),
    ob("창춘시의 자동차 생산액 가운데 신에너지차 비중은 21%로 높아졌다.", "21%", "share", "신에너지차"),
    ob("그중 70%에 해당하는 14개 공장이 가동을 재개했다.", "70%", "share", "공장"),
    ob("서비스업이 성 전체 GDP에서 차지하는 비중은 52%로 높아졌다.", "52%", "share", "서비스업"),
    ob("전기차 수출은 전체 자동차 수출의 40%가 넘는 비중을 차지했다.", "40%", "share", "수출"),
    ob("세계 태양광 모듈 생산량 가운데 중국 기업의 생산량이 약 80%를 점유했다.", "약 80%", "share", "생산량"),
    ob("충칭의 물류비는 연해 도시보다 15% 저렴하다.", "15%", "change", "물류비", direction="down"),
    # --- target
    ob("구이저우성은 2027년까지 데이터센터 랙을 100만 개로 늘릴 계획이다.", "100만 개", "target", "랙",
       places=["520000"], period="2027"),
    ob("장시성 정부는 올해 성장 목표를 5.5%로 제시했다.", "5.5%", "target", "성장", period="2024"),
    ob("업계는 올해 판매량이 10% 안팎 늘어날 것으로 내다봤다.", "10%", "target", "판매량"),
    ob("위원회는 각 시에 공공 충전소 500곳을 세우도록 주문했다.", "500곳", "target", "충전소"),
    ob("허베이성은 다음 달 1일부터 전기요금을 5% 인하한다.", "5%", "target", "전기요금", period="2024-04-01"),
    # --- threshold
    ob("연 매출 5억 위안 이상 제조 기업은 1천40곳이다.", "5억 위안", "threshold", "매출"),
    ob("천억 위안급 반도체 클러스터를 조성한다.", "천억 위안", "threshold", "클러스터"),
    # --- discourse: places and period carry
    ob("지난해 난징시의 관광 수입은 2천600억 위안에 달했다. 그중 해외 관광객 소비는 95억 위안이었다.",
       "95억 위안", "level", "소비", places=["320100"], period="2023"),
    ob("윈난성 쿤밍시는 꽃 산업의 중심이다. 현재 화훼 재배 면적은 12만 무, 관련 기업은 1천여 곳이다.",
       "1천여 곳", "level", "기업", places=["530100"], period=None),
    ob("안후이·장시·후베이가 각각 3곳씩 선정됐다.", "3곳씩", "level", None,
       places=["340000", "360000", "420000"]),
    # several owners, each with its own figure: in order after 각각, or the owner named since the last figure
    ob("1~9월 산시(山西)성, 간쑤(甘肅)성, 칭하이(靑海)성의 관광 수입은 각각 15.2%, 11.4%, 9.8% 늘었다.",
       "11.4%", "change", "관광 수입", direction="up", places=["620000"], period="2024-01/2024-09"),
    ob("푸젠과 장시 2개 성의 농가 소득은 각각 2만1천 위안과 1만9천 위안이었다.", "1만9천 위안", "level", "소득",
       places=["360000"]),
    ob("안후이의 수출 증가율이 12%로 1위; 허난의 수출 증가율이 9%로 2위를 차지했다.", "9%", "level", "증가율",
       places=["410000"]),
    ob("베이징시와 톈진시의 수출액은 모두 8% 늘었고 수입액은 5% 줄었다.", "5%", "change", "수입액",
       direction="down", places=["110000", "120000"]),  # no owner since the last figure: both still own it
    # a list whose items bring their own period and basis share the verb after the last one
    ob("수출은 1분기에 동기대비 4.1%, 2분기에 동기대비 5.3% 증가했다.", "4.1%", "change", "수출",
       direction="up", period="2024-Q1"),
    # A부터 B까지 in the figure's clause is one period
    ob("2023년 3월부터 10월까지 저장성의 전자상거래 매출은 9.4% 늘었다.", "9.4%", "change", "매출",
       direction="up", places=["330000"], period="2023-03/2023-10"),
    # 그중 right after the source continues the previous sentence: its period carries
    ob("올 1분기 광둥성의 관광객은 1억2천만 명이었다. 성 문화여유청에 따르면 그중 도시 주민은 8천만 명이다.",
       "8천만 명", "level", "주민", places=["440000"], period="2024-Q1"),
    # 국내총생산(GDP) then GDP는: the same measure, so the same period; and the rest of the sentence
    ob("2023년 장쑤성의 국내총생산(GDP)은 12조8천억 위안이었다. GDP는 5.8% 성장했고 증가 속도는 1.1%포인트 높아졌다.",
       "1.1%포인트", "change", "속도", direction="up", places=["320000"], period="2023"),
    # 중국인 (the people of China) make the statement national
    ob("올 1분기 국내 여행을 즐긴 중국인은 14억 명을 넘었다.", "14억 명", "level", "중국인", places=["CN"],
       period="2024-Q1"),
    # the measure says whose figure it is when the clause names no owner before it
    ob("장시성의 성장률은 8.1%였다. 27개 성의 성장률이 1분기보다 높아졌다.", "27개", "level", "성", places=["CN"]),
    ob("31개 성 가운데 후난성의 증가율이 가장 높았다.", "31개", "level", "성", places=["CN"]),
    ob("광저우시는 전기차 허브다. 올 1~9월 세계 전기차 판매량은 1천만 대였다.", "1천만 대", "level", "판매량",
       places=[], period="2024-01/2024-09"),
    ob("항저우시의 외자 기업은 늘었다. 세계 500대 기업 중 150곳이 이곳에 투자했다.", "150곳", "level", "기업",
       places=["330100"]),  # a class of firms found anywhere: not a world total
    # a heading names its measure before a colon; 실제 (in real terms) is no measure
    ob("지표3:【외자 유치: 1-9월 1천200억 위안 기록】", "1천200억 위안", "level", "유치"),
    ob("【농민 소득: 실제 6.3% 증가】", "6.3%", "change", "소득", direction="up"),
    ob("주민 소득은 9.1% 늘었다. 물가를 빼면 실제 6.1% 증가했다.", "6.1%", "change", "소득", direction="up"),
    # a destination (X 등지로) is not what the next sentence is about
    ob("허난성 란카오현의 오동나무는 상하이 등지로 팔린다. 지난해 현 주민의 소득은 2만 위안이었다.", "2만 위안", "level",
       "소득", places=["410225"], period="2023"),
    # the previous sentence's figures were read for its source's place: that place carries
    ob("광둥성 상무청에 따르면 올해 1~5월 첸하이협력구의 외자 유치액은 20억 달러였다. "
       "협력구가 문을 연 뒤 입주한 기업은 1천200곳에 이른다.", "1천200곳", "level", "기업", places=["440000"]),
    # a plan word compared against is not a plan: the figure happened
    ob("지난해 윈난성의 성장률은 7.9%로 예상치보다 높았다.", "7.9%", "level", "성장률", places=["530000"], period="2023"),
    # a figure with no phrase of its own after one of the same kind continues its measure (and target)
    ob("간쑤성은 올해 성장 목표를 6%에서 6.5%로 높였고 칭하이성은 5%에서 5.5%로 높였다.", "5.5%", "target", "성장",
       places=["630000"]),
    # N개의 + a modifier: what is counted comes after it, not the phrase before the count
    ob("시는 동부와 서부 물류단지 2개의 새로운 철도 노선을 열었다.", "2개", "level", "노선"),
    ob("마을 주민 300여 가구의 소득이 늘었다.", "300여 가구", "level", "주민"),
    ob("중국의 지난해 국내총생산은 126조 위안을 넘어섰다.", "126조 위안", "level", "국내총생산",
       places=["CN"], period="2023"),
    ob("광저우시의 한 물류기업 관계자는 \"푸젠성의 항만 물동량은 8% 늘었다\"고 말했다.", "8%", "change", "물동량",
       direction="up", places=["350000"]),
    ob("국가통계국에 따르면 전국 규모 이상 공업 기업의 이윤은 2.3% 증가했다.", "2.3%", "change", "이윤",
       places=["CN"]),
    ob("톈진시는 외자 유치를 늘리고 있다. 일본의 대톈진 투자는 12% 감소했다.", "12%", "change", "투자", places=[]),
    # a country inside the measure phrase is not its owner: the tourists came to Jilin
    ob("지린성은 관광객 유치에 나섰다. 러시아 관광객은 지난해 12만 명이었다.", "12만 명", "level", "관광객",
       places=["220000"]),
]

NEGATIVES = [
    "상하이시는 지난해 120억 위안(약 2조2천억원)을 투입했다.",  # the KRW conversion: no observation for it
    "베이징은 3위를 차지했다.",
    "2023년 5월 8일 개막했다.",
]
