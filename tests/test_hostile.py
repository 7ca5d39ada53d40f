"""Hostile input to ``parse_article`` (issue 13): every input returns an Article or raises a
documented error, work stays linear in the input, and every Article keeps its offsets and
survives a JSON round trip.

The quick part runs by default. ``XINHUA_SOAK=1`` also runs the slow part: a thousand
generated hostile pages and the timing checks on pages of 200,000 characters.
"""

from __future__ import annotations

import json
import os
import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile import DAMAGE, check_article, fixture_texts, hostile_pages, ordinary_text
from xinhua_extract import Article, XinhuaExtractError, parse_article
from xinhua_extract.errors import ArgumentError, DecodeError, NotKoreanError

SOAK = os.environ.get("XINHUA_SOAK") == "1"
soak = pytest.mark.skipif(not SOAK, reason="soak test: set XINHUA_SOAK=1")

ARTICLE = "중국 상하이 올해 1분기 수출 5.2% 증가\n\n[신화망 상하이 4월10일] 상하이(上海)시의 수출이 5.2% 늘었다.\n"


def parse_or_documented_error(page, **kwargs):
    try:
        article = parse_article(page, **kwargs)
    except XinhuaExtractError:
        return None
    check_article(article)
    return article


# --------------------------------------------------------------------------- the cases
def test_1_lone_surrogate_is_replaced_and_reported():
    text = "\ud800중국 5% 성장\udfff"
    article = parse_article(text)
    check_article(article)
    assert len(article.text) == len(text) and article.text[0] == article.text[-1] == "\ufffd"
    assert [w.code for w in article.warnings if w.code == "W003"] == ["W003"]
    assert [f.text for f in article.facts if f.type == "percentage"] == ["5%"]


@pytest.mark.parametrize("number", ["1" + ",000" * 20, "999" + ",999" * 17, "999" + ",999" * 25, "1" + "0" * 70])
def test_2_huge_comma_grouped_numbers_do_not_crash(number):
    check_article(parse_article(f"중국의 기업 {number}개가 늘었다."))


def test_2_number_grammar_reads_huge_numbers_exactly():
    from decimal import Decimal

    from xinhua_extract.numbers import parse_korean_number

    assert parse_korean_number("1" + ",000" * 25) == Decimal(10) ** 75


def test_3_long_line_goes_to_kiwi_in_bounded_pieces(monkeypatch):
    from xinhua_extract import tokenize

    seen: list[int] = []
    kiwi = tokenize.get_kiwi()
    real = type(kiwi).tokenize

    class Spy:
        def tokenize(self, text, *args, **kwargs):
            seen.append(len(text))
            return real(kiwi, text, *args, **kwargs)

    # the shared instance itself is swapped (not get_kiwi): in a compiled build, calls
    # inside tokenize.py are bound at build time and never see a patched function
    monkeypatch.setattr(tokenize, "_KIWI", Spy())
    text = ordinary_text(30_000).replace("\n", " ")
    article = parse_article(text, id="one-line")
    check_article(article)
    assert max(seen) <= tokenize.KIWI_MAX_CHARS and sum(seen) >= len(text.strip()) - 100
    # the sentences still tile the paragraph, in order, without gaps a sentence end could hide in
    assert all(a.end <= b.start for a, b in zip(article.sentences, article.sentences[1:]))


