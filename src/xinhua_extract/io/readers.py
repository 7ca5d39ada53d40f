"""Readers: news archives in, :class:`SourceDoc` records out.

A reader turns a path (or a stream) into a lazy stream of :class:`SourceDoc` -- one per
article -- in a fixed, documented order, and never loads a whole archive: directories
and globs are walked file by file, JSONL line by line, WARC record by record.

What each reader accepts:

=====================  =======================================================  =====================
input                  what becomes an article                                  ``SourceDoc.id``
=====================  =======================================================  =====================
``*.txt``              the whole file (bytes; decoded UTF-8, then CP949)        the file stem
``*.html``/``*.htm``   a saved Xinhua Korean page (see :func:`html_to_text`)    the file stem
``*.jsonl[.gz]``       one JSON object per line; ``text_field`` holds the text  ``id_field``, else
                       (plain text or a whole HTML page), ``url_field`` the     ``<stem>:<line no.>``
                       page's URL
``*.warc[.gz]``        ``response``/``resource`` records with an HTML or plain  ``WARC-Target-URI``
                       text payload and a 2xx status
a directory            every supported file below it, sorted by path
a glob (``*?[``)       every matching file, sorted by path
``-``                  standard input: WARC, JSONL, HTML or one text article,
                       recognised by its first bytes
any other file         read as one text article
=====================  =======================================================  =====================

Anything that cannot be read becomes an :class:`ArticleError` *in the stream, at the
place the article would have been*, and reading goes on: a missing file, an unreadable
JSONL line, a truncated WARC (the records before the damage are kept). Nothing is
dropped silently; the only things skipped on purpose are WARC records that are not
article pages (requests, metadata, images, redirects, 404s) and, inside directories,
files whose suffix no reader handles (logged at DEBUG).

Hostile archives: only regular files are read (a FIFO, socket or device is an error
record, never a blocked read); a source whose reading fails in any way is one error
record and the next source is read; file names and ids that UTF-8 cannot encode are
carried escaped (:func:`escape_name`) in ids, sources and error records.
"""

from __future__ import annotations

import glob as _glob
import gzip
import io
import json
import logging
import os
import stat
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterator, Optional, Union

import regex

from ..errors import SourceError, XinhuaExtractError
from ..layout import META_EDITOR, META_SOURCE, TIMESTAMP
from ..source_text import decode_bytes

log = logging.getLogger(__name__)

PathLike = Union[str, "os.PathLike[str]"]

#: Suffixes a directory walk picks up (explicit file paths with other suffixes are read as text).
SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz")

#: The first line the HTML reader writes: the site banner, so that the layout stage
#: recognises a ``portal-2021`` page exactly as for a page saved as text.
SITE_BANNER = "新華網韓國語"


# --------------------------------------------------------------------------- names
_SURROGATES = regex.compile(r"[\ud800-\udfff]")


def escape_name(name: Optional[str]) -> Optional[str]:
    """``name`` with what UTF-8 cannot encode written as escapes, so that it can go into
    JSON, Parquet and error records: a byte of a file name in another encoding
    (``surrogateescape``, e.g. a CP949 name ``\\xb1\\xe2\\xbb\\xe7.txt``) becomes ``\\xNN``, any
    other lone surrogate (a JSON id ``"\\ud800"``) ``\\uNNNN``. Valid text is unchanged."""
    if name is None or not _SURROGATES.search(name):
        return name
    return _SURROGATES.sub(
        lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}" if 0xDC80 <= ord(m.group()) <= 0xDCFF
        else f"\\u{ord(m.group()):04x}",
        name,
    )


def _escape_fields(record: Any, *names: str) -> None:
    for name in names:
        value = getattr(record, name)
        if isinstance(value, str):
            escaped = escape_name(value)
            if escaped is not value:
                object.__setattr__(record, name, escaped)


