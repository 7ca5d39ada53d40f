"""Dates: our rules (``xinhua_extract.facts.dates``) against the ``korean-datetime`` package.

Both systems read the same text spans with the same reference date, over

* the dates corpus (``facts/corpus/dates.py``: every example, the not-supported ones
  too, and the negatives; examples without a reference date are left out), and
* the fixture articles (``tests/fixtures/{articles,gold}``) and the real seed
  (``../shared/{seeds,gold}``) when present, content spans from the layout module.

Scoring follows the gold rules: per item, predicted and gold date values are compared
as multisets; micro precision, recall and F1 over all items; accuracy is the share of
items whose whole multiset is right. ``detF1`` is span-level: a prediction counts when
it overlaps a gold mention, whatever its value (gold mentions carry no offsets; they are
located by searching in text order, past comparison bases). Times are per item (one
phrase, or one article's content spans), after a warm-up.

korean-datetime is mapped to our value format as well as it allows (its results are
half-open ``[start, end)`` intervals with a grain): single calendar units become
``YYYY``/``YYYY-Hn``/``YYYY-Qn``/``YYYY-MM``/``YYYY-MM-DD``, spans of several units
``A/B``; a span of days inside one month (``8월 초`` -> the 1st to the 10th) becomes
that month, our convention; ``A부터 B까지`` ranges become two values, as in our gold;
times of day are dropped (not dates in our schema), date-times keep their day. It runs
with its default options and with ``cycle=NEAREST``, which its README recommends for
news. It is a benchmark-only dependency (the ``bench`` extra), never a runtime one.

    PYTHONPATH=src .venv/bin/python benchmarks/dates_vs_korean_datetime.py [--show N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from xinhua_extract.facts.corpus.dates import EXAMPLES, NEGATIVES, REFERENCE  # noqa: E402
from xinhua_extract.facts.dates import extract_dates  # noqa: E402


@dataclass
class Item:
    name: str
    text: str
    spans: list[tuple[int, int]]
    reference: date
    gold: list[tuple[str, str]]  # (text, value)
    gold_spans: list[tuple[int, int]] = field(default_factory=list)


# --------------------------------------------------------------------------- data
_BASE_AFTER = re.compile(r"\s?(?:보다|대비|같은 기간|동기|동월|[가-힣]{1,5}보다)")


def _locate(text: str, spans: list[tuple[int, int]], mentions: list[str]) -> list[tuple[int, int]]:
    """Offsets of the gold mentions (the gold has none), found in order inside the content
    spans, skipping occurrences that are comparison bases (``지난해 같은 기간보다``)."""
    out, cursor = [], 0
    for mention in mentions:
        pos = -1
        probe = cursor
        while True:
            pos = text.find(mention, probe)
            if pos < 0:
                break
            end = pos + len(mention)
            inside = any(s <= pos and end <= e for s, e in spans)
            if inside and not _BASE_AFTER.match(text, end):
                break
            probe = pos + 1
        if pos >= 0:
            out.append((pos, pos + len(mention)))
            cursor = pos + len(mention)
    return out


def corpus_items() -> list[Item]:
    items = []
    for ex in EXAMPLES:
        if ex.reference is None:
            continue
        gold = [(t, v) for t, v, *_ in ex.expected]
        spans = [(0, len(ex.phrase))]
        located = _locate(ex.phrase, spans, [t for t, _ in gold])
        items.append(Item(ex.phrase, ex.phrase, spans, ex.reference, gold, located))
    for neg in NEGATIVES:
        items.append(Item(neg.phrase, neg.phrase, [(0, len(neg.phrase))], REFERENCE, []))
    return items


def _fallback_spans(text: str) -> list[tuple[int, int]]:
    """Title plus body lines (dateline to 원문 출처) when the layout module is unavailable."""
    lines, offset = [], 0
    for line in text.splitlines(keepends=True):
        lines.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    first = next((i for i, (_, s) in enumerate(lines) if "[신화" in s or "=신화통신)" in s), 0)
    last = next((i for i, (_, s) in enumerate(lines) if s.lstrip().startswith("원문 출처")), len(lines))
    spans = []
    for start, s in lines[first:last]:
        if s.strip():
            cut = s.index("]") + 1 if "[신화" in s else 0
            spans.append((start + cut, start + len(s)))
    return spans


def _content_spans(text: str, gold: dict) -> list[tuple[int, int]]:
    try:
        from xinhua_extract.layout import analyse_layout
    except Exception:  # the layout module (or a sibling it imports) is not there yet
        return _fallback_spans(text)
    has_header = any(line.lstrip().startswith("출처") for line in text.splitlines())
    published = None if has_header else gold.get("meta", {}).get("published")
    return [(p.start, p.end) for p in analyse_layout(text, published=published).paragraphs]


def article_items() -> list[Item]:
    pairs = []
    fixtures = ROOT / "tests" / "fixtures"
    for gold_path in sorted((fixtures / "gold").glob("*.gold.json")):
        article = fixtures / "articles" / (gold_path.name[: -len(".gold.json")] + ".txt")
        if article.exists():
            pairs.append((article, gold_path))
    shared = ROOT.parent / "shared"
    for gold_path in sorted((shared / "gold").glob("*.gold.json")):
        seed = shared / "seeds" / (gold_path.name[: -len(".gold.json")] + ".txt")
        if seed.exists():
            pairs.append((seed, gold_path))
    items = []
    for article, gold_path in pairs:
        text = article.read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not gold.get("reference_date"):
            continue
        spans = _content_spans(text, gold)
        mentions = [(d["text"], d["value"]) for d in gold.get("date", [])]
        items.append(
            Item(article.stem, text, spans, date.fromisoformat(gold["reference_date"]), mentions,
                 _locate(text, spans, [t for t, _ in mentions]))
        )
    return items


# --------------------------------------------------------------------------- systems
Prediction = tuple[list[str], list[tuple[int, int]]]  # values, spans


def ours(item: Item) -> Prediction:
    records = extract_dates(item.text, item.spans, item.reference)
    return [r.value for r in records if r.value is not None], [(r.start, r.end) for r in records]


def _unit_index(dt: datetime, grain: str) -> tuple[int, int]:
    if grain == "year":
        return dt.year, 0
    if grain == "half_year":
        return dt.year, (dt.month - 1) // 6
    if grain == "quarter":
        return dt.year, (dt.month - 1) // 3
    return dt.year, dt.month - 1  # month


def _format(dt: datetime, grain: str) -> str:
    if grain == "year":
        return f"{dt.year:04d}"
    if grain == "half_year":
        return f"{dt.year:04d}-H{(dt.month - 1) // 6 + 1}"
    if grain == "quarter":
        return f"{dt.year:04d}-Q{(dt.month - 1) // 3 + 1}"
    if grain == "month":
        return f"{dt.year:04d}-{dt.month:02d}"
    return dt.date().isoformat()


def kd_values(expr) -> list[str]:
    """Our value format for one korean-datetime result (see the module docstring)."""
    kind, grain = expr.kind.value, expr.grain.value
    if kind in ("time", "vague"):
        return []
    start, last = expr.start, expr.end - timedelta(microseconds=1)
    if kind == "datetime" or grain in ("hour", "minute", "second"):
        grain = "day"
    if grain == "week":
        grain = "day"
    if expr.is_range and ("부터" in expr.text or "까지" in expr.text):
        return [_format(start, grain), _format(last, grain)]
    if grain == "day":
        if start.date() == last.date():
            return [_format(start, "day")]
        whole_month = (start.year, start.month) == (last.year, last.month)
        if whole_month and not expr.is_range:  # 8월 초, 지난달 말: our month-grain convention
            return [_format(start, "month")]
        return [f"{_format(start, 'day')}/{_format(last, 'day')}"]
    if _unit_index(start, grain) == _unit_index(last, grain):
        return [_format(start, grain)]
    return [f"{_format(start, grain)}/{_format(last, grain)}"]


def korean_datetime_system(cycle: Optional[str]) -> Callable[[Item], Prediction]:
    from korean_datetime import Cycle, ParseOptions, TemporalParser

    parser = TemporalParser(ParseOptions(cycle=Cycle(cycle)) if cycle else None)

    def run(item: Item) -> Prediction:
        values, spans = [], []
        now = datetime(item.reference.year, item.reference.month, item.reference.day)
        for s, e in item.spans:
            for expr in parser.parse_all(item.text[s:e], now=now):
                mapped = kd_values(expr)
                if mapped:
                    values.extend(mapped)
                    spans.append((s + expr.span[0], s + expr.span[1]))
        return values, spans

    return run


# --------------------------------------------------------------------------- scoring
def evaluate(system: Callable[[Item], Prediction], items: list[Item]):
    for item in items[:3]:
        system(item)  # warm-up: compiled patterns, lazy caches
    tp = fp = fn = exact = 0
    det_tp_pred = det_pred = det_tp_gold = det_gold = 0
    elapsed = 0.0
    misses = []
    for item in items:
        t0 = time.perf_counter()
        values, spans = system(item)
        elapsed += time.perf_counter() - t0
        gold, pred = Counter(v for _, v in item.gold), Counter(values)
        hit = sum((gold & pred).values())
        tp, fp, fn = tp + hit, fp + sum(pred.values()) - hit, fn + sum(gold.values()) - hit
        exact += gold == pred
        if gold != pred:
            misses.append((item.name, sorted((gold - pred).elements()), sorted((pred - gold).elements())))
        overlaps = lambda a, b: a[0] < b[1] and b[0] < a[1]  # noqa: E731
        det_pred += len(spans)
        det_tp_pred += sum(any(overlaps(p, g) for g in item.gold_spans) for p in spans)
        det_gold += len(item.gold_spans)
        det_tp_gold += sum(any(overlaps(g, p) for p in spans) for g in item.gold_spans)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    dp = det_tp_pred / det_pred if det_pred else 0.0
    dr = det_tp_gold / det_gold if det_gold else 0.0
    df1 = 2 * dp * dr / (dp + dr) if dp + dr else 0.0
    return {
        "items": len(items), "accuracy": exact / len(items) if items else 0.0,
        "precision": p, "recall": r, "f1": f1, "detect_f1": df1,
        "us_per_item": elapsed / len(items) * 1e6 if items else 0.0, "misses": misses,
    }


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print up to N wrong items per system")
    args = parser.parse_args(argv)
    systems = {"xinhua_extract": ours}
    try:
        systems["korean-datetime"] = korean_datetime_system(None)
        systems["korean-datetime nearest"] = korean_datetime_system("nearest")
    except ImportError:
        print("korean-datetime is not installed (pip install 'xinhua-extract[bench]'): ours only")
    datasets = {"corpus": corpus_items(), "articles": article_items()}
    header = (
        f"{'dataset':9} {'system':24} {'items':>5} {'acc':>6} {'P':>6} {'R':>6} {'F1':>6} {'detF1':>6} {'us/item':>9}"
    )
    print(header)
    print("-" * len(header))
    for dname, items in datasets.items():
        if not items:
            print(f"{dname:9} (no items)")
            continue
        for sname, system in systems.items():
            m = evaluate(system, items)
            print(
                f"{dname:9} {sname:24} {m['items']:5d} {m['accuracy']:6.3f} {m['precision']:6.3f} "
                f"{m['recall']:6.3f} {m['f1']:6.3f} {m['detect_f1']:6.3f} {m['us_per_item']:9.1f}"
            )
            for name, missed, extra in m["misses"][: args.show]:
                print(f"    {name[:40]!r}: missed {missed} extra {extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
