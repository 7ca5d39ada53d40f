"""Visual review of extractions: self-contained HTML pages.

:func:`render_article_html` shows one article's page text with every fact and place
highlighted by type (colour, a label badge, the normalised value and code on hover),
KRW conversions linked to their yuan figure, each figure's observation (its measure
underlined, and the measure, places, period and role on the figure's hover), warnings at the top, the metadata in a header
and page furniture greyed out. :func:`render_batch_html` adds a summary table and a map of
the places mentioned, drawn as inline SVG from the coordinates on the mentions.

Pages are self-contained: inline CSS, a few lines of inline JS, inline SVG; no external
resource, no network. Every piece of text goes through :func:`html.escape`.

Markup contract (tests and ``scripts/check_render.py`` rely on it): each fact is one
``<mark class="xm xm-<type>" data-kind="fact" data-index="i">`` and each place one
``<mark class="xm xm-place|xm-region" data-kind="place" data-index="i">``, ids ``f<i>`` /
``p<i>`` (prefixed ``a<n>-`` in a batch page); the text nodes inside
``<div class="article-text">`` concatenate to exactly ``article.text``. Each distinct
measure of the observations is one ``<span class="xmeas" data-kind="measure"
data-index="k">`` (id ``m<k>``) whose ``data-facts`` lists the ids of the figures it is
the measure of; a figure with an observation carries ``data-role``, ``data-measure``,
``data-measure-ref``, ``data-places``, ``data-period`` (and ``data-direction``) and
says the same in its hover text.
"""

from __future__ import annotations

import csv
import html
import math
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Optional, Sequence

from .records import Article, Fact, Money, Observation, PlaceMention

#: Fact types and place kinds in display order: (css key, entity label, colour, legend text).
TYPES: tuple[tuple[str, str, str, str], ...] = (
    ("money", "MONEY", "#f6c945", "money"),
    ("percentage", "PERCENT", "#8fd18f", "percentage"),
    ("count", "CARDINAL", "#8fb8f2", "count"),
    ("rank", "ORDINAL", "#e49ac4", "rank"),
    ("date", "DATE", "#f5a86a", "date"),
    ("place", "GPE", "#5fd0c0", "place (division)"),
    ("region", "LOC", "#b9a4e8", "region"),
)
_LABEL = {key: label for key, label, _, _ in TYPES}
FURNITURE_KINDS = frozenset({"header", "navigation", "meta", "byline", "footer", "boilerplate"})

#: Map frame: China's bounding box (lon 73–135 E, lat 18–54 N), equirectangular.
MAP_BOUNDS = (73.0, 135.0, 18.0, 54.0)
MAP_WIDTH = 860

_CSS = """
:root { --ink:#1f2328; --muted:#6b7280; --line:#d0d7de; --bg:#ffffff; --soft:#f6f8fa; }
* { box-sizing: border-box; }
body { margin:0; padding:24px 32px 64px; font: 15px/1.6 "Noto Sans CJK KR","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif; color:var(--ink); background:var(--bg); }
h1 { font-size: 1.45em; margin: .2em 0 .3em; }
h2 { font-size: 1.1em; margin: 1.4em 0 .5em; border-bottom: 1px solid var(--line); padding-bottom: .2em; }
.article { max-width: 1180px; margin: 0 auto 48px; }
.meta { display:grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: .9em; background: var(--soft); border:1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
.kicker { display:inline-block; font-size:.75em; background:#eef; border:1px solid #ccd; border-radius: 4px; padding: 0 6px; margin-right: 8px; vertical-align: middle; }
.legend { display:flex; flex-wrap:wrap; gap:6px 10px; margin: 12px 0; font-size: .85em; }
.legend span { border-radius: 4px; padding: 1px 8px; }
.legend .lg-furniture { color:#8a8f98; background:#eceef1; }
.legend .lg-conv { border:1px dashed #555; }
.warnings { border:1px solid #e5a0a0; background:#fff5f5; border-radius:6px; padding: 6px 14px; margin: 12px 0; }
.warnings h2 { border: 0; margin: .3em 0; color:#a40000; }
.warnings ul { margin: .2em 0 .5em; padding-left: 1.2em; }
.warnings code { font-weight: 600; color:#a40000; }
.no-warnings { color: var(--muted); font-size: .9em; }
.article-text { white-space: pre-wrap; word-break: keep-all; overflow-wrap: anywhere; line-height: 2.15; border:1px solid var(--line); border-radius: 6px; padding: 14px 18px; background: #fff; }
.blk-furniture { color:#8a8f98; background:#eceef1; border-radius: 3px; }
.blk-title { font-weight: 700; font-size: 1.08em; }
.blk-heading { font-weight: 700; }
.blk-caption { font-style: italic; }
.inline-meta { color:#8a8f98; font-style: italic; }
mark.xm { color: inherit; border-radius: 4px; padding: 1px 3px; margin: 0 1px; position: relative; cursor: help; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.xm::after { content: attr(data-label); font: 600 .58em/1 sans-serif; letter-spacing: .03em; vertical-align: middle; margin-left: 4px; padding: 2px 3px; border-radius: 3px; background: rgba(255,255,255,.65); color:#333; }
mark.xm mark.xm { padding: 0 2px; outline: 1px solid rgba(0,0,0,.25); }
mark.xm.xm-unresolved, mark.xm mark.xm.xm-unresolved { outline: 2px dashed #c0392b; }
mark.xm.xm-clipped, mark.xm mark.xm.xm-clipped { border-right: 3px double #c0392b; }
mark.xm-conv::before { content: "\\21C4" attr(data-conv-label); font: 600 .6em/1 sans-serif; vertical-align: super; margin-right: 2px; color:#333; }
mark.xm-conv.xm-linked, mark.xm:target { outline: 3px solid #d93025; outline-offset: 1px; }
span.xw { text-decoration: underline wavy #d93025; text-underline-offset: 5px; }
span.xmeas { text-decoration: underline solid #1f2328 2px; text-underline-offset: 6px; cursor: help; }
span.xmeas.xmeas-linked { background: rgba(26,115,232,.16); border-radius: 3px; }
mark.xm.xm-obs-linked { outline: 3px solid #1a73e8; outline-offset: 1px; }
.legend .lg-measure { text-decoration: underline solid #1f2328 2px; text-underline-offset: 4px; }
table { border-collapse: collapse; font-size: .86em; margin: 6px 0; width: 100%; }
th, td { border: 1px solid var(--line); padding: 3px 7px; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
.map-places { margin: 6px 0 12px; font-size: .95em; }
tr.total td { font-weight: 700; background: var(--soft); }
.swatch { display:inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: baseline; }
.map svg { width: 100%; height: auto; border:1px solid var(--line); border-radius: 6px; background: #f8fbff; }
.map .ctx { fill: #b3c0cf; }
.map .grid { stroke: #dde5ee; stroke-width: 1; }
.map .gridlabel { font: 10px sans-serif; fill: #9aa7b5; }
.map .pt { fill: #0f9d8a; fill-opacity: .55; stroke: #08695c; stroke-width: 1.2; }
.map .rg { fill: #7e57c2; fill-opacity: .12; stroke: #7e57c2; stroke-width: 1.5; stroke-dasharray: 4 3; }
.map .lbl { font: 600 12px "Noto Sans CJK SC","Noto Sans CJK KR",sans-serif; fill: #1f2328; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.map .lbl-rg { fill: #5b3a9a; }
.small { color: var(--muted); font-size: .85em; }
nav.toc a { margin-right: 12px; }
"""

