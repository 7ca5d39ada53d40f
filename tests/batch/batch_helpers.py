"""Helpers of the batch tests: paths and a hand-built Article (no Kiwi needed)."""

from __future__ import annotations

import shutil

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from xinhua_extract.records import (
    Article,
    ArticleWarning,
    Block,
    Count,
    DateFact,
    Dateline,
    Gloss,
    Heading,
    Money,
    Paragraph,
    Percentage,
    PlaceMention,
    Rank,
    Sentence,
    Token,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
ARTICLES = FIXTURES / "articles"
HTML = FIXTURES / "html"
CHINA = timezone(timedelta(hours=8))


def make_article(article_id: str = "a1", *, scale: int = 0, with_tokens: bool = True) -> Article:
    """A small but complete Article built by hand: every fact type, a region and a
    division, a dateline, warnings; a money value of 10^17 and a rate with many decimals."""
    title = "장쑤성 매출 1경 위안"
    body = ("[신화망 난징 4월26일] 장쑤(江蘇)성의 매출은 10경 위안(약 1천8백경원)으로 25.4% 늘었고 "
            f"기업 {43 + scale}개가 2023년 1분기 3위에 올랐다. 창장삼각주도 주목받았다.")
    text = f"{title}\n\n출처: 신화망 | 2023-04-26 10:21:03 | 편집: 王磊\n\n{body}\n"
    t0 = 0
    b0 = text.index(body)
    idx = lambda s, start=b0: text.index(s, start)  # noqa: E731
    facts = (
        Money(text="10경 위안", start=idx("10경 위안"), end=idx("10경 위안") + 6, sentence=0, rule="money.num_unit",
              places=("320000",), value=Decimal("100000000000000000"), currency="CNY"),
        Money(text="약 1천8백경원", start=idx("약 1천8백경원"), end=idx("약 1천8백경원") + 8, sentence=0, rule="money.krw",
              value=Decimal("18000000000000000000"), currency="KRW", approx=True, equivalent_of=0,
              rate=Decimal("180.336134453781512605042")),
        Percentage(text="25.4%", start=idx("25.4%"), end=idx("25.4%") + 5, sentence=0, rule="pct", value=Decimal("25.4")),
        Count(text=f"{43 + scale}개", start=idx(f"{43 + scale}개"), end=idx(f"{43 + scale}개") + len(f"{43 + scale}개"),
              sentence=0, rule="count", value=Decimal(43 + scale), counter="개", subject="기업"),
        DateFact(text="2023년 1분기", start=idx("2023년 1분기"), end=idx("2023년 1분기") + 9, sentence=0, rule="date.q",
                 value="2023-Q1", grain="quarter"),
        Rank(text="3위", start=idx("3위"), end=idx("3위") + 2, sentence=0, rule="rank", value=Decimal(3)),
    )
    for f in facts:
        assert text[f.start:f.end] == f.text, f
    places = (
        PlaceMention(text="장쑤", start=idx("장쑤"), end=idx("장쑤") + 2, hanja="江蘇", code="320000", name_zh="江苏省",
                     level="province", province_code="320000", candidates=("320000",),
                     lon=Decimal("118.763232"), lat=Decimal("32.061707"), rule="hanja"),
        PlaceMention(text="창장삼각주", start=idx("창장삼각주"), end=idx("창장삼각주") + 5, kind="region",
                     name_zh="长江三角洲", members=("310000", "320000", "330000", "340000"), rule="region"),
    )
    return Article(
        id=article_id,
        text=text,
        shape="republication",
        title=title,
        source="신화망",
        published=datetime(2023, 4, 26, 10, 21, 3, tzinfo=CHINA),
        reference_date="2023-04-26",
        editor="王磊",
        dateline=Dateline(agency="신화망", place="난징", date="2023-04-26", text="[신화망 난징 4월26일]",
                          start=b0, end=b0 + len("[신화망 난징 4월26일]")),
        headings=(Heading(text="장쑤성", start=t0, end=t0 + 3),),
        blocks=(Block(kind="title", start=0, end=len(title)), Block(kind="body", start=b0, end=b0 + len(body))),
        paragraphs=(Paragraph(start=0, end=len(title), kind="title"), Paragraph(start=b0, end=b0 + len(body))),
        sentences=(Sentence(start=b0, end=b0 + len(body), paragraph=1),),
        tokens=(Token(form="장쑤", tag="NNP", start=idx("장쑤"), end=idx("장쑤") + 2),) if with_tokens else (),
        glosses=(Gloss(head="장쑤", gloss="江蘇", kind="place", text="장쑤(江蘇)", start=idx("장쑤"), end=idx("장쑤") + 6,
                       head_start=idx("장쑤"), head_end=idx("장쑤") + 2, gloss_start=idx("장쑤") + 3,
                       gloss_end=idx("장쑤") + 5),),
        places=places,
        facts=facts,
        warnings=(ArticleWarning(code="W101", message="implausible rate", start=facts[1].start, end=facts[1].end),),
    )


def copy_articles(paths: list[Path], d: Path) -> Path:
    """A new directory ``d`` holding copies of the article files ``paths``."""
    d.mkdir()
    for p in paths:
        shutil.copy(p, d / p.name)
    return d
