"""Generate ``src/xinhua_extract/data/counters.tsv``, ``counter_nouns.tsv`` and
``currencies.tsv``: the counter words (분류사, classifiers), the nouns that decide what a
number with a counter means (``자동차 3대``, ``1번 국도``), and the currency names the
numeric fact rules read.

Both lists are curated by hand below from the way the Xinhua Korean service writes
quantities and amounts (``43개``, ``300만 대``, ``천억 위안``, ``18조원``, ``100억 달러``);
currency codes are ISO 4217. Edit the lists here, then run
``python scripts/build_numeric_tables.py``; a test regenerates both files in memory and
fails when a committed copy has drifted (``--check`` does the same from the shell).
"""

from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "xinhua_extract" / "data"
COUNTERS_OUT = DATA / "counters.tsv"
CURRENCIES_OUT = DATA / "currencies.tsv"
COUNTER_NOUNS_OUT = DATA / "counter_nouns.tsv"
NOT_TYPOS_OUT = DATA / "currency_not_typos.tsv"
WON_CONTEXT_OUT = DATA / "won_context.tsv"

# (surface, counter, native, gloss)
#   surface: the counter as written right after a number (``43개``, ``300만 대``);
#   counter: the value of Count.counter (the surface itself for every entry so far);
#   native:  "yes" when it also follows a native Korean numeral (``세 가지``, ``두 곳``).
# Left out on purpose, because after a number they are mostly labels or measures:
#   차/분기/항/층/동 (ordinals and labels: 2차, 1분기, 3층; 동 is also the Vietnamese
#   dong), 년/월/일/개월/개년 (time), 톤/km/㎢/kWh (units of measure), 배 (multiples),
#   세 (age), 인 (1인 가구 is a label), 과 (the particle: 3과 4, 'three and four'; the
#   taxonomy's families, 12과, are lost with it). 세대 counts households (129세대의 주민); the
#   generations (3세대 원전, 5세대 이동통신) are labels by the noun after (COUNTER_NOUNS).
#   기, 호 and 부 count only with evidence (reading "only" in COUNTER_NOUNS): 원전 4기 but
#   13기 전인대 (a term), 농가 300여 호 but 창어 5호 (a name), 10만 부 but 3부 (a part).
COUNTERS: list[tuple[str, str, str, str]] = [
    ("개", "개", "yes", "items, generic classifier"),
    ("개국", "개국", "yes", "countries"),
    ("개소", "개소", "no", "sites, facilities"),
    ("개사", "개사", "no", "companies"),
    ("개체", "개체", "no", "individual animals or plants"),
    ("곳", "곳", "yes", "places, sites"),
    ("군데", "군데", "yes", "places"),
    ("명", "명", "yes", "people"),
    ("건", "건", "yes", "cases, items, deals"),
    ("대", "대", "yes", "vehicles, machines (not 'N대 + noun' = the N largest)"),
    ("가지", "가지", "yes", "kinds"),
    ("종", "종", "no", "kinds, species"),
    ("종류", "종류", "yes", "kinds"),
    ("척", "척", "yes", "ships"),
    ("편", "편", "yes", "works, films, flights"),
    ("차례", "차례", "yes", "times, occasions"),
    ("회", "회", "no", "times, sessions (not 제N회)"),
    ("번", "번", "yes", "times (not N번째)"),
    ("채", "채", "yes", "buildings, houses"),
    ("그루", "그루", "yes", "trees"),
    ("마리", "마리", "yes", "animals"),
    ("가구", "가구", "no", "households"),
    ("권", "권", "yes", "volumes, books"),
    ("점", "점", "no", "pieces, exhibits, relics"),
    ("량", "량", "no", "railway cars"),
    ("쌍", "쌍", "yes", "pairs"),
    ("필지", "필지", "no", "plots of land"),
    ("세트", "세트", "no", "sets"),
    ("병", "병", "yes", "bottles (와인 1억4천만 병)"),
    ("갈래", "갈래", "yes", "branches, lines (4갈래 방사형 철도)"),
    ("장", "장", "yes", "sheets, panels, tickets (not 제N장 'chapter N')"),
    ("상자", "상자", "yes", "boxes, hives (땅벌 300여 상자)"),
    ("자루", "자루", "yes", "sacks, bags, sticks (식용균 12만여 자루)"),
    ("포대", "포대", "yes", "sacks"),
    ("봉지", "봉지", "yes", "packets"),
    ("켤레", "켤레", "yes", "pairs of shoes or socks"),
    ("벌", "벌", "yes", "suits, sets of clothes"),
    ("송이", "송이", "yes", "blossoms, bunches"),
    ("필", "필", "yes", "horses, bolts of cloth (말 400여 필)"),
    ("개성", "개", "no", "개 glued to 성 'province' (서부 12개성의 = 12개 성)"),
    ("세대", "세대", "no", "households (129세대의 주민); not generations (3세대 원전: COUNTER_NOUNS)"),
    ("두", "두", "no", "head of livestock (젖소 500두)"),
    ("목", "목", "no", "orders, in a taxonomy (6목 12과 54종)"),
    ("통", "통", "yes", "calls, letters (전화 3천 통)"),
    ("칸", "칸", "yes", "compartments, rooms (객차 8칸)"),
    ("곡", "곡", "yes", "songs, pieces of music"),
    ("항차", "항차", "no", "voyages (화물선 500항차)"),
    ("편성", "편성", "no", "train sets (고속열차 10편성)"),
    ("잔", "잔", "yes", "cups, glasses"),
    ("그릇", "그릇", "yes", "bowls"),
    ("팀", "팀", "yes", "teams"),
    ("포기", "포기", "yes", "plants, heads of cabbage (배추 3만 포기)"),
    ("인분", "인분", "no", "portions (떡국 1만 인분)"),
    ("박스", "박스", "no", "boxes"),
    ("발", "발", "no", "shots, rockets, fireworks"),
    ("기", "기", "no", "reactors, turbines, tombs (원전 4기); only with evidence (COUNTER_NOUNS 'only')"),
    ("호", "호", "no", "households (농가 300여 호); only with evidence (COUNTER_NOUNS 'only')"),
    ("부", "부", "no", "copies (10만 부); only with evidence (COUNTER_NOUNS 'only')"),
]