_TYPE_CSS = "".join(
    f"mark.xm-{key} {{ background: {colour}; }}\n.legend .lg-{key} {{ background: {colour}; }}\n"
    for key, _, colour, _ in TYPES
)

_JS = """
(function () {
  function ids(el, attr) { return (el.getAttribute(attr) || '').split(' ').filter(Boolean); }
  function byIds(list) { return list.map(function (i) { return document.getElementById(i); }).filter(Boolean); }
  function link(el, others, cls) {
    el.addEventListener('mouseenter', function () { others().forEach(function (x) { x.classList.add(cls); }); });
    el.addEventListener('mouseleave', function () { others().forEach(function (x) { x.classList.remove(cls); }); });
  }
  document.querySelectorAll('span.xmeas[data-facts]').forEach(function (el) {
    link(el, function () { return byIds(ids(el, 'data-facts')); }, 'xm-obs-linked');
  });
  document.querySelectorAll('mark[data-measure-ref]').forEach(function (el) {
    link(el, function () { return byIds(ids(el, 'data-measure-ref')); }, 'xmeas-linked');
  });
})();
(function () {
  function group(el) { return document.querySelectorAll('[data-conv="' + el.getAttribute('data-conv') + '"]'); }
  document.querySelectorAll('mark[data-conv]').forEach(function (el) {
    el.addEventListener('mouseenter', function () { group(el).forEach(function (x) { x.classList.add('xm-linked'); }); });
    el.addEventListener('mouseleave', function () { group(el).forEach(function (x) { x.classList.remove('xm-linked'); }); });
  });
})();
"""