# --------------------------------------------------------------------------- records
@dataclass(frozen=True, slots=True)
class SourceDoc:
    """One article to parse, before parsing.

    ``text`` is the page as ``str`` or raw ``bytes`` (decoded by the library: UTF-8,
    then CP949). ``format`` is ``"text"`` (a page saved as text, the seed's shape) or
    ``"html"`` (a saved page's markup; the text is extracted by :func:`html_to_text`
    in the worker). ``source`` says where it came from (``path``, ``path:line``,
    ``path#offset``) and appears in error records. ``published`` (datetime, date or
    ISO string) supplies a publication time for pages without a ``출처:`` line. ``url``
    is where the page was fetched from (a WARC record's target URI, a JSONL ``url``
    field): it becomes ``Article.url`` and gives the page number and, for a page without
    a timestamp, the publication date.
    """

    text: Union[str, bytes]
    id: Optional[str] = None
    source: str = "<memory>"
    format: str = "text"
    published: Any = None
    url: Optional[str] = None

    def __post_init__(self) -> None:
        if self.format not in ("text", "html"):
            raise ValueError(f"SourceDoc.format must be 'text' or 'html', not {self.format!r}")
        _escape_fields(self, "id", "source")  # names not valid UTF-8 travel escaped


@dataclass(frozen=True, slots=True)
class ArticleError:
    """A source that could not become an Article: where it was, and why.

    ``code`` is the error code of :mod:`xinhua_extract.errors` (``E001``…, e.g. ``E010`` for a listing page), or
    ``E998`` (the worker process died on this article) / ``E999`` (an unexpected
    exception inside the library: a bug, please report it with the source).
    """

    id: Optional[str]
    source: str
    code: str
    message: str

    type = "error"  # not a field: lets consumers tell errors from articles

    def __post_init__(self) -> None:
        _escape_fields(self, "id", "source", "message")  # always writable as UTF-8

    def to_dict(self) -> dict[str, Any]:
        return {"type": "error", "id": self.id, "source": self.source, "code": self.code, "message": self.message}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ArticleError":
        return cls(id=data.get("id"), source=str(data.get("source", "")), code=str(data["code"]), message=str(data["message"]))

    @classmethod
    def from_exception(cls, exc: BaseException, *, id: Optional[str], source: str) -> "ArticleError":
        if isinstance(exc, XinhuaExtractError):
            return cls(id=id, source=source, code=exc.code, message=exc.message)
        return cls(id=id, source=source, code="E999", message=f"internal error {type(exc).__name__}: {exc}")


Item = Union[SourceDoc, ArticleError]


def _error(id: Optional[str], source: str, message: str) -> ArticleError:
    return ArticleError(id=id, source=source, code=SourceError.code, message=message)


# --------------------------------------------------------------------------- dispatch
def iter_sources(
    sources: Any,
    *,
    text_field: str = "text",
    id_field: Optional[str] = "id",
    published_field: Optional[str] = "published",
    stdin: Optional[IO[bytes]] = None,
    url_field: Optional[str] = "url",
) -> Iterator[Item]:
    """Every article of ``sources``, in order, as :class:`SourceDoc` (or
    :class:`ArticleError` for what cannot be read).

    ``sources`` is one source or an iterable of them. A source is a path (``str`` or
    :class:`os.PathLike`: a file, a directory, a glob, or ``"-"`` for ``stdin``) or a
    ready :class:`SourceDoc`. A ``str`` is always a *path*: to parse text held in memory
    wrap it, ``SourceDoc(text, id=...)``.
    """
    opts = dict(text_field=text_field, id_field=id_field, published_field=published_field, url_field=url_field)
    if isinstance(sources, (str, bytes, os.PathLike, SourceDoc)):
        sources = [sources]
    for src in sources:
        if isinstance(src, (SourceDoc, ArticleError)):
            yield src
        elif isinstance(src, (str, os.PathLike)):
            yield from _guarded(read_path(src, stdin=stdin, **opts), os.fspath(src))
        else:
            raise TypeError(
                f"a source is a path (str or os.PathLike) or a SourceDoc, not {type(src).__name__}; "
                "wrap text in memory as SourceDoc(text, id=...)"
            )


