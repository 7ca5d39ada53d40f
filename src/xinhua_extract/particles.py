"""The Korean particles (조사), copula endings and word-final nouns that may end a word
after a unit, a place name, a gloss or a part of a date: one table (data/particles.tsv,
built by scripts/build_particles.py) read by every rule that asks where a word ends."""

from __future__ import annotations

import csv
import functools
from importlib import resources

__all__ = ["particles", "USES"]

#: The columns of the table: after a counter/currency/rank word, a place name, a gloss's
#: closing parenthesis, a part of a date (말, 초).
USES = ("unit", "place", "gloss", "date")


@functools.lru_cache(maxsize=None)
def _rows() -> tuple[dict[str, str], ...]:
    path = resources.files("xinhua_extract").joinpath("data", "particles.tsv")
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.lru_cache(maxsize=None)
def particles(use: str) -> tuple[str, ...]:
    """The forms marked for ``use`` (one of :data:`USES`), in table order."""
    if use not in USES:
        raise ValueError(f"unknown particle use {use!r}; expected one of {USES}")
    return tuple(r["form"] for r in _rows() if r[use] == "yes")