def _e(value: object) -> str:
    """Escape for text and for double-quoted attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def _dec(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    return "" if value is None else str(value)


# --------------------------------------------------------------------------- nesting
@dataclass
class _Item:
    start: int
    end: int
    prio: int  # among spans starting at the same offset and of the same length: lower is outer
    seq: int
    opener: Callable[[bool], str]  # clipped -> opening tag
    closer: str


def _nest(text: str, items: Sequence[_Item]) -> str:
    """Escaped ``text`` with the items' tags inserted, properly nested.

    Items sorted by (start, longer first, prio); a span that crosses the innermost open
    one is clipped at that one's end (and told so), so the markup stays well formed and
    every item still gets exactly one element."""
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    for item in sorted(items, key=lambda it: (it.start, -it.end, it.prio, it.seq)):
        start, end = item.start, item.end
        if not (0 <= start < end <= n):
            continue
        while stack and stack[-1][0] <= start:
            close_at, closer = stack.pop()
            out.append(_e(text[pos:close_at]))
            out.append(closer)
            pos = close_at
        out.append(_e(text[pos:start]))
        pos = start
        clipped = False
        if stack and end > stack[-1][0]:
            end, clipped = stack[-1][0], True
        out.append(item.opener(clipped))
        stack.append((end, item.closer))
    while stack:
        close_at, closer = stack.pop()
        out.append(_e(text[pos:close_at]))
        out.append(closer)
        pos = close_at
    out.append(_e(text[pos:]))
    return "".join(out)


def _attrs(pairs: Iterable[tuple[str, object]]) -> str:
    return "".join(f' {k}="{_e(v)}"' for k, v in pairs if v is not None and v != "")


# --------------------------------------------------------------------------- one article
def _observation_lines(article: Article, obs: Observation) -> list[str]:
    """The hover lines of a figure's observation: measure, role, places, period."""
    names = {p.code: p.name_zh for p in article.places if p.code and p.name_zh}
    lines = [f"measure: {obs.measure.text if obs.measure is not None else '(none found)'}"]
    role = obs.role + (f" ({obs.direction})" if obs.direction else "")
    lines.append(f"role: {role}")
    if obs.places:
        lines.append("places: " + ", ".join(f"{c} {names[c]}" if c in names else c for c in obs.places))
    else:
        lines.append("places: none (outside China, or not said)")
    lines.append(f"period: {obs.period or 'not said'}")
    if obs.basis:
        lines.append(f"basis: {obs.basis}")
    if obs.whole is not None:
        lines.append(f"share of: {obs.whole.text}")
    if obs.level_of is not None and 0 <= obs.level_of < len(article.facts):
        lines.append(f"change of #{obs.level_of} {article.facts[obs.level_of].text}")
    return lines


def _observations_by_fact(article: Article) -> dict[int, Observation]:
    """Fact index -> its observation (the first, should a fact have several)."""
    out: dict[int, Observation] = {}
    for obs in article.observations:
        out.setdefault(obs.fact, obs)
    return out


def _measure_ids(article: Article) -> dict[tuple[int, int], int]:
    """(start, end) of each distinct measure -> its number ``k`` (element id ``m<k>``), in text order."""
    spans = sorted({(o.measure.start, o.measure.end) for o in article.observations if o.measure is not None})
    return {span: k for k, span in enumerate(spans)}


def _fact_tip(article: Article, i: int, fact: Fact, conv: dict[int, tuple[int, int]],
              obs: Optional[Observation] = None) -> str:
    lines = [f"{_LABEL.get(fact.type, fact.type.upper())} · {fact.type} #{i}"]
    value = _dec(getattr(fact, "value", None)) or "(unresolved)"
    unit = getattr(fact, "currency", None) or getattr(fact, "unit", None) or getattr(fact, "counter", None) or ""
    lines.append(f"value: {value} {unit}".rstrip())
    for name in ("approx", "within", "relative"):
        if getattr(fact, name, False):
            lines.append(name)
    for name in ("bound", "scale", "basis", "subject", "grain", "range"):
        v = getattr(fact, name, None)
        if v:
            lines.append(f"{name}: {v}")
    if isinstance(fact, Money) and fact.equivalent_of is not None and 0 <= fact.equivalent_of < len(article.facts):
        src = article.facts[fact.equivalent_of]
        lines.append(f"converts #{fact.equivalent_of} {src.text}" + (f" (rate {_dec(fact.rate)})" if fact.rate is not None else ""))
    for j, (src, _) in conv.items():
        if src == i:
            lines.append(f"converted by #{j} {article.facts[j].text}")
    if fact.rule:
        lines.append(f"rule: {fact.rule}")
    if fact.places:
        lines.append("places in the sentence: " + ", ".join(fact.places))
    if obs is not None:
        lines.append("— observation —")
        lines += _observation_lines(article, obs)
    return "\n".join(lines)


def _place_tip(i: int, place: PlaceMention) -> str:
    key = "region" if place.kind == "region" else "place"
    lines = [f"{_LABEL[key]} · {place.kind} #{i}"]
    if place.kind == "region":
        lines.append(f"region: {place.name_zh or '?'}")
        if place.members:
            lines.append("members: " + ", ".join(place.members))
    else:
        lines.append(f"code: {place.code or 'unresolved'}" + (f" {place.name_zh}" if place.name_zh else ""))
        if place.level:
            lines.append(f"level: {place.level}")
        if not place.code and place.candidates:
            lines.append("candidates: " + ", ".join(place.candidates))
    if place.hanja:
        lines.append(f"hanja: {place.hanja}")
    if place.lon is not None and place.lat is not None:
        lines.append(f"lon/lat: {_dec(place.lon)}, {_dec(place.lat)}")
    if place.rule:
        lines.append(f"rule: {place.rule}")
    return "\n".join(lines)


def _conversions(article: Article) -> dict[int, tuple[int, int]]:
    """KRW fact index -> (converted fact index, conversion number from 1)."""
    out: dict[int, tuple[int, int]] = {}
    for j, fact in enumerate(article.facts):
        if isinstance(fact, Money) and fact.equivalent_of is not None and 0 <= fact.equivalent_of < len(article.facts):
            out[j] = (fact.equivalent_of, len(out) + 1)
    return out


