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


def compiled_modules() -> tuple[str, ...]:
    """The package's modules running compiled (mypyc, see setup.py); empty for a pure
    install (editable, ``XINHUA_EXTRACT_PURE=1``, or no C compiler at build time).
    Benchmarks record it beside their figures."""
    import importlib.machinery
    import sys

    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return tuple(sorted(
        name for name, module in list(sys.modules.items())
        if name.partition(".")[0] == __name__ and str(getattr(module, "__file__", "") or "").endswith(suffixes)
    ))


def parse_articles(sources, **kwargs):
    """Stream :class:`Article` (or error) records over many sources; see :mod:`xinhua_extract.batch`."""
    from .batch import parse_articles as _parse_articles

    return _parse_articles(sources, **kwargs)


__all__ = [
    "Article",
    "SCHEMA_VERSION",
    "XinhuaExtractError",
    "compiled_modules",
    "parse_article",
    "parse_articles",
    "warm_up",
    "__version__",
]
