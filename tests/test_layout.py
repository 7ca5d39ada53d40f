"""Layout: page shapes, metadata, what is content and what is furniture."""

from __future__ import annotations

import pytest

from xinhua_extract.layout import analyse_layout, split_lines

from fixture_corpus import fixture_ids, load_fixture_text, load_gold, published_of


def test_split_lines_handles_all_newlines():
    text = "a\r\nbb\rc\n\nd"
    lines = split_lines(text)
    assert [ln.text for ln in lines] == ["a", "bb", "c", "", "d"]
    assert all(text[ln.start : ln.end] == ln.text for ln in lines)


def test_seed_meta_matches_gold(seed_article, seed_gold):
    meta = seed_gold["meta"]
    a = seed_article
    assert a.shape == "portal-2021"
    assert a.title == meta["title"]
    assert a.kicker == meta["kicker"]
    assert a.source == meta["source"]
    assert a.published.isoformat() == meta["published"]
    assert a.editor == meta["editor"]
    assert a.dateline is not None
    assert {"agency": a.dateline.agency, "place": a.dateline.place, "date": a.dateline.date} == meta["dateline"]
    assert [h.text for h in a.headings] == meta["headings"]


def test_seed_furniture_never_reaches_content(seed_article, seed_text):
    lines = seed_text.splitlines()
    furniture = [ln.strip() for ln in lines[:2] + lines[35:44] if ln.strip()]
    assert furniture, "the seed's lines 1-2 and 36-44 are banner, navigation and footer"
    content = " ".join(seed_article.text[p.start : p.end] for p in seed_article.paragraphs)
    for line in furniture:
        assert line not in content
    for record in (*seed_article.facts, *seed_article.places, *seed_article.glosses, *seed_article.headings):
        assert not any(line in record.text for line in furniture if len(line) > 3)
    kinds = {b.kind for b in seed_article.blocks}
    assert {"header", "navigation", "title", "meta", "body", "heading", "footer"} <= kinds


def test_every_line_is_in_exactly_one_block(seed_text):
    layout = analyse_layout(seed_text)
    covered = sorted((b.start, b.end) for b in layout.blocks)
    for (s1, e1), (s2, e2) in zip(covered, covered[1:]):
        assert e1 <= s2
    for line in split_lines(seed_text):
        if line.text.strip():
            assert any(b.start <= line.trimmed()[0] and line.trimmed()[1] <= b.end for b in layout.blocks)


@pytest.mark.parametrize("article_id", fixture_ids())
def test_fixture_meta_matches_gold(article_id):
    gold = load_gold(article_id)
    text = load_fixture_text(article_id)
    layout = analyse_layout(text, published=published_of(gold, text))
    meta = gold["meta"]
    assert layout.title == meta["title"]
    assert layout.kicker == meta.get("kicker")
    assert layout.source == meta.get("source")
    assert layout.editor == meta.get("editor")
    published = layout.published.isoformat() if layout.published else None
    assert published == meta.get("published")
    dateline = meta.get("dateline")
    if dateline is None:
        assert layout.dateline is None
    else:
        assert layout.dateline is not None
        got = {"agency": layout.dateline.agency, "place": layout.dateline.place, "date": layout.dateline.date}
        assert got == dateline
    assert [h.text for h in layout.headings] == meta.get("headings", [])


def test_the_article_fixtures_cover_four_templates():
    shapes = set()
    for article_id in fixture_ids():
        gold = load_gold(article_id)
        text = load_fixture_text(article_id)
        shapes.add(analyse_layout(text, published=published_of(gold, text)).shape)
    assert shapes == {"portal-2021", "breadcrumb", "republication", "body"}


OLDER_PAGE = """新華網韓國語 >> 기사 본문

中 저장성, 1분기 수출 12% 늘어

 [신화사 항저우 4월 15일] 저장(浙江)성의 1분기 수출이 전년 동기 대비 12% 증가했다.

업계는 올해 수출이 더 늘어날 것으로 내다봤다.

[글/ 신화사 기자 왕시(王希), 번역/ 서위]

추천 기사:

中 베이징, 새 지하철 노선 개통

핫 갤러리
"""


def test_older_page_byline_and_boilerplate_are_not_content():
    layout = analyse_layout(OLDER_PAGE, published="2015-04-15")
    assert layout.shape == "breadcrumb"
    assert layout.title == "中 저장성, 1분기 수출 12% 늘어"
    assert layout.dateline.agency == "신화사" and layout.dateline.place == "항저우"
    assert layout.dateline.date == "2015-04-15"
    assert layout.byline is not None and "왕시(王希)" in layout.byline.text
    content = [OLDER_PAGE[p.start : p.end] for p in layout.paragraphs]
    assert not any("추천 기사" in c or "지하철" in c or "왕시" in c or "갤러리" in c for c in content)
    kinds = [b.kind for b in layout.blocks]
    assert kinds.count("boilerplate") == 3 and "byline" in kinds