def _article_items(article: Article, prefix: str) -> list[_Item]:
    items: list[_Item] = []
    seq = 0

    def add(start: int, end: int, prio: int, opener: Callable[[bool], str], closer: str) -> None:
        nonlocal seq
        items.append(_Item(start, end, prio, seq, opener, closer))
        seq += 1

    for block in article.blocks:
        furniture = block.kind in FURNITURE_KINDS
        cls = f"blk blk-{block.kind}" + (" blk-furniture" if furniture else "")
        tip = f"{block.kind} (page furniture, not content)" if furniture else block.kind
        tag = f'<span class="{_e(cls)}" data-block="{_e(block.kind)}" title="{_e(tip)}">'
        add(block.start, block.end, 0, lambda _c, tag=tag: tag, "</span>")
    for rec, kind in ((article.dateline, "dateline"), (article.byline, "byline")):
        if rec is not None:
            tag = f'<span class="inline-meta" data-meta="{kind}" title="{kind} (metadata)">'
            add(rec.start, rec.end, 1, lambda _c, tag=tag: tag, "</span>")
    for k, warning in enumerate(article.warnings):
        if warning.start is not None and warning.end is not None:
            tag = (f'<span class="xw" id="{prefix}w{k}" data-code="{_e(warning.code)}" '
                   f'title="{_e(warning.code + ": " + warning.message)}">')
            add(warning.start, warning.end, 1, lambda _c, tag=tag: tag, "</span>")

    observed = _observations_by_fact(article)
    measure_ids = _measure_ids(article)
    for (start, end), k in measure_ids.items():
        of = [(n, o) for n, o in enumerate(article.observations)
              if o.measure is not None and (o.measure.start, o.measure.end) == (start, end)]
        facts = " ".join(dict.fromkeys(f"{prefix}f{o.fact}" for _, o in of))
        tip = [f"MEASURE · {article.text[start:end]}"] + [
            f"{o.role} of #{o.fact} {article.facts[o.fact].text if 0 <= o.fact < len(article.facts) else '?'}"
            + (f" ({o.period})" if o.period else "") for _, o in of]
        attrs = [("id", f"{prefix}m{k}"), ("data-kind", "measure"), ("data-index", k),
                 ("data-start", start), ("data-end", end), ("data-facts", facts),
                 ("data-observations", " ".join(str(n) for n, _ in of)), ("title", "\n".join(tip))]

        def opener(clipped: bool, attrs=attrs) -> str:
            return f'<span class="xmeas{" xmeas-clipped" if clipped else ""}"' + _attrs(
                attrs + ([("data-clipped", "true")] if clipped else [])) + ">"

        add(start, end, 4, opener, "</span>")

    conv = _conversions(article)
    conv_of: dict[int, int] = {}
    for j, (i, number) in conv.items():
        conv_of[j] = number
        conv_of.setdefault(i, number)
    for i, fact in enumerate(article.facts):
        classes = ["xm", f"xm-{fact.type}"]
        attrs: list[tuple[str, object]] = [
            ("id", f"{prefix}f{i}"),
            ("data-kind", "fact"),
            ("data-type", fact.type),
            ("data-index", i),
            ("data-label", _LABEL.get(fact.type, fact.type.upper())),
            ("data-start", fact.start),
            ("data-end", fact.end),
            ("data-value", _dec(getattr(fact, "value", None))),
            ("data-currency", getattr(fact, "currency", None)),
            ("data-unit", getattr(fact, "unit", None)),
            ("data-counter", getattr(fact, "counter", None)),
            ("data-approx", "true" if getattr(fact, "approx", False) else None),
        ]
        if i in conv_of:
            classes.append("xm-conv")
            attrs += [("data-conv", f"{prefix}c{conv_of[i]}"), ("data-conv-label", f"c{conv_of[i]}")]
        if i in conv:
            attrs.append(("data-equivalent-of", f"{prefix}f{conv[i][0]}"))
            attrs.append(("data-rate", _dec(getattr(fact, "rate", None))))
        converted_by = [f"{prefix}f{j}" for j, (src, _) in conv.items() if src == i]
        if converted_by:
            attrs.append(("data-converted-by", " ".join(converted_by)))
        obs = observed.get(i)
        if obs is not None:
            classes.append("xm-observed")
            attrs += [
                ("data-role", obs.role),
                ("data-measure", obs.measure.text if obs.measure is not None else None),
                ("data-measure-ref", f"{prefix}m{measure_ids[(obs.measure.start, obs.measure.end)]}"
                 if obs.measure is not None else None),
                ("data-places", " ".join(obs.places) if obs.places else None),
                ("data-period", obs.period),
                ("data-direction", obs.direction),
            ]
        attrs.append(("title", _fact_tip(article, i, fact, conv, obs)))
        add(fact.start, fact.end, 2, _mark_opener(classes, attrs), "</mark>")
    for i, place in enumerate(article.places):
        key = "region" if place.kind == "region" else "place"
        classes = ["xm", f"xm-{key}"]
        if key == "place" and not place.code:
            classes.append("xm-unresolved")
        attrs = [
            ("id", f"{prefix}p{i}"),
            ("data-kind", "place"),
            ("data-type", place.kind),
            ("data-index", i),
            ("data-label", _LABEL[key]),
            ("data-start", place.start),
            ("data-end", place.end),
            ("data-code", place.code),
            ("data-name-zh", place.name_zh),
            ("data-level", place.level),
            ("data-members", " ".join(place.members)),
            ("data-candidates", " ".join(place.candidates) if not place.code else None),
            ("title", _place_tip(i, place)),
        ]
        add(place.start, place.end, 3, _mark_opener(classes, attrs), "</mark>")
    return items


