"""Accuracy against gold annotations: precision, recall and F1 per fact type and for places.

Gold files follow ``shared/gold/*.gold.json`` (see ``tests/fixtures/README.md``). Per type,
a predicted item matches a gold item of the same type with the same key, as multisets:

=============  ==========================================
money          value, currency, approx
percentage     value, unit
count          value, counter, approx
rank           value
date           value
places         code (divisions; an unresolved mention matches nothing)
regions        name_zh
conversions    value of the KRW figure, value of the source figure
glosses        head, gloss, kind
=============  ==========================================

Values compare as exact decimals (``"1.0"`` equals ``"1"``). Fractions (``3분의 1``: a
percentage record with ``fraction`` set, schema 1.1) are outside the gold format, whose
percentages are written ``%`` or ``%p``, and are not scored.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .records import Article

KINDS = ("money", "percentage", "count", "rank", "date", "places", "regions", "conversions", "glosses")


def _num(value) -> str:
    try:
        return format(Decimal(str(value)).normalize(), "f")
    except (InvalidOperation, ValueError):
        return str(value)


def gold_keys(gold: dict) -> dict[str, Counter]:
    """Multisets of match keys per kind, from a gold annotation."""
    keys: dict[str, Counter] = {k: Counter() for k in KINDS}
    for item in gold.get("money", []):
        keys["money"][(_num(item["value"]), item["currency"], bool(item.get("approx")))] += 1
    for item in gold.get("percentage", []):
        keys["percentage"][(_num(item["value"]), item.get("unit", "%"))] += 1
    for item in gold.get("count", []):
        keys["count"][(_num(item["value"]), item["counter"], bool(item.get("approx")))] += 1
    for item in gold.get("rank", []):
        keys["rank"][(_num(item["value"]),)] += 1
    for item in gold.get("date", []):
        keys["date"][(item["value"],)] += 1
    for item in gold.get("places", []):
        keys["places"][(item["code"],)] += 1
    for item in gold.get("regions", []):
        keys["regions"][(item["name_zh"],)] += 1
    money_text = {m["text"]: _num(m["value"]) for m in gold.get("money", [])}
    for item in gold.get("conversions", []):
        keys["conversions"][(money_text.get(item["to"]), money_text.get(item["from"]))] += 1
    for item in gold.get("glosses", []):
        keys["glosses"][(item["head"], item["gloss"], item["kind"])] += 1
    return keys


def predicted_keys(article: Article) -> dict[str, Counter]:
    """The same multisets, from a parsed article."""
    keys: dict[str, Counter] = {k: Counter() for k in KINDS}
    for fact in article.facts:
        if fact.type == "money":
            keys["money"][(_num(fact.value), fact.currency, fact.approx)] += 1
            if fact.equivalent_of is not None:
                source = article.facts[fact.equivalent_of]
                keys["conversions"][(_num(fact.value), _num(source.value))] += 1
        elif fact.type == "percentage":
            if fact.fraction is None:  # fractions are not in the gold format
                keys["percentage"][(_num(fact.value), fact.unit)] += 1
        elif fact.type == "count":
            keys["count"][(_num(fact.value), fact.counter, fact.approx)] += 1
        elif fact.type == "rank":
            keys["rank"][(_num(fact.value),)] += 1
        elif fact.type == "date":
            keys["date"][(fact.value,)] += 1
    for place in article.places:
        if place.kind == "region":
            keys["regions"][(place.name_zh,)] += 1
        else:
            keys["places"][(place.code,)] += 1
    for gloss in article.glosses:
        keys["glosses"][(gloss.head, gloss.gloss, gloss.kind)] += 1
    return keys


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: Counter, predicted: Counter) -> None:
        tp = sum((gold & predicted).values())
        self.tp += tp
        self.fp += sum(predicted.values()) - tp
        self.fn += sum(gold.values()) - tp


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    articles: int = 0
    meta_fields: int = 0
    meta_correct: int = 0
    #: per article and kind: (missed gold keys, spurious predicted keys)
    errors: dict[str, dict[str, tuple[list, list]]] = field(default_factory=dict)


def score_article(article: Article, gold: dict, report: Report) -> None:
    """Add one article's comparison to ``report``."""
    g, p = gold_keys(gold), predicted_keys(article)
    report.articles += 1
    for kind in KINDS:
        report.scores[kind].add(g[kind], p[kind])
        missed, spurious = list((g[kind] - p[kind]).elements()), list((p[kind] - g[kind]).elements())
        if missed or spurious:
            report.errors.setdefault(article.id or "?", {})[kind] = (missed, spurious)
    meta = gold.get("meta", {})
    got = {
        "title": article.title,
        "kicker": article.kicker,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "editor": article.editor,
        "dateline": (
            {"agency": article.dateline.agency, "place": article.dateline.place, "date": article.dateline.date}
            if article.dateline
            else None
        ),
        "headings": [h.text for h in article.headings],
    }
    for key, value in got.items():
        if key in meta:
            report.meta_fields += 1
            report.meta_correct += int(meta[key] == value)


