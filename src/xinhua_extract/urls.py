"""What an article URL of the Xinhua Korean service says: publication date, page number
and the key shared by all pages of one article.

Two URL schemes (the traditional-script mirror ``big5.news.cn/gate/big5/<host>/…``
wraps either):

* ``kr.xinhuanet.com/2017-01/20/c_136000000.htm`` (2014–2022); page N of a multi-page
  article is ``c_136000000_N.htm``;
* ``kr.news.cn/20240117/<32 hex>/c.html`` (2023–); page N is ``c_N.html``.

Partner sites that republish the service on the same publishing system keep the dated
path with ``content_<id>.htm`` (``…/2026-02/13/content_87681.htm``): the same date. Any
other site's URL with a dated path (``/system/2025/12/16/001553628.shtml``) gives its date
only (one page, the URL its own key).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

import regex

from .errors import ArgumentError

_OLD = regex.compile(r"/(?P<y>\d{4})-(?P<m>\d{2})/(?P<d>\d{2})/(?P<key>(?:c|content)_\d+)(?:_(?P<page>\d{1,3}))?\.s?html?\b")
#: any other site's dated path (``/system/2025/12/16/001553628.shtml``, ``/n3/2026/0104/…``, an
#: e-paper's ``/content/202501/16/content_5305.html``)
_DATED = regex.compile(r"/(?P<y>(?:19|20)\d{2})(?:[-/](?P<m>\d{2})[-/]?|(?P<m>\d{2})/)(?P<d>\d{2})/")
_NEW = regex.compile(r"/(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})/(?P<key>[0-9a-f]{16,40})/c(?:_(?P<page>\d{1,3}))?\.s?html?\b")


@dataclass(frozen=True, slots=True)
class ArticleUrl:
    """``date`` the publication date in the path, ``page`` 1 for a first page, ``key``
    the article's identity (all its pages share it)."""

    url: str
    date: Optional[date]
    page: int
    key: str


def parse_article_url(url: object) -> Optional[ArticleUrl]:
    """The date, page and key of a Xinhua article URL, or ``None`` for any other URL."""
    if url is None:
        return None
    if not isinstance(url, str):
        raise ArgumentError(f"url must be a str (the page's address), not {type(url).__name__}")
    m = _OLD.search(url) or _NEW.search(url)
    if m is None:
        return _dated_partner_url(url)
    try:
        day: Optional[date] = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        day = None
    prefix = url[: m.start("key")].split("/gate/big5/")[-1].split("://")[-1]
    return ArticleUrl(url=url, date=day, page=int(m["page"]) if m["page"] else 1, key=prefix + m["key"])


def _dated_partner_url(url: str) -> Optional[ArticleUrl]:
    """A partner site's article URL with a date in its path: the date only (one page,
    its own key), or ``None``."""
    m = _DATED.search(url)
    if m is None:
        return None
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return ArticleUrl(url=url, date=day, page=1, key=url.split("://")[-1])


_XINHUA_HOST = regex.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^/?#]*\.)?(?:xinhuanet\.com|news\.cn)(?::\d+)?(?:[/?#]|$)", regex.I)


def is_xinhua_url(url: Optional[str]) -> bool:
    """Whether ``url`` is on a Xinhua host (``kr.xinhuanet.com``, ``kr.news.cn``, the
    ``big5.news.cn`` gate): a page elsewhere is a partner's republication."""
    return isinstance(url, str) and _XINHUA_HOST.match(url.strip()) is not None
