"""Scoring observations against gold, the way ``shared/gold/OBSERVATIONS.md`` says.

A gold observation (``*.observations.json``: one entry per observation in text order, with
the fact's ``text``, ``value``, ``type``) matches the system's observation on the same fact
(same type, value and text; repeated figures pair up in text order). Per slot:

- coverage: gold observations that have a system observation; and system observations made
  for KRW conversions (must be 0);
- role; measure (the system's ``measure.text`` ends with the gold ``head`` and is at most 25
  characters; a gold ``head`` of null wants no measure);
- places (set equality) and period (exact, null included) over level, change, share, target;
- direction over change.

A gold observation without a match counts as wrong on every slot it is scored on, so the
accuracies are over the gold, not over what was found. ``overall`` is the mean of role,
measure, places and period accuracy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Optional

from ..records import Article

SLOTS = ("role", "measure", "places", "period", "direction")
SCORED_WHERE = frozenset({"level", "change", "share", "target"})


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += bool(ok)


@dataclass
class ObservationReport:
    articles: int = 0
    gold: int = 0
    covered: int = 0
    conversions: int = 0
    slots: dict[str, Tally] = field(default_factory=lambda: {s: Tally() for s in SLOTS})
    misses: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.covered / self.gold if self.gold else 1.0

    @property
    def overall(self) -> float:
        return sum(self.slots[s].accuracy for s in ("role", "measure", "places", "period")) / 4


def _num(value) -> str:
    try:
        return format(Decimal(str(value)).normalize(), "f")
    except (InvalidOperation, ValueError):
        return str(value)


def naive_observations(article: Article) -> tuple:
    """A nearest-subject baseline to compare against: every figure a level; its measure the
    topic or subject phrase nearest before it in the sentence (or a count's own subject);
    its places the codes named in its sentence; its period the nearest date before it in
    the sentence."""
    from ..records import DateFact, Observation, Span
    from .measure import argument_before
    from .phrases import Layer

    layer = Layer(article.text, article.tokens, article.facts, article.places, article.sentences)
    out = []
    for i, f in enumerate(article.facts):
        if f.type not in ("money", "percentage", "count") or getattr(f, "equivalent_of", None) is not None:
            continue
        if f.sentence is None:
            continue
        lo, hi = layer.sentence_range[f.sentence]
        first = layer.span(f.start, f.end)[0]
        run = argument_before(layer, first, lo)
        measure = Span(text=article.text[run.start:run.end], start=run.start, end=run.end) if run else None
        subject = getattr(f, "subject", None)
        if subject:
            at = article.text.find(subject, article.sentences[f.sentence].start)
            measure = Span(text=subject, start=at, end=at + len(subject))
        dates = [d for d in article.facts if isinstance(d, DateFact) and d.sentence == f.sentence and d.start < f.start]
        out.append(Observation(fact=i, role="level", measure=measure, places=f.places or ("CN",),
                               period=dates[-1].value if dates else None, rule="baseline"))
    return tuple(out)


def score_observations(article: Article, gold: dict, report: ObservationReport, observations=None) -> None:
    """Add one article's comparison to ``report`` (``observations``: score these instead of
    ``article.observations``, e.g. the baseline's)."""
    report.articles += 1
    by_key: dict[tuple, list] = {}
    for o in (article.observations if observations is None else observations):
        f = article.facts[o.fact]
        if getattr(f, "equivalent_of", None) is not None:
            report.conversions += 1
        by_key.setdefault((f.type, _num(f.value), f.text), []).append(o)  # type: ignore[attr-defined]
    for g in gold.get("observations", []):
        report.gold += 1
        key = (g["type"], _num(g["value"]), g["text"])
        found = by_key.get(key)
        o = found.pop(0) if found else None
        report.covered += o is not None
        where = f"{article.id}: {g['text']!r}"
        _slot(report, "role", o is not None and o.role == g["role"], where, g["role"], o and o.role)
        head = g.get("head")
        if head is None:
            ok = o is not None and o.measure is None
        else:
            ok = o is not None and o.measure is not None and o.measure.text.endswith(head) and len(o.measure.text) <= 25
        _slot(report, "measure", ok, where, head, o and o.measure and o.measure.text)
        if g["role"] in SCORED_WHERE:
            want = sorted(g.get("places") or [])
            _slot(report, "places", o is not None and sorted(o.places) == want, where, want, o and list(o.places))
            _slot(report, "period", o is not None and o.period == g.get("period"), where, g.get("period"), o and o.period)
        if g["role"] == "change":
            _slot(report, "direction", o is not None and o.direction == g.get("direction"), where,
                  g.get("direction"), o and o.direction)


def _slot(report: ObservationReport, slot: str, ok: bool, where: str, want, got) -> None:
    report.slots[slot].add(ok)
    if not ok:
        report.misses.append(f"{slot:<9} {where}: gold {want!r}, got {got!r}")


def evaluate_observations_dir(gold_dir, texts_dir=None, *, baseline: bool = False) -> ObservationReport:
    """Parse every article with a ``*.observations.json`` in ``gold_dir`` and score it
    (``baseline``: score :func:`naive_observations` instead)."""
    from ..evaluate import _caller_published, find_text
    from ..pipeline import parse_article

    gold_dir = Path(gold_dir)
    paths = sorted(gold_dir.glob("*.observations.json"))
    if not paths:
        raise FileNotFoundError(f"no *.observations.json files in {gold_dir}")
    report = ObservationReport()
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        article_id = gold.get("id") or path.name[: -len(".observations.json")]
        text_path = find_text(article_id, gold_dir, Path(texts_dir) if texts_dir else None)
        if text_path is None:
            raise FileNotFoundError(f"no text for {article_id}: looked in --texts, ../articles, ../seeds and {gold_dir}")
        text = text_path.read_text(encoding="utf-8")
        facts_gold = _facts_gold(gold_dir, article_id)
        article = parse_article(text, id=article_id, published=_caller_published(facts_gold or gold, text),
                                reference_date=gold.get("reference_date"))
        score_observations(article, gold, report, naive_observations(article) if baseline else None)
    return report


def _facts_gold(gold_dir: Path, article_id: str) -> Optional[dict]:
    """The article's fact gold beside it (it says how the page was published), if any."""
    path = gold_dir / f"{article_id}.gold.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def format_observation_report(report: ObservationReport, *, verbose: bool = False) -> str:
    lines = [
        f"articles: {report.articles}",
        f"gold observations: {report.gold}   covered: {report.covered} ({report.coverage:.3f})   "
        f"on conversions: {report.conversions}",
        "",
        f"{'slot':<10} {'right':>6} {'of':>6} {'accuracy':>9}",
    ]
    for slot in SLOTS:
        t = report.slots[slot]
        lines.append(f"{slot:<10} {t.right:>6} {t.total:>6} {t.accuracy:>9.3f}")
    lines.append(f"{'overall':<10} {'':>6} {'':>6} {report.overall:>9.3f}   (mean of role, measure, places, period)")
    if verbose and report.misses:
        lines += ["", "misses:"] + [f"  {m}" for m in report.misses]
    return "\n".join(lines)