def find_text(article_id: str, gold_dir: Path, texts_dir: Optional[Path] = None) -> Optional[Path]:
    """Where the article text of a gold file lives: ``--texts``, ``../articles``, ``../seeds``, beside it."""
    for folder in filter(None, (texts_dir, gold_dir.parent / "articles", gold_dir.parent / "seeds", gold_dir)):
        path = folder / f"{article_id}.txt"
        if path.exists():
            return path
    return None


def _caller_published(gold: dict, text: str):
    """Pages without a '출처:' line get their publication time from the archive (the gold meta)."""
    if any(line.lstrip().startswith("출처") for line in text.splitlines()):
        return None
    value = gold.get("meta", {}).get("published")
    return datetime.fromisoformat(value) if value else None


def gold_articles(gold_dir, texts_dir=None) -> Iterator[tuple[dict, "Article"]]:
    """(gold, parsed article) for every ``*.gold.json`` in ``gold_dir``, parsed as the gold
    says (its publication time where the page has no meta line, its reference date)."""
    from .pipeline import parse_article

    gold_dir = Path(gold_dir)
    texts = Path(texts_dir) if texts_dir else None
    paths = sorted(gold_dir.glob("*.gold.json"))
    if not paths:
        raise FileNotFoundError(f"no *.gold.json files in {gold_dir}")
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        article_id = gold.get("id") or path.name[: -len(".gold.json")]
        text_path = find_text(article_id, gold_dir, texts)
        if text_path is None:
            raise FileNotFoundError(f"no text for {article_id}: looked in --texts, ../articles, ../seeds and {gold_dir}")
        text = text_path.read_text(encoding="utf-8")
        yield gold, parse_article(text, id=article_id, published=_caller_published(gold, text),
                                  reference_date=gold.get("reference_date"))


def evaluate_dir(gold_dir, texts_dir=None) -> Report:
    """Parse every article that has a gold file in ``gold_dir`` and score it."""
    report = Report()
    for gold, article in gold_articles(gold_dir, texts_dir):
        score_article(article, gold, report)
    return report


def format_report(report: Report, *, verbose: bool = False) -> str:
    """A plain-text table: one row per kind, plus the micro-average of the fact types."""
    lines = [f"articles: {report.articles}", "", f"{'kind':<12} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    facts = Score()
    for kind in KINDS:
        s = report.scores[kind]
        lines.append(
            f"{kind:<12} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {s.tp:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
        )
        if kind in ("money", "percentage", "count", "rank", "date"):
            facts.tp, facts.fp, facts.fn = facts.tp + s.tp, facts.fp + s.fp, facts.fn + s.fn
    lines.append(
        f"{'facts (all)':<12} {facts.tp + facts.fn:>5} {facts.tp + facts.fp:>5} {facts.tp:>5} "
        f"{facts.precision:>6.3f} {facts.recall:>6.3f} {facts.f1:>6.3f}"
    )
    if report.meta_fields:
        lines.append(f"\nmeta fields correct: {report.meta_correct}/{report.meta_fields}")
    if verbose:
        for article_id, kinds in sorted(report.errors.items()):
            for kind, (missed, spurious) in kinds.items():
                lines.append(f"{article_id} {kind}: missed {missed} spurious {spurious}")
    return "\n".join(lines)


def iter_gold(gold_dir) -> Iterable[tuple[str, dict]]:
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        yield path.name[: -len(".gold.json")], json.loads(path.read_text(encoding="utf-8"))


def main(argv=None) -> int:
    """``python -m xinhua_extract.evaluate GOLD_DIR [--texts DIR] [-v]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m xinhua_extract.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir")
    parser.add_argument("--texts", default=None, help="folder of <id>.txt (default: ../articles, ../seeds)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and spurious item")
    args = parser.parse_args(argv)
    print(format_report(evaluate_dir(args.gold_dir, args.texts), verbose=args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