# (counter, noun, side, reading, gloss): nouns that decide what a number with a counter is.
#   side "before": the noun stands right before the number (``자동차 3대``); "after": right
#   after the counter (``1번 국도``). reading "count": a count even where the shape alone
#   would say otherwise (N대 + noun reads "the N largest": ``5대 그룹``, ``500대 기업``;
#   but ``자동차 3대 판매`` counts cars); "label": a number label, not a count (``1번
#   국도``: route 1, ``3번 출구``: exit 3); "only": the counter counts only after one of
#   these nouns, or where the number itself says it is a quantity (a 천/만/억 unit, four
#   digits, or an approximation: ``풍력 설비 1천 기``, ``300여 호``); else it is a label
#   or a name (``13기 전인대``, ``창어 5호``, ``제1부``); "span": a noun of time after the
#   counter makes the number a span, not a count (``지난 3개 분기``, like ``3개월``).
COUNTER_NOUNS: list[tuple[str, str, str, str, str]] = [
    *(("대", noun, "before", "count", "counted by 대: vehicles and machines") for noun in (
        "자동차", "차량", "차", "승용차", "전기차", "화물차", "버스", "트럭", "택시", "열차",
        "기차", "기관차", "전동차", "오토바이", "자전거", "트랙터", "굴착기", "크레인", "지게차",
        "항공기", "여객기", "화물기", "비행기", "전투기", "헬기", "헬리콥터", "드론", "무인기",
        "로봇", "컴퓨터", "서버", "휴대폰", "휴대전화", "스마트폰", "노트북", "태블릿", "TV",
        "텔레비전", "카메라", "기계", "설비", "장비", "발전기", "풍력발전기", "에어컨",
        "냉장고", "세탁기", "단말기", "기기", "수확기", "농기계", "피아노", "엔진", "선풍기",
    )),
    *(("세대", noun, "after", "label", "a generation of a technology, not households") for noun in (
        "원전", "원자로", "원자력", "핵발전소", "이동통신", "이동통신망", "통신", "네트워크", "기술", "전투기",
        "반도체", "제품", "모델", "휴대폰", "스마트폰", "배터리", "칩", "고속철", "고속철도", "고속열차",
        "디스플레이", "생산라인", "공정", "무기", "컴퓨터", "인터넷", "항공기", "엔진", "로켓", "위성",
        "수소차", "전기차", "자동차", "차량", "플랫폼", "시스템", "의약품", "백신", "AMOLED", "OLED", "LCD",
    )),
    *(("번", noun, "after", "label", "number label: route, exit, line, gate") for noun in (
        "국도", "도로", "고속도로", "성도", "노선", "출구", "입구", "게이트", "홀", "채널",
        "버스", "트랙", "창구", "부스", "승강장", "플랫폼", "터미널", "타자", "주자", "선수",
        "지하철", "환자", "확진자",
    )),
    *(("개", noun, "after", "span", "a span of time (지난 3개 분기), as N개월, not a count") for noun in (
        "분기", "학기", "년도", "연도", "회계연도", "시즌", "반기",
    )),
    *(("기", noun, "before", "only", "counted by 기: reactors, turbines, towers, tombs") for noun in (
        "원전", "원자로", "원자력발전소", "핵발전소", "발전기", "풍력발전기", "풍력 발전기",
        "풍력 터빈", "터빈", "풍력 설비", "설비", "발전 설비", "위성", "인공위성", "로켓", "미사일",
        "고분", "무덤", "묘", "탑", "석탑", "불탑", "비석", "석비", "석굴", "엘리베이터",
        "승강기", "크레인", "교각", "송전탑", "철탑", "기지국", "충전소", "충전기", "충전 파일",
    )),
    *(("호", noun, "before", "only", "counted by 호: households") for noun in (
        "가구", "농가", "농호", "주민", "가정", "세대", "빈곤가구", "빈곤 가구", "빈곤호", "이주민",
        "어민", "목축민", "농민", "유목민", "가족", "집",
    )),
    *(("부", noun, "before", "only", "counted by 부: copies") for noun in (
        "신문", "잡지", "책", "도서", "서적", "책자", "간행물", "교재", "사본", "보고서", "자료",
        "설문지", "설문", "전단", "전단지", "팸플릿", "리플릿", "홍보물", "홍보 책자", "안내서",
        "매뉴얼", "문서", "증서", "계약서", "부수",
    )),
]

