"""Glosses HEAD(GLOSS): spans, heads and kinds."""

from __future__ import annotations

import pytest

from xinhua_extract.glosses import classify, extract_glosses


def _glosses(text):
    return extract_glosses(text, [(0, len(text))])


@pytest.mark.parametrize(
    ("text", "head", "gloss", "kind"),
    [
        ("산둥성 짜오좡(棗莊)시의 기업", "짜오좡", "棗莊", "place"),
        ("중국 과학기술부(과기부) 관계자", "과학기술부", "과기부", "alias"),
        ("횃불하이테크산업발전센터(이하 횃불센터)는", "횃불하이테크산업발전센터", "이하 횃불센터", "alias"),
        ("조(兆) 위안급", "조", "兆", "numeral"),
        ("세계지식재산기구(WIPO)의 평가", "세계지식재산기구", "WIPO", "acronym"),
        ("22개 성(省)에 분포", "성", "省", "term"),
        ("란저우(蘭州)대 정치국제관계학원", "란저우", "蘭州", "org"),
        ("경제참고보(經濟參考報)에 따르면", "경제참고보", "經濟參考報", "org"),
        ("과학기술국의 장훙(張宏) 국장은", "장훙", "張宏", "person"),
        ("연구원 수줴팅(束玨婷)은 말했다", "수줴팅", "束玨婷", "person"),
        ("천억 위안(약 18조원)급", "천억 위안", "약 18조원", "conversion"),
        ("11억9천만 위안(2천146억원)을", "11억9천만 위안", "2천146억원", "conversion"),
        ("규모 이상(연 매출 2천만 위안 이상) 기업", "이상", "연 매출 2천만 위안 이상", "note"),
        ("구이저우성 구이안(貴安)신구의", "구이안", "貴安", "place"),
        ("웨강아오 대만구(粵港澳大灣區)의 과학기술혁신센터", "웨강아오 대만구", "粵港澳大灣區", "place"),
    ],
)
def test_gloss_examples(text, head, gloss, kind):
    found = [g for g in _glosses(text) if g.gloss == gloss]
    assert len(found) == 1, _glosses(text)
    g = found[0]
    assert (g.head, g.kind) == (head, kind)
    assert text[g.start : g.end] == g.text
    assert text[g.head_start : g.head_end] == g.head
    assert text[g.gloss_start : g.gloss_end] == g.gloss


def test_explanation_after_middle_dot():
    text = "최근 청위(成渝·청두와 충칭의 약칭) 과학기술혁신센터도"
    (g,) = _glosses(text)
    assert g.kind == "place" and g.head == "청위"
    assert g.gloss == "成渝·청두와 충칭의 약칭" and g.explanation == "청두와 충칭의 약칭"


@pytest.mark.parametrize(
    "text",
    ["모습. (사진/신화통신)", "(투데이 포커스) 제목", "괄호 ( ) 만", "닫히지 않은 괄호(棗莊"],
)
def test_detached_or_empty_parentheses_are_not_glosses(text):
    assert _glosses(text) == ()


def test_nested_parentheses_keep_the_outer_gloss():
    text = "중한(옌청)산업원(中韓(鹽城)產業園)에"
    glosses = _glosses(text)
    assert any(g.gloss == "中韓(鹽城)產業園" for g in glosses)
    assert all(text[g.start : g.end] == g.text for g in glosses)


def test_seed_glosses_have_the_gold_kinds(seed_article, seed_gold):
    got = {(g.head, g.gloss): g.kind for g in seed_article.glosses}
    for item in seed_gold["glosses"]:
        assert got.get((item["head"], item["gloss"])) == item["kind"], item


def test_classify_without_context():
    assert classify("성", "省") == "term"
    assert classify("연구개발", "R&D") == "acronym"


def test_photo_and_text_credits_give_no_glosses():
    """The conventions: credits are not glosses (blind batches AC, AE)."""
    from xinhua_extract import parse_article

    text = ("중국 경제\n\n[신화망 베이징 3월 1일] 시진핑 주석이 외빈을 만났다.\n\n"
            "관광객들이 사진을 찍고 있다. [촬영/ 신화사 기자 쑨카이팡(孫開放)]\n\n"
            "장훙(張宏) 국장은 말했다. (사진/신화통신 기자 왕빈(王斌))\n\n"
            "연설하고 있다. [신화사 쥐펑(鞠鵬) 기자 촬영]\n")
    article = parse_article(text)
    assert [(g.head, g.gloss) for g in article.glosses] == [("장훙", "張宏")]
