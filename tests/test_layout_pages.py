"""Page templates on the page fixtures (tests/fixtures/pages): every template, the right
headline, meta and dateline, and no furniture in the content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xinhua_extract import parse_article
from xinhua_extract.errors import NotAnArticleError
from xinhua_extract.layout import TEMPLATE_NAMES, analyse_layout
from xinhua_extract.layout_eval import evaluate_corpus, evaluate_page, load_corpus, summarise
from xinhua_extract.urls import parse_article_url

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages"
HELDOUT = ROOT / "tests" / "fixtures" / "pages_heldout"  # gold written before the layout ever ran on them
CORPUS = load_corpus(PAGES)
HELD = load_corpus(HELDOUT)


def test_every_template_has_a_fixture_page():
    shapes = {gold.get("template") or "listing" for _, _, gold in CORPUS}
    assert shapes == set(TEMPLATE_NAMES)


@pytest.mark.parametrize("page_id", [c[0] for c in CORPUS])
def test_page_layout_matches_its_gold(page_id):
    _, text, gold = next(c for c in CORPUS if c[0] == page_id)
    result = evaluate_page(page_id, text, gold)
    assert result.fully_right, result.mismatches


@pytest.mark.parametrize("page_id", [c[0] for c in HELD])
def test_heldout_page_layout_matches_its_gold(page_id):
    _, text, gold = next(c for c in HELD if c[0] == page_id)
    result = evaluate_page(page_id, text, gold)
    assert result.fully_right, result.mismatches


@pytest.mark.parametrize("directory", [PAGES, HELDOUT], ids=["pages", "heldout"])
def test_corpus_figures(directory):
    table = summarise(evaluate_corpus(directory))
    overall = table["ALL"]
    assert overall["fully_right"] == 1.0
    assert overall["furniture_leaked"] == 0
    assert overall["content_lost"] == 0.0
    assert all(overall[f] == 1.0 for f in ("title", "published", "editor", "dateline"))


def _page(prefix: str) -> tuple[str, dict]:
    _, text, gold = next(c for c in CORPUS if c[0].startswith(prefix))
    return text, gold


def test_toolbar_line_is_never_the_title():
    text, _ = _page("p01")
    layout = analyse_layout(text)
    assert layout.title and "인쇄" not in layout.title and "크기" not in layout.title
    assert layout.editor == "김현" and layout.source == "신화망"


def test_listing_page_is_not_an_article():
    text, _ = _page("p14")
    with pytest.raises(NotAnArticleError) as info:
        analyse_layout(text)
    assert info.value.code == "E010" and "not an article" in str(info.value)


def test_page_without_headline_has_no_title_and_a_warning():
    for prefix in ("p05", "p06", "p07", "p08"):
        text, _ = _page(prefix)
        layout = analyse_layout(text)
        assert layout.title is None
        assert "W060" in {w.code for w in layout.warnings}


def test_continuation_page_warns_with_its_page_number():
    text, gold = _page("p16")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.page == 2
    w061 = [w for w in layout.warnings if w.code == "W061"]
    assert w061 and "page 2" in w061[0].message


def test_url_gives_date_page_and_key():
    old = parse_article_url("http://kr.xinhuanet.com/2017-01/20/c_136000200_3.htm")
    assert (old.date.isoformat(), old.page, old.key) == ("2017-01-20", 3, "kr.xinhuanet.com/2017-01/20/c_136000200")
    new = parse_article_url("https://kr.news.cn/20240117/3b9e2d4c5f6a7b8c9d0e1f2a3b4c5d6e/c.html")
    assert (new.date.isoformat(), new.page) == ("2024-01-17", 1)
    mirror = parse_article_url("http://big5.news.cn/gate/big5/kr.xinhuanet.com/2017-01/20/c_136000200.htm")
    assert mirror.key == old.key and mirror.page == 1
    assert parse_article_url("https://example.com/news/1") is None
    assert parse_article_url("http://kr.xinhuanet.com/2017-02/30/c_1.htm").date is None
    partner = parse_article_url("https://kr.example-partner.com/news/2025-03/08/content_45120.htm")
    assert (partner.date.isoformat(), partner.page) == ("2025-03-08", 1)  # same publishing system
    dated = parse_article_url("https://kr.example-daily.cn/system/2025/11/20/000451233.shtml")
    assert (dated.date.isoformat(), dated.page) == ("2025-11-20", 1) and dated.key.endswith("000451233.shtml")
    assert parse_article_url("https://kr.example-daily.cn/system/2025/13/40/1.shtml") is None


def test_republisher_footer_lines():
    from xinhua_extract.layout import classify_line

    assert classify_line("관련 보도:") == "related"
    assert classify_line("编辑:박명화") == "meta_editor" and classify_line("責任編輯：金英") == "meta_editor"
    assert classify_line("/신화넷") == "footer"
    assert classify_line("/ 그는 말했다. 이어서 협력을 강조했다") is None  # a sentence is not a credit
    text, gold = _page("p27")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.editor == "최영숙" and layout.published_from == "url"


def test_partner_headline_without_dateline_only_off_xinhua_hosts():
    from xinhua_extract.urls import is_xinhua_url

    assert is_xinhua_url("http://big5.news.cn/gate/big5/kr.xinhuanet.com/2017-01/20/c_1.htm")
    assert is_xinhua_url("https://kr.news.cn/20240117/3b9e/c.html") and not is_xinhua_url(None)
    assert not is_xinhua_url("http://www.example-ybdaily.com/content/2023-11/02/41_650120.html")
    assert not is_xinhua_url("http://news.cn.example.com/a.html")
    text, gold = _page("p29")
    assert analyse_layout(text, url=gold["url"]).title == gold["fields"]["title"]
    # the same lines on Xinhua's own page, or with no address: a photo's caption, no headline
    for url in (None, "http://kr.xinhuanet.com/2023-11/02/c_1.htm"):
        layout = analyse_layout(text, url=url)
        assert layout.title is None and layout.blocks[0].kind == "caption"


def test_korean_line_under_a_chinese_wire_photo_title_is_its_caption():
    text, gold = _page("p30")
    layout = analyse_layout(text, url=gold["url"])
    def kind_of(prefix):
        start = text.index(prefix)
        return next(b.kind for b in layout.blocks if b.start <= start < b.end)

    assert kind_of("탁구 남자단체 결승전에서") == "caption" and kind_of("이로써 중국 탁구대표팀") == "body"
    # a Chinese paragraph under it (a bilingual page) stays what it is
    korean = next(line for line in text.splitlines() if line.startswith("탁구 남자단체 결승전에서"))
    bilingual = text.replace(korean, "中国队在里约奥运会乒乓球男子团体决赛中以3比1战胜日本队夺冠。", 1)
    layout = analyse_layout(bilingual, url=gold["url"])
    text = bilingual
    assert kind_of("中国队在里约") != "caption"


def test_genre_label_before_the_headline_is_the_kicker():
    text, gold = _page("p24")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.kicker == "통신" and layout.title.startswith("청두 판다기지")
    # a speaker's name before a colon is part of the headline, not a kicker
    speaker = text.replace("통신: 청두 판다기지", "왕이: 청두 판다기지")
    layout = analyse_layout(speaker, url=gold["url"])
    assert layout.kicker is None and layout.title.startswith("왕이: ")


def test_photo_label_and_noun_phrase_captions_are_never_title_or_body():
    from xinhua_extract.layout import classify_line

    assert classify_line("조판 사진: 톈안먼(天安門) 광장 열병식 준비") == "caption"
    assert classify_line("자료 사진: 창장 대교") == "caption"
    assert classify_line("2월 18일 밤, 발전소 제어실에서 만두를 나눠 먹는 근무자들.") == "caption"
    assert classify_line("2월 8일, 주민들이 광장에서 사자춤 공연을 구경하고 있다.") == "caption"
    assert classify_line("관광객들이 8일 얼음 미끄럼틀을 타고 있다. 2024.3.8") == "caption"
    assert classify_line("20일 오상시의 한 논에서 농민들이 벼를 트럭에 싣고 있다.") == "caption"
    # two sentences (a caption run on into the text) stay a plain line
    assert classify_line("2월 8일, 주민들이 공연을 구경하고 있다. 올해 행사에는 10만 명이 몰렸다.") is None
    # a dated sentence with a predicate stays a plain line (body)
    assert classify_line("2월 18일 밤, 근무자들이 발전소 제어실에서 만두를 나눠 먹었다.") is None
    assert classify_line("3월 5일 베이징에서 제14기 전인대 1차 회의가 개막했다") is None
    text, gold = _page("p21")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.title is None and any(w.code == "W060" for w in layout.warnings)


def test_url_date_only_when_the_page_and_caller_give_none():
    text, gold = _page("p07")
    assert analyse_layout(text).published is None
    by_url = analyse_layout(text, url=gold["url"])
    assert by_url.published.date().isoformat() == "2019-05-14" and by_url.published_from == "url"
    assert by_url.dateline.date == "2019-05-14"
    by_caller = analyse_layout(text, url=gold["url"], published="2019-05-15")
    assert by_caller.published_from == "caller" and by_caller.published.day == 15
    page_text, page_gold = _page("p11")
    own = analyse_layout(page_text, url="http://kr.news.cn/20240101/3b9e2d4c5f6a7b8c9d0e1f2a3b4c5d6e/c.html")
    assert own.published_from == "page" and own.published.isoformat() == page_gold["fields"]["published"]


def test_furniture_yields_no_facts_places_or_sentences():
    from xinhua_extract import parse_article

    for page_id, text, gold in CORPUS + HELD:
        if gold.get("error"):
            continue
        article = parse_article(text, url=gold.get("url"))
        furniture = [line for label, line in gold["lines"] if label in ("furniture", "meta")]
        spans = [(b.start, b.end) for b in article.blocks if b.kind not in ("title", "caption", "body", "heading")]
        for record in (*article.facts, *article.places, *article.sentences):
            assert not any(s <= record.start < e for s, e in spans), (page_id, record)
        sentences = [article.text[s.start : s.end] for s in article.sentences]
        for line in furniture:
            assert not any(line in s for s in sentences if len(line) > 4), (page_id, line)


def test_separate_meta_lines_are_not_content():
    from xinhua_extract import parse_article

    text, gold = _page("p11")
    article = parse_article(text, url=gold["url"])
    assert article.published.isoformat() == "2024-01-17T09:48:33+08:00" and article.editor == "朴锦花"
    assert article.url == gold["url"] and article.page == 1 and article.published_from == "page"
    assert not [f for f in article.facts if f.type == "date" and "2024-01-17" in f.text]
    assert sum(1 for p in article.paragraphs if p.kind == "title") == 1  # -Xinhua line + repeat: one title


def test_bilingual_page_keeps_the_chinese_headline():
    from xinhua_extract import parse_article

    text, gold = _page("p09")
    article = parse_article(text, url=gold["url"])
    assert article.title == "시진핑, 한국 대통령 특사 접견" and article.title_zh == "习近平会见韩国总统特使"
    assert article.shape == "bilingual" and article.published_from == "url"
    assert {p.lang for p in article.paragraphs if p.kind == "body"} == {"ko", "zh"}


def test_layout_gold_files_are_well_formed():
    for page_id, text, gold in CORPUS + HELD:
        assert set(gold) <= {"url", "template", "fields", "lines", "error"}, page_id
        if gold.get("error"):
            continue
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        assert [t for _, t in gold["lines"]] == lines, page_id
        assert {label for label, _ in gold["lines"]} <= {"title", "meta", "caption", "body", "furniture"}
        json.dumps(gold)


def test_toolbar_on_one_line_and_unmarked_photo_line_are_never_the_title():
    text = ("新華網韓國語 >> 기사 본문\n\n• 크기  • 인쇄\n\n1월 4일 하얼빈 빙설대세계 야경\n\n"
            "[신화망 하얼빈 1월5일] 빙설대세계가 문을 열었다.\n\n원문 출처:신화사\n")
    layout = analyse_layout(text)
    assert layout.title is None and "W060" in {w.code for w in layout.warnings}
    kinds = [b.kind for b in layout.blocks]
    assert kinds == ["header", "toolbar", "caption", "body", "footer"]


def test_xinhua_title_picks_the_repeated_headline_over_other_lines():
    text = ("中 톈진항 물동량 증가-Xinhua\n\n시진핑 타이임\n\n中 톈진항 물동량 증가\n\n출처:신화망 한국어판\n\n"
            "2024-02-01 10:00:00\n\n편집: 朴锦花\n\n[신화망 톈진 2월1일] 톈진항 물동량이 늘었다.\n")
    layout = analyse_layout(text)
    assert layout.title == "中 톈진항 물동량 증가" and layout.shape == "newscn-2023"
    assert [b.kind for b in layout.blocks][:3] == ["title", "navigation", "title"]
    no_repeat = analyse_layout(text.replace("中 톈진항 물동량 증가\n\n출처", "출처"))
    assert no_repeat.title == "中 톈진항 물동량 증가"  # from the -Xinhua line itself


def test_partner_editor_line_under_the_footer_is_meta():
    text = ("[신화망 베이징 2월13일]푸 사장이 12일 베이징에서 대사와 만났다.\n"
            "원문 출처:신화통신 한국어 뉴스 서비스\n편집자:张齐美\n")
    layout = analyse_layout(text)
    assert layout.editor == "张齐美"
    assert [b.kind for b in layout.blocks] == ["body", "footer", "meta"]


def test_listing_page_with_a_dateline_in_a_teaser_is_still_a_listing():
    text = "新華網韓國語 >> 경제\n\n中 수출 증가\n\n[신화망 베이징 1월5일] 중국의 수출이 늘었다.\n"
    with pytest.raises(NotAnArticleError):
        analyse_layout(text)


def test_gallery_caption_starting_with_sajineun_stays_a_caption_after_the_body():
    text = ("新華網韓國語 >> 기사 본문\n\n[신화망 베이징 3월5일] 전인대가 개막했다.\n\n"
            "사진은 3월 5일 인민대회당 모습\n\n추천 기사:\n")
    layout = analyse_layout(text)
    assert [b.kind for b in layout.blocks] == ["header", "body", "caption", "boilerplate"]


def test_photo_credit_without_a_slash_makes_a_caption_not_a_title():
    # older pages write the credit [촬영 신화사 기자 …] without the slash after 촬영
    text = ("광시 구이린시 관광객이 배를 타고 있다. [촬영 신화사 기자 루보안(陸波岸)]\n\n"
            "[신화사 난닝 5월 2일] 광시의 관광객이 늘었다.\n")
    layout = analyse_layout(text)
    kinds = [b.kind for b in layout.blocks]
    assert kinds[0] == "caption" and "title" not in kinds


def test_a_sentence_mentioning_a_photographer_is_not_a_caption():
    text = "中 사진전 개막\n\n[신화망 베이징 5월2일] 사진전에는 촬영 기자 30명의 작품이 걸렸다. [글/ 신화망]\n"
    layout = analyse_layout(text)
    assert "caption" not in [b.kind for b in layout.blocks]


_VARIANTS = {
    # name: (how the page's text is rewritten, how a gold line's text changes)
    "crlf": (lambda t: t.replace("\n", "\r\n"), lambda s: s),
    "no_blank_lines": (lambda t: "\n".join(ln for ln in t.splitlines() if ln.strip()) + "\n", lambda s: s),
    "ideographic_indent": (lambda t: "\n".join("\u3000" + ln if ln.strip() else ln for ln in t.splitlines()), lambda s: s),
    "meta_spacing": (
        lambda t: "\n".join(_respace(ln) if ln.lstrip().startswith(("출처", "편집")) else ln for ln in t.splitlines()),
        lambda s: _respace(s) if s.startswith(("출처", "편집")) else s,
    ),
}


def _respace(line: str) -> str:
    """``출처: 신화망 | ts | 편집: X`` with other spacing around ':' and '|' (and full-width colons)."""
    import regex

    line = regex.sub(r"(출처|편집)\s*[:：]\s*", r"\1 ： ", line)
    return regex.sub(r"\s*\|\s*", "  |", line).strip()


@pytest.mark.parametrize("variant", sorted(_VARIANTS))
def test_layout_survives_line_endings_indentation_and_meta_spacing(variant):
    rewrite_text, rewrite_line = _VARIANTS[variant]
    for page_id, text, gold in CORPUS + HELD:
        if gold.get("error"):
            continue
        changed = dict(gold, lines=[[label, rewrite_line(line)] for label, line in gold["lines"]])
        result = evaluate_page(page_id, rewrite_text(text), changed)
        assert result.fully_right, (page_id, result.mismatches)


def test_partner_page_with_menu_items_and_buttons_on_lines_of_their_own():
    text = ("전체기사\n최신뉴스\n국제\n속보\n더보기\n中 쓰촨 판다 방문객 급증\n기사입력 :\n최종수정 :\n"
            "※ 본문 글자 크기 조정\n• 더 작게\n• 크게\n(청두=신화통신) 판다 국가공원 방문객이 늘었다.\n"
            "· 상반기 200만 명\n좋아요\n0개의 댓글\n")
    layout = analyse_layout(text)
    assert layout.shape == "republication" and layout.title == "中 쓰촨 판다 방문객 급증"
    content = [text[p.start : p.end] for p in layout.paragraphs]
    assert content == ["中 쓰촨 판다 방문객 급증", "판다 국가공원 방문객이 늘었다.", "· 상반기 200만 명"]


def test_bullet_line_inside_a_xinhua_body_stays_content():
    text = "[신화망 베이징 5월14일] 주요 지표는 다음과 같다.\n· 소매판매 7.2%\n원문 출처:신화사\n"
    layout = analyse_layout(text)
    assert [p.kind for p in layout.paragraphs] == ["body", "body"]


def test_bilingual_page_with_the_korean_headline_first():
    text = ("시진핑, 한국 대통령 특사 접견\n习近平会见韩国总统特使\n"
            "国家主席习近平12日会见韩国总统特使。\n시진핑 국가주석이 12일 한국 대통령 특사를 접견했다.\n뉴스 번역 더보기:\n")
    layout = analyse_layout(text)
    assert layout.shape == "bilingual"
    assert (layout.title, layout.title_zh) == ("시진핑, 한국 대통령 특사 접견", "习近平会见韩国总统特使")
    assert [p.lang for p in layout.paragraphs if p.kind == "body"] == ["zh", "ko"]


def test_kicker_on_its_own_line_and_unknown_toolbar_buttons():
    text = ("新華網韓國語 >> 기사 본문\n\n(경제)\n\n中 광저우 1분기 수출 8% 증가\n\n• 크기\n\n• 인쇄\n\n• 메일 보내기\n\n"
            "출처 :  신화망 | 2018-04-20 10:00:00  | 편집 :  홍성림\n\n[신화망 광저우 4월 20일] 광저우의 수출이 늘었다.\n\n원문 출처:신화사\n")
    layout = analyse_layout(text)
    assert layout.shape == "toolbar-2015"
    assert (layout.kicker, layout.title) == ("경제", "中 광저우 1분기 수출 8% 증가")
    labels = [b.kind for b in layout.blocks]
    assert labels[:6] == ["header", "title", "title", "toolbar", "toolbar", "navigation"]


def test_bylines_after_the_dateline_are_not_body():
    text = "[신화망 평양 5월 10일] (리진(李進), 장훙(張宏) 기자) 평양에서 전람회가 열렸다.\n"
    layout = analyse_layout(text, published="2018-05-10")
    assert layout.byline.text == "(리진(李進), 장훙(張宏) 기자)"
    assert text[layout.paragraphs[0].start :].startswith("평양에서")
    text = "中 문화 교류\n(서울=신화통신) 두바이위 루루이 기자 = 서울대 도서관에 자료실이 있다.\n"
    layout = analyse_layout(text)
    assert layout.byline.text == "두바이위 루루이 기자"
    assert text[layout.paragraphs[-1].start : layout.paragraphs[-1].end] == "서울대 도서관에 자료실이 있다."


@pytest.mark.parametrize("meta", [
    "출처 :  신화망 | 2017-03-02 10:21:33  | 편집 :  홍성림",
    "2017-03-02 10:21:33 | 출처: 신화망 | 편집: 홍성림",
    "출처: 신화망 2017-03-02 10:21:33 편집: 홍성림",
    "출처：신화망｜2017-03-02 10:21:33｜편집：홍성림".replace("｜", "|"),
])
def test_meta_line_in_any_order_and_spacing(meta):
    text = f"新華網韓國語 >> 기사 본문\n\n中 선전 수출 증가\n\n{meta}\n\n[신화망 선전 3월 2일] 선전의 수출이 늘었다.\n"
    layout = analyse_layout(text)
    assert (layout.title, layout.source, layout.editor) == ("中 선전 수출 증가", "신화망", "홍성림")
    assert layout.published.isoformat() == "2017-03-02T10:21:33+08:00"


def test_a_url_that_is_not_a_string_is_a_clear_error():
    from xinhua_extract import parse_article
    from xinhua_extract.errors import ArgumentError

    with pytest.raises(ArgumentError, match="url must be a str"):
        parse_article("[신화망 베이징 5월 14일] 소매판매가 늘었다.\n", url=42)
    assert analyse_layout("본문이다.\n", url="").page is None


def test_long_menus_above_the_headline_and_facts_in_captions_say_so():
    from xinhua_extract import parse_article

    menu = "\n".join(["뉴스", "시진핑", "중국", "경제", "사회", "문화", "포토", "영상", "한중교류", "관광", "스포츠", "연예", "교육", "과학", "생활"])
    text = (f"新華網韓國語\n{menu}\n中 닝샤 와인 수출 30% 증가\n출처: 신화망 | 2022-05-10 08:00:01 | 편집: 陈畅\n"
            "5월 9일 닝샤의 한 와이너리에서 직원 12명이 포도나무를 손질하고 있다. (사진/신화통신)\n"
            "[신화망 인촨 5월10일] 닝샤의 와인 수출이 30% 늘었다.\n원문 출처:신화통신 한국어 뉴스 서비스\n")
    article = parse_article(text)
    assert article.shape == "portal-2021" and article.title == "中 닝샤 와인 수출 30% 증가" and article.editor == "陈畅"
    caption_facts = [f for f in article.facts if f.block == "caption"]
    assert caption_facts and all(f.start < text.index("[신화망") for f in caption_facts)


def _kinds(text, layout, *prefixes):
    out = []
    for prefix in prefixes:
        start = text.index(prefix)
        out.append(next(b.kind for b in layout.blocks if b.start <= start < b.end))
    return out


def test_translated_piece_repeats_its_headlines_under_the_meta():
    text, gold = _page("p34")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.kicker == "뉴스 번역" and layout.title_zh == "商务部:前8个月服务贸易规模超过4万亿元"
    # the Chinese headline and the Korean one repeated under the meta are title, never body
    paragraphs = [text[p.start:p.end] for p in layout.paragraphs if p.kind == "body"]
    assert not any(p.startswith(("商务部:前8个月", "中 상무부: 올해")) for p in paragraphs)
    # without the repeated Korean headline the Chinese line is the body's first paragraph
    alone = text.replace("\n中 상무부: 올해 1~8월 서비스무역 규모 4조 위안 넘어\n", "\n", 1)
    layout = analyse_layout(alone, url=gold["url"])
    assert layout.title_zh is None and _kinds(alone, layout, "商务部:前8个月") == ["body"]


def test_wire_photo_title_without_number_is_a_caption_and_a_chinese_subheading_under_one_is_not():
    from xinhua_extract.layout import classify_line

    assert classify_line("(时政)习近平会见外国客人") == "caption"
    assert classify_line("(兩會·XHDW)(16)國務委員回答記者提問") == "caption"
    assert classify_line("(经济)商务部表示,前8个月服务贸易稳定增长。") is None  # a Chinese sentence
    assert classify_line("(뉴스 번역) 中 상무부 발표") is None  # a kicker, not a wire title
    text, gold = _page("p34")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "(经济)(2)", "关键数据", "핵심 데이터") == ["caption", "body", "body"]


def test_photo_credit_with_jegong_closes_a_caption_wherever_it_stands():
    from xinhua_extract.layout import classify_line

    assert classify_line("전시회 현장을 찾은 관람객들. (주최 측 제공)") == "caption"
    assert classify_line("설비가 택배를 나누고 있다. (사진 제공: 허베이성 우정관리국)") == "caption"
    assert classify_line("현장 모습 [사진 제공: 신화사]") == "caption"
    # a sentence about something provided is not a credit
    assert classify_line("주최 측은 관람객에게 무료 음료를 제공했다.") is None
    text, gold = _page("p37")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "스자좡 물류센터의 자동 분류") == ["caption"]


def test_photo_description_run_on_into_the_text_stays_body():
    from xinhua_extract.layout import classify_line

    # the photo's date closes a caption; text after it makes the line a paragraph
    assert classify_line("항저우 올림픽센터 주경기장(8월 25일 촬영).") == "caption"
    assert classify_line("택배 분류 설비(3월2일 촬영) 국가우정국에 따르면 택배 업무량이 늘었다.") is None
    assert classify_line("1월 5일 촬영한 하얼빈 빙설대세계 모습") == "caption"
    assert classify_line("물류센터에서 촬영한 택배 설비. 국가우정국은 서비스망을 확충했다. 업무량도 늘었다.") is None
    text, gold = _page("p37")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "허베이성 스자좡의") == ["body"] and layout.title is None


def test_partner_time_line_without_a_label_gives_published_source_and_the_headline():
    text, gold = _page("p35")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.shape == "republication" and layout.title.startswith('"하얼빈 빙설축제"')
    assert layout.published.isoformat() == "2025-12-08T10:41:00+08:00" and layout.source == "신화망 한국어판"
    assert layout.dateline.date == "2025-12-08"
    assert _kinds(text, layout, "首页", "신화망 한국어판2025") == ["navigation", "meta"]
    # without the time line nothing on the page says partner or gives the time
    layout = analyse_layout(text.replace("신화망 한국어판2025-12-08 10:41", ""), url=gold["url"])
    assert layout.shape == "body" and layout.published is None and layout.source is None


def test_partner_chinese_source_label_and_app_prompt():
    text, gold = _page("p36")
    layout = analyse_layout(text, url=gold["url"])
    assert (layout.source, layout.editor) == ("신화망 한국어판", "李明")
    assert _kinds(text, layout, "한국어 | 2025", "李明来源", "微信扫一扫") == ["meta", "meta", "navigation"]
    assert not any("下载" in text[p.start:p.end] for p in layout.paragraphs)


def test_caption_closed_by_the_agency_after_a_slash_is_never_the_headline():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p38")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.title is None
    assert _kinds(text, layout, "2025년 12월 28일 관광객들이", "2025년 12월 28일 어린이들이") == ["caption", "caption"]
    assert classify_line("/신화넷") == "footer"  # the credit alone on its line stays furniture
    assert classify_line("기사는 신화통신/연합 보도를 인용했다.") is None


def test_wire_title_with_digits_and_page_row_to_the_last_page():
    from xinhua_extract.layout import classify_line

    assert classify_line("(国际·元宵节2016)(6)海外华人欢度元宵节") == "caption"
    assert classify_line("1 2 3 4 5 6 7 8    >>|") == "pagerow"
    assert classify_line("|<< 1 2 3") == "pagerow"
    text, gold = _page("p39")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.page == 6 and not any("1 2 3" in text[p.start:p.end] for p in layout.paragraphs)


def test_link_button_under_the_text_is_furniture():
    text, gold = _page("p40")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "↓↓↓ [특집 보도]") == ["footer"]
    assert not any("클릭" in text[p.start:p.end] for p in layout.paragraphs)


def test_photo_formula_with_a_one_word_subject_before_the_date():
    from xinhua_extract.layout import classify_line

    assert classify_line("직원이 21일 허베이성의 한 공방에서 춘련을 말리고 있다.") == "caption"
    # a reported statement or a sentence of two is no photo caption
    assert classify_line("관계자는 21일 주문량이 늘었다고 밝혔다.") is None
    assert classify_line("직원이 21일 춘련을 말리고 있다. 주문량도 늘고 있다.") is None
    text, gold = _page("p41")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "직원이 21일", "현지 관계자는") == ["caption", "body"]


def test_partner_line_with_time_source_and_editor():
    text, gold = _page("p42")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.shape == "republication" and layout.title == "리창 총리, 싱가포르 총리 회견"
    assert (layout.source, layout.editor) == ("신화망", "박명수")
    assert layout.published.isoformat() == "2024-06-27T20:15:00+08:00" and layout.dateline.date == "2024-06-27"
    assert _kinds(text, layout, "중국 경제 포커스", "2024-06-27 20:15", "(时政)") == ["navigation", "meta", "caption"]


def test_partner_paper_headline_above_its_byline_time_line_without_a_dateline():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p43")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.shape == "republication" and layout.title.startswith("中 외교부 대변인")
    assert (layout.source, layout.editor) == ("新华社", "김영철") and layout.dateline is None
    assert _kinds(text, layout, "연변일보 > 국제", "김영철 新华社") == ["navigation", "meta"]
    assert classify_line("연변일보 > 국제") == "chrome_head"
    assert classify_line("수입은 전년 대비 > 10% 늘었다.") is None


def test_gallery_first_line_with_the_photo_date_and_a_comma_is_its_caption():
    text, gold = _page("p44")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.title is None and _kinds(text, layout, "3월 2일, 관광객들이") == ["caption"]
    # a line of two sentences stays body
    two = text.replace("고속열차에 올랐다.", "고속열차에 올랐다. 이날 승객이 많았다.", 1)
    assert _kinds(two, analyse_layout(two, url=gold["url"]), "3월 2일, 관광객들이") == ["body"]


def test_news_background_label_is_the_kicker():
    text, gold = _page("p45")
    layout = analyse_layout(text, url=gold["url"])
    assert (layout.kicker, layout.title) == ("뉴스 배경", "라오스인민민주공화국")


def test_video_player_label_is_never_content():
    text, gold = _page("p46")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "Video PlayerClose") == ["navigation"]
    assert not any("Video" in text[p.start:p.end] for p in layout.paragraphs)


def test_partner_paper_of_korea_video_page_section_label_and_korean_time():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p47")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.shape == "republication" and (layout.kicker, layout.title) == ("영상", "中 하이난, 열대 과일 수출 1분기 두 자릿수 증가")
    # the paper's section label names the agency; the time is Korea's, reported in Beijing time
    assert layout.source == "신화통신" and layout.page is None
    assert layout.published.isoformat() == "2025-04-15T09:20:31+08:00"
    assert _kinds(text, layout, "신화통신", "王明,李华", "(01분35초)") == ["navigation", "meta", "caption"]
    assert classify_line("中 하이난, 열대 과일 수출 (1시간 2분 5초)") == "caption"
    assert classify_line("그는 10초 동안 말을 멈췄다.") is None
    # the same page on a paper of China: Beijing time as printed
    cn = analyse_layout(text, url="http://www.example-ybrb.com.cn/mobile/content/2025-04/15/content_1.html")
    assert cn.published.isoformat() == "2025-04-15T10:20:31+08:00"
    # a source on the byline-and-time line wins over the section label
    named = text.replace("王明,李华 2025", "신화망 한국어판 2025", 1)
    assert analyse_layout(named, url=gold["url"]).source == "신화망 한국어판"
    # on Xinhua's own pages a bare 신화통신 line is no source
    assert classify_line("신화통신") is None


def test_layout_eval_compares_publication_times_as_instants():
    from xinhua_extract.layout_eval import evaluate_page

    text, gold = _page("p47")
    korean = dict(gold, fields=dict(gold["fields"], published="2025-04-15T10:20:31+09:00"))
    assert evaluate_page("p47", text, korean).fields_right["published"]
    wrong = dict(gold, fields=dict(gold["fields"], published="2025-04-15T10:20:31+08:00"))
    assert not evaluate_page("p47", text, wrong).fields_right["published"]


def test_gallery_first_line_without_a_date_and_a_file_photo_label_are_captions():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p48")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.title is None
    assert _kinds(text, layout, "화물열차 한 대가", "간쑤성 란저우를", "(자료 사진)") == ["caption", "body", "caption"]
    assert classify_line("란저우 국제항구역 전경(자료 사진)") == "caption"
    # two sentences stay body
    two = text.replace("지나가고 있다.", "지나가고 있다. 열차는 매일 운행한다.", 1)
    assert _kinds(two, analyse_layout(two, url=gold["url"]), "화물열차 한 대가") == ["body"]
    # on a page with no breadcrumb (a body-only page) the formula alone proves nothing: body
    bare = text.replace("新華網韓國語 >> 기사 본문\n", "", 1)
    assert _kinds(bare, analyse_layout(bare, url=gold["url"]), "화물열차 한 대가") == ["body"]


def test_short_comment_and_news_essay_labels_are_kickers():
    text, gold = _page("p49")
    layout = analyse_layout(text, url=gold["url"])
    assert (layout.kicker, layout.title) == ("신화단평", "국경 간 전자상거래가 열어 준 새 통로")
    essay = text.replace("신화단평:", "뉴스 에세이:", 1)
    assert analyse_layout(essay, url=gold["url"]).kicker == "뉴스 에세이"


def test_photo_date_of_year_and_month_closes_a_caption_and_financial_column_label_is_a_kicker():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p50")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "해 질 무렵", "칭다오시는") == ["caption", "caption"]
    assert classify_line("해 질 무렵 칭다오 해안 산책로의 모습이다(5월 촬영).") == "caption"
    assert classify_line("그는 2016년 5월 촬영을 마쳤다.") is None
    text, gold = _page("p49")
    column = text.replace("신화단평:", "재경관찰:", 1)
    assert analyse_layout(column, url=gold["url"]).kicker == "재경관찰"


def test_photographer_label_credit_closes_a_caption():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p51")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "8월 3일, 구조대원들이", "현지 정부는") == ["body", "caption"]
    assert classify_line("복구 작업이 이어지고 있다. [촬영기자/왕하이(王海)]") == "caption"
    assert classify_line("촬영기자들이 현장에 모였다.") is None


def test_piece_credits_before_the_recommendations_are_furniture_and_content_elsewhere():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p52")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "텍스트 출처", "사진 출처", "기획: 김하나") == ["footer", "footer", "footer"]
    assert classify_line("기획: 김하나") == "footer"
    # without a hard marker after them they are no tail: the text is kept
    moved = text.replace("텍스트 출처: 인터넷 종합", "", 1).replace("올해는 과일과", "텍스트 출처: 인터넷 종합\n\n올해는 과일과", 1)
    layout = analyse_layout(moved, url=gold["url"])
    assert any("올해는 과일과" in moved[p.start:p.end] for p in layout.paragraphs)


def test_day_dated_lead_without_a_place_is_body_and_day_dated_noun_phrase_with_one_is_a_caption():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p53")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "5일 중국과 한국을", "이날 오전") == ["body", "body"]
    # the formula dated by the day alone names the scene's place (…에서): a caption
    assert classify_line("5일 르자오항 부두에서 작업자들이 컨테이너를 싣고 있다.") == "caption"
    assert classify_line("5일 새 항로가 개통되면서 업계의 관심을 모으고 있다.") == "scene"  # layout.py decides
    text, gold = _page("p54")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "이날 친화이허", "8일 난징 푸쯔먀오") == ["caption", "caption"]
    assert layout.dateline.place == "난징"
    # a sentence with a predicate, or two sentences, stay body
    assert classify_line("8일 난징에서 등불축제가 열렸다.") is None
    assert classify_line("8일 난징에서 축제가 열렸다. 관광객들이 꽃등을 구경하는 모습.") is None


def test_partner_send_time_line_font_buttons_and_next_page_row():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p55")
    layout = analyse_layout(text, url=gold["url"])
    assert (layout.shape, layout.title, layout.source) == ("republication", gold["fields"]["title"], "신화망")
    assert layout.published.isoformat() == "2021-10-04T10:12:30+08:00"
    assert _kinds(text, layout, "大字体", "小字体", "1   2   3") == ["footer", "footer", "boilerplate"]
    assert classify_line("1 2 3 4 >") == "pagerow"
    assert classify_line("大字体") == "chrome"


def test_photo_date_with_how_it_was_taken_closes_a_caption():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p56")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "윈난성 훙허", "가을을 맞은") == ["caption", "body"]
    assert classify_line("야츠허 대교(7월31일 촬영, 드론 사진)") == "caption"
    assert classify_line("대교의 야경(7월31일 촬영, 휴대폰 촬영)") == "caption"
    assert classify_line("대교는 7월31일 촬영, 드론 사진 공개 뒤 화제가 됐다.") is None


def test_partner_page_without_headline_opening_with_a_drone_photo_caption():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p57")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.title is None and any(w.code == "W060" for w in layout.warnings)
    assert _kinds(text, layout, "중국 북부의", "올겨울 한파가") == ["caption", "body"]
    assert classify_line("항구 전경(드론 사진)") == "caption"
    assert classify_line("드론 촬영 기술이 빠르게 발전하고 있다.") is None
    # a line holding a sentence is never a partner's headline, even without a photo marker
    plain = text.replace("(드론 촬영)", "", 1)
    assert analyse_layout(plain, url=gold["url"]).title is None


def test_board_time_line_with_two_digit_year_in_the_partners_zone():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p58")
    layout = analyse_layout(text, url=gold["url"])
    assert (layout.shape, layout.kicker, layout.title) == ("republication", "경제동향", gold["fields"]["title"])
    assert layout.published.isoformat() == "2023-11-08T08:40:00+08:00"  # 09:40 in Korea
    assert _kinds(text, layout, "페이지 정보", "작성자 작성일", "본문\n") == ["navigation", "meta", "navigation"]
    assert classify_line("작성자 작성일 23-11-08 09:40") == "chrome"
    # a two-digit year is read only before a time
    assert classify_line("작성일 23-11-08") == "chrome" and analyse_layout(
        text.replace("23-11-08 09:40", "23-11-08"), url=gold["url"]).published is None


def test_partner_head_past_its_widgets_names_byline_and_bare_time_in_its_zone():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p59")
    layout = analyse_layout(text, url=gold["url"])
    assert (layout.shape, layout.title, layout.source) == ("republication", gold["fields"]["title"], "신화통신")
    assert layout.published.isoformat() == "2024-10-18T09:05:44+08:00"
    assert layout.byline is not None and layout.byline.text == "Li Wenhao,Zhao Meiling"
    assert [classify_line(s) for s in ("맑음 서울 12˚C", "2024.11.02 토요일", "글씨 크게", "기자정보, 기사등록일")] \
        == ["chrome_head", "chrome_head", "chrome", "chrome"]
    assert classify_line("서울 12˚C 날씨가 이어졌다.") is None
    assert classify_line("Li Wenhao, Zhao Meiling") == "byline" and classify_line("Li Wenhao") is None


def test_epaper_navigation_copyright_and_dated_path():
    from xinhua_extract.layout import classify_line
    from xinhua_extract.urls import parse_article_url

    text, gold = _page("p60")
    layout = analyse_layout(text, url=gold["url"])
    assert layout.title == gold["fields"]["title"] and layout.published.date().isoformat() == "2024-12-12"
    assert _kinds(text, layout, "第05版", "上一篇", "版权所有") == ["navigation", "navigation", "footer"]
    assert classify_line("上一篇 下一篇") == "chrome_head"
    assert parse_article_url("http://x.cn/paper/pc/content/202412/12/content_4821.html").date.isoformat() == "2024-12-12"


def test_paren_dateline_at_a_xinhua_address_is_no_republication():
    text, gold = _page("p61")
    assert analyse_layout(text, url=gold["url"]).shape == "body"
    assert analyse_layout(text, url="https://example-daily.kr/view/20210313100512345").shape == "republication"
    assert analyse_layout(text).shape == "republication"  # no address: the lead is the evidence


def test_day_dated_scene_without_place_is_a_caption_unless_it_leads_the_text():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p62")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "이날 창춘역", "21일 농기계") == ["caption", "caption"]
    assert classify_line("21일 농기계 전용열차에 오른 농민들이 손을 흔들고 있다.") == "scene"
    # first line of a page without a dateline: the news lead (p53), whatever its wording
    lead = "21일 농기계 전용열차에 오른 농민들이 손을 흔들고 있다.\n\n이날 열차는 쑹넌평원으로 향했다.\n"
    layout = analyse_layout(lead, url=gold["url"])
    assert _kinds(lead, layout, "21일 농기계", "이날 열차") == ["body", "body"]


def test_production_credit_closing_a_partner_page_is_furniture():
    from xinhua_extract.layout import classify_line

    text, gold = _page("p63")
    layout = analyse_layout(text, url=gold["url"])
    assert _kinds(text, layout, "[신화통신 CNC 제작]") == ["footer"]
    assert not any("CNC" in text[p.start:p.end] for p in layout.paragraphs)
    assert classify_line("[신화통신 CNC 제작]") == "footer" and classify_line("[제작 현장] 커피 농장") is None


def test_short_chinese_subheading_is_chinese_and_its_parentheses_gloss_nothing():
    from xinhua_extract import parse_article

    text, gold = _page("p34")
    layout = analyse_layout(text, url=gold["url"])
    start = text.index("关键数据")
    para = next(p for p in layout.paragraphs if p.start <= start < p.end)
    assert para.lang == "zh"  # four Han characters and no hangul: Chinese, however short
    bilingual = (
        "[신화망 베이징 5월 24일] 왕이(王毅) 외교부장이 기자회견을 열었다.\n\n"
        "开场白\n\n"
        "外交部长王毅于2020年5月24日(星期日)下午举行记者会。\n"
    )
    article = parse_article(bilingual)
    langs = {article.text[p.start:p.end]: p.lang for p in article.paragraphs}
    assert langs["开场白"] == "zh"
    # the Korean gloss is kept; the Chinese paragraph's (星期日) is no gloss
    assert [g.gloss for g in article.glosses] == ["王毅"]


def test_photo_source_credit_alone_on_its_line_is_a_caption_not_the_headline():
    from xinhua_extract.layout import classify_line

    assert classify_line("(사진 출처: 중국외교부 사이트)") == "caption"
    assert classify_line("[사진 출처: 신화사/촬영: 왕밍]") == "caption"
    assert classify_line("원문 출처:신화사") != "caption"  # the footer marker
    page = ("新華網韓國語 >> 기사 본문\n(사진 출처: 중국외교부 사이트)\n"
            "[신화사 베이징 11월 11일] 외교부 대변인이 기자회견을 열었다.\n관련 보도:\n")
    layout = analyse_layout(page, url="http://kr.xinhuanet.com/2015-11/11/c_134805021.htm")
    assert layout.title is None
    assert _kinds(page, layout, "(사진 출처") == ["caption"]


def test_partner_board_labels_view_counter_and_address_time_line():
    """A board's labels and view counter and a paper's address-and-time line are chrome
    (blind layout batch 13): the headline above them is the title."""
    from xinhua_extract.layout import classify_line

    assert [classify_line(s) for s in ("Page Info", "조회: 71회", "content")] == ["chrome_head"] * 3
    assert classify_line("//hljxinwen.dbw.cn  2026-01-22 14:55:27") == "chrome"
    assert classify_line("조회 결과가 나왔다.") is None and classify_line("content 산업이 컸다.") is None
    board = ("中 하이난 면세점 5곳 문 열어\nPage Info\n조회: 71회\n작성일: 2026-02-13 15:33\ncontent\n"
             "[신화망 중국 하이커우 2월13일] 하이난 최초의 면세점 5곳이 11일 문을 열었다.\n\n"
             "매장에는 상품 5만여 개가 들어왔다.\n")
    layout = analyse_layout(board, url="https://www.dongbang21.com/bbs/board.php?wr_id=4299")
    assert layout.title == "中 하이난 면세점 5곳 문 열어"
    assert layout.published.isoformat() == "2026-02-13T15:33:00+08:00"
    paper = ("해남 방문 외국인 150만명 돌파\n//hljxinwen.dbw.cn  2026-01-22 14:55:27\n\n"
             "(베이징=신화통신) 해남성을 찾은 외국인이 150만명을 넘었다.\n\n관광객이 늘었다.\n")
    layout = analyse_layout(paper, url="http://hljxinwen.dbw.cn/system/2026/01/22/001555640.shtml")
    assert layout.title == "해남 방문 외국인 150만명 돌파"
    assert layout.published.isoformat() == "2026-01-22T14:55:27+08:00"


def test_caption_dated_by_its_day_with_a_clause_on_its_closing_noun():
    from xinhua_extract.layout import classify_line

    assert classify_line("9일 할빈 태양도 빙설예술관을 찾은 관광객.") == "caption"
    assert classify_line("9일 회의가 열렸다.") is None


def test_credit_of_the_form_reporter_then_shot_closes_a_caption():
    """``[신화사 <name> 기자 촬영]`` (korean.china.org.cn) closes a caption like ``[촬영/ …]``."""
    from xinhua_extract.layout import classify_line

    assert classify_line("시진핑 주석이 연설하고 있다. [신화사 쥐펑(鞠鵬) 기자 촬영]") == "caption"
    assert classify_line("신화사 기자 촬영 기법을 배웠다.") is None


def test_xinhua_in_a_chinese_wire_title_is_the_agency_not_a_district():
    text = ("중국 경제\n\n(新華)(1)习近平会见外宾\n\n[신화망 베이징 3월 1일] 시진핑 주석이 외빈을 만났다.\n\n"
            "石家庄市新华区的工厂。\n")
    article = parse_article(text)
    assert [(p.text, p.code) for p in article.places if p.code and p.code.startswith("1301")] == [
        ("石家庄市", "130100"), ("新华区", "130105")]


def test_a_chinese_sites_publisher_line_names_the_source():
    """``• 发布人:신화망`` (a Chinese site's "posted by") is the source line, like ``来源:``
    (blind layout batch 15)."""
    from xinhua_extract.layout import classify_line

    assert classify_line("  • 发布人:신화망") == "meta"
    page = ("압록강의 창 방문을 환영합니다\n中 노동절 연휴, 해양관광으로 뜨거워진 하이난\n"
            "  • 发布日期:2023-5-4 12:06:45\n  • 发布人:신화망\n\n"
            "[신화망 하이커우 5월3일]올해 노동절 연휴 기간 호텔은 관광객들로 북적였다.\n\n관광객이 늘었다.\n")
    layout = analyse_layout(page, url="http://bianmin.ddaliyun.com/news/2783.html")
    assert (layout.source, layout.title) == ("신화망", "中 노동절 연휴, 해양관광으로 뜨거워진 하이난")
    assert layout.published.isoformat() == "2023-05-04T12:06:45+08:00"