_SIDES = {"before", "after"}
_READINGS = {"count", "label", "only", "span"}

# (surface, code, position, gloss)
#   position: "suffix" (``100억 달러``) or "prefix" (``$100``).
CURRENCIES: list[tuple[str, str, str, str]] = [
    ("위안", "CNY", "suffix", "yuan"),
    ("위엔", "CNY", "suffix", "yuan, older spelling"),
    ("위안화", "CNY", "suffix", "yuan (the currency)"),
    ("元", "CNY", "suffix", "yuan, hanja"),
    ("인민폐", "CNY", "suffix", "renminbi"),
    ("원", "KRW", "suffix", "won"),
    ("원화", "KRW", "suffix", "won (the currency)"),
    ("달러", "USD", "suffix", "dollar: in Xinhua Korean text, the US dollar"),
    ("미국 달러", "USD", "suffix", "US dollar"),
    ("미국달러", "USD", "suffix", "US dollar"),
    ("미 달러", "USD", "suffix", "US dollar"),
    ("미달러", "USD", "suffix", "US dollar"),
    ("美달러", "USD", "suffix", "US dollar"),
    ("$", "USD", "prefix", "dollar sign"),
    ("US$", "USD", "prefix", "US dollar sign"),
    ("엔", "JPY", "suffix", "yen"),
    ("엔화", "JPY", "suffix", "yen (the currency)"),
    ("유로", "EUR", "suffix", "euro"),
    ("유로화", "EUR", "suffix", "euro (the currency)"),
    ("€", "EUR", "prefix", "euro sign"),
    ("홍콩달러", "HKD", "suffix", "Hong Kong dollar"),
    ("홍콩 달러", "HKD", "suffix", "Hong Kong dollar"),
    ("HK$", "HKD", "prefix", "Hong Kong dollar sign"),
    ("파운드", "GBP", "suffix", "pound sterling"),
    ("£", "GBP", "prefix", "pound sign"),
    ("루블", "RUB", "suffix", "rouble"),
    ("대만달러", "TWD", "suffix", "New Taiwan dollar"),
    ("대만 달러", "TWD", "suffix", "New Taiwan dollar"),
    ("타이완달러", "TWD", "suffix", "New Taiwan dollar"),
    ("신대만달러", "TWD", "suffix", "New Taiwan dollar"),
    ("NT$", "TWD", "prefix", "New Taiwan dollar sign"),
    ("마카오 파타카", "MOP", "suffix", "Macao pataca"),
    ("파타카", "MOP", "suffix", "Macao pataca"),
    ("싱가포르달러", "SGD", "suffix", "Singapore dollar"),
    ("싱가포르 달러", "SGD", "suffix", "Singapore dollar"),
    ("호주달러", "AUD", "suffix", "Australian dollar"),
    ("호주 달러", "AUD", "suffix", "Australian dollar"),
    ("캐나다달러", "CAD", "suffix", "Canadian dollar"),
    ("캐나다 달러", "CAD", "suffix", "Canadian dollar"),
    ("뉴질랜드달러", "NZD", "suffix", "New Zealand dollar"),
    ("스위스 프랑", "CHF", "suffix", "Swiss franc"),
    ("스위스프랑", "CHF", "suffix", "Swiss franc"),
    ("루피아", "IDR", "suffix", "Indonesian rupiah"),
    ("루피", "INR", "suffix", "Indian rupee"),
    ("바트", "THB", "suffix", "Thai baht"),
    ("링깃", "MYR", "suffix", "Malaysian ringgit"),
    ("베트남 동", "VND", "suffix", "Vietnamese dong (동 alone is too ambiguous)"),
    ("필리핀 페소", "PHP", "suffix", "Philippine peso"),
    ("멕시코 페소", "MXN", "suffix", "Mexican peso"),
    ("레알", "BRL", "suffix", "Brazilian real"),
    ("텡게", "KZT", "suffix", "Kazakh tenge"),
    ("투그릭", "MNT", "suffix", "Mongolian tugrik"),
    ("사우디 리얄", "SAR", "suffix", "Saudi riyal"),
    ("디르함", "AED", "suffix", "UAE dirham"),
    ("리라", "TRY", "suffix", "Turkish lira"),
    ("즐로티", "PLN", "suffix", "Polish zloty"),
    ("나이라", "NGN", "suffix", "Nigerian naira"),
]

