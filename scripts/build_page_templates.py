"""Generate ``src/xinhua_extract/data/page_templates.json``: the page templates of the
Xinhua Korean service, one named template per era and shape.

Curation note: the templates were read off real pages of kr.xinhuanet.com (2015–2022),
kr.news.cn (2023–2025), their traditional-script mirrors (big5.news.cn/gate/big5/…)
and partner sites, as plain-text extractions of the kind a web archive holds. Only the
*structure* is recorded here (which kinds of line a template has, in which order);
the line kinds themselves are the patterns of ``data/page_markers.tsv``. Facts and
sentences of those pages are not copied anywhere.

Detection is by evidence, not by line position: a template matches when the head of
the page (the lines before the first hard footer marker, at most ``HEAD_LINES``
non-blank lines, a partner's chrome and chrome_head lines not counted) holds ``all`` of its line kinds, at least one of ``any`` (when given)
and none of ``none``; the first template in this order that matches names the page
(``Article.shape``). A new template is a new entry here plus fixtures in
``tests/fixtures/pages/``.

Pseudo-kinds computed by the layout besides the marker kinds: ``zh_headline`` (the
first line is a short Chinese headline), ``bracket_dateline`` (``[신화망 …]``) and
``paren_dateline`` (``(베이징=신화통신)``), ``xinhua_url`` (the page's address is
Xinhua's) and ``partner_time`` (a partner's
byline-and-time line, ``입력 2023.07.05 10:30`` / ``신화망 한국어판2024-07-21 12:26``).

Run ``python scripts/build_page_templates.py`` after editing; a test checks that the
committed file equals what this script writes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "xinhua_extract" / "data" / "page_templates.json"

HEAD_LINES = 30

#: The zone of the times printed by partner sites outside Beijing's (a host matches an
#: entry equal to it, ending in ``.entry``, or, for an entry starting with a dot, ending
#: in it). Xinhua's own pages and the partners of China print Beijing time, the
#: default; the layout reads a partner's byline-and-time line in its zone and reports
#: it in Beijing time, like any publication time.
PARTNER_TIME_ZONES: list[dict] = [
    {
        "utc_offset": "+09:00",
        "hosts": [".kr", "economidaily.com"],
        "note": "papers of Korea print Korean time (2025-12-29 14:47:06 = 13:47:06 in Beijing)",
    },
]

TEMPLATES: list[dict] = [
    {
        "name": "listing",
        "era": "2015–2022",
        "url": "kr.xinhuanet.com/<section>/index.htm",
        "evidence": {"all": ["section"], "none": ["meta", "meta_time"]},
        "meta": "none",
        "article": False,
        "lines": ["section breadcrumb", "teaser headlines and summaries"],
        "first": "新華網韓國語 >> 중국의 조선족",
        "last": "(a teaser headline)",
        "note": "a section index, not an article (its teasers may quote datelines): parse_article raises NotAnArticleError (E010)",
    },
    {
        "name": "newscn-2023",
        "era": "2023–2025",
        "url": "kr.news.cn/YYYYMMDD/<32 hex>/c.html",
        "evidence": {"any": ["xinhua_title", "untitled", "meta_time"]},
        "meta": "separate",
        "article": True,
        "lines": ["TITLE-Xinhua", "无标题文档 (optional)", "title again", "출처:신화망 한국어판", "bare timestamp",
                  "편집: <editor>", "caption (optional)", "dateline paragraph", "paragraphs",
                  "원문 출처:신화통신 한국어 뉴스 서비스", "contact block"],
        "first": "中 하얼빈 빙설대세계 개장…첫날 4만 명 방문-Xinhua",
        "last": "이메일:xinhuakorea@126.com",
        "note": "the -Xinhua line and the repeated headline are one title; source, time and editor stand on separate lines",
    },
    {
        "name": "toolbar-2015",
        "era": "2015–2019",
        "url": "kr.xinhuanet.com/YYYY-MM/DD/c_<id>.htm",
        "evidence": {"all": ["toolbar"]},
        "meta": "one_line",
        "article": True,
        "lines": ["新華網韓國語 (optional)", "新華網韓國語 >> 기사 본문", "title", "• 크기", "• 인쇄",
                  "출처 :  신화망 | YYYY-MM-DD HH:MM:SS  | 편집 :  <editor>", "(자료 사진) (optional)",
                  "dateline paragraph", "paragraphs", "원문 출처:신화사 / inline credit", "추천 기사: + headlines",
                  "contact block (2019)", "digit line"],
        "first": "新華網韓國語 >> 기사 본문",
        "last": "010020071350000000000000011100001360000000",
        "note": "the toolbar lines • 크기 / • 인쇄 are never the title (page 2 of a multi-page article has no toolbar: see compact-2016 / breadcrumb)",
    },
    {
        "name": "compact-2016",
        "era": "2016–2020",
        "url": "kr.xinhuanet.com/YYYY-MM/DD/c_<id>.htm",
        "evidence": {"all": ["breadcrumb", "meta"]},
        "meta": "one_line",
        "article": True,
        "lines": ["新華網韓國語 >> 기사 본문", "title (kicker (뉴스 번역) on bilingual pieces)", "출처: X | ts | 편집: Y",
                  "captions / Chinese wire photo titles", "dateline paragraph", "paragraphs", "원문 출처: 신화사",
                  "관련 뉴스 + a related article (optional)", "추천 …, page-number row, 핫 갤러리, 최신 기사", "digit line"],
        "first": "新華網韓國語 >> 기사 본문",
        "last": "010020071350000000000000011100001360000000",
        "note": "photo-led, multi-page and bilingual pieces; everything from 원문 출처 on is furniture",
    },
    {
        "name": "portal-2021",
        "era": "2021–2022",
        "url": "kr.xinhuanet.com/YYYY-MM/DD/c_<id>.htm",
        "evidence": {"all": ["meta"], "none": ["breadcrumb"]},
        "meta": "one_line",
        "article": True,
        "lines": ["新華網韓國語", "navigation (시진핑 타이임)", "title", "출처: 신화망 | ts | 편집: 陈畅",
                  "caption ending (사진/신화통신)", "dateline paragraph", "paragraphs",
                  "원문 출처:신화통신 한국어 뉴스 서비스", "contact block", "digit line"],
        "first": "新華網韓國語",
        "last": "010020071350000000000000011100001320147712",
        "note": "the line right above the 출처 line is the title; lines between banner and title are navigation",
    },
    {
        "name": "bilingual",
        "era": "2016–2020",
        "url": "kr.xinhuanet.com/YYYY-MM/DD/c_<id>.htm",
        "evidence": {"any": ["zh_headline", "more_translations"]},
        "meta": "none",
        "article": True,
        "lines": ["Chinese headline", "Korean headline", "Chinese and Korean paragraphs alternating",
                  "뉴스 번역 더보기:"],
        "first": "(a Chinese headline)",
        "last": "뉴스 번역 더보기:",
        "note": "the Korean headline is Article.title, the Chinese one Article.title_zh",
    },
    {
        "name": "breadcrumb",
        "era": "2015–2020",
        "url": "kr.xinhuanet.com/YYYY-MM/DD/c_<id>[_N].htm",
        "evidence": {"all": ["breadcrumb"]},
        "meta": "none",
        "article": True,
        "lines": ["新華網韓國語 >> 기사 본문", "title (optional: galleries and continuation pages have none)",
                  "captions ending [촬영/ 신화사 기자 …]", "dateline paragraph", "paragraphs",
                  "inline credit [글/ …]", "추천 기사: + headlines", "핫 갤러리"],
        "first": "新華網韓國語 >> 기사 본문",
        "last": "핫 갤러리",
        "note": "pages whose header the extraction lost, galleries, continuation pages; no headline -> title null + W060",
    },
    {
        "name": "republication",
        "era": "2015–2025",
        "url": "(a partner site)",
        "evidence": {"any": ["paren_dateline", "partner_time"], "none": ["xinhua_url"]},
        "meta": "none",
        "article": True,
        "lines": ["partner menus (optional)", "title", "byline-and-time line (optional)", "(베이징=신화통신) paragraph",
                  "paragraphs", "partner chrome (0개의 댓글, copyright)"],
        "first": "(a partner's menu or the title)",
        "last": "0개의 댓글",
        "note": "partner chrome is furniture; the byline-and-time line gives published; a page at a Xinhua address is never a republication (kr.xinhuanet.com 2021 used (중국 창춘=신화통신) leads too)",
    },
    {
        "name": "body",
        "era": "2015–2025",
        "url": "any",
        "evidence": {},
        "meta": "none",
        "article": True,
        "lines": ["dateline, caption or (자료 사진) first", "paragraphs",
                  "원문 출처:신화사 / 원문 출처:신화통신 한국어 뉴스 서비스 / (번역/왕범)"],
        "first": "[신화망 베이징 5월 14일] …",
        "last": "원문 출처:신화사",
        "note": "body only; the publication date may come from the URL (parse_article(url=…))",
    },
]


def render() -> str:
    names = [t["name"] for t in TEMPLATES]
    if len(set(names)) != len(names):
        raise ValueError("template names must be unique")
    return json.dumps({"head_lines": HEAD_LINES, "partner_time_zones": PARTNER_TIME_ZONES, "templates": TEMPLATES},
                      ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    from _generated import write_or_check

    return write_or_check({OUT: render}, argv, "build_page_templates.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
