"""Multi-page articles: join the pages of one article into one text, in page order.

The 2015–2020 site split long articles over ``c_<id>.htm``, ``c_<id>_2.htm``, …; an
archive holding all of them should yield one Article, not one per page (a page parsed
alone says which page it is, warning W061). :func:`join_pages` works on a stream of
:class:`~xinhua_extract.io.readers.SourceDoc`: consecutive docs whose URLs are pages of
one article (same key, see :mod:`xinhua_extract.urls`) become one doc whose text is
page 1 up to the end of its content, then the content of each further page (its
breadcrumb, repeated title, meta and footer left out), then the last page's footer.
Archives list the pages of an article together (sorted paths and WARC crawls do), so
the stream is never buffered beyond one article.
"""

from __future__ import annotations

import logging
from typing import Iterable, Iterator, Union

from .errors import XinhuaExtractError
from .io.readers import ArticleError, SourceDoc, html_to_text
from .layout import analyse_layout
from .source_text import decode_bytes
from .urls import parse_article_url

log = logging.getLogger(__name__)

_Item = Union[SourceDoc, ArticleError]
_BODY_KINDS = ("caption", "body", "heading")


def join_pages(items: Iterable[_Item]) -> Iterator[_Item]:
    """The stream with every run of consecutive pages of one article joined into one
    :class:`SourceDoc` (format ``text``, the first page's id, URL and ``published``);
    everything else passes through unchanged and in order."""
    run: list[SourceDoc] = []
    run_key = None
    for item in items:
        where = parse_article_url(item.url) if isinstance(item, SourceDoc) else None
        key = where.key if where else None
        if run and key == run_key and key is not None:
            run.append(item)
            continue
        yield from _flush(run)
        run, run_key = ([item], key) if key is not None else ([], None)
        if key is None:
            yield item
    yield from _flush(run)


def _flush(run: list[SourceDoc]) -> Iterator[_Item]:
    if len(run) < 2:
        yield from run
        return
    ordered = sorted(run, key=lambda doc: parse_article_url(doc.url).page)
    pages = [parse_article_url(doc.url).page for doc in ordered]
    if len(set(pages)) != len(pages):  # the same page twice: not ours to choose
        yield from run
        return
    try:
        texts = [_text(doc) for doc in ordered]
        joined = join_texts(texts)
    except XinhuaExtractError as exc:  # a page that is no article: parse them one by one
        log.debug("not joining %s: %s", ordered[0].url, exc)
        yield from run
        return
    first = ordered[0]
    yield SourceDoc(joined, id=first.id, source="+".join(doc.source for doc in ordered), format="text",
                    published=first.published, url=first.url)


def _text(doc: SourceDoc) -> str:
    if doc.format == "html":
        return html_to_text(doc.text)
    return decode_bytes(doc.text) if isinstance(doc.text, (bytes, bytearray)) else doc.text


def join_texts(texts: list[str]) -> str:
    """One page text from the texts of pages 1..N of one article (in page order)."""
    parts = []
    for i, text in enumerate(texts):
        layout = analyse_layout(text)
        content = [b for b in layout.blocks if b.kind in _BODY_KINDS or (i == 0 and b.kind == "title")]
        if not content:
            continue
        start = 0 if i == 0 else content[0].start
        end = len(text) if i == len(texts) - 1 else content[-1].end
        parts.append(text[start:end].strip("\n"))
    return "\n\n".join(parts) + "\n"