# (word, reason): one-letter variants of a currency word that are everyday words, never
# read as a mistyped currency (the money rules read other one-jamo variants of a currency
# word of two or more syllables, right after a number, as that currency with a warning).
NOT_CURRENCY_TYPOS: list[tuple[str, str]] = [
    ("달라", "다르다 'differ', 달라다 'ask for'"),
    ("달리", "'differently'"),
    ("달려", "달리다 'run'"),
    ("탈러", "thaler, a historical coin"),
    ("유료", "'paid, for a fee'"),
    ("유리", "'glass', 'advantageous'"),
    ("위원", "'committee member'"),
    ("위반", "'violation'"),
    ("위한", "'for'"),
    ("원하", "원하다 'want'"),
    ("원과", "원 + particle: the won itself"),
    ("루비", "'ruby'"),
    ("루트", "'route'"),
    ("바다", "'sea'"),
    ("바로", "'right away'"),
    ("파운데", "foundation (파운데이션)"),
    ("리타", "a given name"),
    ("이라", "the copula 이라 (30이라는 숫자): one letter off 리라"),
    ("이란", "the copula 이란, and Iran: one letter off 리란 (not a currency, but kept out)"),
]

_POSITIONS = {"suffix", "prefix"}


def _check_row(row: tuple[str, ...], width: int, what: str) -> None:
    if len(row) != width or any(("\t" in cell or "\n" in cell or not cell) for cell in row):
        raise ValueError(f"bad {what} row {row!r}: {width} non-empty cells without tabs or newlines")


def render_counters() -> str:
    """The text of counters.tsv."""
    seen: set[str] = set()
    lines = ["surface\tcounter\tnative\tgloss"]
    for row in COUNTERS:
        _check_row(row, 4, "counter")
        if row[0] in seen:
            raise ValueError(f"counter {row[0]!r} listed twice")
        if row[2] not in ("yes", "no"):
            raise ValueError(f"counter {row[0]!r}: native must be yes or no, not {row[2]!r}")
        seen.add(row[0])
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def render_currencies() -> str:
    """The text of currencies.tsv."""
    seen: set[str] = set()
    lines = ["surface\tcode\tposition\tgloss"]
    for row in CURRENCIES:
        _check_row(row, 4, "currency")
        surface, code, position, _ = row
        if surface in seen:
            raise ValueError(f"currency {surface!r} listed twice")
        if len(code) != 3 or not code.isascii() or not code.isupper():
            raise ValueError(f"currency {surface!r}: {code!r} is not an ISO 4217 code")
        if position not in _POSITIONS:
            raise ValueError(f"currency {surface!r}: position must be one of {sorted(_POSITIONS)}")
        seen.add(surface)
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def render_counter_nouns() -> str:
    """The text of counter_nouns.tsv."""
    seen: set[tuple[str, str, str]] = set()
    lines = ["counter\tnoun\tside\treading\tgloss"]
    counters = {row[0] for row in COUNTERS}
    for row in COUNTER_NOUNS:
        _check_row(row, 5, "counter noun")
        counter, noun, side, reading, _ = row
        if counter not in counters:
            raise ValueError(f"counter noun {noun!r}: {counter!r} is not a counter")
        if side not in _SIDES or reading not in _READINGS:
            raise ValueError(f"counter noun {noun!r}: side {sorted(_SIDES)}, reading {sorted(_READINGS)}")
        if (counter, noun, side) in seen:
            raise ValueError(f"counter noun {noun!r} listed twice for {counter!r}")
        seen.add((counter, noun, side))
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


