"""The Korean particles (조사), copula endings and word-final nouns that may end a word
after a unit, a place name, a gloss or a part of a date, and the case particles the rules
read as a verb's argument, a noun phrase's end, a list's joint or a conversion's joint: one table
(data/particles.tsv, built by scripts/build_particles.py) read by every rule that needs
one of these lists (no module keeps its own; tests/test_particles.py scans the sources).

``particle_pattern`` turns a selection into a regex alternation, longest form first."""

from __future__ import annotations

import csv
import functools
from importlib import resources

__all__ = ["particle_pattern", "particles", "USES"]

#: The columns of the table: after a counter/currency/rank word, a place name, a gloss's
#: closing parenthesis, a part of a date (말, 초); between a quantity and a verb of
#: exceeding (``명을 넘는``); closing a noun phrase (``수출이``); joining listed figures;
#: joining an amount to its conversion (``위안으로 한화 …``); making a name an area (``중원 지역``).
USES = ("unit", "place", "gloss", "date", "verb", "noun", "list", "convert", "area")


@functools.lru_cache(maxsize=None)
def _rows() -> tuple[dict[str, str], ...]:
    path = resources.files("xinhua_extract").joinpath("data", "particles.tsv")
    with path.open(encoding="utf-8", newline="") as fh:  # type: ignore[call-overload]  # a file on disk
        return tuple(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.lru_cache(maxsize=None)
def particles(use: str, meaning: str | None = None) -> tuple[str, ...]:
    """The forms marked for ``use`` (one of :data:`USES`), in table order; with ``meaning``
    only those of that meaning (``particles("verb", "object")`` -> 을, 를)."""
    if use not in USES:
        raise ValueError(f"unknown particle use {use!r}; expected one of {USES}")
    rows = [r for r in _rows() if r[use] == "yes" and (meaning is None or r["meaning"] == meaning)]
    if not rows:
        raise ValueError(f"no particle of use {use!r} means {meaning!r}")
    return tuple(r["form"] for r in rows)


def particle_pattern(use: str, meaning: str | None = None) -> str:
    """``particles(use, meaning)`` as a regex alternation (no group), longest form first
    so that ``에서`` is tried before ``에``."""
    return "|".join(sorted(particles(use, meaning), key=len, reverse=True))