def _mark_opener(classes: list[str], attrs: list[tuple[str, object]]) -> Callable[[bool], str]:
    def opener(clipped: bool) -> str:
        cls = " ".join(classes + (["xm-clipped"] if clipped else []))
        extra = [("data-clipped", "true")] if clipped else []
        return f'<mark class="{cls}"{_attrs(attrs + extra)}>'

    return opener


def _meta_html(article: Article) -> str:
    rows = [
        ("id", article.id),
        ("published", article.published.isoformat() if article.published else None),
        ("source", article.source),
        ("editor", article.editor),
        ("dateline", article.dateline.text if article.dateline else None),
        ("byline", article.byline.text if article.byline else None),
        ("reference date", article.reference_date),
        ("shape", article.shape),
        ("schema", article.schema_version),
    ]
    cells = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows if v)
    return f'<dl class="meta">{cells}</dl>'


def _counts(article: Article) -> Counter:
    c: Counter = Counter(f.type for f in article.facts)
    for p in article.places:
        c["region" if p.kind == "region" else "place"] += 1
    return c


def _legend_html(article: Optional[Article] = None) -> str:
    counts = _counts(article) if article is not None else Counter()
    chips = []
    for key, label, _, text in TYPES:
        n = f" ({counts[key]})" if article is not None else ""
        chips.append(f'<span class="lg-{key}" title="{_e(label)}">{_e(text)} · {_e(label)}{n}</span>')
    chips.append('<span class="lg-furniture">page furniture</span>')
    chips.append('<span class="lg-conv">\u21c4cN: conversion pair (hover one to highlight both)</span>')
    chips.append('<span class="lg-measure">measure of a figure (hover it or the figure to link them)</span>')
    return f'<div class="legend">{"".join(chips)}</div>'


def _warnings_html(article: Article, prefix: str) -> str:
    if not article.warnings:
        return '<div class="warnings-none no-warnings">No warnings.</div>'
    items = []
    for k, w in enumerate(article.warnings):
        where = ""
        if w.start is not None and w.end is not None and 0 <= w.start < w.end <= len(article.text):
            where = f' — <a href="#{prefix}w{k}">\u201c{_e(article.text[w.start:w.end])}\u201d</a>'
        items.append(f'<li class="warning" data-code="{_e(w.code)}"><code>{_e(w.code)}</code> {_e(w.message)}{where}</li>')
    return (f'<section class="warnings"><h2>Warnings ({len(article.warnings)})</h2>'
            f'<ul>{"".join(items)}</ul></section>')


def _tables_html(article: Article, prefix: str) -> str:
    conv = _conversions(article)
    rows = []
    for i, f in enumerate(article.facts):
        unit = getattr(f, "currency", None) or getattr(f, "unit", None) or getattr(f, "counter", None) or ""
        flags = ", ".join(n for n in ("approx", "within", "relative") if getattr(f, n, False))
        rows.append(
            f'<tr><td class="num">{i}</td><td><span class="swatch" style="background:{_colour(f.type)}"></span>{_e(f.type)}</td>'
            f'<td><a href="#{prefix}f{i}">{_e(f.text)}</a></td><td class="num">{_e(_dec(getattr(f, "value", None)))}</td>'
            f"<td>{_e(unit)}</td><td>{_e(flags)}</td><td class=\"num\">{_e(f.sentence)}</td><td>{_e(f.rule)}</td></tr>"
        )
    facts = ("<h2>Facts</h2><table class=\"facts\"><tr><th>#</th><th>type</th><th>text</th><th>value</th>"
             "<th>unit</th><th>flags</th><th>sentence</th><th>rule</th></tr>" + "".join(rows) + "</table>")
    rows = []
    for i, p in enumerate(article.places):
        key = "region" if p.kind == "region" else "place"
        code = p.code or (" ".join(p.members) if p.kind == "region" else "unresolved: " + " ".join(p.candidates))
        coords = f"{_dec(p.lon)}, {_dec(p.lat)}" if p.lon is not None and p.lat is not None else ""
        rows.append(
            f'<tr><td class="num">{i}</td><td><span class="swatch" style="background:{_colour(key)}"></span>{_e(p.kind)}</td>'
            f'<td><a href="#{prefix}p{i}">{_e(p.text)}</a></td><td>{_e(code)}</td><td>{_e(p.name_zh)}</td>'
            f"<td>{_e(p.level)}</td><td>{_e(p.hanja)}</td><td>{_e(coords)}</td><td>{_e(p.rule)}</td></tr>"
        )
    places = ("<h2>Places</h2><table class=\"places\"><tr><th>#</th><th>kind</th><th>text</th><th>code / members</th>"
              "<th>name</th><th>level</th><th>hanja</th><th>lon, lat</th><th>rule</th></tr>" + "".join(rows) + "</table>")
    rows = []
    for j, (i, number) in conv.items():
        krw, src = article.facts[j], article.facts[i]
        rows.append(
            f'<tr class="conversion" data-conv="{prefix}c{number}"><td>c{number}</td>'
            f'<td><a href="#{prefix}f{i}">{_e(src.text)}</a> = {_e(_dec(getattr(src, "value", None)))} {_e(getattr(src, "currency", ""))}</td>'
            f'<td><a href="#{prefix}f{j}">{_e(krw.text)}</a> = {_e(_dec(getattr(krw, "value", None)))} {_e(getattr(krw, "currency", ""))}</td>'
            f'<td class="num">{_e(_dec(getattr(krw, "rate", None)))}</td></tr>'
        )
    convs = _observations_table(article, prefix)
    if rows:
        convs += ("<h2>Conversions</h2><table class=\"conversions\"><tr><th></th><th>amount</th><th>converted</th>"
                 "<th>rate</th></tr>" + "".join(rows) + "</table>")
    return facts + places + convs


