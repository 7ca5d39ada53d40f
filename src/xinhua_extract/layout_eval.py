"""Layout evaluation: page templates against hand-made layout gold.

A layout gold file (``<id>.layout.json`` beside ``<id>.txt``) holds the page's
``url`` (optional), its ``template``, the ``fields`` (``title``, ``title_zh``,
``kicker``, ``source``, ``published``, ``editor``, ``dateline`` as
``{agency, place, date}``, ``page``) and a coarse label for every non-blank line,
``lines: [[label, line text], …]`` with labels ``title``, ``meta``, ``caption``,
``body`` and ``furniture``. A page that is not an article has ``error`` (its code)
instead.

Reported, per template and overall: field accuracy, line accuracy, content lines lost
(gold title/caption/body lines predicted as meta or furniture, as a share of gold
content lines), furniture lines leaked (gold furniture or meta lines predicted as
content: a count; the target is 0) and the share of pages fully right.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Optional

from .errors import XinhuaExtractError
from .layout import COARSE_LABEL, Layout, analyse_layout, split_lines

FIELDS = ("template", "title", "title_zh", "kicker", "source", "published", "editor", "dateline", "page")
CONTENT_LABELS = frozenset({"title", "caption", "body"})


def predicted_fields(layout: Layout) -> dict[str, Any]:
    """The layout's fields in the gold's JSON form."""
    dl = layout.dateline
    return {
        "template": layout.shape,
        "title": layout.title,
        "title_zh": layout.title_zh,
        "kicker": layout.kicker,
        "source": layout.source,
        "published": layout.published.isoformat() if layout.published else None,
        "editor": layout.editor,
        "dateline": {"agency": dl.agency, "place": dl.place, "date": dl.date} if dl else None,
        "page": layout.page,
    }


def predicted_lines(text: str, layout: Layout) -> list[tuple[str, str]]:
    """``(coarse label, stripped line)`` for every non-blank line, by the block holding it."""
    blocks = sorted(layout.blocks, key=lambda b: b.start)
    out, k = [], 0
    for line in split_lines(text):
        if not line.text.strip():
            continue
        start, _ = line.trimmed()
        while k + 1 < len(blocks) and blocks[k + 1].start <= start:
            k += 1
        label = "?"
        if blocks and blocks[k].start <= start < max(blocks[k].end, start + 1):
            label = COARSE_LABEL.get(blocks[k].kind, "?")
        out.append((label, line.text.strip()))
    return out


@dataclass
class PageResult:
    id: str
    template: str
    fields_right: dict[str, bool] = field(default_factory=dict)
    lines: int = 0
    lines_right: int = 0
    content_lines: int = 0
    content_lost: int = 0
    furniture_leaked: int = 0
    error: Optional[str] = None  # the expected error code, when the page is no article
    error_right: bool = True
    mismatches: list[str] = field(default_factory=list)

    @property
    def fully_right(self) -> bool:
        return self.error_right and all(self.fields_right.values()) and self.lines_right == self.lines


def _same_instant(got: Optional[str], want: Optional[str]) -> bool:
    """Two ISO times naming one point in time (a partner's 14:47+09:00 is 13:47+08:00)."""
    if not got or not want:
        return False
    try:
        return datetime.fromisoformat(got) == datetime.fromisoformat(want)
    except ValueError:
        return False


def evaluate_page(page_id: str, text: str, gold: dict[str, Any]) -> PageResult:
    """Score one page against its layout gold."""
    template = gold.get("template") or ("listing" if gold.get("error") else "?")
    result = PageResult(id=page_id, template=template)
    try:
        layout = analyse_layout(text, url=gold.get("url"))
    except XinhuaExtractError as exc:
        result.error = gold.get("error")
        result.error_right = exc.code == gold.get("error")
        if not result.error_right:
            result.mismatches.append(f"raised {exc.code}, expected {gold.get('error')}")
        return result
    if gold.get("error"):
        result.error, result.error_right = gold["error"], False
        result.mismatches.append(f"parsed as {layout.shape}, expected error {gold['error']}")
        return result
    got = predicted_fields(layout)
    want = dict(gold.get("fields", {}), template=gold.get("template"))
    for name in FIELDS:
        ok = got.get(name) == want.get(name) or (name == "published" and _same_instant(got.get(name), want.get(name)))
        result.fields_right[name] = ok
        if not ok:
            result.mismatches.append(f"{name}: got {got.get(name)!r}, expected {want.get(name)!r}")
    predicted = predicted_lines(text, layout)
    gold_lines = gold.get("lines", [])
    if [t for _, t in predicted] != [t for _, t in gold_lines]:
        result.mismatches.append("the gold's lines are not the page's non-blank lines")
    for (want_label, line), (got_label, _) in zip(gold_lines, predicted):
        result.lines += 1
        result.lines_right += want_label == got_label
        if want_label in CONTENT_LABELS:
            result.content_lines += 1
            result.content_lost += got_label not in CONTENT_LABELS
        elif got_label in CONTENT_LABELS:
            result.furniture_leaked += 1
        if want_label != got_label:
            result.mismatches.append(f"line {line[:40]!r}: got {got_label}, expected {want_label}")
    return result


def load_corpus(directory: str | Path) -> list[tuple[str, str, dict[str, Any]]]:
    """``(id, text, gold)`` of every ``<id>.txt`` with an ``<id>.layout.json`` beside it."""
    root = Path(directory)
    out = []
    for gold_path in sorted(root.glob("*.layout.json")):
        page_id = gold_path.name[: -len(".layout.json")]
        text_path = root / f"{page_id}.txt"
        if text_path.is_file():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            out.append((page_id, text_path.read_text(encoding="utf-8"), gold))
    return out


def evaluate_corpus(directory: str | Path) -> list[PageResult]:
    return [evaluate_page(page_id, text, gold) for page_id, text, gold in load_corpus(directory)]


def summarise(results: list[PageResult]) -> dict[str, dict[str, float]]:
    """Per template and ``ALL``: pages, fully right, each field's accuracy, line
    accuracy, content lost (share) and furniture leaked (count)."""
    groups: dict[str, list[PageResult]] = {}
    for r in results:
        groups.setdefault(r.template, []).append(r)
    groups["ALL"] = list(results)
    table: dict[str, dict[str, float]] = {}
    for name, rs in groups.items():
        scored = [r for r in rs if r.fields_right]
        row: dict[str, float] = {"pages": len(rs), "fully_right": _share(sum(r.fully_right for r in rs), len(rs))}
        for f in FIELDS:
            row[f] = _share(sum(r.fields_right[f] for r in scored), len(scored))
        lines = sum(r.lines for r in rs)
        content = sum(r.content_lines for r in rs)
        row["lines"] = _share(sum(r.lines_right for r in rs), lines)
        row["content_lost"] = _share(sum(r.content_lost for r in rs), content, empty=0.0)
        row["furniture_leaked"] = sum(r.furniture_leaked for r in rs)
        table[name] = row
    return table


def _share(part: int, whole: int, empty: float = 1.0) -> float:
    return part / whole if whole else empty


def format_table(table: dict[str, dict[str, float]]) -> str:
    """A plain-text table, one row per template."""
    cols = ["pages", "fully_right", "title", "kicker", "source", "published", "editor", "dateline", "title_zh", "page",
            "template", "lines", "content_lost", "furniture_leaked"]
    heads = ["template", *[c.replace("_", " ") for c in cols]]
    rows = []
    for name, row in table.items():
        cells = [name]
        for c in cols:
            v = row[c]
            if c in ("pages", "furniture_leaked"):
                cells.append(str(int(v)))
            else:
                cells.append(f"{100 * v:.1f}%")
        rows.append(cells)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(heads)]
    fmt = "  ".join(f"{{:<{w}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return "\n".join([fmt.format(*heads), *(fmt.format(*r) for r in rows)])