def test_republication_dateline_without_date():
    text = "中 우시, 반도체 산업 키운다\n\n(중국 우시=신화통신) 장쑤(江蘇)성 우시(無錫)시가 반도체 산업을 키운다.\n"
    layout = analyse_layout(text, published="2023-06-01T10:00:00+08:00")
    assert layout.shape == "republication"
    assert layout.title == "中 우시, 반도체 산업 키운다"
    assert layout.dateline.agency == "신화통신"
    assert layout.dateline.place == "우시"
    assert layout.dateline.date is None  # a republication dateline names no day
    assert text[layout.paragraphs[-1].start :].startswith("장쑤(江蘇)성")


def test_bare_body_has_no_title_and_everything_is_body():
    text = "중국의 1분기 경제성장률이 5.3%를 기록했다.\n\n소비가 성장을 이끌었다.\n"
    layout = analyse_layout(text)
    assert layout.shape == "body" and layout.title is None and layout.dateline is None
    assert [p.kind for p in layout.paragraphs] == ["body", "body"]


def test_december_dateline_on_a_january_page_takes_the_previous_year():
    text = "새해 첫 소식\n\n[신화망 베이징 12월31일] 중국이 새해를 맞았다.\n"
    layout = analyse_layout(text, published="2024-01-01T08:00:00")
    assert layout.dateline.date == "2023-12-31"


def test_truncated_page_warns():
    text = "新華網韓國語\n시진핑 타이임\n\n제목\n\n출처: 신화망 | 2021-08-26 09:51:45 | 편집: 朱雪松\n\n [신화망 베이징 8월26일] 중국이 혁신형 산업 클러스터 건설에"
    layout = analyse_layout(text)
    codes = {w.code for w in layout.warnings}
    assert "W014" in codes and "W015" in codes


def test_sentences_never_break_inside_quotes_or_brackets(seed_article):
    text = seed_article.text
    for s in seed_article.sentences:
        chunk = text[s.start : s.end]
        assert chunk.count('"') % 2 == 0, chunk
        assert chunk.count("(") == chunk.count(")"), chunk
    quoted = [text[s.start : s.end] for s in seed_article.sentences if '"많은 지역에서' in text[s.start : s.end]]
    assert len(quoted) == 1 and quoted[0].endswith("전했다.")


def test_sentences_cover_every_content_paragraph(seed_article):
    for index, para in enumerate(seed_article.paragraphs):
        own = [s for s in seed_article.sentences if s.paragraph == index]
        assert own and own[0].start == para.start and own[-1].end == para.end


def test_kiwi_boundaries_inside_quotes_are_merged():
    from xinhua_extract.records import Paragraph
    from xinhua_extract.tokenize import _merge_inside_brackets

    text = '그는 "성장이 빨랐다. 내년에도 이어진다"고 말했다. 회의는 끝났다. 규모(연 매출. 2천만 위안) 기업.'
    para = Paragraph(start=0, end=len(text))
    cut = [(0, text.index("빨랐다.") + 4), (text.index("내년"), text.index("말했다.") + 4),
           (text.index("회의는"), text.index("끝났다.") + 4), (text.index("규모"), text.index("매출.") + 3),
           (text.index("2천만"), len(text))]
    merged = _merge_inside_brackets(text, para, cut)
    assert [text[s:e] for s, e in merged] == [
        '그는 "성장이 빨랐다. 내년에도 이어진다"고 말했다.',
        "회의는 끝났다.",
        "규모(연 매출. 2천만 위안) 기업.",
    ]


def test_a_paragraph_closed_by_a_credit_is_whole():
    # a gallery page whose text ends with its photo and translator credit is not truncated
    text = ("新華網韓國語 >> 기사 본문\n[신화사 평양 8월 22일] 보고회가 열렸다. 그는 입장을 밝혔다. "
            "[촬영/신화사 기자 왕밍(王明), 번역/왕범]\n관련 보도 >>\n핫 갤러리\n")
    codes = {w.code for w in analyse_layout(text).warnings}
    assert "W015" not in codes
    cut = analyse_layout(text.replace("밝혔다. [촬영/신화사 기자 왕밍(王明), 번역/왕범]", "밝혔"))
    assert "W015" in {w.code for w in cut.warnings}
