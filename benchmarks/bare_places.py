"""How many bare hangul transcriptions of places resolve to their gold code.

A *bare transcription* is a place mention written in hangul only, without a hanja gloss at
the mention and without an administrative suffix: ``광시``, ``타이저우의``, ``이창·완저우``
(not ``이창(宜昌)``, not ``후베이성``, not ``하이시주``, not ``광시좡족자치구``). It is the
hardest mention to resolve — the name alone, with the article as its only context — and
issue 12 asks that at least 95% of them resolve.

Usage (from a checkout, with the project's virtualenv)::

    PYTHONPATH=src python benchmarks/bare_places.py GOLD_DIR [GOLD_DIR ...] [--texts DIR] [-v]

Each GOLD_DIR is scored on its own, then all together. Texts are found as by
``xinhua-extract eval`` (``--texts``, ``../articles``, ``../seeds``). ``-v`` lists every
miss with what the library gave at that name in that article.

The gold format has no offsets, so gold and text are aligned per name. The denominator
comes from gold and text alone: for each gold name written in hangul that is not itself
its division's name plus a Korean suffix (``후베이성``), the article's occurrences of it are
found that start a word and are followed only by particles (data/particles.tsv, column
``place``) — no gloss, no suffix, no longer word; the name's bare gold mentions are the
smaller of its gold count and that number. A bare mention is resolved when the library
has a mention starting at such an occurrence with the gold code (per name and code,
at most the gold count).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import regex

sys.path.append(str(Path(__file__).resolve().parents[1] / "src"))  # PYTHONPATH first

from xinhua_extract.evaluate import gold_articles  # noqa: E402
from xinhua_extract.particles import particles  # noqa: E402
from xinhua_extract.places.gazetteer import Gazetteer, get_gazetteer  # noqa: E402
from xinhua_extract.records import Article  # noqa: E402

_HANGUL = regex.compile(r"[가-힣]+")
_PARTICLES = particles("place")


def is_bare(text: str, code: str, gaz: Gazetteer) -> bool:
    """Hangul only and no administrative suffix of the gold division."""
    if not _HANGUL.fullmatch(text):
        return False
    division = gaz.by_code(code)
    if division is None:
        return False
    if text == division.hangul:
        return True
    return not any(text.endswith(s) and len(text) > len(s) for s in Gazetteer._korean_suffixes(division.suffix_zh))


_CONTENT = frozenset({"title", "caption", "body", "heading"})


def occurrences(article: Article, name: str) -> tuple[list[int], int]:
    """Where ``name`` starts a word in the article's content (its title, captions, headings
    and body, as the layout reads them; not its dateline, whose place is meta, nor the
    recommended headlines): the starts of its bare occurrences (followed by particles
    only) and the number of the others (a gloss, a suffix, a longer word)."""
    text = article.text
    content = [(b.start, b.end) for b in article.blocks if b.kind in _CONTENT]
    dateline = (article.dateline.start, article.dateline.end) if article.dateline else (0, 0)
    bare, other = [], 0
    for m in regex.finditer(r"(?<![가-힣])" + regex.escape(name) + r"(?P<rest>[가-힣]*)(?P<gloss>[ ]?\()?", text):
        if dateline[0] <= m.start() < dateline[1] or not any(lo <= m.start() < hi for lo, hi in content):
            continue
        if _is_particles(m.group("rest")) and not (m.group("gloss") and not m.group("rest")):
            bare.append(m.start())
        else:
            other += 1
    return bare, other


def _is_particles(rest: str) -> bool:
    return not rest or any(rest.startswith(p) and _is_particles(rest[len(p):]) for p in _PARTICLES)


def bare_gold(gold: dict, article: Article, gaz: Gazetteer) -> dict[str, tuple[Counter, list[int], int]]:
    """name -> (gold count per code, starts of its bare occurrences, its bare gold count).

    Gold that records glosses (a ``hanja`` key on every place, mention texts exact): the
    items without hanja. Gold without them (mention texts may be the name without the
    suffix the text gives): the name's items less its occurrences with a gloss or suffix."""
    exact = all("hanja" in p for p in gold.get("places", []))
    by_name: dict[str, Counter] = defaultdict(Counter)
    unglossed: Counter = Counter()
    for p in gold.get("places", []):
        if p.get("code") and is_bare(p["text"], p["code"], gaz):
            by_name[p["text"]][p["code"]] += 1
            unglossed[p["text"]] += not p.get("hanja")
    out = {}
    for name, codes in by_name.items():
        starts, other = occurrences(article, name)
        n = unglossed[name] if exact else sum(codes.values()) - other
        n = min(n, len(starts))
        if n > 0:
            out[name] = (codes, starts, n)
    return out


def score_dir(gold_dir: Path, texts_dir: Path | None, gaz: Gazetteer, misses: list[str]) -> tuple[int, int]:
    gold_total = resolved = 0
    for gold, article in gold_articles(gold_dir, texts_dir):
        wanted = bare_gold(gold, article, gaz)
        at = {p.start: p for p in article.places}
        for name, (codes, starts, n) in sorted(wanted.items()):
            hits = Counter(at[s].code for s in starts if s in at and at[s].code in codes)
            hit = min(n, sum(min(codes[c], k) for c, k in hits.items()))
            gold_total += n
            resolved += hit
            if hit < n:
                seen = sorted({(at[s].code or "ambiguous:" + "/".join(at[s].candidates)) if s in at else "nothing"
                               for s in starts})
                misses.append(f"{gold_dir.parent.name}/{article.id}: {name} {'/'.join(codes)} x{n - hit}"
                              f" of {n} (library at its bare occurrences: {', '.join(seen)})")
    return gold_total, resolved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dirs", nargs="+", type=Path)
    parser.add_argument("--texts", type=Path, default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    gaz = get_gazetteer()
    misses: list[str] = []
    all_gold = all_hit = 0
    print(f"{'gold dir':<48} {'bare':>5} {'resolved':>8} {'share':>7}")
    for gold_dir in args.gold_dirs:
        n, hit = score_dir(gold_dir, args.texts, gaz, misses)
        all_gold, all_hit = all_gold + n, all_hit + hit
        print(f"{str(gold_dir):<48} {n:>5} {hit:>8} {hit / n if n else 1:>7.1%}")
    if len(args.gold_dirs) > 1:
        print(f"{'all':<48} {all_gold:>5} {all_hit:>8} {all_hit / all_gold if all_gold else 1:>7.1%}")
    if args.verbose:
        print("\n".join(["", "misses:", *misses]) if misses else "\nno misses")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
