"""HTML input: template-first extraction per era, trafilatura for partner sites."""

from __future__ import annotations

from pathlib import Path

import pytest

from xinhua_extract.io.readers import html_to_text
from xinhua_extract.layout import analyse_layout

HTML = Path(__file__).resolve().parent / "fixtures" / "html"

ERAS = {
    "era_2017_xinhuanet": dict(shape="compact-2016", title="하이난 싼야 면세점, 춘제 연휴 매출 6억 위안 넘어",
                               source="신화망", editor="홍성림", published="2017-01-20T09:15:02+08:00", place="하이커우"),
    "001_jiangsu_q1_economy": dict(shape="portal-2021", title="장쑤성 1분기 GDP 3조 위안 돌파…쑤저우·우시 '쌍두마차' 견인",
                                   source="신화망", editor="王磊", published="2023-04-26T10:21:03+08:00", place="난징"),
    "era_2024_newscn": dict(shape="newscn-2023", title="中 하얼빈 빙설대세계, 누적 방문객 100만 명 돌파",
                            source="신화망 한국어판", editor="朴锦花", published="2024-01-17T09:48:33+08:00", place="하얼빈"),
}


@pytest.mark.parametrize("name", sorted(ERAS))
def test_each_era_template_gives_its_fields(name):
    want = ERAS[name]
    text = html_to_text((HTML / f"{name}.html").read_bytes())
    layout = analyse_layout(text)
    got = dict(shape=layout.shape, title=layout.title, source=layout.source, editor=layout.editor,
               published=layout.published.isoformat(), place=layout.dateline.place)
    assert got == want
    content = " ".join(text[p.start : p.end] for p in layout.paragraphs)
    for junk in ("관련 뉴스", "무비자", "추천 기사", "자금성", "톈진항", "광고", "크기", "인쇄", "pageCode"):
        assert junk not in content


def test_partner_page_goes_to_the_main_content_extractor():
    pytest.importorskip("trafilatura")
    text = html_to_text((HTML / "partner_republication.html").read_bytes())
    layout = analyse_layout(text)
    assert layout.shape == "republication"
    assert layout.title == "중국 쓰촨, 판다 보호구역 방문객 상반기 200만 명"
    assert layout.published.date().isoformat() == "2023-07-05"
    assert layout.dateline.place == "청두"
    for junk in ("댓글", "많이 본", "저작권자", "정치", "서울 아파트"):
        assert junk not in text
