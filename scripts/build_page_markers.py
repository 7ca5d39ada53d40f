"""Generate ``src/xinhua_extract/data/page_markers.tsv``: the line patterns of Xinhua
Korean-service pages, by the kind of block they mark.

The list below is curated by hand from the page shapes of the Xinhua Korean archive
(full pages, older ``>> 기사 본문`` pages, republications and bare bodies). Patterns
are ``regex``-module syntax, matched against one line at a time.

Run ``python scripts/build_page_markers.py`` after editing; a test checks that the
committed file equals what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "xinhua_extract" / "data" / "page_markers.tsv"

# (kind, pattern, note)
MARKERS: list[tuple[str, str, str]] = [
    ("header", r"^\s*新[華华][網网]\s*[韓韩][國国][語语]", "site banner, first line of a saved page"),
    ("header", r"^\s*신화망\s*한국어(?:판)?\s*$", "hangul site banner"),
    ("header_path", r">>", "older pages: breadcrumb after the banner (新華網韓國語 >> 기사 본문)"),
    ("meta", r"^\s*출처\s*[:：]", "출처: 신화망 | 2021-08-26 09:51:45 | 편집: 朱雪松"),
    ("footer", r"^\s*원문\s*출처", "원문 출처:신화통신 한국어 뉴스 서비스"),
    ("footer", r"^\s*기사\s*오류를", "correction notice"),
    ("footer", r"^\s*전화\s*[:：]", "phone line"),
    ("footer", r"^\s*이메일\s*[:：]", "e-mail line"),
    ("footer", r"^\s*\d{20,}\s*$", "the long page code line"),
    ("footer", r"^\s*(?:Copyright|저작권자|ⓒ|©)", "copyright notice"),
    ("boilerplate", r"^\s*추천\s*기사", "older pages: recommended articles"),
    ("boilerplate", r"^\s*핫\s*갤러리", "older pages: photo gallery teaser"),
    ("boilerplate", r"^\s*(?:관련\s*기사|많이\s*본\s*기사|최신\s*기사)\s*[:：]?\s*$", "related-article lists"),
    ("byline", r"^\s*[\[(]\s*(?:글|사진|번역|기자|영상|편역)\s*[/:：]", "[글/ 신화사 기자 왕시(王希), 번역/ 서위]"),
    ("heading", r"^\s*[◇◆■□]\s*(?P<text>\S.{0,80}?)\s*$", "◇ subheading"),
    ("caption", r"\(\s*사진\s*/\s*(?:신화(?:통신|망|사)|[^()]{1,20})\s*\)\s*$", "photo caption ending (사진/신화통신)"),
    (
        "dateline",
        r"^\s*\[\s*(?P<agency>신화망|신화사|신화통신)\s+(?P<place>[^\]\d]*?)\s*(?P<month>\d{1,2})\s*월\s*(?P<day>\d{1,2})\s*일\s*\]",
        "[신화망 베이징 8월26일] / [신화사 베이징 4월 15일]",
    ),
    (
        "dateline",
        r"^\s*\(\s*(?P<place>[^()=\n]{1,30}?)\s*=\s*(?P<agency>신화통신|신화사|신화망)\s*\)",
        "(베이징=신화통신) / (중국 우시=신화통신)",
    ),
]


def render() -> str:
    lines = ["kind\tpattern\tnote"]
    for kind, pattern, note in MARKERS:
        if "\t" in pattern or "\n" in pattern:
            raise ValueError(f"pattern for {kind} holds a tab or newline")
        lines.append(f"{kind}\t{pattern}\t{note}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT} ({len(MARKERS)} markers)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