def _observations_table(article: Article, prefix: str) -> str:
    if not article.observations:
        return ""
    measure_ids = _measure_ids(article)
    rows = []
    for n, o in enumerate(article.observations):
        fact = article.facts[o.fact] if 0 <= o.fact < len(article.facts) else None
        measure = (f'<a href="#{prefix}m{measure_ids[(o.measure.start, o.measure.end)]}">{_e(o.measure.text)}</a>'
                   if o.measure is not None else "")
        rows.append(
            f'<tr class="observation" data-index="{n}"><td class="num">{n}</td>'
            f'<td><a href="#{prefix}f{o.fact}">{_e(fact.text if fact is not None else "?")}</a></td>'
            f"<td>{_e(o.role)}{_e(' ' + o.direction if o.direction else '')}</td><td>{measure}</td>"
            f"<td>{_e(' '.join(o.places))}</td><td>{_e(o.period)}</td><td>{_e(o.basis)}</td><td>{_e(o.rule)}</td></tr>"
        )
    return ("<h2>Observations</h2><table class=\"observations\"><tr><th>#</th><th>figure</th><th>role</th>"
            "<th>measure</th><th>places</th><th>period</th><th>basis</th><th>rule</th></tr>" + "".join(rows) + "</table>")


def _colour(key: str) -> str:
    return next((c for k, _, c, _ in TYPES if k == key), "#ddd")


def _article_section(article: Article, prefix: str = "", heading_level: int = 1) -> str:
    title = article.title or article.id or "(untitled article)"
    kicker = f'<span class="kicker">{_e(article.kicker)}</span>' if article.kicker else ""
    h = f"h{heading_level}"
    body = _nest(article.text, _article_items(article, prefix))
    return (
        f'<article class="article" id="{prefix}article" data-article-id="{_e(article.id)}">'
        f"<header><{h} class=\"title\">{kicker}{_e(title)}</{h}>{_meta_html(article)}</header>"
        f"{_warnings_html(article, prefix)}{_legend_html(article)}"
        f'<div class="article-text" lang="ko">{body}</div>'
        f"{_tables_html(article, prefix)}</article>"
    )


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{_e(title)}</title><style>{_CSS}{_TYPE_CSS}</style></head>"
        f"<body>{body}<script>{_JS}</script></body></html>\n"
    )


def render_article_html(article: Article) -> str:
    """One article as a self-contained HTML page for review."""
    title = article.title or article.id or "article"
    return _page(f"xinhua-extract: {title}", _article_section(article))


