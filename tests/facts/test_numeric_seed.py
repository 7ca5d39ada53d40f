"""The numeric extractors on the real seed article against its gold: every gold money,
percentage, count and rank found, nothing else of those types (as multisets)."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from xinhua_extract.facts.count import extract_counts
from xinhua_extract.facts.money import conversion_warnings, extract_money
from xinhua_extract.facts.percentage import extract_percentages
from xinhua_extract.facts.rank import extract_ranks
from xinhua_extract.records import Token

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seeds" / "000_896578ecfce59915.txt"
GOLD = ROOT.parent / "shared" / "gold" / "000_896578ecfce59915.gold.json"


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists() or not GOLD.exists():
        pytest.skip(f"the seed and its gold are read from {SEED.parent.parent}, which is absent")
    return SEED.read_text(encoding="utf-8"), json.loads(GOLD.read_text(encoding="utf-8"))


def _spans(text: str) -> list[tuple[int, int]]:
    """Title line + body (the line with ``[신화망`` up to the line starting ``원문 출처``);
    a stand-in until the layout module gives the content blocks."""
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, line))
        pos += len(line)
    meta = next(i for i, (_, line) in enumerate(lines) if line.lstrip().startswith("출처"))
    title = next(i for i in range(meta - 1, -1, -1) if lines[i][1].strip())
    first = next(i for i, (_, line) in enumerate(lines) if "[신화망" in line)
    last = next(i for i, (_, line) in enumerate(lines) if line.lstrip().startswith("원문 출처"))
    start, line = lines[title]
    return [(start, start + len(line.rstrip("\n"))), (lines[first][0], lines[last][0])]


@pytest.fixture(scope="module")
def tokens(seed):
    from kiwipiepy import Kiwi

    text = seed[0]
    return [Token(form=t.form, tag=t.tag, start=t.start, end=t.start + t.len) for t in Kiwi().tokenize(text)]


def _key(item: dict, attr: str) -> tuple:
    return (Decimal(item["value"]), item.get(attr), bool(item.get("approx", False)))


def _rec_key(rec, attr: str) -> tuple:
    return (rec.value, getattr(rec, attr) if attr else None, bool(getattr(rec, "approx", False)))


@pytest.mark.parametrize(
    "kind,attr",
    [("money", "currency"), ("percentage", "unit"), ("count", "counter"), ("rank", None)],
)
def test_seed_matches_gold(seed, tokens, kind, attr):
    text, gold = seed
    spans = _spans(text)
    records = {
        "money": lambda: extract_money(text, spans),
        "percentage": lambda: extract_percentages(text, spans),
        "count": lambda: extract_counts(text, spans, tokens),
        "rank": lambda: extract_ranks(text, spans),
    }[kind]()
    for rec in records:
        assert text[rec.start : rec.end] == rec.text
        assert any(s <= rec.start and rec.end <= e for s, e in spans)
    want = Counter(_key(g, attr) if attr else (Decimal(g["value"]), None, False) for g in gold[kind])
    got = Counter(_rec_key(r, attr) for r in records)
    assert got - want == Counter(), "found, not in gold"
    assert want - got == Counter(), "in gold, not found"
    assert Counter(r.text for r in records) == Counter(g["text"] for g in gold[kind])


def test_seed_conversions(seed):
    text, gold = seed
    money = extract_money(text, _spans(text))
    pairs = [
        (money[m.equivalent_of].text, m.text, format(m.rate, "f")) for m in money if m.equivalent_of is not None
    ]
    assert pairs == [(c["from"], c["to"], c["implied_krw_per_cny"]) for c in gold["conversions"]]
    assert conversion_warnings(money) == ()
