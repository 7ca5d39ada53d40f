"""Page shapes -> metadata and content regions.

A Xinhua Korean archive holds four page shapes (see the README): a ``full`` page
(banner, navigation, title, ``출처:`` line, body with ``[신화망 …]`` dateline, footer),
an ``older`` page (``新華網韓國語 >> 기사 본문``, ``[신화사 …]`` dateline, byline,
``추천 기사`` boilerplate), a ``republication`` (``(베이징=신화통신)`` dateline, no banner)
and a ``bare`` body. Every non-blank line is assigned to one :class:`Block`, so nothing
is dropped silently; only title, caption, heading and body blocks are content.

The line patterns live in ``data/page_markers.tsv`` (built by
``scripts/build_page_markers.py``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from importlib import resources
from typing import Optional

import regex

from .errors import ArgumentError
from .records import ArticleWarning, Block, Byline, Dateline, Heading, Paragraph

#: Xinhua publishes in Beijing time; China has kept UTC+8 without DST since 1991.
CHINA_TZ = timezone(timedelta(hours=8))



def _load_markers() -> dict[str, regex.Pattern]:
    grouped: dict[str, list[str]] = {}
    with resources.files("xinhua_extract.data").joinpath("page_markers.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            grouped.setdefault(row["kind"], []).append(row["pattern"])
    return {
        kind: (
            [regex.compile(p) for p in patterns]
            if kind == "dateline"
            else regex.compile("|".join(f"(?:{p})" for p in patterns))
        )
        for kind, patterns in grouped.items()
    }


MARKERS = _load_markers()
#: ``2021-08-26 09:51:45`` (also with . or / and without the time); the HTML reader
#: uses it too.
TIMESTAMP = regex.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_KICKER = regex.compile(r"^\s*[(\[]\s*(?P<kicker>[^()\[\]]{1,20}?)\s*[)\]]\s*(?P<title>\S.*?)\s*$")
_LONGEST_BANNER = 40  # 新華網韓國語 >> 기사 본문 and the like
_LONGEST_HEADLINE = 60  # a recommended-article title under 추천 기사
_NEWLINE = regex.compile(r"\r\n|\r|\n")
_FULL_STOP = regex.compile(r"[.!?。]\s*$")
_SENTENCE_END = regex.compile(r"[.!?。」』”\"'’)]\s*$")


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

    shape: str = "bare"
    title: Optional[str] = None
    kicker: Optional[str] = None
    source: Optional[str] = None
    published: Optional[datetime] = None
    editor: Optional[str] = None
    dateline: Optional[Dateline] = None
    byline: Optional[Byline] = None
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


def _parse_timestamp(s: str) -> Optional[datetime]:
    m = TIMESTAMP.search(s)
    if not m:
        return None
    y, mo, d, hh, mm, ss = (int(g) if g else 0 for g in m.groups())
    try:
        return datetime(y, mo, d, hh, mm, ss, tzinfo=CHINA_TZ)
    except ValueError:
        return None


def _match_dateline(line: Line) -> Optional[regex.Match]:
    for pattern in MARKERS["dateline"]:
        m = pattern.match(line.text)
        if m:
            return m
    return None


def _is(kind: str, line: Line) -> bool:
    return bool(MARKERS[kind].search(line.text))


class _Builder:
    """Accumulates blocks and paragraphs while the lines are classified."""

    def __init__(self, text: str, lines: list[Line]) -> None:
        self.text = text
        self.lines = lines
        self.layout = Layout()

    def block(self, kind: str, line: Line) -> None:
        start, end = line.trimmed()
        self.layout.blocks.append(Block(kind=kind, start=start, end=end))

    def paragraph(self, kind: str, start: int, end: int) -> None:
        # trim again: a dateline cut may leave leading spaces
        seg = self.text[start:end]
        start += len(seg) - len(seg.lstrip())
        end -= len(seg) - len(seg.rstrip())
        if end > start:
            lang = "zh" if _is_chinese(self.text[start:end]) else "ko"
            self.layout.paragraphs.append(Paragraph(start=start, end=end, kind=kind, lang=lang))

    def warn(self, code: str, message: str, start: Optional[int] = None, end: Optional[int] = None) -> None:
        self.layout.warnings.append(ArticleWarning(code=code, message=message, start=start, end=end))


_HAN = regex.compile(r"\p{Script=Han}")
_HANGUL = regex.compile(r"\p{Script=Hangul}")


def _is_chinese(s: str) -> bool:
    """A paragraph of a bilingual article written in Chinese (far more Han than hangul)."""
    han = len(_HAN.findall(s))
    return han >= 8 and han > 4 * len(_HANGUL.findall(s))


def analyse_layout(text: str, *, published: object = None) -> Layout:
    """Recognise the page shape and split the page into blocks and content paragraphs."""
    lines = [ln for ln in split_lines(text) if not ln.blank]
    b = _Builder(text, lines)
    lay = b.layout
    caller_published = coerce_published(published)
    i = 0
    n = len(lines)

    # --- banner and navigation
    has_header = n > 0 and _is("header", lines[0])
    if has_header and len(lines[0].text.strip()) > _LONGEST_BANNER:
        has_header = False  # the banner runs into the text: line breaks were lost
        b.warn("W017", "the banner line runs on into the article: the page lost its line "
               "breaks, so title, header and footer cannot be told apart", *lines[0].trimmed())
    if has_header:
        lay.shape = "older" if _is("header_path", lines[0]) else "full"
        b.block("header", lines[0])
        i = 1

    # --- where the running text ends: the first footer or boilerplate line after which
    # nothing but tail lines follows (a body paragraph opening with 저작권자 stays body)
    tail_from = [False] * (n + 1)
    tail_from[n] = True
    for j in range(n - 1, i - 1, -1):
        tail_from[j] = tail_from[j + 1] and _is_tail_line(lines[j])
    end_of_content = next(
        (j for j in range(i, n) if (_is("footer", lines[j]) or _is("boilerplate", lines[j])) and tail_from[j + 1]),
        n,
    )

    meta_idx = next((j for j in range(i, end_of_content) if _is("meta", lines[j])), None)
    dateline_idx = next((j for j in range(i, end_of_content) if _match_dateline(lines[j])), None)
    if not has_header and dateline_idx is not None:
        m = _match_dateline(lines[dateline_idx])
        lay.shape = "republication" if m.group("agency") == "신화통신" and "=" in m.group(0) else "full"

    # --- title (and navigation above it)
    title_idx: Optional[int] = None
    if meta_idx is not None and meta_idx > i:
        title_idx = meta_idx - 1
        for j in range(i, title_idx):
            b.block("navigation", lines[j])
    elif has_header and i < end_of_content:
        if lay.shape == "full" and i + 1 < end_of_content and _looks_like_navigation(lines[i]) and i + 1 != dateline_idx:
            b.block("navigation", lines[i])
            i += 1
        if i != dateline_idx:
            title_idx = i
    elif dateline_idx is not None and dateline_idx > i and not _SENTENCE_END.search(lines[i].text):
        title_idx = i
    if title_idx is not None:
        _take_title(b, lines[title_idx])
        i = title_idx + 1
    if meta_idx is not None:
        _take_meta(b, lines[meta_idx])
        i = max(i, meta_idx + 1)
    elif lay.shape == "full" and has_header:
        b.warn("W010", "no '출처: … | time | 편집: …' line: the page header is incomplete")
    lay.published = caller_published or lay.published

    # --- captions: between the header part and the dateline paragraph
    for j in range(i, end_of_content):
        line = lines[j]
        if j == dateline_idx:
            break
        if (dateline_idx is not None and dateline_idx > j) or _is("caption", line):
            b.block("caption", line)
            b.paragraph("caption", *line.trimmed())
            i = j + 1
        else:
            break

    # --- body
    for j in range(i, end_of_content):
        line = lines[j]
        if j == dateline_idx:
            m = _match_dateline(line)
            _take_dateline(b, line, m)
            b.block("body", line)
            b.paragraph("body", line.start + m.end(), line.end)
            continue
        if _is("byline", line):
            start, end = line.trimmed()
            b.block("byline", line)
            if lay.byline is None:
                lay.byline = Byline(text=text[start:end], start=start, end=end)
            continue
        hm = MARKERS["heading"].match(line.text)
        if hm and hm.group("text") and not _FULL_STOP.search(hm.group("text")):
            start, end = line.start + hm.start("text"), line.start + hm.end("text")
            b.block("heading", line)
            lay.headings.append(Heading(text=text[start:end], start=start, end=end))
            b.paragraph("heading", start, end)
            continue
        kind = "caption" if _is("caption", line) else "body"
        b.block(kind, line)
        b.paragraph(kind, *line.trimmed())

    # --- footer and boilerplate: everything from there on, line by line
    tail_kind = None
    for j in range(end_of_content, n):
        line = lines[j]
        if _is("footer", line):
            tail_kind = "footer"
        elif _is("boilerplate", line):
            tail_kind = "boilerplate"
        elif _is("byline", line):
            b.block("byline", line)
            continue
        b.block(tail_kind or "footer", line)

    _check_truncation(b, has_header, end_of_content < n)
    lay.blocks.sort(key=lambda blk: blk.start)
    lay.paragraphs.sort(key=lambda p: p.start)
    return lay


def _is_tail_line(line: Line) -> bool:
    """A line that may follow the footer: footer, boilerplate, a credit, or a short
    headline of the recommended-articles list (no full stop)."""
    if _is("footer", line) or _is("boilerplate", line) or _is("byline", line):
        return True
    s = line.text.strip()
    return len(s) <= _LONGEST_HEADLINE and not _FULL_STOP.search(s)


def _looks_like_navigation(line: Line) -> bool:
    """A short menu line under the banner (``시진핑 타이임``): no punctuation, few words."""
    s = line.text.strip()
    return len(s) <= 24 and not regex.search(r"[.,!?'\"“”()\[\]]", s)


def _take_title(b: _Builder, line: Line) -> None:
    start, end = line.trimmed()
    seg = b.text[start:end]
    m = _KICKER.match(seg)
    b.block("title", line)
    if m:
        b.layout.kicker = m.group("kicker")
        start, end = start + m.start("title"), start + m.end("title")
    b.layout.title = b.text[start:end]
    b.paragraph("title", start, end)


def _take_meta(b: _Builder, line: Line) -> None:
    """``출처: 신화망 | 2021-08-26 09:51:45 | 편집: 朱雪松``."""
    b.block("meta", line)
    for part in line.text.split("|"):
        key, sep, value = part.replace("：", ":").partition(":")
        key, value = key.strip(), value.strip()
        if key == "출처" and value:
            b.layout.source = value
        elif key == "편집" and value:
            b.layout.editor = value
        elif b.layout.published is None and TIMESTAMP.search(part):
            b.layout.published = _parse_timestamp(part)
    if b.layout.published is None:
        b.warn("W011", "the '출처:' line carries no readable timestamp", *line.trimmed())


def _take_dateline(b: _Builder, line: Line, m: regex.Match) -> None:
    start = line.start + m.start()
    end = line.start + m.end()
    seg = b.text[start:end]
    start += len(seg) - len(seg.lstrip())
    agency = m.group("agency")
    place = (m.group("place") or "").strip() or None
    if place and place.startswith("중국 "):
        place = place[len("중국 ") :].strip()
    iso = None
    groups = m.groupdict()
    if groups.get("month"):
        month, day = int(groups["month"]), int(groups["day"])
        ref = b.layout.published
        if ref is None:
            b.warn("W012", "the dateline has no year and no publication time is known; pass published=", start, end)
        else:
            year = ref.year - 1 if month > ref.month + 1 else ref.year  # a 12-31 dateline on a 01-01 page
            try:
                iso = date(year, month, day).isoformat()
            except ValueError:
                b.warn("W013", f"the dateline date {month}/{day} does not exist", start, end)
    b.layout.dateline = Dateline(agency=agency, place=place, date=iso, text=b.text[start:end], start=start, end=end)


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
