"""Page templates -> metadata and content regions.

The Xinhua Korean service has used several page templates since 2014 (one per era and
shape: ``toolbar-2015``, ``compact-2016``, ``portal-2021``, ``newscn-2023``, galleries and
continuation pages under a ``breadcrumb``, ``body``-only extractions, ``bilingual``
teasers, partner ``republication`` pages; ``docs/templates.md``). They are data:

* ``data/page_markers.tsv`` says what kind each line is (banner, breadcrumb, toolbar,
  meta, caption, dateline, footer, related article, recommendations, …);
* ``data/page_templates.json`` names the templates and the evidence (line kinds in the
  head of the page) that identifies each; the first match is ``Article.shape``.

The title, meta, captions and furniture are then found by what the lines are, never by
their position alone: the title is never a toolbar, meta, caption or furniture line, and
a page without a headline has ``title`` ``None`` and a warning. Every non-blank line is
assigned to one :class:`Block`, so nothing is dropped silently; only title, caption,
heading and body blocks are content.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, datetime, timedelta, timezone
from importlib import resources
from typing import Any, Callable, Optional
from urllib.parse import urlsplit

import regex

from .errors import ArgumentError, NotAnArticleError
from .records import ArticleWarning, Block, Byline, Dateline, Heading, Paragraph
from .urls import is_xinhua_url, parse_article_url

#: Xinhua publishes in Beijing time; China has kept UTC+8 without DST since 1991.
CHINA_TZ = timezone(timedelta(hours=8))


#: marker kinds matched on the chosen headline only, never used to classify a line
_HEADLINE_ONLY_KINDS = frozenset({"kicker_label", "agency_label"})


def _load_markers() -> tuple[list[tuple[str, regex.Pattern]], dict[str, regex.Pattern]]:
    ordered: list[tuple[str, regex.Pattern]] = []
    grouped: dict[str, list[str]] = {}
    with resources.files("xinhua_extract.data").joinpath("page_markers.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["kind"] not in _HEADLINE_ONLY_KINDS:
                ordered.append((row["kind"], regex.compile(row["pattern"])))
            grouped.setdefault(row["kind"], []).append(row["pattern"])
    merged = {kind: regex.compile("|".join(f"(?:{p})" for p in patterns)) for kind, patterns in grouped.items()}
    return ordered, merged


def _load_templates() -> tuple[int, list[dict], list[tuple[str, timezone]]]:
    data = json.loads(resources.files("xinhua_extract.data").joinpath("page_templates.json").read_text(encoding="utf-8"))
    zones: list[tuple[str, timezone]] = []
    for entry in data.get("partner_time_zones", []):
        sign, hh, mm = entry["utc_offset"][0], int(entry["utc_offset"][1:3]), int(entry["utc_offset"][4:6])
        offset = timedelta(hours=hh, minutes=mm) * (-1 if sign == "-" else 1)
        zones.extend((host.lower(), timezone(offset)) for host in entry["hosts"])
    return int(data["head_lines"]), data["templates"], zones


_ORDERED, MARKERS = _load_markers()


def _marker_tests(ordered: list[tuple[str, regex.Pattern]]) -> list[tuple[str, Callable[..., Any]]]:
    """How :func:`classify_line` tries the markers, in the order of the file: consecutive
    patterns of one kind anchored at ``^`` as one alternation tried with ``match`` (whichever
    matches, the kind is the same; the ``regex`` module's ``search`` would retry an anchored
    pattern at every position of the line), the others one by one with ``search``."""
    runs: list[tuple[str, list[str]]] = []
    for kind, p in ordered:
        if runs and runs[-1][0] == kind and p.pattern.startswith("^") and runs[-1][1][-1].startswith("^"):
            runs[-1][1].append(p.pattern)
        else:
            runs.append((kind, [p.pattern]))
    tests: list[tuple[str, Callable[..., Any]]] = []
    for kind, patterns in runs:
        if patterns[0].startswith("^"):
            tests.append((kind, regex.compile("^(?:" + "|".join(f"(?:{p[1:]})" for p in patterns) + ")").match))
        else:
            tests.append((kind, regex.compile(patterns[0]).search))
    return tests


_TESTS = _marker_tests(_ORDERED)
_DATELINES = [p for kind, p in _ORDERED if kind == "dateline"]
HEAD_LINES, TEMPLATES, _PARTNER_ZONES = _load_templates()
TEMPLATE_NAMES = tuple(t["name"] for t in TEMPLATES)

#: ``2021-08-26 09:51:45`` (also with . or / and without the time); the HTML reader
#: uses it too.
TIMESTAMP = regex.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
#: the source and editor of a meta line, whatever the order and spacing (the HTML reader
#: rebuilds its header line with them too)
META_SOURCE = regex.compile(r"(?:출처|来源|來源|发布人|發佈人|發布人)\s*[:：]\s*([^|\d\s][^|]*?)\s*(?=\||\d{4}[-./]|편집|编辑|編輯|$)")
META_EDITOR = regex.compile(r"(?:편집(?:자)?|(?:责任)?编辑|(?:責任)?編輯)\s*[:：]\s*([^|]+?)\s*(?:\||$)")
#: a partner's ``입력 2023.06.01 10:00`` / ``기사입력 : 2024년12월10일 09:36`` / a board's ``작성일 23-10-12 17:22``
#: (a two-digit year only before a time)
_PARTNER_TIME = regex.compile(r"(\d{4}|(?<!\d)\d{2}(?=[-./]\d{1,2}[-./]\d{1,2}\s+\d{1,2}:\d{2}))\s*[-.년]\s*(\d{1,2})\s*[-.월]\s*(\d{1,2})(?:\s*일)?\.?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_KICKER_LINE = regex.compile(r"^\s*[(\[【]\s*(?P<kicker>[^()\[\]【】]{1,20}?)\s*[)\]】]\s*$")
_KICKER = regex.compile(r"^\s*[(\[【]\s*(?P<kicker>[^()\[\]【】]{1,20}?)\s*[)\]】]\s*(?P<title>\S.*?)\s*$")
_REPORTER = r"[^()]{1,15}(?:\([^()]{1,12}\))?"  # 청다위(程大雨)
#: ``(왕레이(王磊) 기자)`` / ``(청다위(程大雨), 우창(吴强) 기자)`` right after the dateline
_BYLINE_AFTER_DATELINE = regex.compile(rf"\s*\(\s*(?P<byline>(?:{_REPORTER}\s*[,，·、]\s*)*{_REPORTER}\s*기자)\s*\)")
#: ``(서울=신화통신) 두바이위 루루이 기자 = …``: a partner-style byline before ``=``
_BYLINE_EQUALS = regex.compile(r"\s*(?P<byline>[^=()\[\]]{1,30}?\s기자)\s*=\s*")
_PLACE_HANJA = regex.compile(r"\s*[(（][\p{Han}·\s]{1,12}[)）]\s*$")
_LONGEST_BANNER = 40  # 新華網韓國語 >> 기사 본문 and the like
_LONGEST_TITLE = 120
_LONGEST_CAPTION = 300  # a photo's caption line
_LONGEST_HEADLINE = 60  # a recommended-article title under 추천 기사
_NEWLINE = regex.compile(r"\r\n|\r|\n")
_FULL_STOP = regex.compile(r"[.!?。]\s*$")
_TITLE_STOP = regex.compile(r"[.。]\s*$")
#: a gallery's first line: one sentence opening with the photo's date and a comma
_GALLERY_PHOTO_LINE = regex.compile(r"^(?=.{0,200}$)\s*\d{1,2}\s*월\s*\d{1,2}\s*일\s*[,，](?!.*[다요][.!?]\s+\S)[^\n]*다\.\s*$")
#: a gallery's first line without a date: one short sentence of the photo formula
#: (탄환열차 한대가 … 구간을 달리고 있다.), over the text
_GALLERY_SCENE_LINE = regex.compile(r"^(?=.{0,100}$)(?!\s*[\[(（])(?!.*[다요][.!?]\s+\S)[^\n]*(?:고\s*있다|모습이다|장면이다)\.\s*$")
_PHOTO_DATE = regex.compile(r"^\s*\d{1,2}\s*월\s*\d{1,2}\s*일[,，]?\s")  # 1월 4일 …: a photo's date
_WS = regex.compile(r"\s+")
#: the Xinhua service named on a partner's byline-and-time line, before the time
#: (신화망 한국어판2024-07-21 12:26 / 박명화 新华社 2024-12-31 14:11:58) or after it
_PARTNER_SOURCE = regex.compile(r"(?P<source>(?:신화|新华|新華)[^|\d]*?)\s*(?:\||(?:19|20)\d{2}[-./년])"
                             r"|\d{1,2}:\d{2}(?::\d{2})?\s+(?P<source>\S*(?:신화|新华|新華)\S*)\s+(?:편집|(?:责任)?编辑|(?:責任)?編輯)")
_TIME_LABEL = regex.compile(r"(?:입력|승인|수정|등록|작성일|송고(?:\s*시간)?)\s*[:：]?")  # a partner's byline-and-time line
_MENU = regex.compile(r"\s[|>·]\s.*\s[|>·]\s")  # 홈 | 정치 | 경제: a partner's menu line
_ENUMERATED = regex.compile(r"^\s*\d{1,2}\.\s")  # "1. …": an item of a gallery, not a headline
_INNER_SENTENCE_END = regex.compile(r"[다요][.!?]")  # …했다. : a line holding a sentence is a paragraph
_SENTENCE_INSIDE = regex.compile(r"[다요][.!?]\s+\S")  # …부른다. 지난 20일 …: a sentence ends inside the line
#: How a whole paragraph ends: a full stop, a quote, a parenthesis, or a credit's bracket
#: (``… 표시했다. [촬영/신화사 기자 루루이(陆睿), 번역/왕범]``).
_SENTENCE_END = regex.compile(r"[.!?。」』”\"'’)\]】]\s*$")

#: line kinds of the page head (banner to meta)
_HEADER_KINDS = {"header", "breadcrumb", "section", "untitled", "xinhua_title", "toolbar", "meta", "meta_time", "meta_editor"}
_META_KINDS = {"meta", "meta_time", "meta_editor"}
#: a line of these kinds ends the content: it and everything after it is furniture
_HARD_TAIL = {"footer_hard", "related", "recommend", "pagerow"}
#: these are furniture only as part of the page's trailing run
_SOFT_TAIL = {"footer", "chrome"}
#: block kind of a tail line by the marker that opened its run
_TAIL_BLOCK = {"footer_hard": "footer", "footer": "footer", "related": "related", "recommend": "boilerplate",
               "pagerow": "boilerplate", "chrome": "footer", "chrome_head": "navigation"}
#: the coarse label of each block kind (layout gold and ``layout_eval``)
COARSE_LABEL = {
    "title": "title", "meta": "meta", "byline": "furniture", "caption": "caption", "body": "body", "heading": "body",
    "header": "furniture", "navigation": "furniture", "toolbar": "furniture", "footer": "furniture",
    "boilerplate": "furniture", "related": "furniture",
}


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offset of the first character of the line
    end: int  # offset just past its last non-newline character
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    def trimmed(self) -> tuple[int, int]:
        """Offsets of the line without surrounding whitespace."""
        lead = len(self.text) - len(self.text.lstrip())
        trail = len(self.text) - len(self.text.rstrip())
        return self.start + lead, self.end - trail


@dataclass(slots=True)
class Layout:
    """What :func:`analyse_layout` found; the pipeline turns it into Article fields."""

    shape: str = "body"
    title: Optional[str] = None
    title_zh: Optional[str] = None
    kicker: Optional[str] = None
    source: Optional[str] = None
    published: Optional[datetime] = None
    published_from: Optional[str] = None
    editor: Optional[str] = None
    dateline: Optional[Dateline] = None
    byline: Optional[Byline] = None
    url: Optional[str] = None
    page: Optional[int] = None
    headings: list[Heading] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    warnings: list[ArticleWarning] = field(default_factory=list)

    @property
    def reference_date(self) -> Optional[date]:
        """The date relative expressions resolve against: the publication date (a
        dateline's full date is itself derived from it; a caller's ``reference_date`` is
        the pipeline's last resort)."""
        return self.published.date() if self.published is not None else None


def split_lines(text: str) -> list[Line]:
    """Lines with offsets; ``\\r\\n``, ``\\r`` and ``\\n`` each end a line."""
    lines, start = [], 0
    for m in _NEWLINE.finditer(text):
        lines.append(Line(start, m.start(), text[start : m.start()]))
        start = m.end()
    lines.append(Line(start, len(text), text[start:]))
    return lines


def coerce_published(value: object) -> Optional[datetime]:
    """A caller's ``published`` (datetime, date or ISO string) as an aware datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        # Beijing time, whatever zone the caller used: the date that resolves 지난 10일
        # is the date in Beijing
        return value.astimezone(CHINA_TZ) if value.tzinfo else value.replace(tzinfo=CHINA_TZ)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=CHINA_TZ)
    if isinstance(value, str):
        try:
            return coerce_published(datetime.fromisoformat(value.strip()))
        except ValueError:
            parsed = _parse_timestamp(value)
            if parsed is None:
                raise ArgumentError(
                    f"{value!r} is not an ISO date or timestamp; pass e.g. '2021-08-26' or "
                    "'2021-08-26T09:51:45+08:00'"
                ) from None
            return parsed
    raise ArgumentError(f"a publication or reference date must be a datetime, date or ISO string, not {type(value).__name__}")


def _parse_timestamp(s: str, pattern: regex.Pattern = TIMESTAMP, zone: timezone = CHINA_TZ) -> Optional[datetime]:
    m = pattern.search(s)
    if not m:
        return None
    y, mo, d, hh, mm, ss = (int(g) if g else 0 for g in m.groups())
    if y < 100:
        y += 2000  # 23-10-12 17:22 on a board
    try:
        return datetime(y, mo, d, hh, mm, ss, tzinfo=zone).astimezone(CHINA_TZ)
    except ValueError:
        return None


def _partner_zone(url: Optional[str]) -> timezone:
    """The zone a partner site prints its times in (``page_templates.json``), Beijing's by default."""
    if not url or not _PARTNER_ZONES or is_xinhua_url(url):
        return CHINA_TZ
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    for entry, zone in _PARTNER_ZONES:
        if host == entry.lstrip(".") or host.endswith(entry if entry.startswith(".") else "." + entry):
            return zone
    return CHINA_TZ


@lru_cache(maxsize=8192)
def classify_line(text: str) -> Optional[str]:
    """The kind of one line by the first matching pattern of ``page_markers.tsv``
    (``None``: a plain line, content or a title candidate). Cached: an archive repeats
    its banners, meta labels and footers on every page."""
    for kind, test in _TESTS:
        if test(text):
            return kind
    return None


def _match_dateline(text: str) -> Optional[regex.Match]:
    for pattern in _DATELINES:
        m = pattern.match(text)
        if m:
            return m
    return None


_HAN = regex.compile(r"\p{Script=Han}")
_HANGUL = regex.compile(r"\p{Script=Hangul}")
_ZH_STOP = regex.compile(r"[。.!?！？]\s*$")
_BANNER_START = regex.compile(r"^\s*新[華华][網网]\s*[韓韩][國国][語语]")


def _is_chinese(s: str) -> bool:
    """A paragraph of a bilingual article written in Chinese (far more Han than hangul; a
    short line such as the subheading ``開場白`` has no hangul at all)."""
    han = len(_HAN.findall(s))
    hangul = len(_HANGUL.findall(s))
    return (han >= 8 and han > 4 * hangul) or (han >= 2 and not hangul)


def _is_chinese_headline(s: str) -> bool:
    """A short line in Chinese that is not a sentence: the Chinese headline of a
    bilingual page."""
    s = s.strip()
    han = len(_HAN.findall(s))
    return len(s) <= 80 and han >= 4 and han > 2 * len(_HANGUL.findall(s)) and not _ZH_STOP.search(s)


def _title_like(line: Line, kind: Optional[str]) -> bool:
    """A line that can be a headline: no marker, short, not a sentence, not a gallery
    item (``1. …``), not a photo description (``1월 4일 …``), not a button (``• …``)."""
    s = line.text.strip()
    return (kind is None and 0 < len(s) <= _LONGEST_TITLE and not _TITLE_STOP.search(s)
            and not _ENUMERATED.match(s) and not _PHOTO_DATE.match(s) and s[0] not in "•·▶▷◀■□◆◇")


def detect_template(evidence: set[str]) -> dict:
    """The first template of ``page_templates.json`` whose evidence the page holds."""
    for template in TEMPLATES:
        ev = template["evidence"]
        if not all(k in evidence for k in ev.get("all", ())):
            continue
        if ev.get("any") and not any(k in evidence for k in ev["any"]):
            continue
        if any(k in evidence for k in ev.get("none", ())):
            continue
        return template
    return TEMPLATES[-1]


class _Builder:
    """Accumulates blocks and paragraphs while the lines are classified."""

    def __init__(self, text: str, lines: list[Line]) -> None:
        self.text = text
        self.lines = lines
        self.layout = Layout()
        self.partner = False  # a partner's page: its chrome may stand anywhere
        self.zone = CHINA_TZ  # the zone the page prints its times in (a partner's, page_templates.json)

    def block(self, kind: str, j: int) -> None:
        start, end = self.lines[j].trimmed()
        self.layout.blocks.append(Block(kind=kind, start=start, end=end))

    def paragraph(self, kind: str, start: int, end: int) -> None:
        # trim again: a dateline cut may leave leading spaces
        seg = self.text[start:end]
        start += len(seg) - len(seg.lstrip())
        end -= len(seg) - len(seg.rstrip())
        if end > start:
            lang = "zh" if _is_chinese(self.text[start:end]) else "ko"
            self.layout.paragraphs.append(Paragraph(start=start, end=end, kind=kind, lang=lang))

    def content(self, kind: str, j: int) -> None:
        self.block(kind, j)
        self.paragraph(kind, *self.lines[j].trimmed())

    def warn(self, code: str, message: str, start: Optional[int] = None, end: Optional[int] = None) -> None:
        self.layout.warnings.append(ArticleWarning(code=code, message=message, start=start, end=end))


def _resolve_scenes(kinds: list[Optional[str]]) -> list[Optional[str]]:
    """A ``scene`` line (one sentence of the photo formula dated by the day alone, no
    place: ``7일 … 기념사진을 찍고 있다.``) is a photo's caption, except as the first line
    of the text of a page without a dateline: there it is the news lead (``30일 …
    한국편이 시작되면서 세계의 이목을 끌고 있다.``)."""
    first = next((j for j, k in enumerate(kinds) if k not in _HEADER_KINDS and k not in ("chrome", "chrome_head")), None)
    lead = None if "dateline" in kinds else first
    return [("caption" if j != lead else None) if k == "scene" else k for j, k in enumerate(kinds)]


def _head_end(kinds: list[Optional[str]], limit: int) -> int:
    """End of the page's head: ``HEAD_LINES`` lines before ``limit`` (the first hard footer
    marker), a partner's chrome (menus, weather and date widgets, buttons) not counted."""
    head = counted = 0
    while head < limit and counted < HEAD_LINES:
        if kinds[head] not in ("chrome", "chrome_head"):
            counted += 1
        head += 1
    return head


def _head_meta(lines: list[Line], kinds: list[Optional[str]], head: int) -> Optional[int]:
    """The first meta line of the page's head: only header lines and headline
    candidates stand above it (a ``출처:`` line under the text is a trailing credit)."""
    for j in range(head):
        if kinds[j] in _META_KINDS:
            return j
        if kinds[j] in _HEADER_KINDS or kinds[j] in ("caption", "chrome_head"):
            continue
        if kinds[j] is None and (_title_like(lines[j], None) or _is_chinese_headline(lines[j].text)):
            continue
        return None
    return None


def _evidence(lines: list[Line], kinds: list[Optional[str]], head: int, *, with_meta: bool,
              xinhua_url: bool = False) -> set[str]:
    found = {k for k in kinds[:head] if k and (with_meta or k not in _META_KINDS)}
    if xinhua_url:
        found.add("xinhua_url")  # the page's address is Xinhua's: not a partner's republication
    for j in range(head):
        if kinds[j] == "dateline":
            m = _match_dateline(lines[j].text)
            found.add("paren_dateline" if m and "=" in m.group(0) else "bracket_dateline")
        elif kinds[j] == "chrome" and _PARTNER_TIME.search(lines[j].text):
            found.add("partner_time")  # a partner's byline-and-time line
    first = next((j for j in range(head) if kinds[j] not in ("header", "breadcrumb")), None)
    if first is not None and kinds[first] is None and _is_chinese_headline(lines[first].text):
        found.add("zh_headline")
    if any(k == "footer_hard" and "번역" in ln.text for ln, k in zip(lines, kinds)):
        found.add("more_translations")
    return found


def analyse_layout(text: str, *, published: object = None, url: object = None) -> Layout:
    """Recognise the page template and split the page into blocks and content paragraphs.

    ``published`` (the caller's publication time) overrides the page's; ``url`` (where
    the page came from) gives the page number and, when neither the caller nor the page
    gives a time, the publication date. Raises :class:`NotAnArticleError` for a
    listing page.
    """
    lines = [ln for ln in split_lines(text) if not ln.blank]
    kinds = [classify_line(ln.text) for ln in lines]
    if "scene" in kinds:
        kinds = _resolve_scenes(kinds)
    b = _Builder(text, lines)
    lay = b.layout
    n = len(lines)
    caller_published = coerce_published(published)
    where = parse_article_url(url)  # neither a str nor None: ArgumentError
    address = url if isinstance(url, str) else None
    lay.url = address
    lay.page = where.page if where else None

    if n and kinds[0] is None and _BANNER_START.match(lines[0].text) and len(lines[0].text.strip()) > _LONGEST_BANNER:
        b.warn("W017", "the banner line runs on into the article: the page lost its line "
               "breaks, so title, header and footer cannot be told apart", *lines[0].trimmed())

    first_hard = next((j for j in range(n) if kinds[j] in _HARD_TAIL), n)
    head = _head_end(kinds, min(first_hard, n))
    meta_idx = _head_meta(lines, kinds, head)
    template = detect_template(_evidence(lines, kinds, head, with_meta=meta_idx is not None,
                                         xinhua_url=address is not None and is_xinhua_url(address)))
    lay.shape = template["name"]
    b.partner = lay.shape == "republication"
    if b.partner:
        b.zone = _partner_zone(address)
    if not template.get("article", True):
        raise NotAnArticleError(
            f"this is a {template['name']} page (a section index of teasers), not an article: "
            "parse the article pages it links to"
        )

    dateline_idx = next((j for j in range(min(first_hard, n)) if kinds[j] == "dateline"), None)

    # --- head: banner, breadcrumb, toolbar, title, meta
    xinhua_idx = next((j for j in range(head) if kinds[j] == "xinhua_title"), None)
    repeat_idx: set[int] = set()
    if meta_idx is not None:
        header_end, title_idx, title_zh_idx = _head_above_meta(lines, kinds, meta_idx, xinhua_idx)
        if title_idx is not None:
            header_end, title_zh_idx, repeat_idx = _headline_under_meta(lines, kinds, header_end, title_idx, title_zh_idx)
    else:
        header_end, title_idx, title_zh_idx = _head_without_meta(
            lines, kinds, head, dateline_idx, min(n, first_hard), template["name"], where.page if where else 1,
            partner_host=address is not None and not is_xinhua_url(address),
        )

    kicker_idx = agency_label = None
    if title_idx is not None and title_idx > 0 and kinds[title_idx - 1] is None \
            and _KICKER_LINE.match(lines[title_idx - 1].text):
        kicker_idx = title_idx - 1  # (경제) on a line of its own above the headline
    for j in range(header_end):
        kind = kinds[j]
        if j == title_idx:
            _take_title(b, j)
        elif j == kicker_idx:
            b.block("title", j)
            if lay.kicker is None:
                lay.kicker = _KICKER_LINE.match(lines[j].text).group("kicker")
        elif j == title_zh_idx:
            b.block("title", j)
            lay.title_zh = text[slice(*lines[j].trimmed())]
        elif j in repeat_idx:
            b.block("title", j)  # the headline repeated under the meta
        elif kind == "xinhua_title":
            b.block("title", j)
        elif kind in _META_KINDS:
            _take_meta(b, j, kind)
        elif kind == "toolbar":
            b.block("toolbar", j)
        elif kind in ("header", "breadcrumb", "section", "untitled"):
            b.block("header", j)
        elif kind == "caption":
            b.content("caption", j)
        else:
            b.block("navigation", j)
            if b.partner and agency_label is None and (am := MARKERS["agency_label"].match(lines[j].text)):
                agency_label = am.group("source")  # 신화통신: a partner's section label above the headline
    if lay.title is None and xinhua_idx is not None:
        m = MARKERS["xinhua_title"].search(lines[xinhua_idx].text)
        start = lines[xinhua_idx].start + m.start("title")
        _set_title(b, start, lines[xinhua_idx].start + m.end("title"))
    if lay.title is None:
        b.warn("W060", "the page has no headline line: title is null (no caption or sentence is taken for it)")
    if meta_idx is None and n and kinds[0] == "header":
        b.warn("W010", "no '출처: … | time | 편집: …' line: the page header is incomplete")
    if meta_idx is not None and lay.published is None:
        b.warn("W011", "the '출처:' header carries no readable timestamp", *lines[meta_idx].trimmed())

    # --- where the running text ends
    end_of_content = _end_of_content(lines, kinds, header_end, first_hard)

    # --- the publication time: caller, page, partner's time line, URL
    if lay.published is None:
        for j in range(header_end, dateline_idx if dateline_idx is not None else min(head, end_of_content)):
            if kinds[j] == "chrome" and (ts := _parse_timestamp(lines[j].text, _PARTNER_TIME, _partner_zone(address))):
                lay.published = ts
                break
    lay.published_from = "page" if lay.published else None
    if caller_published is not None:
        lay.published, lay.published_from = caller_published, "caller"
    elif lay.published is None and where is not None and where.date is not None:
        lay.published = datetime(where.date.year, where.date.month, where.date.day, tzinfo=CHINA_TZ)
        lay.published_from = "url"
    if where is not None and where.page > 1:
        b.warn("W061", f"page {where.page} of a multi-page article: only this page is parsed; "
               "join all pages of the article (xinhua_extract.pages.join_pages) to parse it whole")

    # --- captions between the head and the lead (dateline) paragraph
    i = header_end
    lead = dateline_idx
    if lead is None and lay.title is None and lay.shape in ("breadcrumb", "body"):
        # no headline and no dateline (a gallery or continuation page): the short
        # unpunctuated lines above the first paragraph describe its photos
        lead = header_end
        while lead < end_of_content - 1 and _title_like(lines[lead], kinds[lead]):
            lead += 1
        if lead == header_end and lead < end_of_content - 1 and kinds[lead] is None \
                and (_GALLERY_PHOTO_LINE.match(lines[lead].text)
                     or (lay.shape == "breadcrumb" and _GALLERY_SCENE_LINE.match(lines[lead].text))):
            lead += 1  # "2월 20일, 승객들이 … 탑승했다." over the text: the photo's one dated sentence
    if lead is not None and header_end <= lead <= header_end + 8:
        for j in range(header_end, lead):
            _take_other(b, j, kinds[j], caption=True)
        i = lead

    # --- body (the Korean line right under a Chinese wire photo title is that photo's caption;
    # a short Chinese subheading there is not)
    for j in range(i, end_of_content):
        line = lines[j]
        if j == dateline_idx:
            _take_dateline(b, j, _match_dateline(line.text))
            continue
        under_wire_title = j > 0 and kinds[j - 1] == "caption" and _is_chinese(lines[j - 1].text) \
            and kinds[j] is None and len(line.text.strip()) <= _LONGEST_CAPTION and not _is_chinese(line.text) \
            and _HANGUL.search(line.text) is not None
        _take_other(b, j, kinds[j], caption=under_wire_title)

    # --- footer, related articles, recommendations: everything from there on (a
    # partner's 편집자: line under 원문 출처 is still the page's meta)
    tail_kind: Optional[str] = None
    for j in range(end_of_content, n):
        kind = kinds[j]
        if kind == "meta_editor" and tail_kind in (None, "footer"):
            _take_meta(b, j, kind)
            continue
        if kind is not None:
            tail_kind = _TAIL_BLOCK.get(kind, tail_kind)
        b.block(tail_kind or "footer", j)
    if lay.source is None and agency_label is not None:
        lay.source = agency_label  # no source on the byline-and-time line: the section label's

    _check_truncation(b, n > 0 and kinds[0] in ("header", "breadcrumb"), end_of_content < n)
    lay.blocks.sort(key=lambda blk: blk.start)
    lay.paragraphs.sort(key=lambda p: p.start)
    return lay


def _head_above_meta(lines: list[Line], kinds: list[Optional[str]], meta_idx: int,
                     xinhua_idx: Optional[int]) -> tuple[int, Optional[int], Optional[int]]:
    """End of the head, headline and Chinese headline of a page with a meta header: the
    headline is the last candidate above the meta (navigation stands above it); with a
    ``-Xinhua`` line, only the line repeating it."""
    n = len(lines)
    header_end = meta_idx
    while header_end < n and kinds[header_end] in _META_KINDS | {"toolbar", "untitled"}:
        header_end += 1
    cands = [j for j in range(meta_idx) if _title_like(lines[j], kinds[j]) or
             (kinds[j] is None and _is_chinese_headline(lines[j].text))]
    if xinhua_idx is not None:
        want = _WS.sub(" ", MARKERS["xinhua_title"].search(lines[xinhua_idx].text).group("title")).strip()
        cands = [j for j in cands if _WS.sub(" ", lines[j].text).strip() == want]
    title_idx, title_zh_idx = _pick_title(lines, cands)
    return header_end, title_idx, title_zh_idx


def _headline_under_meta(lines: list[Line], kinds: list[Optional[str]], header_end: int, title_idx: int,
                         title_zh_idx: Optional[int]) -> tuple[int, Optional[int], set[int]]:
    """A translated piece (``(뉴스 번역)``) repeats its headline under the meta line: the
    Chinese headline, then the Korean one again. Both are the title, not body; the
    Chinese one is ``title_zh``. A Chinese line counts only when the repeated Korean
    headline follows it (a bilingual body opens with a Chinese paragraph too)."""
    n = len(lines)
    want = _headline_key(lines[title_idx].text)
    repeats: set[int] = set()
    j = header_end
    if title_zh_idx is None and j + 1 < n and kinds[j] is None and kinds[j + 1] is None \
            and _is_chinese_title_line(lines[j].text) and _headline_key(lines[j + 1].text) == want:
        title_zh_idx, j = j, j + 1
    if j < n and kinds[j] is None and _headline_key(lines[j].text) == want:
        repeats.add(j)
        j += 1
    return j, title_zh_idx, repeats


def _headline_key(s: str) -> str:
    """A headline without its kicker and with collapsed spaces, to find it repeated."""
    m = _KICKER.match(s)
    return _WS.sub(" ", m.group("title") if m else s).strip()


def _is_chinese_title_line(s: str) -> bool:
    """A short Chinese line that does not end a sentence with a full stop (a headline may
    end with ``?``): the Chinese headline of a translated piece."""
    s = s.strip()
    han = len(_HAN.findall(s))
    return len(s) <= 80 and han >= 4 and han > 2 * len(_HANGUL.findall(s)) and not _TITLE_STOP.search(s)


def _head_without_meta(lines: list[Line], kinds: list[Optional[str]], head: int, dateline_idx: Optional[int],
                       stop_at: int, template: str, page: int, *, partner_host: bool = False
                       ) -> tuple[int, Optional[int], Optional[int]]:
    """End of the head, headline and Chinese headline of a page without a meta header.

    A headline stands above the lead (dateline) paragraph, or is a bilingual page's
    Korean headline next to its Chinese one; galleries, bodies and continuation pages
    have none (a caption or a first sentence is never guessed to be one). On a partner's
    site (``partner_host``: the page's URL is not Xinhua's) a republished piece without a
    lead dateline still opens with its headline: a short title-like line over a paragraph.
    """
    n = len(lines)
    title_idx = title_zh_idx = None
    header_end = 0
    while header_end < head and kinds[header_end] in _HEADER_KINDS | {"chrome_head"}:  # (menus, a player's label)
        header_end += 1
    s = header_end
    if s < n and kinds[s] is None and _is_chinese_headline(lines[s].text) and s != dateline_idx:
        title_zh_idx, s = s, s + 1
    stop = dateline_idx if dateline_idx is not None else stop_at
    if title_zh_idx is not None:
        if s < stop and _title_like(lines[s], kinds[s]) and not _is_chinese_headline(lines[s].text):
            title_idx = s
    elif page > 1:
        pass  # a continuation page: what stands above its text is captions
    elif dateline_idx is not None and dateline_idx > s:
        title_idx = _title_before_dateline(lines, kinds, s, dateline_idx, partner=template == "republication")
    elif template == "bilingual" and s + 1 < stop and _title_like(lines[s], kinds[s]) \
            and kinds[s + 1] is None and _is_chinese_headline(lines[s + 1].text):
        title_idx = s
    elif template == "republication" and dateline_idx is None and \
            (t := next((j for j in range(s, stop) if kinds[j] == "chrome" and _PARTNER_TIME.search(lines[j].text)), None)):
        title_idx = _title_before_dateline(lines, kinds, s, t + 1, partner=True)  # the headline above its time line
    elif partner_host and dateline_idx is None and s + 1 < stop and _title_like(lines[s], kinds[s]) \
            and not _SENTENCE_INSIDE.search(lines[s].text) \
            and kinds[s + 1] is None and _INNER_SENTENCE_END.search(lines[s + 1].text):
        title_idx = s  # a partner's headline over the first paragraph (a headline holds no sentence)
    if title_idx is not None and title_zh_idx is None and title_idx + 1 < stop and kinds[title_idx + 1] is None \
            and _is_chinese_headline(lines[title_idx + 1].text):
        title_zh_idx = title_idx + 1  # Korean headline first, Chinese one under it
    last = max((j for j in (header_end - 1, title_idx, title_zh_idx) if j is not None), default=-1)
    return last + 1, title_idx, title_zh_idx


def _pick_title(lines: list[Line], cands: list[int]) -> tuple[Optional[int], Optional[int]]:
    """The headline among the lines above the meta: the last Korean one; a Chinese
    line next to it is the Chinese headline of a bilingual piece."""
    ko = [j for j in cands if not _is_chinese_headline(lines[j].text)]
    zh = [j for j in cands if _is_chinese_headline(lines[j].text)]
    title = ko[-1] if ko else None
    title_zh = zh[-1] if zh and title is not None and abs(zh[-1] - title) == 1 else None
    return title, title_zh


def _title_before_dateline(lines: list[Line], kinds: list[Optional[str]], s: int, d: int, *, partner: bool) -> Optional[int]:
    """The headline above a lead paragraph.

    On Xinhua's own pages: the first title-like line (what follows it up to the lead is
    captions, so a caption without a credit or full stop is never taken for the
    headline). On a partner's page: the last title-like line above its byline-and-time
    line (or above the lead), skipping the partner's menus above it.
    """
    if partner:
        anchor = next((j for j in range(s, d) if kinds[j] == "chrome" and (_TIME_LABEL.search(lines[j].text)
                                                                        or _PARTNER_TIME.search(lines[j].text))), d)
        for j in range(anchor - 1, s - 1, -1):
            text = lines[j].text.strip()
            if _title_like(lines[j], kinds[j]) and not _MENU.search(text) and not _is_chinese_headline(text):
                return j
        return None
    for j in range(s, d):
        text = lines[j].text.strip()
        if kinds[j] is None and _MENU.search(text):
            continue
        if _title_like(lines[j], kinds[j]) and not _is_chinese_headline(text):
            return j
        if kinds[j] is None:
            return None  # a sentence or a long line first: no headline
    return None


def _end_of_content(lines: list[Line], kinds: list[Optional[str]], start: int, first_hard: int) -> int:
    """Index of the first furniture line of the tail: the first hard marker (원문 출처,
    관련 뉴스, 추천 …, the contact block, a page-number row) after the head, preceded by
    any soft tail lines; without one, the trailing run of soft markers (copyright,
    partner chrome) and the short lines that follow them."""
    n = len(lines)
    hard = first_hard if first_hard >= start else next((j for j in range(start, n) if kinds[j] in _HARD_TAIL), n)
    if hard < n:
        end = hard
        while end - 1 >= start and kinds[end - 1] in _SOFT_TAIL:
            end -= 1
        return end
    tail_from = [False] * (n + 1)
    tail_from[n] = True
    for j in range(n - 1, start - 1, -1):
        tail_from[j] = tail_from[j + 1] and _is_tail_line(lines[j], kinds[j])
    return next((j for j in range(start, n) if kinds[j] in _SOFT_TAIL and tail_from[j + 1]), n)


def _is_tail_line(line: Line, kind: Optional[str]) -> bool:
    """A line that may follow a soft footer marker: another marker, a credit, or a
    short headline of a list (no full stop)."""
    if kind in _SOFT_TAIL or kind in _HARD_TAIL or kind == "byline":
        return True
    s = line.text.strip()
    return len(s) <= _LONGEST_HEADLINE and not _FULL_STOP.search(s)


def _take_other(b: _Builder, j: int, kind: Optional[str], *, caption: bool) -> None:
    """A line of the running text that is not the lead dateline paragraph."""
    line = b.lines[j]
    text = b.text
    lay = b.layout
    if kind == "byline":
        start, end = line.trimmed()
        b.block("byline", j)
        if lay.byline is None:
            lay.byline = Byline(text=text[start:end], start=start, end=end)
    elif kind == "heading" and not caption:
        hm = MARKERS["heading"].match(line.text)
        if hm and hm.group("text") and not _FULL_STOP.search(hm.group("text")):
            start, end = line.start + hm.start("text"), line.start + hm.end("text")
            b.block("heading", j)
            lay.headings.append(Heading(text=text[start:end], start=start, end=end))
            b.paragraph("heading", start, end)
        else:
            b.content("body", j)
    elif kind in _META_KINDS:
        _take_meta(b, j, kind)  # a 출처: / 편집: credit under the text (partner pages)
    elif kind in ("header", "breadcrumb", "section", "untitled", "xinhua_title", "toolbar"):
        b.block("header" if kind != "toolbar" else "toolbar", j)
    elif kind == "chrome" and _PARTNER_TIME.search(line.text):
        b.block("meta", j)  # a partner's byline-and-time line: where published came from
        if lay.source is None and (sm := _PARTNER_SOURCE.search(line.text)):
            lay.source = sm.group("source")  # 신화망 한국어판2024-07-21 12:26 / … 21:09 신화망 편집:…
        if lay.editor is None and (em := META_EDITOR.search(line.text)):
            lay.editor = em.group(1).strip()  # 2017-11-13 21:09 신화망 편집:구가흔
    elif (kind == "chrome" and (caption or b.partner)) or (kind == "chrome_head" and caption) or kind in _HARD_TAIL:
        b.block(_TAIL_BLOCK[kind], j)  # (a chrome-like line inside Xinhua's text stays content)
    elif caption or kind == "caption":
        b.content("caption", j)
    else:
        b.content("body", j)


def _set_title(b: _Builder, start: int, end: int) -> None:
    seg = b.text[start:end]
    m = _KICKER.match(seg) or MARKERS["kicker_label"].match(seg)  # (뉴스 번역) … / 통신: …
    if m:
        b.layout.kicker = m.group("kicker")
        start, end = start + m.start("title"), start + m.end("title")
    b.layout.title = b.text[start:end]
    b.paragraph("title", start, end)


def _take_title(b: _Builder, j: int) -> None:
    b.block("title", j)
    _set_title(b, *b.lines[j].trimmed())


def _take_meta(b: _Builder, j: int, kind: str) -> None:
    """``출처 :  신화망 | 2017-03-02 10:21:33  | 편집 :  홍성림`` on one line (in any order,
    with or without ``|``), or ``출처:신화망 한국어판`` / a bare timestamp / ``편집: 朴锦花``
    on lines of their own."""
    b.block("meta", j)
    lay = b.layout
    line = b.lines[j].text
    source, editor = META_SOURCE.search(line), META_EDITOR.search(line)
    if source and lay.source is None:
        lay.source = source.group(1).strip()
    if editor and lay.editor is None:
        lay.editor = editor.group(1).strip()
    if lay.published is None and TIMESTAMP.search(line):
        lay.published = _parse_timestamp(line, zone=b.zone)


def _countries() -> frozenset[str]:
    """Foreign countries and regions (data/observation_words.tsv, category ``country``)."""
    from .observations.words import words

    return words()["country"]


def _take_dateline(b: _Builder, j: int, m: regex.Match) -> None:
    line = b.lines[j]
    b.block("body", j)
    start = line.start + m.start()
    end = line.start + m.end()
    seg = b.text[start:end]
    start += len(seg) - len(seg.lstrip())
    agency = m.group("agency")
    place = (m.group("place") or "").strip() or None
    if place and " " in place:  # 중국 상하이, 스위스 다보스: the city; the country is no place
        country, _, city = place.partition(" ")
        if country == "중국" or country in _countries():
            place = city.strip()
    if place:
        place = _PLACE_HANJA.sub("", place).strip() or place
    iso = None
    groups = m.groupdict()
    if groups.get("month"):
        month, day = int(groups["month"]), int(groups["day"])
        ref = b.layout.published
        if ref is None:
            b.warn("W012", "the dateline has no year and no publication time is known; pass published= or url=", start, end)
        else:
            year = ref.year - 1 if month > ref.month + 1 else ref.year  # a 12-31 dateline on a 01-01 page
            try:
                iso = date(year, month, day).isoformat()
            except ValueError:
                b.warn("W013", f"the dateline date {month}/{day} does not exist", start, end)
    b.layout.dateline = Dateline(agency=agency, place=place, date=iso, text=b.text[start:end], start=start, end=end)
    body_start = line.start + m.end()
    bm = _BYLINE_AFTER_DATELINE.match(b.text, body_start, line.end)
    span: Optional[tuple[int, int]] = (bm.start(), bm.end()) if bm else None
    if bm is None and agency == "신화통신":
        bm = _BYLINE_EQUALS.match(b.text, body_start, line.end)
        if bm is not None:
            span = bm.span("byline")
    if bm is not None and span is not None:
        bs, be = span
        seg = b.text[bs:be]
        bs += len(seg) - len(seg.lstrip())
        if b.layout.byline is None:
            b.layout.byline = Byline(text=b.text[bs:be], start=bs, end=be)
        body_start = bm.end()
    b.paragraph("body", body_start, line.end)


def _check_truncation(b: _Builder, has_header: bool, has_tail: bool) -> None:
    lay = b.layout
    body = [p for p in lay.paragraphs if p.kind == "body"]
    if has_header and not has_tail:
        b.warn("W014", "the page has a banner but no footer: it may be truncated")
    if body:
        last = body[-1]
        if not _SENTENCE_END.search(b.text[last.start : last.end]):
            b.warn("W015", "the last paragraph ends mid-sentence: the text may be truncated", last.start, last.end)
    else:
        b.warn("W016", "no body paragraph found")
