"""Readers: txt/dir/glob, html, jsonl, warc, stdin; errors in the stream, never raised."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from xinhua_extract.io.readers import (
    SITE_BANNER,
    ArticleError,
    SourceDoc,
    html_to_text,
    iter_sources,
    read_stdin,
    read_warc,
)

from batch_helpers import ARTICLES, HTML


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


# --------------------------------------------------------------------------- txt, dirs, globs
def test_directory_is_sorted_and_ids_are_stems(corpus_dir):
    (corpus_dir / "sub").mkdir()
    (corpus_dir / "sub" / "zz_nested.txt").write_text("중국 기사", encoding="utf-8")
    (corpus_dir / "README.md").write_text("not an article", encoding="utf-8")
    (corpus_dir / ".hidden.txt").write_text("숨김", encoding="utf-8")
    items = list(iter_sources(corpus_dir))
    assert all(isinstance(i, SourceDoc) for i in items)
    ids = [i.id for i in items]
    expected = sorted(p.stem for p in corpus_dir.glob("*.txt") if not p.name.startswith("."))
    assert ids == expected + ["zz_nested"]
    assert items[0].text == (corpus_dir / f"{ids[0]}.txt").read_bytes()  # raw bytes, decoded by the library
    assert items[0].format == "text" and items[0].source.endswith(f"{ids[0]}.txt")


def test_glob_and_explicit_paths_keep_the_given_order(corpus_dir):
    names = sorted(p.name for p in corpus_dir.glob("*.txt"))
    items = list(iter_sources([str(corpus_dir / names[1]), str(corpus_dir / "*.txt"), corpus_dir / names[0]]))
    assert [i.id for i in items] == [Path(names[1]).stem] + [Path(n).stem for n in names] + [Path(names[0]).stem]


def test_missing_path_and_empty_glob_are_error_records(tmp_path):
    items = list(iter_sources([str(tmp_path / "nope.txt"), str(tmp_path / "*.none"), "첫 줄\n둘째 줄"]))
    assert [type(i) for i in items] == [ArticleError] * 3
    assert all(i.code == "E008" for i in items)
    assert "no such file" in items[0].message
    assert "no file matches" in items[1].message
    assert "SourceDoc" in items[2].message  # text passed where a path was expected: a hint


def test_sourcedocs_pass_through_and_other_types_are_refused():
    doc = SourceDoc("본문", id="x")
    assert list(iter_sources(doc)) == [doc]
    with pytest.raises(TypeError, match="SourceDoc"):
        list(iter_sources([42]))
    with pytest.raises(ValueError):
        SourceDoc("x", format="pdf")


# --------------------------------------------------------------------------- HTML
def test_html_page_gives_the_plain_page_shape():
    html = (HTML / "001_jiangsu_q1_economy.html").read_bytes()
    text = html_to_text(html)
    page = (ARTICLES / "001_jiangsu_q1_economy.txt").read_text(encoding="utf-8")
    got, want = _lines(text), _lines(page)
    assert got[0] == SITE_BANNER
    assert got[1] == want[2]  # title with kicker
    assert got[2] == "출처: 신화망 | 2023-04-26 10:21:03 | 편집: 王磊"
    # every content and footer line of the saved page, in order (navigation and the page
    # code are not in the markup); nothing of the menus, scripts or related articles
    body_want = [ln for ln in want[4:] if not ln.isdigit()]
    body_got = [ln for ln in got[3:] if not ln.startswith("Copyright")]
    assert body_got == body_want
    assert "광고" not in text and "관련 기사" not in text and "pageCode" not in text
    assert "\n\n" in text  # blank line between blocks, as in a page saved as text


def test_html_variants_header_order_br_and_headings():
    html = """<html><head><title>제목 - 新華網韓國語</title></head><body>
    <div class="h-title">(경제) 제목 한 줄</div>
    <div class="h-info"><span class="h-time">2021-08-26 09:51:45</span> <span>출처: 신화망</span></div>
    <div id="p-detail"><p>[신화망 베이징 8월26일] 첫 문단이다.<br/>둘째 줄이다.</p>
    <h3>소제목</h3><p>셋째&nbsp;문단   공백.</p><script>var x = '스크립트';</script></div></body></html>"""
    lines = _lines(html_to_text(html))
    assert lines == [SITE_BANNER, "(경제) 제목 한 줄", "출처: 신화망 | 2021-08-26 09:51:45",
                     "[신화망 베이징 8월26일] 첫 문단이다.", "둘째 줄이다.", "◇소제목", "셋째 문단 공백."]


def test_html_without_article_markup_gives_visible_text():
    lines = _lines(html_to_text("<html><body><div>첫째</div><div>둘째 <b>굵게</b></div></body></html>"))
    assert lines == ["첫째", "둘째 굵게"]


def test_html_cp949_bytes():
    html = "<html><body><h1>제목</h1><div class='info'>출처: 신화망 | 2021-08-26 09:51:45 | 편집: 王</div>" \
           "<div class='content'><p>본문입니다.</p></div></body></html>"
    text = html_to_text(html.replace("王", "왕").encode("cp949"))
    assert "본문입니다." in text and "편집: 왕" in text


def test_html_file_is_an_html_sourcedoc():
    [doc] = list(iter_sources(HTML / "001_jiangsu_q1_economy.html"))
    assert doc.format == "html" and doc.id == "001_jiangsu_q1_economy"


# --------------------------------------------------------------------------- JSONL
def test_jsonl_fields_ids_and_bad_lines(tmp_path):
    p = tmp_path / "batch.jsonl"
    rows = [
        json.dumps({"doc": "첫 기사", "key": "k1", "date": "2023-01-02"}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps({"doc": "<html><body><p>둘째</p></body></html>"}, ensure_ascii=False),
        json.dumps({"other": 1}),
        json.dumps([1, 2]),
    ]
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = list(iter_sources(p, text_field="doc", id_field="key", published_field="date"))
    assert [type(i).__name__ for i in items] == ["SourceDoc", "ArticleError", "SourceDoc", "ArticleError", "ArticleError"]
    assert items[0].id == "k1" and items[0].published == "2023-01-02" and items[0].format == "text"
    assert items[0].source == f"{p}:1"
    assert items[1].id == "batch:3" and "not valid JSON" in items[1].message
    assert items[2].id == "batch:4" and items[2].format == "html"
    assert "'doc' is missing" in items[3].message and "--text-field" in items[3].message
    assert "not an object" in items[4].message


def test_jsonl_gz(tmp_path):
    p = tmp_path / "b.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": "본문"}, ensure_ascii=False) + "\n")
    [doc] = list(iter_sources(p))
    assert doc.id == "g1" and doc.text == "본문"


# --------------------------------------------------------------------------- WARC
def write_warc(path: Path, pages: list[tuple[str, bytes, str, str]], *, gz: bool = True) -> None:
    """pages: (uri, payload, content type, http status line)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for uri, payload, ctype, status in pages:
            req = writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                            warc_content_type="application/http; msgtype=request")
            writer.write_record(req)
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))


