#!/usr/bin/env python3
"""Does the time per character stay flat as an article grows?

    python benchmarks/bench_growth.py                # article 014 x1, x4, x16, x64
    python benchmarks/bench_growth.py --article 010 --repeat 5

One fixture article's body is repeated k times (k = 1, 4, 16, 64) under its own header
lines, so every stage sees k times the paragraphs, numbers and place names. For each size
the best of ``--repeat`` runs of ``parse_article`` is reported as milliseconds per 1,000
characters, for the whole pipeline and for its stages (layout, tokenize, facts, glosses, places,
observations);
a linear pipeline gives a flat column. Times are the process's CPU time (the machine is
shared), the best of the interleaved repeats per size and per stage. The check (exit status 1 when it fails) is that
the largest size costs at most 10% more per 1,000 characters than the smallest
(``--tolerance``). Heavy resources are loaded and warmed before timing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
SIZES = (1, 4, 16, 64)
#: CPU time of this process: on a shared machine, wall time mostly measures the neighbours.
CLOCK = time.process_time


def grown(text: str, k: int) -> str:
    """The article with its body paragraphs repeated ``k`` times (header lines kept once)."""
    lines = text.splitlines()
    head = [line for line in lines[:3]]
    body = lines[3:]
    return "\n".join(head + body * k) + "\n"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--article", default="014", help="fixture number prefix (default 014)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tolerance", type=float, default=0.10)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)

    from xinhua_extract import parse_article
    from xinhua_extract import pipeline

    path = next(FIXTURES.glob(f"{args.article}*.txt"))
    base = path.read_text(encoding="utf-8")

    stages = {"layout": "analyse_layout", "tokenize": "tokenize_paragraphs", "facts": "extract_facts",
              "glosses": "extract_glosses", "places": "find_places", "observations": "find_observations"}
    spent: dict[str, float] = {}

    def timed(name: str, fn):
        def wrapper(*a, **kw):
            t0 = CLOCK()
            try:
                return fn(*a, **kw)
            finally:
                spent[name] = spent.get(name, 0.0) + CLOCK() - t0
        return wrapper

    for name, attr in stages.items():
        if hasattr(pipeline, attr):
            setattr(pipeline, attr, timed(name, getattr(pipeline, attr)))

    parse_article(base)  # load Kiwi, the gazetteer, jieba
    texts = {k: grown(base, k) for k in SIZES}
    best = {k: float("inf") for k in SIZES}
    best_stages: dict[int, dict[str, float]] = {k: {} for k in SIZES}
    for _ in range(args.repeat):  # interleaved, so that a busy spell of the machine hits every size
        for k in SIZES:
            spent.clear()
            t0 = CLOCK()
            parse_article(texts[k])
            elapsed = CLOCK() - t0
            for n, v in spent.items():  # each stage's best, as the whole's
                best_stages[k][n] = min(best_stages[k].get(n, float("inf")), v)
            best[k] = min(best[k], elapsed)
    rows = []
    for k in SIZES:
        per_k = 1000 / len(texts[k])
        rows.append(
            {"k": k, "chars": len(texts[k]), "ms_per_1k": best[k] * 1000 * per_k,
             **{f"{n}_ms_per_1k": best_stages[k].get(n, 0.0) * 1000 * per_k for n in stages}}
        )
    cols = ["k", "chars", "ms_per_1k", *(f"{n}_ms_per_1k" for n in stages)]
    print(f"article {path.name}")
    print("  ".join(f"{c:>20}" for c in cols))
    for r in rows:
        print("  ".join(f"{r[c]:>20.3f}" if isinstance(r[c], float) else f"{r[c]:>20}" for c in cols))
    growth = rows[-1]["ms_per_1k"] / rows[0]["ms_per_1k"] - 1
    ok = growth <= args.tolerance
    print(f"x{SIZES[-1]} vs x1 per 1,000 chars: {growth:+.1%} ({'flat' if ok else 'NOT flat'}, tolerance {args.tolerance:.0%})")
    if args.json:
        args.json.write_text(json.dumps({"article": path.name, "rows": rows, "growth": growth}, indent=1) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
