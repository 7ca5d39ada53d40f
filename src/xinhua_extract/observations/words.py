"""The hand-curated word lists the observation rules read (``data/observation_words.tsv``).

Forms are Kiwi lemmas (``늘`` for 늘었다), so a rule compares ``Token.form`` and never the
surface text. Loaded once per process.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

CATEGORIES = ("up", "down", "share", "share_noun", "target", "qualifier", "generic", "now",
              "continue", "national", "bound", "basis", "among", "scale", "compare", "country",
              "division_class", "world")


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """Category -> forms. Raises ``ValueError`` on an unknown category (a typo in the file)."""
    found: dict[str, set[str]] = {c: set() for c in CATEGORIES}
    path = resources.files("xinhua_extract").joinpath("data", "observation_words.tsv")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        category, form = line.split("\t")[:2]
        if category not in found:
            raise ValueError(f"observation_words.tsv line {number}: unknown category {category!r}")
        found[category].add(form)
    return {c: frozenset(v) for c, v in found.items()}
