"""Multi-page articles: a continuation page parses as the body it is; the batch path
joins all pages of one article in page order; readers pass the page URL along."""

from __future__ import annotations

import json

from xinhua_extract import parse_article
from xinhua_extract.batch import parse_articles
from xinhua_extract.io.readers import SourceDoc, iter_sources
from xinhua_extract.pages import join_pages, join_texts

BASE = "http://kr.xinhuanet.com/2016-09/14/c_135687000"

PAGE_1 = """新華網韓國語 >> 기사 본문

광시 난닝, 중국-아세안 박람회 협약 1천억 위안

출처 :  신화망 | 2016-09-14 17:30:21 | 편집 :  리린

[신화망 난닝 9월 14일] 제13회 중국-아세안 박람회에서 체결된 투자 협약이 1천억 위안을 넘었다.

광시(廣西)좡족자치구 정부는 협약 프로젝트 가운데 제조업이 40%를 차지했다고 밝혔다.

1 2

추천 기사:

윈난 쿤밍, 남아시아 박람회 개막
"""

PAGE_2 = """新華網韓國語 >> 기사 본문

광시 난닝, 중국-아세안 박람회 협약 1천억 위안

출처 :  신화망 | 2016-09-14 17:30:21 | 편집 :  리린

박람회 조직위원회는 아세안 10개국에서 온 기업 2천여 곳이 참가했다고 밝혔다.

1 2

원문 출처: 신화사

추천 기사:

윈난 쿤밍, 남아시아 박람회 개막
"""


def test_joined_text_keeps_page_one_head_and_last_page_footer():
    text = join_texts([PAGE_1, PAGE_2])
    assert text.startswith("新華網韓國語 >> 기사 본문")
    assert text.count("출처 :") == 1 and text.count("1 2") == 1 and text.count("광시 난닝, 중국") == 1
    assert text.index("제조업이 40%") < text.index("기업 2천여 곳") < text.index("원문 출처")
    article = parse_article(text)
    body = " ".join(text[p.start : p.end] for p in article.paragraphs if p.kind == "body")
    assert "2천여 곳" in body and "40%" in body and "쿤밍" not in body


def test_join_pages_joins_consecutive_pages_in_page_order_and_passes_the_rest():
    other = SourceDoc("다른 기사 본문이다.", id="other", url="http://kr.xinhuanet.com/2016-09/15/c_135690000.htm")
    loose = SourceDoc("주소 없는 기사다.", id="loose")
    docs = [other, SourceDoc(PAGE_2, id="p2", url=f"{BASE}_2.htm"), SourceDoc(PAGE_1, id="p1", url=f"{BASE}.htm"), loose]
    out = list(join_pages(docs))
    assert [d.id for d in out] == ["other", "p1", "loose"]
    joined = out[1]
    assert joined.url == f"{BASE}.htm" and joined.format == "text"
    assert joined.text.index("제조업이 40%") < joined.text.index("기업 2천여 곳")


def test_batch_joins_pages_into_one_article():
    docs = [SourceDoc(PAGE_1, id="p1", url=f"{BASE}.htm"), SourceDoc(PAGE_2, id="p2", url=f"{BASE}_2.htm")]
    apart = list(parse_articles(docs, workers=1))
    assert [a.page for a in apart] == [1, 2]
    assert "W061" in {w.code for w in apart[1].warnings} and "W061" not in {w.code for w in apart[0].warnings}
    [whole] = list(parse_articles(docs, workers=1, join_pages=True))
    assert whole.id == "p1" and whole.page == 1 and whole.url == f"{BASE}.htm"
    assert {f.text for f in whole.facts} >= {"40%", "2천여 곳"}


def test_jsonl_url_field_reaches_the_article(tmp_path):
    p = tmp_path / "pages.jsonl"
    row = {"id": "b1", "text": "[신화망 베이징 5월 14일] 중국의 4월 소매판매가 7.2% 늘었다.\n\n원문 출처:신화사\n",
           "url": "http://kr.xinhuanet.com/2019-05/14/c_138056500.htm"}
    p.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    [doc] = list(iter_sources(p))
    assert doc.url == row["url"]
    [article] = list(parse_articles([p], workers=1))
    assert article.url == row["url"] and article.published_from == "url"
    assert article.published.date().isoformat() == "2019-05-14" and article.dateline.date == "2019-05-14"


def test_listing_page_becomes_an_error_record():
    listing = "新華網韓國語 >> 중국의 조선족\n\n옌볜 룽징, 사과배 축제 개막\n\n민속촌에 관광객이 늘고 있다.\n"
    [item] = list(parse_articles([SourceDoc(listing, id="idx")], workers=1))
    assert item.type == "error" and item.code == "E010" and "not an article" in item.message


def test_cli_join_pages(tmp_path):
    from xinhua_extract.cli import main

    p = tmp_path / "pages.jsonl"
    rows = [{"id": "p1", "text": PAGE_1, "url": f"{BASE}.htm"}, {"id": "p2", "text": PAGE_2, "url": f"{BASE}_2.htm"}]
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(p), "-o", str(out), "--workers", "1", "--join-pages", "-q"]) == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "p1" and record["page"] == 1 and record["url"] == f"{BASE}.htm"


def test_warc_target_uri_is_the_article_url(tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    uri = "http://kr.xinhuanet.com/2019-05/14/c_138056500.htm"
    page = "<html><body><div id='content'><p>[신화망 베이징 5월 14일] 중국의 4월 소매판매가 7.2% 늘었다.</p></div></body></html>"
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(page.encode("utf-8")),
                                                      http_headers=headers))
    [article] = list(parse_articles([path], workers=1))
    assert article.url == uri and article.page == 1
    assert article.published_from == "url" and article.dateline.date == "2019-05-14"
