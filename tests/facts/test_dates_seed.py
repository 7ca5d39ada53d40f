"""The real seed article: exactly the five gold dates, nothing else."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from xinhua_extract.facts.dates import extract_dates

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED_ID = "000_896578ecfce59915"


def _content_spans(text: str) -> list[tuple[int, int]]:
    """Title line plus body lines (dateline line to the one before 원문 출처), dateline cut.

    Deliberately tiny and local: the layout module does this for real.
    """
    lines, offset = [], 0
    for line in text.splitlines(keepends=True):
        lines.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    meta = next(i for i, (_, s) in enumerate(lines) if s.lstrip().startswith("출처:"))
    title = next(i for i in range(meta - 1, -1, -1) if lines[i][1].strip())
    first = next(i for i, (_, s) in enumerate(lines) if "[신화망" in s)
    last = next(i for i, (_, s) in enumerate(lines) if s.lstrip().startswith("원문 출처"))
    spans = [(lines[title][0], lines[title][0] + len(lines[title][1]))]
    for start, s in lines[first:last]:
        if not s.strip():
            continue
        cut = s.index("]") + 1 if "[신화망" in s else 0
        spans.append((start + cut, start + len(s)))
    return spans


def test_seed_dates_match_gold():
    seed = SHARED / "seeds" / f"{SEED_ID}.txt"
    gold_path = SHARED / "gold" / f"{SEED_ID}.gold.json"
    if not seed.exists() or not gold_path.exists():
        pytest.skip(f"the real seed and its gold are read from {SHARED}, which lacks them")
    text = seed.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    records = extract_dates(text, _content_spans(text), date.fromisoformat(gold["reference_date"]))
    assert [(r.text, r.value) for r in records] == [(d["text"], d["value"]) for d in gold["date"]]
    assert all(text[r.start : r.end] == r.text for r in records)