# --------------------------------------------------------------------------- batch + map
@lru_cache(maxsize=1)
def _division_table() -> dict[str, tuple[str, str, float, float]]:
    """code -> (level, name_zh, lon, lat) from the packaged ``data/divisions.tsv`` (for
    region centroids and the grey context dots of province and prefecture seats)."""
    out: dict[str, tuple[str, str, float, float]] = {}
    try:
        source = resources.files("xinhua_extract").joinpath("data/divisions.tsv")
        with source.open("r", encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                try:
                    lon, lat = float(row["lon"]), float(row["lat"])
                except (KeyError, TypeError, ValueError):
                    continue
                out[row["code"]] = (row.get("level") or "", row.get("name_zh") or "", lon, lat)
    except (FileNotFoundError, OSError, KeyError):
        return {}
    return out


def _project(lon: float, lat: float, width: float, height: float, pad: float) -> tuple[float, float]:
    lon0, lon1, lat0, lat1 = MAP_BOUNDS
    x = pad + (lon - lon0) / (lon1 - lon0) * (width - 2 * pad)
    y = pad + (lat1 - lat) / (lat1 - lat0) * (height - 2 * pad)
    return round(x, 1), round(y, 1)


def _in_bounds(lon: float, lat: float) -> bool:
    lon0, lon1, lat0, lat1 = MAP_BOUNDS
    return lon0 <= lon <= lon1 and lat0 <= lat <= lat1


@dataclass
class _Spot:
    key: str
    name: str
    lon: float
    lat: float
    region: bool = False
    mentions: int = 0
    articles: set = field(default_factory=set)
    texts: Counter = field(default_factory=Counter)


def _spots(articles: Sequence[Article]) -> tuple[list[_Spot], int]:
    """Places to draw, aggregated by code (regions by name, at their members' centroid),
    and how many mentions could not be placed (no coordinates)."""
    table = _division_table()
    spots: dict[str, _Spot] = {}
    unplaced = 0
    for n, article in enumerate(articles):
        for p in article.places:
            lon = lat = None
            if p.kind == "region":
                coords = [table[c][2:] for c in p.members if c in table]
                if coords:
                    lon, lat = sum(c[0] for c in coords) / len(coords), sum(c[1] for c in coords) / len(coords)
                key, name = "R:" + (p.name_zh or p.text), p.name_zh or p.text
            else:
                if p.lon is not None and p.lat is not None:
                    lon, lat = float(p.lon), float(p.lat)
                elif p.code in table:
                    lon, lat = table[p.code][2], table[p.code][3]
                key, name = (p.code or "?" + p.text), p.name_zh or p.text
            if lon is None or lat is None or not _in_bounds(lon, lat) or (p.kind != "region" and not p.code):
                unplaced += 1
                continue
            spot = spots.setdefault(key, _Spot(key, name, lon, lat, region=p.kind == "region"))
            spot.mentions += 1
            spot.articles.add(n)
            spot.texts[p.text] += 1
    return sorted(spots.values(), key=lambda s: (-s.mentions, s.key)), unplaced


def _text_width(text: str, size: float = 12.0) -> float:
    """Rough rendered width of a label: CJK/hangul full width, the rest ~0.62 em."""
    return sum(size if ord(ch) >= 0x2E80 else size * 0.62 for ch in text) + 2


def _place_label(text: str, x: float, y: float, r: float, width: float, height: float,
                 boxes: list[tuple[float, float, float, float]], *, prefer_above: bool = False,
                 size: float = 12.0) -> Optional[tuple[float, float, str]]:
    """Where a label fits (right, left, above or below its circle) without overlapping
    the labels placed so far, inside the frame: ``(x, y, text-anchor)``, or ``None``."""
    w, h = _text_width(text, size), size + 2
    options = [
        ("start", x + r + 3, y + size * 0.35, (x + r + 3, y - h / 2, x + r + 3 + w, y + h / 2)),
        ("end", x - r - 3, y + size * 0.35, (x - r - 3 - w, y - h / 2, x - r - 3, y + h / 2)),
        ("middle", x, y - r - 4, (x - w / 2, y - r - 4 - h, x + w / 2, y - r - 4)),
        ("middle", x, y + r + h, (x - w / 2, y + r + 2, x + w / 2, y + r + 2 + h)),
    ]
    if prefer_above:
        options.insert(0, options.pop(2))
    for anchor, lx, ly, box in options:
        x0, y0, x1, y1 = box
        if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
            continue
        if any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in boxes):
            continue
        boxes.append(box)
        return round(lx, 1), round(ly, 1), anchor
    return None


