"""Articles built by hand from records (no Kiwi, no pipeline) for the spaCy bridge and
render tests (imported by name: a second module called ``conftest`` would be ambiguous)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from xinhua_extract.records import (
    Article,
    ArticleWarning,
    Block,
    Count,
    DateFact,
    Dateline,
    Money,
    Paragraph,
    Percentage,
    PlaceMention,
    Rank,
    Sentence,
    Token,
)

HAND_TEXT = (
    "新華網韓國語\n"
    "\n"
    "(경제) 산둥성 리튬전지 매출 11억 위안 넘어\n"
    "\n"
    "출처: 신화망 | 2023-05-02 10:00:00 | 편집: 王磊\n"
    "\n"
    " [신화망 지난 5월2일] 산둥(山東)성 짜오좡(棗莊)시의 리튬전지 매출은 지난해 "
    "11억9천만 위안(2천146억원)을 기록했다. 기업은 12개로 25.4% 늘었다.\n"
    "\n"
    "웨강아오 대만구는 세계 10위권에 올랐다.\n"
    "\n"
    "원문 출처:신화통신 한국어 뉴스 서비스\n"
)


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos, pos + len(needle)


def _line(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    start = text.rfind("\n", 0, start) + 1
    end = text.index("\n", start)
    return start, end


def build_hand_article(*, overlapping: bool = False) -> Article:
    """A small article with every fact type, divisions with hanja, a region, a KRW
    conversion, a warning, furniture blocks, overlapping Kiwi morphemes (했 -> 하+었)
    and a Kiwi token that a fact boundary cuts (``12개로``).

    ``overlapping=True`` adds spans that collide, to exercise the overlap policy: a
    place ``위안`` inside the money ``11억9천만 위안`` (fact is longer: kept), a place
    ``대만구는`` that crosses the region, and a count equal in extent to a place
    (fact wins the tie)."""
    t = HAND_TEXT
    title = _line(t, "(경제)")
    meta = _line(t, "출처: 신화망")
    body1 = _line(t, " [신화망")
    body2 = _line(t, "웨강아오")
    footer = _line(t, "원문 출처")
    header = _line(t, "新華網")
    dl = _at(t, "[신화망 지난 5월2일]")
    p1_start = dl[1] + 1
    title_text_start = t.index("산둥성")
    blocks = (
        Block(kind="header", start=header[0], end=header[1]),
        Block(kind="title", start=title[0], end=title[1]),
        Block(kind="meta", start=meta[0], end=meta[1]),
        Block(kind="body", start=body1[0], end=body1[1]),
        Block(kind="body", start=body2[0], end=body2[1]),
        Block(kind="footer", start=footer[0], end=footer[1]),
    )
    paragraphs = (
        Paragraph(start=title_text_start, end=title[1], kind="title"),
        Paragraph(start=p1_start, end=body1[1], kind="body"),
        Paragraph(start=body2[0], end=body2[1], kind="body"),
    )
    s1_end = t.index("했다.") + 3
    sentences = (
        Sentence(start=title_text_start, end=title[1], paragraph=0),
        Sentence(start=p1_start, end=s1_end, paragraph=1),
        Sentence(start=s1_end + 1, end=body1[1], paragraph=1),
        Sentence(start=body2[0], end=body2[1], paragraph=2),
    )

    def tok(form: str, tag: str, needle: str, nth: int = 0, sub: tuple[int, int] | None = None) -> Token:
        s, e = _at(t, needle, nth)
        if sub:
            s, e = s + sub[0], s + sub[1]
        return Token(form=form, tag=tag, start=s, end=e)

    had = t.index("했다.")
    tokens = (
        tok("산둥성", "NNP", "산둥성"),
        tok("리튬", "NNG", "리튬"),
        tok("산둥", "NNP", "산둥", 1),
        tok("(", "SSO", "(", 1),
        tok("山東", "SH", "山東"),
        tok(")", "SSC", ")", 1),
        tok("성", "NNG", "성", 1),
        tok("기록", "NNG", "기록"),
        Token(form="하", tag="XSV", start=had, end=had + 1),
        Token(form="었", tag="EP", start=had, end=had + 1),
        Token(form="다", tag="EF", start=had + 1, end=had + 2),
        Token(form=".", tag="SF", start=had + 2, end=had + 3),
        tok("12개로", "NNG", "12개로"),  # one Kiwi token the count fact must cut
        tok("웨강아오", "NNP", "웨강아오"),
        tok("대만구", "NNG", "대만구"),
        tok("는", "JX", "대만구는", sub=(3, 4)),
    )

    money_cny = Money(text="11억9천만 위안", start=_at(t, "11억9천만 위안")[0], end=_at(t, "11억9천만 위안")[1],
                      sentence=1, rule="money.number_unit", value=Decimal("1190000000"), currency="CNY")
    krw = _at(t, "2천146억원")
    title_money = _at(t, "11억 위안")
    facts = [
        Money(text="11억 위안", start=title_money[0], end=title_money[1], sentence=0, rule="money.number_unit",
              value=Decimal("1100000000"), currency="CNY", bound=None),
        DateFact(text="지난해", start=_at(t, "지난해")[0], end=_at(t, "지난해")[1], sentence=1, rule="date.relative_year",
                 value="2022", grain="year", relative=True),
        money_cny,
        Money(text="2천146억원", start=krw[0], end=krw[1], sentence=1, rule="money.conversion",
              value=Decimal("214600000000"), currency="KRW", equivalent_of=2, rate=Decimal("180.34")),
        Count(text="12개", start=_at(t, "12개")[0], end=_at(t, "12개")[1], sentence=2, rule="count.number_counter",
              value=Decimal("12"), counter="개", subject="기업"),
        Percentage(text="25.4%", start=_at(t, "25.4%")[0], end=_at(t, "25.4%")[1], sentence=2, rule="percentage.number",
                   value=Decimal("25.4"), unit="%"),
        Rank(text="10위권", start=_at(t, "10위권")[0], end=_at(t, "10위권")[1], sentence=3, rule="rank.within",
             value=Decimal("10"), within=True),
    ]
    places = [
        PlaceMention(text="산둥성", start=_at(t, "산둥성")[0], end=_at(t, "산둥성")[1], code="370000", name_zh="山东省",
                     level="province", province_code="370000", candidates=("370000",),
                     lon=Decimal("117.000923"), lat=Decimal("36.675807"), rule="suffix"),
        PlaceMention(text="산둥", start=_at(t, "산둥", 1)[0], end=_at(t, "산둥", 1)[1], hanja="山東", code="370000",
                     name_zh="山东省", level="province", province_code="370000", candidates=("370000",),
                     lon=Decimal("117.000923"), lat=Decimal("36.675807"), rule="hanja"),
        PlaceMention(text="짜오좡", start=_at(t, "짜오좡")[0], end=_at(t, "짜오좡")[1], hanja="棗莊", code="370400",
                     name_zh="枣庄市", level="prefecture", province_code="370000", candidates=("370400",),
                     lon=Decimal("117.557964"), lat=Decimal("34.856424"), rule="hanja"),
        PlaceMention(text="웨강아오 대만구", start=_at(t, "웨강아오 대만구")[0], end=_at(t, "웨강아오 대만구")[1],
                     kind="region", name_zh="粤港澳大湾区", members=("440000", "810000", "820000"), rule="region"),
    ]
    if overlapping:
        w = _at(t, "위안", 1)  # inside 11억9천만 위안
        places.append(PlaceMention(text="위안", start=w[0], end=w[1], code=None, name_zh="元",
                                   candidates=("000001", "000002"), rule="name"))
        cross = _at(t, "대만구는")
        places.append(PlaceMention(text="대만구는", start=cross[0], end=cross[1], code="999999", name_zh="假",
                                   rule="name"))
        gi = _at(t, "12개")
        places.append(PlaceMention(text="12개", start=gi[0], end=gi[1], code="888888", name_zh="假", rule="name"))
    places.sort(key=lambda p: (p.start, p.end))
    return Article(
        id="hand_001",
        text=t,
        shape="full",
        title="산둥성 리튬전지 매출 11억 위안 넘어",
        kicker="경제",
        source="신화망",
        published=datetime(2023, 5, 2, 10, 0, tzinfo=timezone(timedelta(hours=8))),
        reference_date="2023-05-02",
        editor="王磊",
        dateline=Dateline(agency="신화망", place="지난", date="2023-05-02", text=t[dl[0]:dl[1]], start=dl[0], end=dl[1]),
        blocks=blocks,
        paragraphs=paragraphs,
        sentences=sentences,
        tokens=tuple(sorted(tokens, key=lambda x: (x.start, x.end))),
        places=tuple(places),
        facts=tuple(sorted(facts, key=lambda f: (f.start, f.end))),
        warnings=(
            ArticleWarning(code="W101", message="KRW-per-CNY rate <180.34> & odd", start=krw[0], end=krw[1]),
            ArticleWarning(code="W015", message="last paragraph ends mid-sentence"),
        ),
    )




def with_hand_observations(article: Article) -> Article:
    """The hand article with observations written by hand: the title's and the body's
    yuan figures measure ``리튬전지 매출``, the count and the change both measure
    ``기업`` (one measure span, two facts); the KRW conversion, the date and the rank have
    none. Works on the ``overlapping`` variant too (the same facts)."""
    import dataclasses

    from xinhua_extract.records import Observation, Span

    t = article.text

    def span(needle: str, nth: int = 0) -> Span:
        s, e = _at(t, needle, nth)
        return Span(text=t[s:e], start=s, end=e)

    index = {f.text: i for i, f in enumerate(article.facts)}
    observations = (
        Observation(fact=index["11억 위안"], role="level", measure=span("리튬전지 매출"), places=("370000",),
                    period=None, rule="hand", place_source="title"),
        Observation(fact=index["11억9천만 위안"], role="level", measure=span("리튬전지 매출", 1), places=("370400",),
                    period="2022", rule="hand", place_source="clause", period_source="clause"),
        Observation(fact=index["12개"], role="level", measure=span("기업"), places=("370400",), rule="hand",
                    place_source="previous"),
        Observation(fact=index["25.4%"], role="change", measure=span("기업"), places=("370400",), direction="up",
                    level_of=index["12개"], rule="hand", place_source="previous"),
    )
    return dataclasses.replace(article, observations=observations)
