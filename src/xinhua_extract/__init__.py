"""xinhua-extract: Korean-language Xinhua news articles -> typed, offset-anchored data.

>>> from xinhua_extract import parse_article
>>> article = parse_article(text)           # doctest: +SKIP
>>> [(f.type, f.text, f.value) for f in article.facts]   # doctest: +SKIP
"""

from __future__ import annotations

from .errors import XinhuaExtractError
from .pipeline import parse_article
from .records import SCHEMA_VERSION, Article
from .tokenize import warm_up

__version__ = "0.1.0"


def parse_articles(sources, **kwargs):
    """Stream :class:`Article` (or error) records over many sources; see :mod:`xinhua_extract.batch`."""
    from .batch import parse_articles as _parse_articles

    return _parse_articles(sources, **kwargs)


__all__ = [
    "Article",
    "SCHEMA_VERSION",
    "XinhuaExtractError",
    "parse_article",
    "parse_articles",
    "warm_up",
    "__version__",
]