def _guarded(items: Iterator[Item], label: Any) -> Iterator[Item]:
    """``items``, but an exception while reading them ends them with one error record
    instead of ending the run (a reader's bug, a file system gone wrong)."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - reported in the stream, the run goes on
        label = os.fsdecode(label) if isinstance(label, bytes) else str(label)
        log.warning("reading %s failed", escape_name(label), exc_info=True)
        yield _error(None, label, f"reading stopped with {type(exc).__name__}: {exc}")


def _special_file(p: Path) -> Optional[str]:
    """What ``p`` is when it is not a regular file nor a directory (a FIFO, a socket, a
    device), or None. Reading one could block forever or never end."""
    try:
        mode = os.stat(p).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), "special file")


_KINDS = {stat.S_IFIFO: "FIFO (named pipe)", stat.S_IFSOCK: "socket", stat.S_IFCHR: "character device",
          stat.S_IFBLK: "block device"}


def _not_regular(p: Path, kind: str) -> ArticleError:
    return _error(_stem(p), str(p), f"{p} is a {kind}, not a regular file; only files are read")


def _open_regular(p: Path) -> Union[IO[bytes], ArticleError]:
    """``p`` opened for reading if it is a regular file (checked on the open descriptor,
    which ``O_NONBLOCK`` keeps from blocking on a FIFO), else an error record."""
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        return _error(_stem(p), str(p), f"cannot read {p}: {exc.strerror or exc}")
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            return _not_regular(p, _KINDS.get(stat.S_IFMT(mode), "directory" if stat.S_ISDIR(mode) else "special file"))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        fh = os.fdopen(fd, "rb")
        fd = -1
        return fh
    finally:
        if fd >= 0:
            os.close(fd)


def _is_glob(s: str) -> bool:
    return any(ch in s for ch in "*?[")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in (".warc.gz", ".jsonl.gz"):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def _stem(path: Path) -> str:
    name = path.name
    suffix = _suffix(path)
    return name[: -len(suffix)] if suffix and name.lower().endswith(suffix) else name


def read_path(path: PathLike, *, stdin: Optional[IO[bytes]] = None, **opts: Any) -> Iterator[Item]:
    """The articles of one path: a file, a directory, a glob or ``-`` (stdin)."""
    s = os.fspath(path)
    if s == "-":
        yield from read_stdin(stdin, **opts)
        return
    p = Path(s)
    if p.is_dir():
        yield from read_directory(p, **opts)
    elif p.is_file() or _special_file(p):
        yield from read_file(p, **opts)
    elif _is_glob(s):
        matches = sorted(m for m in _glob.glob(s, recursive=True) if os.path.isfile(m) or _special_file(Path(m)))
        if not matches:
            yield _error(None, s, f"no file matches the pattern {s!r}; check the path and quote the glob")
        for m in matches:
            yield from _guarded(read_file(Path(m), **opts), m)
    else:
        hint = ""
        if "\n" in s or len(s) > 400:
            hint = " (it looks like article text: wrap text in memory as SourceDoc(text, id=...))"
        shown = s if len(s) <= 80 else s[:77] + "..."
        yield _error(None, shown, f"no such file or directory: {shown!r}{hint}")


def read_directory(path: PathLike, **opts: Any) -> Iterator[Item]:
    """Every supported file below ``path`` (recursively, hidden entries skipped), sorted."""
    root = Path(path)
    files = []
    unreadable: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            if _suffix(p) in SUPPORTED_SUFFIXES:
                files.append(p)
            else:
                log.debug("skipping %s: no reader for its suffix", p)
    for exc in unreadable:  # a subdirectory that cannot be listed is not skipped silently
        where = exc.filename if exc.filename is not None else root
        yield _error(None, str(where), f"cannot list the directory {where}: {exc.strerror or exc}")
    for p in sorted(files, key=lambda q: q.relative_to(root).as_posix()):
        yield from _guarded(read_file(p, **opts), p)


def read_file(path: PathLike, **opts: Any) -> Iterator[Item]:
    """One file, by suffix: ``.jsonl[.gz]``, ``.warc[.gz]``, ``.html``/``.htm``, else text."""
    p = Path(path)
    suffix = _suffix(p)
    if suffix in (".jsonl", ".jsonl.gz"):
        yield from read_jsonl(p, **opts)
    elif suffix in (".warc", ".warc.gz"):
        yield from read_warc(p)
    elif suffix in (".html", ".htm"):
        yield from read_html(p)
    else:
        yield from read_txt(p)


def _read_bytes(p: Path) -> Union[bytes, ArticleError]:
    fh = _open_regular(p)
    if isinstance(fh, ArticleError):
        return fh
    try:
        with fh:
            return fh.read()
    except OSError as exc:
        return _error(_stem(p), str(p), f"cannot read {p}: {exc.strerror or exc}")


def read_txt(path: PathLike) -> Iterator[Item]:
    """A page saved as text: one article, id = the file stem."""
    p = Path(path)
    data = _read_bytes(p)
    yield data if isinstance(data, ArticleError) else SourceDoc(data, id=_stem(p), source=str(p))


def read_html(path: PathLike) -> Iterator[Item]:
    """A saved Xinhua Korean article page: one article, id = the file stem.

    The text is extracted when the article is parsed (in the worker), by
    :func:`html_to_text`.
    """
    p = Path(path)
    data = _read_bytes(p)
    yield data if isinstance(data, ArticleError) else SourceDoc(data, id=_stem(p), source=str(p), format="html")


# --------------------------------------------------------------------------- JSONL
def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith("<") and bool(regex.search(r"<(?:!doctype|html|body|div|p)\b", head))


def read_jsonl(
    path_or_stream: Union[PathLike, IO[bytes]],
    *,
    text_field: str = "text",
    id_field: Optional[str] = "id",
    published_field: Optional[str] = "published",
    name: Optional[str] = None,
    url_field: Optional[str] = "url",
) -> Iterator[Item]:
    """One article per line of a JSON Lines file (``.jsonl``, or gzipped ``.jsonl.gz``).

    Each line is a JSON object; ``text_field`` holds the page (plain text, or a whole HTML
    page, recognised by its markup); ``id_field`` and ``published_field`` are optional
    (a missing id becomes ``<stem>:<line number>``). Blank lines are skipped; a line that
    is not such an object becomes an :class:`ArticleError` and reading goes on.
    """
    if isinstance(path_or_stream, (str, os.PathLike)):
        p = Path(path_or_stream)
        label, stem = str(p), _stem(p)
        opened = _open_regular(p)
        if isinstance(opened, ArticleError):
            yield opened
            return
        raw: IO[bytes] = gzip.GzipFile(fileobj=opened, mode="rb") if _suffix(p) == ".jsonl.gz" else opened
    else:
        raw = path_or_stream
        label = name or "<stream>"
        stem = Path(label).name if name else "stdin"
    try:
        lineno = 0
        while True:
            try:
                line = raw.readline()
            except (OSError, EOFError, zlib.error) as exc:  # e.g. a truncated or corrupt .jsonl.gz
                yield _error(None, f"{label}:{lineno + 1}", f"cannot read past line {lineno}: {exc}")
                return
            if not line:
                return
            lineno += 1
            if not line.strip():
                continue
            yield _jsonl_item(line, lineno, label, stem, text_field, id_field, published_field, url_field)
    finally:
        if raw is not path_or_stream:
            raw.close()
            if raw is not opened:
                opened.close()  # GzipFile(fileobj=...) leaves its file open


def _jsonl_item(line, lineno, label, stem, text_field, id_field, published_field, url_field="url") -> Item:
    where = f"{label}:{lineno}"
    default_id = f"{stem}:{lineno}"
    try:
        obj = json.loads(decode_bytes(line) if isinstance(line, bytes) else line)
    except (ValueError, XinhuaExtractError) as exc:
        return _error(default_id, where, f"line {lineno} is not valid JSON ({exc}); fix or remove it")
    if not isinstance(obj, dict):
        return _error(default_id, where, f"line {lineno} is a JSON {type(obj).__name__}, not an object")
    raw_id = obj.get(id_field) if id_field else None
    doc_id = str(raw_id) if raw_id is not None else default_id
    text = obj.get(text_field)
    if not isinstance(text, str):
        found = "missing" if text is None else f"a {type(text).__name__}"
        return _error(
            doc_id, where,
            f"line {lineno}: the text field {text_field!r} is {found}; "
            f"choose the field with --text-field (keys here: {', '.join(sorted(map(str, obj))[:12])})",
        )
    published = obj.get(published_field) if published_field else None
    url = obj.get(url_field) if url_field else None
    return SourceDoc(text, id=doc_id, source=where, format="html" if _looks_like_html(text) else "text",
                     published=published, url=url if isinstance(url, str) else None)


# --------------------------------------------------------------------------- WARC
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path_or_stream: Union[PathLike, IO[bytes]], *, name: Optional[str] = None) -> Iterator[Item]:
    """Article pages of a web archive (``.warc`` or ``.warc.gz``, read with ``warcio``).

    ``response`` records with a 2xx HTTP status and an HTML payload become HTML articles;
    ``resource`` records of type ``text/html`` or ``text/plain`` become HTML or text
    articles. The id is the record's ``WARC-Target-URI``; the source is
    ``path#offset``. Other records are not articles and are skipped; a damaged archive
    yields the records before the damage, then one :class:`ArticleError`.
    """
    from warcio.archiveiterator import ArchiveIterator

    if isinstance(path_or_stream, (str, os.PathLike)):
        label = str(path_or_stream)
        opened = _open_regular(Path(path_or_stream))
        if isinstance(opened, ArticleError):
            yield opened
            return
        stream: IO[bytes] = opened
    else:
        stream = path_or_stream
        label = name or "<stream>"
    offset = 0
    try:
        it = ArchiveIterator(stream)
        while True:
            try:
                record = next(it)
                offset = getattr(it, "offset", offset)  # (get_record_offset() would consume the record)
                item = _warc_item(record, label, offset)
            except StopIteration:
                return
            except Exception as exc:  # warcio raises assorted errors on damaged archives
                yield _error(
                    None, f"{label}#{offset}",
                    f"the web archive is damaged after offset {offset} ({type(exc).__name__}: {exc}); "
                    "the records before it were read",
                )
                return
            if item is not None:
                yield item
    finally:
        if stream is not path_or_stream:
            stream.close()


def _warc_item(record, label: str, offset: int) -> Optional[SourceDoc]:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    rid = uri or record.rec_headers.get_header("WARC-Record-ID")
    where = f"{label}#{offset}"
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode() or ""
        ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
        if not status.startswith("2") or ctype not in _HTML_TYPES:
            log.debug("skipping WARC record %s (%s %s): not an article page", where, status, ctype)
            return None
        return SourceDoc(_payload(record), id=rid, source=where, format="html", url=uri)
    if record.rec_type == "resource":
        ctype = (record.rec_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
        if ctype in _HTML_TYPES or ctype == "text/plain":
            fmt = "text" if ctype == "text/plain" else "html"
            return SourceDoc(_payload(record), id=rid, source=where, format=fmt, url=uri)
    return None


def _payload(record) -> bytes:
    data = record.content_stream().read()
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise EOFError(f"the record ends {missing} bytes short of its declared length (a truncated archive)")
    return data


# --------------------------------------------------------------------------- stdin
def read_stdin(stream: Optional[IO[bytes]] = None, *, format: str = "auto", **opts: Any) -> Iterator[Item]:
    """Standard input (``-``): a WARC (``WARC/`` or gzip magic), JSONL (``{``), one HTML
    page (``<``) or one text article (id ``stdin``). ``format`` forces one of
    ``warc``, ``jsonl``, ``html``, ``text``."""
    raw: IO[bytes] = stream if stream is not None else sys.stdin.buffer
    if not hasattr(raw, "peek"):
        raw = io.BufferedReader(raw)  # type: ignore[arg-type]
    if format == "auto":
        head = raw.peek(64)[:64].lstrip()  # type: ignore[attr-defined]
        if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/"):
            format = "warc"
        elif head.startswith(b"{"):
            format = "jsonl"
        elif head.startswith(b"<") or head.startswith(b"\xef\xbb\xbf<"):
            format = "html"
        else:
            format = "text"
    if format == "warc":
        yield from read_warc(raw, name="<stdin>")
    elif format == "jsonl":
        yield from read_jsonl(raw, name="<stdin>", **opts)
    elif format in ("html", "text"):
        yield SourceDoc(raw.read(), id="stdin", source="<stdin>", format=format)
    else:
        raise ValueError(f"stdin format must be auto, warc, jsonl, html or text, not {format!r}")


# --------------------------------------------------------------------------- HTML -> page text
_META_LINE = regex.compile(r"^\s*출처\s*[:：]")
_WS = regex.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
_TITLE_SUFFIX = regex.compile(r"\s*[-_|]\s*(?:新[華华][網网]\s*[韓韩][國国][語语]|신화망.*|Xinhua.*)\s*$")
_HEADING_MARK = "◇◆■□"

_BODY_SELECTORS = ("#detailContent", "#p-detail", "#detail", ".article-content", ".content", "#content", "article", ".article", ".detail")
_TITLE_SELECTORS = (".h-title", ".main-tit h1", "#title", ".title h1", "h1")
_DROP_TAGS = ("script", "style", "noscript", "iframe", "svg", "form", "button", "template")
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "section", "article", "figure", "td", "pre", "center"}


def _clean(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _canonical_meta(line: str) -> str:
    """``출처: 신화망 | 2021-08-26 09:51:45 | 편집: 朱雪松`` from the pieces of a header,
    whatever order the markup gives them in."""
    source = META_SOURCE.search(line)
    stamp = TIMESTAMP.search(line)
    editor = META_EDITOR.search(line)
    if not (source and stamp):
        return line
    parts = [f"출처: {source.group(1).strip()}", stamp.group(0)]
    if editor:
        parts.append(f"편집: {editor.group(1).strip()}")
    return " | ".join(parts)


def _block_lines(node) -> list[str]:
    """The text lines of an element: one per block element or ``<br>``, whitespace collapsed."""
    from bs4 import NavigableString, Tag

    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = _clean("".join(buf))
        if text:
            lines.append(text)
        buf.clear()

    def walk(el) -> None:
        for child in el.children:
            if isinstance(child, NavigableString):
                if type(child).__name__ in ("Comment", "CData", "ProcessingInstruction", "Declaration", "Doctype"):
                    continue
                buf.append(str(child))
            elif isinstance(child, Tag):
                name = child.name.lower()
                if name in _DROP_TAGS:
                    continue
                if name == "br":
                    flush()
                elif name == "img":
                    continue
                elif name in _BLOCK_TAGS:
                    flush()
                    heading = name in ("h2", "h3", "h4", "h5", "h6")
                    start = len(lines)
                    walk(child)
                    flush()
                    if heading and len(lines) > start and lines[start][0] not in _HEADING_MARK:
                        lines[start] = "◇" + lines[start]
                else:
                    walk(child)

    walk(node)
    flush()
    return lines


#: The Xinhua site templates of the Korean service by era, as the Chinese news.cn /
#: xinhuanet.com templates lay them out (public scrapers and RSS routes use the same
#: selectors): how to recognise each in the markup, and where its title, time, source,
#: editor and body are. The first whose ``detect`` selector matches is used.
_HTML_TEMPLATES: tuple[dict[str, Any], ...] = (
    {"name": "newscn-2023", "detect": (".head-line", ".header-time"),
     "title": (".head-line .title", ".head-line h1", "h1"), "time": (".header-time",),
     "source": (".source", ".header-cont .source"), "editor": (".editor", ".editor-name"),
     "body": ("#detailContent", "#detail", ".main-content")},
    {"name": "xinhuanet-2015", "detect": ("#pubtime", "#articleEdit", "#source"),
     "title": ("#title", "#Title", ".title h1", "h1"), "time": ("#pubtime", ".info .time"),
     "source": ("#source",), "editor": ("#articleEdit", ".bjn", ".editor"),
     "body": ("#content", "#Content", ".article", "#p-detail")},
)
_NEWSCN_TIME = regex.compile(r"(\d{4})\D{1,3}(\d{1,2})\s*[/-]\s*(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)")
#: the breadcrumb the 2015–2020 pages print above the title
BREADCRUMB = "新華網韓國語 >> 기사 본문"


def html_to_text(html: Union[str, bytes]) -> str:
    """The plain page text of a saved Xinhua Korean article page.

    Parses the markup with BeautifulSoup (lxml) and lays the page out like a page of its
    era saved as text, so :func:`~xinhua_extract.parse_article` recognises the same page
    template as for a text extraction:

    * a ``newscn-2023`` page (``.head-line``, ``.header-time``): title, ``출처:…``, the
      timestamp and ``편집:…`` on lines of their own;
    * a 2015–2020 ``xinhuanet`` page (``#pubtime``, ``#articleEdit``): the breadcrumb
      ``新華網韓國語 >> 기사 본문``, title, one ``출처: … | time | 편집: …`` line;
    * any other page with a ``출처:`` header (the 2021–22 portal and its variants)::

        新華網韓國語                         <- the site banner
        (kicker) title                      <- .h-title / .main-tit h1 / h1 / <title>
        출처: 신화망 | 2021-08-26 09:51:45 | 편집: 朱雪松   <- the header line, rebuilt

    then one line per ``<p>``/``<br>``/block of the body (``<h2>``..``<h6>`` get the ◇
    marker) and the footer lines the layout knows (``원문 출처``, the contact block), with
    a blank line between blocks. A page of another site (a partner's republication) goes
    to trafilatura when it is installed (the ``html`` extra), else to the element with
    the densest paragraphs; a page without any article body yields the visible text of
    ``<body>``, one line per block. Bytes are decoded UTF-8, then CP949.
    """
    from bs4 import BeautifulSoup

    if isinstance(html, (bytes, bytearray)):
        html = decode_bytes(bytes(html))
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(list(_DROP_TAGS)):
        tag.decompose()

    for template in _HTML_TEMPLATES:
        if any(soup.select_one(sel) is not None for sel in template["detect"]):
            text = _era_page(soup, template)
            if text is not None:
                return text

    body = next((el for sel in _BODY_SELECTORS for el in soup.select(sel) if el.find("p")), None)

    meta_el = None
    for el in soup.find_all(string=_META_LINE):
        meta_el = el.parent
        # climb to the element holding the whole header (source, time and editor)
        while meta_el.parent is not None and not TIMESTAMP.search(meta_el.get_text(" ")) and meta_el.parent.name != "body":
            meta_el = meta_el.parent
        break
    if meta_el is None:
        meta_el = next((el for el in soup.select(".h-info, .info, .source, .time") if TIMESTAMP.search(el.get_text(" "))), None)

    if meta_el is None:
        partner = _partner_page(html)
        if partner is not None:
            return partner
    if body is None:
        body = _densest_paragraph_parent(soup)

    title = _first_text(soup, _TITLE_SELECTORS)
    if title is None and soup.title is not None and soup.title.string:
        title = _TITLE_SUFFIX.sub("", _clean(soup.title.string)) or None

    if body is None and meta_el is None:
        root = soup.body or soup
        return "\n\n".join(_block_lines(root)) + "\n"

    out: list[str] = []
    if meta_el is not None:
        out.append(SITE_BANNER)
    if title:
        out.append(title)
    if meta_el is not None:
        meta_text = _canonical_meta(_clean(meta_el.get_text(" ")))
        if not _META_LINE.match(meta_text):  # not rebuildable: keep what follows 출처
            meta_text = meta_text[meta_text.index("출처"):] if "출처" in meta_text else "출처: " + meta_text
        out.append(meta_text)
    if body is not None:
        out.extend(line for line in _block_lines(body) if not (title and line == title))
        out.extend(_footer_lines(soup, body))
    return "\n\n".join(out) + "\n"


def _first_text(soup, selectors) -> Optional[str]:
    for sel in selectors:
        el = soup.select_one(sel)
        if el is not None and _clean(el.get_text(" ")):
            return _clean(el.get_text(" "))
    return None


def _labelled(value: Optional[str], label: str) -> Optional[str]:
    """``출처: 신화망`` -> ``신화망`` (the markup may or may not carry the label)."""
    if not value:
        return None
    value = regex.sub(rf"^\s*{label}\s*[:：]\s*", "", value).strip()
    return value or None


def _era_page(soup, template: dict[str, Any]) -> Optional[str]:
    """The page text of a Xinhua page of a known era, laid out like that era's text pages."""
    body = next((el for sel in template["body"] for el in soup.select(sel)), None)
    title = _first_text(soup, template["title"])
    if body is None or title is None:
        return None
    source = _labelled(_first_text(soup, template["source"]), "출처")
    editor = _labelled(_first_text(soup, template["editor"]), "편집")
    raw_time = _first_text(soup, template["time"]) or ""
    stamp = TIMESTAMP.search(raw_time)
    if stamp is not None:
        time = stamp.group(0)
    else:
        m = _NEWSCN_TIME.search(raw_time)
        time = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d} {m[4]}" if m else None
    out: list[str] = []
    if template["name"] == "newscn-2023":
        out.append(title)
        out.extend(line for line in (source and f"출처: {source}", time, editor and f"편집: {editor}") if line)
    else:
        out.extend([BREADCRUMB, title])
        parts = [f"출처: {source or '신화망'}"] + ([time] if time else []) + ([f"편집: {editor}"] if editor else [])
        out.append(" | ".join(parts))
    out.extend(line for line in _block_lines(body) if line != title)
    out.extend(_footer_lines(soup, body))
    return "\n\n".join(out) + "\n"


def _partner_page(html: str) -> Optional[str]:
    """A page of another site (a partner's republication): its main content by
    trafilatura (precision mode: no menus, comment counters or most-read lists), laid
    out as title, the page's date (``입력 YYYY-MM-DD``, when the page gives one) and one
    line per paragraph; ``None`` when trafilatura is not installed or finds nothing."""
    try:
        import trafilatura
        from lxml import etree
    except ImportError:
        return None
    xml = trafilatura.extract(html, output_format="xml", favor_precision=True, include_comments=False,
                              include_tables=False)
    if not xml:
        return None
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    lines = [_clean("".join(el.itertext())) for el in (main if main is not None else root).iter("p", "head", "item", "quote")]
    lines = [line for line in lines if line]
    if sum(len(line) for line in lines) < 40:
        return None
    meta = trafilatura.extract_metadata(html)
    title = _TITLE_SUFFIX.sub("", _clean(getattr(meta, "title", None) or "")) if meta is not None else ""
    title = regex.sub(r"\s+[-|_]\s+[^-|_]{1,30}$", "", title)  # "headline - site name"
    head = [title] if title and title != lines[0] else []
    day = getattr(meta, "date", None) if meta is not None else None
    if day and TIMESTAMP.match(day):
        head.append(f"입력 {day}")
    return "\n\n".join(head + lines) + "\n"


def _densest_paragraph_parent(soup):
    """The element whose direct ``<p>`` children hold the most text (the article body)."""
    best, best_len, seen = None, 0, set()
    for p in soup.find_all("p"):
        parent = p.parent
        if parent is None or id(parent) in seen:
            continue
        seen.add(id(parent))
        length = sum(len(c.get_text()) for c in parent.find_all("p", recursive=False))
        if length > best_len:
            best, best_len = parent, length
    return best


def _footer_lines(soup, body) -> list[str]:
    """Lines after the body that the layout knows as the page's footer (원문 출처, the
    contact block: 기사 오류, 전화, 이메일); never the related or recommended articles."""
    from ..layout import classify_line

    lines: list[str] = []
    last = body
    for last in body.descendants:
        pass
    for el in last.find_all_next(string=True):
        text = _clean(str(el))
        if not text or text in lines:
            continue
        kind = classify_line(text)
        if kind == "footer_hard" or (kind == "footer" and regex.match(r"\s*(?:전화|이메일)", text)):
            lines.append(text)
    return lines


__all__ = [
    "SourceDoc",
    "ArticleError",
    "SUPPORTED_SUFFIXES",
    "iter_sources",
    "read_path",
    "read_directory",
    "read_file",
    "read_txt",
    "read_html",
    "read_jsonl",
    "read_warc",
    "read_stdin",
    "html_to_text",
]