def test_3_kiwi_pieces_cut_at_sentence_ends_and_cover_the_text():
    from xinhua_extract.tokenize import kiwi_pieces

    text = ordinary_text(50_000).replace("\n", " ")
    pieces = kiwi_pieces(text, 0, len(text), limit=2000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(1000 <= e - s <= 2000 for s, e in pieces[:-1])
    assert all(text[e - 1] in ".!?。" or text[e - 2] in ".!?。" for _, e in pieces[:-1])
    # no sentence end, no comma, no space: cut at the limit, still linear
    assert kiwi_pieces("가" * 10_000, 0, 10_000, limit=4000) == [(0, 4000), (4000, 8000), (8000, 10_000)]
    # paragraphs of ordinary length are one piece: their tokens are unchanged
    assert kiwi_pieces(text, 5, 3005) == [(5, 3005)]


def test_4_hanja_runs_are_segmented_in_bounded_windows(monkeypatch):
    from xinhua_extract.places import segment

    tokenizer = segment.get_tokenizer()
    seen: list[int] = []
    real = tokenizer.tokenize

    def spy(text, *args, **kwargs):
        seen.append(len(text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(tokenizer, "tokenize", spy)
    text = "廣" * 5000 + "，广东省深圳市南山区" + "蘭州大學" * 300
    segments = segment.segment_zh(text)
    assert max(seen) <= segment.JIEBA_MAX_CHARS
    assert "".join(s.text for s in segments) == text
    assert all(text[s.start : s.end] == s.text for s in segments)
    check_article(parse_article("광둥(" + "廣" * 20_000 + ")성의 수출이 5% 늘었다."))


def test_4_ordinary_glosses_are_segmented_as_before():
    from xinhua_extract.places.segment import segment_zh

    assert [s.text for s in segment_zh("广东省深圳市南山区")] == ["广东省", "深圳市", "南山区"]


@pytest.mark.parametrize("max_chars", ["10", 10.0, 0, -5, True, [10]])
def test_5_unusable_max_chars_is_an_argument_error(max_chars):
    with pytest.raises(ArgumentError, match="max_chars") as info:
        parse_article(ARTICLE, max_chars=max_chars)
    assert info.value.code == "E009"


@pytest.mark.parametrize("bad_id", [12, 3.5, b"id", ["a"], "a\ud800b"])
def test_5_unusable_id_is_an_argument_error(bad_id):
    with pytest.raises(ArgumentError, match="id") as info:
        parse_article(ARTICLE, id=bad_id)
    assert info.value.code == "E009"


def test_5_a_good_id_round_trips():
    article = parse_article(ARTICLE, id="기사-001", max_chars=10_000)
    check_article(article)
    assert article.id == "기사-001"


def test_10_bom_marked_utf16_and_utf32_are_decoded():
    for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"):
        data = ARTICLE.encode(encoding)
        if encoding in ("utf-16-le", "utf-16-be"):
            data = "\ufeff".encode(encoding) + data
        article = parse_article(data)
        assert article.text == ARTICLE, encoding


def test_10_damaged_utf16_is_a_decode_error():
    with pytest.raises(DecodeError, match="UTF-16"):
        parse_article("\ufeff중국 5%".encode("utf-16-le") + b"\x00")


def _cp949_readable_chinese() -> str:
    """Simplified Chinese whose GB2312 bytes are also valid CP949: the dangerous case."""
    pool = "国家统计局发布数据显示一季度内生产总值同比增长上年四加快个百分点海出口经济发展良好中省市区县人民政府"
    ok = [c for c in pool if _valid_cp949(c.encode("gb2312"))]
    assert len(ok) > 15
    rng = random.Random(7)
    return "".join(rng.choice(ok) for _ in range(120)) + "。"


def _valid_cp949(data: bytes) -> bool:
    try:
        data.decode("cp949")
        return True
    except UnicodeDecodeError:
        return False


def test_10_gb18030_read_as_cp949_would_be_korean_looking_garbage_and_is_refused():
    data = _cp949_readable_chinese().encode("gb18030")
    assert _valid_cp949(data)  # the old decoder returned an "Article" from these bytes
    with pytest.raises(NotKoreanError, match="Chinese"):
        parse_article(data)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "big5"])
def test_10_chinese_encodings_are_recognised(encoding):
    text = "新华社北京4月10日电 国家统计局发布数据显示，上海出口增加。"
    if encoding == "big5":
        text = "新華社北京4月10日電 國家統計局發布數據顯示，上海出口增加。"
    with pytest.raises(NotKoreanError, match="Chinese"):
        parse_article(text.encode(encoding))


def test_10_korean_in_gb18030_is_decoded():
    assert parse_article(ARTICLE.encode("gb18030")).text == ARTICLE


def test_10_korean_cp949_pages_with_hanja_still_read_as_korean():
    for text in fixture_texts():
        try:
            data = text.encode("cp949")
        except UnicodeEncodeError:
            continue
        assert parse_article(data).text == text


# --------------------------------------------------------------------------- fuzz (quick)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()), max_size=300),
       st.sampled_from(["", ARTICLE]))
def test_fuzz_any_code_points(noise, base):
    parse_or_documented_error(base + noise + base)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600), st.sampled_from([b"", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\xff\xfe\x00\x00"]))
def test_fuzz_bytes_with_and_without_bom(data, bom):
    parse_or_documented_error(bom + data)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_fuzz_generated_hostile_pages(seed):
    for page, kinds in hostile_pages(seed, 1):
        parse_or_documented_error(page, id=f"h{seed}")


def test_every_damage_kind_once():
    rng = random.Random(13)
    for name, damage in sorted(DAMAGE.items()):
        for text in fixture_texts()[:3]:
            parse_or_documented_error(damage(rng, text))


# --------------------------------------------------------------------------- soak (slow)
@soak
@pytest.mark.slow
def test_soak_thousand_hostile_pages():
    for i, (page, kinds) in enumerate(hostile_pages(20261204, 1000)):
        try:
            parse_or_documented_error(page, id=f"soak-{i}")
        except Exception as exc:  # pragma: no cover - the message names the input
            raise AssertionError(f"input {i} ({kinds}) raised {type(exc).__name__}: {exc}") from exc


def _seconds(text: str) -> float:
    started = time.perf_counter()
    parse_or_documented_error(text, max_chars=None)
    return time.perf_counter() - started


@soak
@pytest.mark.slow
@pytest.mark.parametrize("make", [
    lambda n: ordinary_text(n).replace("\n", " "),
    lambda n: "광둥(" + "廣" * n + ")성",
    lambda n: "장강삼각주와 상하이시, " * (n // 13),
    lambda n: "1" + ",000" * (n // 4) + "개",
    lambda n: "(" * n + "중국 5%",
    lambda n: "상하이(上海)시 " * (n // 9),
], ids=["one-line", "hanja-run", "regions", "digits", "brackets", "glosses"])
def test_soak_time_per_character_stays_near_ordinary_text(make):
    n = 200_000
    parse_article(ARTICLE)
    hostile, ordinary = _seconds(make(n)), _seconds(ordinary_text(n))
    assert hostile <= 2.5 * ordinary + 0.5, (hostile, ordinary)
