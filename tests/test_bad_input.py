"""Bad input gets a clear, documented error or an Article with warnings — never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xinhua_extract import Article, XinhuaExtractError, parse_article
from xinhua_extract.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputTooLargeError,
    InputTypeError,
    NotKoreanError,
)

ARTICLE = "중국 상하이 올해 1분기 수출 5.2% 증가\n\n[신화망 상하이 4월10일] 상하이(上海)시의 수출이 5.2% 늘었다.\n"


@pytest.mark.parametrize("value", ["", "   \n\t  ", b"", b"  \n"])
def test_empty_input(value):
    with pytest.raises(EmptyInputError, match="empty"):
        parse_article(value)


@pytest.mark.parametrize("value", [None, 42, 3.5, ["기사"], {"text": "기사"}])
def test_wrong_type(value):
    with pytest.raises(InputTypeError) as info:
        parse_article(value)
    assert isinstance(info.value, TypeError) and isinstance(info.value, ValueError)
    assert "str or bytes" in str(info.value)


def test_bytes_in_utf8_and_cp949_decode_to_the_same_article():
    a = parse_article(ARTICLE.encode("utf-8"))
    b = parse_article(ARTICLE.encode("cp949"))
    assert a.text == b.text == ARTICLE
    assert [f.to_dict() for f in a.facts] == [f.to_dict() for f in b.facts]


def test_undecodable_bytes():
    with pytest.raises(DecodeError, match="UTF-8"):
        parse_article(b"\x81\x41\xff\xfe\xfa\xfb\xff" * 3)  # no BOM: \xff\xfe would mark UTF-16


def test_binary_input():
    with pytest.raises(BinaryInputError, match="binary"):
        parse_article(bytes(range(256)) * 8)


@pytest.mark.parametrize("value", ["Xi Jinping visited Shanghai on Monday.", "中国经济增长5.2%。", "12345 67890"])
def test_no_korean(value):
    with pytest.raises(NotKoreanError, match="Korean"):
        parse_article(value)


def test_huge_input_is_refused_with_advice():
    huge = ARTICLE * (10_000_000 // len(ARTICLE) + 1)
    assert len(huge) > 10_000_000
    with pytest.raises(InputTooLargeError, match="max_chars"):
        parse_article(huge)


def test_nul_bytes_are_replaced_and_reported():
    text = ARTICLE.replace("수출이", "수\x00출이")
    article = parse_article(text)
    assert len(article.text) == len(text) and "\x00" not in article.text
    assert any(w.code == "W001" for w in article.warnings)


def test_markup_is_reported():
    article = parse_article("<html><body><p>" + ARTICLE + "</p></body></html>")
    assert any(w.code == "W002" for w in article.warnings)


def test_truncated_page_gives_warnings_not_errors(seed_text):
    article = parse_article(seed_text[: len(seed_text) // 2])
    codes = {w.code for w in article.warnings}
    assert "W014" in codes  # banner but no footer
    assert article.title and article.facts


def test_errors_share_one_base_class():
    for exc in (EmptyInputError, DecodeError, BinaryInputError, NotKoreanError, InputTooLargeError, InputTypeError):
        assert issubclass(exc, XinhuaExtractError) and issubclass(exc, ValueError)


_korean = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=20)
_noise = st.text(
    alphabet=st.sampled_from(list("()[]◇▷∙·'\"\n\r\t 0123456789억만천조위안%개월일년=신화망통신北京棗莊<>/|:출처")),
    max_size=60,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_korean, _noise, st.text(max_size=30)), min_size=1, max_size=12))
def test_fuzz_never_crashes_and_keeps_offsets(parts):
    text = "".join(parts)
    try:
        article = parse_article(text)
    except XinhuaExtractError:
        return
    assert isinstance(article, Article)
    for record in (*article.facts, *article.places, *article.glosses, *article.headings):
        assert article.text[record.start : record.end] == record.text
    for sentence in article.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(article.text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_fuzz_bytes_never_crash(data):
    try:
        parse_article(data)
    except XinhuaExtractError:
        pass


@pytest.mark.parametrize("published", ["yesterday", 20210826, object()])
def test_unusable_published_is_a_clear_error(published):
    from xinhua_extract.errors import ArgumentError

    with pytest.raises(ArgumentError, match="date"):
        parse_article(ARTICLE, published=published)


def test_published_accepts_date_datetime_and_iso_string():
    from datetime import date, datetime

    for value in (date(2021, 4, 10), datetime(2021, 4, 10, 9, 0), "2021-04-10", "2021-04-10T09:00:00+08:00"):
        article = parse_article(ARTICLE, published=value)
        assert article.published.utcoffset().total_seconds() == 8 * 3600
        assert article.dateline.date == "2021-04-10"