@pytest.mark.parametrize("gz", [True, False])
def test_warc_response_records(tmp_path, gz):
    page = (HTML / "001_jiangsu_q1_economy.html").read_bytes()
    p = tmp_path / ("a.warc.gz" if gz else "a.warc")
    write_warc(p, [
        ("http://kr.news.cn/a.htm", page, "text/html; charset=utf-8", "200 OK"),
        ("http://kr.news.cn/logo.png", b"\x89PNG", "image/png", "200 OK"),
        ("http://kr.news.cn/gone.htm", b"<html>404</html>", "text/html", "404 Not Found"),
        ("http://kr.news.cn/b.htm", page.replace(b"3\xec\xa1\xb0", b"4\xec\xa1\xb0"), "text/html", "200 OK"),
    ], gz=gz)
    items = list(iter_sources(p))
    assert [i.id for i in items] == ["http://kr.news.cn/a.htm", "http://kr.news.cn/b.htm"]
    assert all(i.format == "html" and i.text.startswith(b"<!DOCTYPE") for i in items)
    assert items[0].source.startswith(f"{p}#")
    assert html_to_text(items[0].text) == html_to_text(page)


def test_damaged_warc_keeps_the_records_before_the_damage(tmp_path):
    page = (HTML / "001_jiangsu_q1_economy.html").read_bytes()
    p = tmp_path / "a.warc.gz"
    write_warc(p, [("http://x/1", page, "text/html", "200 OK"), ("http://x/2", page, "text/html", "200 OK")])
    data = p.read_bytes()
    p.write_bytes(data[: len(data) - 300])  # cut into the last record
    items = list(iter_sources(p))
    assert isinstance(items[0], SourceDoc) and items[0].id == "http://x/1"
    assert isinstance(items[-1], ArticleError) and items[-1].code == "E008" and "damaged" in items[-1].message
    assert len([i for i in items if isinstance(i, ArticleError)]) == 1


# --------------------------------------------------------------------------- stdin
def test_stdin_sniffing(tmp_path):
    text = (ARTICLES / "001_jiangsu_q1_economy.txt").read_bytes()
    [doc] = list(read_stdin(io.BufferedReader(io.BytesIO(text))))
    assert doc.id == "stdin" and doc.format == "text" and doc.text == text

    html = (HTML / "001_jiangsu_q1_economy.html").read_bytes()
    [doc] = list(read_stdin(io.BytesIO(html)))
    assert doc.format == "html"

    lines = b'{"id": "s1", "text": "\xeb\xb3\xb8\xeb\xac\xb8"}\n{"id": "s2", "text": "x"}\n'
    assert [d.id for d in read_stdin(io.BytesIO(lines))] == ["s1", "s2"]

    p = tmp_path / "s.warc.gz"
    write_warc(p, [("http://x/1", html, "text/html", "200 OK")])
    assert [d.id for d in read_stdin(io.BytesIO(p.read_bytes()))] == ["http://x/1"]
    assert [d.id for d in read_warc(io.BytesIO(p.read_bytes()), name="mem")] == ["http://x/1"]


def test_dash_reads_the_given_stdin():
    items = list(iter_sources(["-"], stdin=io.BytesIO(b'{"id": "z", "text": "t"}\n')))
    assert [i.id for i in items] == ["z"]


def test_article_error_record():
    e = ArticleError(id="x", source="f.txt", code="E003", message="bad bytes")
    assert e.to_dict() == {"type": "error", "id": "x", "source": "f.txt", "code": "E003", "message": "bad bytes"}
    assert ArticleError.from_dict(json.loads(e.to_json())) == e
    with pytest.raises(Exception):
        e.code = "E000"  # frozen