def render_map_svg(articles: Sequence[Article], *, width: int = MAP_WIDTH) -> str:
    """An inline SVG map (equirectangular over China's bounding box) of the places the
    articles mention: one circle per division (area by mention count), a dashed ring per
    region at its members' centroid, labels; grey dots are province/prefecture seats."""
    lon0, lon1, lat0, lat1 = MAP_BOUNDS
    pad = 24
    height = round(pad * 2 + (width - 2 * pad) * (lat1 - lat0) / (lon1 - lon0))
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" aria-label="Map of the places mentioned">'
    ]
    for lon in range(80, 136, 10):
        x, _ = _project(lon, lat0, width, height, pad)
        parts.append(f'<line class="grid" x1="{x}" y1="{pad}" x2="{x}" y2="{height - pad}"/>')
        parts.append(f'<text class="gridlabel" x="{x + 2}" y="{height - pad + 12}">{lon}°E</text>')
    for lat in range(20, 55, 10):
        _, y = _project(lon0, lat, width, height, pad)
        parts.append(f'<line class="grid" x1="{pad}" y1="{y}" x2="{width - pad}" y2="{y}"/>')
        parts.append(f'<text class="gridlabel" x="2" y="{y - 2}">{lat}°N</text>')
    parts.append('<g class="context">')
    for code, (level, _, lon, lat) in sorted(_division_table().items()):
        if level in ("province", "prefecture") and _in_bounds(lon, lat):
            x, y = _project(lon, lat, width, height, pad)
            parts.append(f'<circle class="ctx" cx="{x}" cy="{y}" r="{2.2 if level == "province" else 1.3}"/>')
    parts.append("</g>")
    spots, unplaced = _spots(articles)
    labels: list[str] = []
    boxes: list[tuple[float, float, float, float]] = []
    unlabeled = 0
    for spot in spots:  # most mentioned first: big circles below, their labels placed first
        x, y = _project(spot.lon, spot.lat, width, height, pad)
        r = round(4 + 4 * math.sqrt(spot.mentions), 1)
        if spot.region:
            r = round(r + 10, 1)
        forms = ", ".join(t for t, _ in spot.texts.most_common(3))
        tip = (f"{spot.name} {'' if spot.region else spot.key}: {spot.mentions} mention(s) in "
               f"{len(spot.articles)} article(s) — {forms}")
        cls = "rg" if spot.region else "pt"
        code_attr = "" if spot.region else f' data-code="{_e(spot.key)}"'
        parts.append(
            f'<circle class="{cls}" cx="{x}" cy="{y}" r="{r}" data-mentions="{spot.mentions}"{code_attr} '
            f'data-name="{_e(spot.name)}"><title>{_e(tip)}</title></circle>'
        )
        text = f"{spot.name} {spot.mentions}"
        placed = _place_label(text, x, y, r, width, height, boxes, prefer_above=spot.region)
        if placed is None:
            unlabeled += 1
            continue
        lx, ly, anchor = placed
        label_cls = "lbl lbl-rg" if spot.region else "lbl"
        labels.append(f'<text class="{label_cls}" x="{lx}" y="{ly}" text-anchor="{anchor}">{_e(text)}</text>')
    parts.extend(labels)  # labels above every circle
    parts.append("</svg>")
    note = (f'<p class="small">{len(spots)} places drawn; {unplaced} mention(s) without code or coordinates '
            f"not drawn; {unlabeled} label(s) left out where they would collide (hover a circle for its name). "
            "Circle area \u221d mentions; dashed rings: regions at their members' centroid; grey dots: "
            "province and prefecture seats.</p>")
    rows = "".join(
        f'<tr><td>{_e(sp.name)}</td><td>{_e("region" if sp.region else sp.key)}</td>'
        f'<td class="num">{sp.mentions}</td><td class="num">{len(sp.articles)}</td>'
        f'<td>{_e(", ".join(t for t, _ in sp.texts.most_common()))}</td></tr>'
        for sp in spots
    )
    table = (f'<details class="map-places"><summary>All places drawn ({len(spots)})</summary>'
             '<table><tr><th>name</th><th>code</th><th>mentions</th><th>articles</th><th>written as</th></tr>'
             f"{rows}</table></details>")
    return '<div class="map">' + "".join(parts) + note + table + "</div>"


def _summary_html(articles: Sequence[Article]) -> str:
    keys = ("money", "percentage", "count", "rank", "date")
    head = "".join(f"<th>{_e(k)}</th>" for k in keys)
    rows = []
    totals: Counter = Counter()
    for n, article in enumerate(articles):
        counts = _counts(article)
        totals.update(counts)
        totals["warnings"] += len(article.warnings)
        totals["observations"] += len(article.observations)
        cells = "".join(f'<td class="num">{counts[k]}</td>' for k in keys)
        codes = sorted({w.code for w in article.warnings})
        rows.append(
            f'<tr class="summary-row" data-article="{n}"><td class="num">{n + 1}</td><td>{_e(article.id)}</td>'
            f'<td><a href="#a{n}-article">{_e(article.title or "(untitled)")}</a></td>'
            f"<td class=\"nowrap\">{_e(article.published.isoformat() if article.published else '')}</td>{cells}"
            f'<td class="num">{counts["place"]}</td><td class="num">{counts["region"]}</td>'
            f'<td class="num observations">{len(article.observations)}</td>'
            f'<td class="num" title="{_e(" ".join(codes))}">{len(article.warnings)}</td></tr>'
        )
    total_cells = "".join(f'<td class="num">{totals[k]}</td>' for k in keys)
    rows.append(f'<tr class="total"><td></td><td></td><td>total ({len(articles)} articles)</td><td></td>{total_cells}'
                f'<td class="num">{totals["place"]}</td><td class="num">{totals["region"]}</td>'
                f'<td class="num observations">{totals["observations"]}</td>'
                f'<td class="num">{totals["warnings"]}</td></tr>')
    return (f'<table class="summary"><tr><th>#</th><th>id</th><th>title</th><th>published</th>{head}'
            f"<th>places</th><th>regions</th><th>observations</th><th>warnings</th></tr>{''.join(rows)}</table>")


def render_batch_html(articles: Iterable[Article], *, title: str = "xinhua-extract review",
                      include_articles: bool = True) -> str:
    """Many articles on one self-contained page: a summary table (facts per type,
    places, regions, observations, warnings per article), a map of the places mentioned, then each
    article rendered as by :func:`render_article_html` (ids prefixed ``a<n>-``)."""
    articles = list(articles)
    body = [
        f"<h1>{_e(title)}</h1>",
        f'<p class="small">{len(articles)} article(s).</p>',
        "<h2>Summary</h2>",
        _summary_html(articles),
        "<h2>Places mentioned</h2>",
        render_map_svg(articles),
    ]
    if include_articles:
        body.append("<h2>Articles</h2>")
        body.extend(_article_section(a, prefix=f"a{n}-", heading_level=2) for n, a in enumerate(articles))
    return _page(title, "".join(body))


__all__ = ["render_article_html", "render_batch_html", "render_map_svg", "TYPES", "MAP_BOUNDS"]
