"""Inputs that once broke the parser or lost text silently (found in review)."""

from __future__ import annotations

import time
from datetime import date

import pytest

from xinhua_extract import Article, parse_article
from xinhua_extract.errors import SchemaError
from xinhua_extract.glosses import extract_glosses


def test_body_paragraph_that_looks_like_a_footer_line_stays_body():
    text = (
        "中 저작권 보호 강화\n\n(베이징=신화통신) 중국이 저작권 보호를 강화한다.\n\n"
        "저작권자의 권익을 지키기 위해 올해 3천여 건의 사건을 처리했다.\n\n"
        "당국은 내년에 단속을 20% 늘릴 계획이다.\n"
    )
    article = parse_article(text, published="2023-05-01")
    assert [f.text for f in article.facts_of("count")] == ["3천여 건"]
    assert [f.text for f in article.facts_of("percentage")] == ["20%"]
    assert not any(b.kind == "footer" for b in article.blocks)


def test_real_footer_after_the_body_is_still_footer(seed_article):
    footer = [seed_article.text[b.start : b.end] for b in seed_article.blocks if b.kind == "footer"]
    assert footer and footer[0].startswith("원문 출처") and footer[-1].isdigit()


@pytest.mark.parametrize("unit", ["개", "위안", "%", "위"])
def test_absurdly_long_digit_runs_are_not_numbers(unit):
    article = parse_article("기업 " + "1" * 61 + unit + "이 늘었다. 기업 12개가 참여했다.")
    assert all(len(f.text) < 40 for f in article.facts)
    assert [f.text for f in article.facts_of("count")] == ["12개"]


@pytest.mark.parametrize("bad", ["abc", True, None, {"x": 1}, "NaN"])
def test_from_dict_rejects_bad_decimals_with_schema_error(seed_article, bad):
    data = seed_article.to_dict()
    money = next(f for f in data["facts"] if f["type"] == "money")
    money["value"] = bad
    with pytest.raises(SchemaError):
        Article.from_dict(data)


def test_from_dict_rejects_bad_timestamps(seed_article):
    data = seed_article.to_dict()
    data["published"] = "yesterday"
    with pytest.raises(SchemaError, match="ISO"):
        Article.from_dict(data)


def test_an_unclosed_parenthesis_does_not_hide_later_glosses():
    text = "가(1 이다. 짜오좡(棗莊)시의 타이얼좡(台兒莊)구는 성장했다."
    glosses = extract_glosses(text, [(0, len(text))])
    assert [g.gloss for g in glosses] == ["棗莊", "台兒莊"]
    article = parse_article(text)
    assert "370405" in [p.code for p in article.places]


def test_published_in_another_zone_is_read_as_beijing_time():
    text = "[신화망 베이징 8월26일] 27일 회의가 열렸다."
    a = parse_article(text, published="2021-08-26T20:00:00+00:00")  # 04:00 on the 27th in Beijing
    b = parse_article(text, published="2021-08-27T04:00:00+08:00")
    assert a.published == b.published and a.published.utcoffset().total_seconds() == 8 * 3600
    assert [f.value for f in a.facts_of("date")] == [f.value for f in b.facts_of("date")] == ["2021-08-27"]


@pytest.mark.parametrize(("published", "text"), [(date(9999, 12, 30), "100일 후 완공"), (date(1, 1, 5), "100일 전 착공")])
def test_dates_beyond_the_calendar_do_not_crash(published, text):
    parse_article(text, published=published)


def test_many_repeats_of_one_place_name_stay_linear():
    text = "장쑤성 쑤저우(蘇州)시. " + "쑤저우는 성장했다. " * 3000
    start = time.perf_counter()
    article = parse_article(text)
    assert time.perf_counter() - start < 20
    assert sum(p.code == "320500" for p in article.places) == 3001


def test_a_page_without_line_breaks_is_still_parsed():
    text = "新華網韓國語 시진핑 타이임 장쑤성 1분기 GDP 3조 위안 돌파 출처: 신화망 | 2023-04-26 10:21:03 | 편집: 王磊 장쑤성의 1분기 성장률은 4.7%였다."
    article = parse_article(text)
    assert any(w.code == "W017" for w in article.warnings)
    assert [f.text for f in article.facts_of("percentage")] == ["4.7%"]


def test_dateline_before_the_title_does_not_turn_the_body_into_captions():
    text = "[신화망 베이징 8월26일] 중국이 속도를 내고 있다.\n\n산업 매출은 11억 위안을 기록했다.\n"
    article = parse_article(text, published="2021-08-26")
    assert [p.kind for p in article.paragraphs] == ["body", "body"]


def test_percentage_range_keeps_the_listed_basis():
    article = parse_article("수출은 전년 동기 대비 각각 3.2%, 4.1%, 5~6% 늘었다.")
    assert [(f.text, f.basis) for f in article.facts_of("percentage")] == [
        ("3.2%", "전년 동기 대비"), ("4.1%", "전년 동기 대비"), ("5", "전년 동기 대비"), ("6%", "전년 동기 대비")]