# (word, side, reason): words in a sentence that tell which currency a bare ``원`` means.
# Some Xinhua Korean pages write the yuan 元 by its Sino-Korean reading 원 (``1인당
# 가처분소득은 1만5천 원``). An amount in 원 is read as CNY (rule money-won-as-yuan,
# warning W104) only when its sentence has a word of side ``cny`` and none of side ``krw``,
# writes no 위안 of its own, and the amount is no conversion (``…위안(약 18조원)``, ``한화로``).
WON_CONTEXT: list[tuple[str, str, str]] = [
    ("중국", "cny", "China"),
    ("인민폐", "cny", "renminbi"),
    ("가처분소득", "cny", "disposable income: a Chinese statistics term"),
    ("농민", "cny", "farmers (rural income figures)"),
    ("촌민", "cny", "villagers"),
    ("빈곤", "cny", "poverty alleviation figures"),
    ("탈빈곤", "cny", "poverty alleviation"),
    # Chinese bodies and holidays whose names no Korean one shares (not 재정부: 기획재정부)
    ("상무부", "cny", "China's Ministry of Commerce (Korea has none of that name)"),
    ("국가통계국", "cny", "China's National Bureau of Statistics (Korea: 통계청)"),
    ("국무원", "cny", "China's State Council"),
    ("인민은행", "cny", "the People's Bank of China"),
    ("해관총서", "cny", "China's General Administration of Customs"),
    ("국가세무총국", "cny", "China's State Taxation Administration"),
    ("국가관광국", "cny", "China's National Tourism Administration"),
    ("문화여유부", "cny", "China's Ministry of Culture and Tourism"),
    ("발전개혁위원회", "cny", "China's (National) Development and Reform Commission"),
    ("국경절", "cny", "China's National Day holiday"),
    ("국경연휴", "cny", "China's National Day holiday"),
    ("춘절", "cny", "the Spring Festival"),
    ("춘제", "cny", "the Spring Festival"),
    ("한국", "krw", "Korea"),
    ("한화", "krw", "in Korean money"),
    ("원화", "krw", "the won"),
    ("우리 돈", "krw", "in our money"),
    ("서울", "krw", "Seoul"),
    ("국내 기업", "krw", "ambiguous 'domestic' firms: leave the won"),
    ("삼성", "krw", "a Korean group"),
    ("현대", "krw", "a Korean group"),
    ("LG", "krw", "a Korean group"),
    ("SK", "krw", "a Korean group"),
    ("달러", "krw", "a sentence with dollars: 원 there is the won"),
]
_WON_SIDES = {"cny", "krw"}


def render_won_context() -> str:
    """The text of won_context.tsv."""
    seen: set[str] = set()
    lines = ["word\tside\treason"]
    for row in WON_CONTEXT:
        _check_row(row, 3, "won context")
        if row[0] in seen or row[1] not in _WON_SIDES:
            raise ValueError(f"won context {row[0]!r}: listed twice or side not in {sorted(_WON_SIDES)}")
        seen.add(row[0])
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def render_not_currency_typos() -> str:
    """The text of currency_not_typos.tsv."""
    seen: set[str] = set()
    lines = ["word\treason"]
    for row in NOT_CURRENCY_TYPOS:
        _check_row(row, 2, "not-a-typo")
        if row[0] in seen:
            raise ValueError(f"{row[0]!r} listed twice")
        seen.add(row[0])
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


OUTPUTS = {
    COUNTERS_OUT: render_counters,
    CURRENCIES_OUT: render_currencies,
    COUNTER_NOUNS_OUT: render_counter_nouns,
    NOT_TYPOS_OUT: render_not_currency_typos,
    WON_CONTEXT_OUT: render_won_context,
}


def main(argv: list[str]) -> int:
    from _generated import write_or_check

    return write_or_check(OUTPUTS, argv, "build_numeric_tables.py")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
