#!/usr/bin/env python
"""Render articles to HTML and check the page in a real headless browser (Chromium).

    python scripts/check_render.py                       # the seed (../shared), else fixture 001
    python scripts/check_render.py --batch               # + every fixture on one batch page
    python scripts/check_render.py path/to/article.txt --out build/render-check

For each page it writes ``<name>.html``, takes a screenshot ``<name>.png`` and dumps the
DOM after the page's scripts ran. The DOM is taken from a copy of the page with a probe
script appended that records, for every highlighted element, the background colour and
the size the browser computed; the check fails unless every fact and every place of every
article has exactly one highlighted element, painted (non-transparent background,
non-empty box), with the right data attributes, the warnings are listed and conversions
point at their amounts (and hovering one, simulated by the probe, lights up the other),
and every observation's figure says its measure, places, period and role on hover while
its measure is underlined (computed ``text-decoration-line``) and linked to the figure
both ways on hover. Look at the PNG to judge the rest (colours, legend, map).

Exit status 0 when every check passed, 1 otherwise, 2 when Chromium is missing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Optional, Sequence

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_896578ecfce59915.txt"
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(ROOT / "src"))

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)

#: Appended to the copy of the page whose DOM is dumped: what the browser computed.
PROBE = """<script>
document.querySelectorAll('mark.xm').forEach(function (el) {
  var s = getComputedStyle(el), r = el.getBoundingClientRect();
  el.setAttribute('data-probe-bg', s.backgroundColor);
  el.setAttribute('data-probe-box', Math.round(r.width) + 'x' + Math.round(r.height));
});
document.querySelectorAll('mark[data-equivalent-of]').forEach(function (el) {
  var other = document.getElementById(el.getAttribute('data-equivalent-of'));
  el.dispatchEvent(new MouseEvent('mouseenter'));
  el.setAttribute('data-probe-hover-links', other && other.classList.contains('xm-linked') ? 'yes' : 'no');
  el.dispatchEvent(new MouseEvent('mouseleave'));
});
document.querySelectorAll('span.xmeas').forEach(function (el) {
  var s = getComputedStyle(el), r = el.getBoundingClientRect();
  el.setAttribute('data-probe-decoration', s.textDecorationLine);
  el.setAttribute('data-probe-box', Math.round(r.width) + 'x' + Math.round(r.height));
  var facts = (el.getAttribute('data-facts') || '').split(' ').filter(Boolean)
    .map(function (i) { return document.getElementById(i); });
  el.dispatchEvent(new MouseEvent('mouseenter'));
  el.setAttribute('data-probe-hover-facts', facts.length && facts.every(function (f) {
    return f && f.classList.contains('xm-obs-linked'); }) ? 'yes' : 'no');
  el.dispatchEvent(new MouseEvent('mouseleave'));
});
document.querySelectorAll('mark[data-measure-ref]').forEach(function (el) {
  var m = document.getElementById(el.getAttribute('data-measure-ref'));
  el.dispatchEvent(new MouseEvent('mouseenter'));
  el.setAttribute('data-probe-hover-measure', m && m.classList.contains('xmeas-linked') ? 'yes' : 'no');
  el.dispatchEvent(new MouseEvent('mouseleave'));
});
document.body.setAttribute('data-probe', 'done');
</script>"""


def find_chromium() -> Optional[str]:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _run_chromium(chromium: str, args: Sequence[str], timeout: float = 120) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="xinhua-chromium-") as profile:
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)


def screenshot(chromium: str, html_path: Path, png_path: Path, size: str = "1280,2000") -> Path:
    proc = _run_chromium(chromium, [f"--screenshot={png_path}", f"--window-size={size}", html_path.resolve().as_uri()])
    if not png_path.exists():
        raise RuntimeError(f"chromium wrote no screenshot (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return png_path


def dump_dom(chromium: str, html_path: Path) -> str:
    proc = _run_chromium(chromium, ["--dump-dom", "--window-size=1280,2000", html_path.resolve().as_uri()])
    if proc.returncode != 0 or "<html" not in proc.stdout:
        raise RuntimeError(f"chromium --dump-dom failed (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return proc.stdout


def check_html(page: str, articles: Sequence, *, batch: bool = False, probed: bool = False) -> list[str]:
    """Problems found in a rendered page (a list of messages; empty when all is well)."""
    from bs4 import BeautifulSoup

    # bs4 collapses whitespace-only strings outside <pre>/<textarea>; the article text
    # sits in a <div> (white-space: pre-wrap) and must come back exactly
    soup = BeautifulSoup(page, "html.parser", preserve_whitespace_tags={"div", "pre", "textarea"})
    problems: list[str] = []
    if probed and soup.body.get("data-probe") != "done":
        problems.append("the probe script did not run (JavaScript disabled or page failed to load)")
    for n, article in enumerate(articles):
        prefix = f"a{n}-" if batch else ""
        section = soup.find("article", id=f"{prefix}article")
        if section is None:
            problems.append(f"article {article.id!r}: no <article id={prefix}article>")
            continue
        name = article.id or f"#{n}"
        text_div = section.find("div", class_="article-text")
        if text_div is None or text_div.get_text() != article.text:
            problems.append(f"{name}: the text shown differs from article.text")
        for kind, records in (("fact", article.facts), ("place", article.places)):
            for i, record in enumerate(records):
                found = section.select(f'mark.xm[data-kind="{kind}"][data-index="{i}"]')
                if len(found) != 1:
                    problems.append(f"{name}: {kind} {i} {record.text!r} has {len(found)} highlighted elements")
                    continue
                el = found[0]
                if el.get("id") != f"{prefix}{kind[0]}{i}":
                    problems.append(f"{name}: {kind} {i} has id {el.get('id')!r}")
                if (int(el.get("data-start", -1)), int(el.get("data-end", -1))) != (record.start, record.end):
                    problems.append(f"{name}: {kind} {i} offsets differ")
                if el.get("data-clipped") != "true" and el.get_text() != record.text:
                    problems.append(f"{name}: {kind} {i} shows {el.get_text()!r}, not {record.text!r}")
                if kind == "fact":
                    want = getattr(record, "value", None)
                    want = "" if want is None else (format(want, "f") if hasattr(want, "as_tuple") else str(want))
                    if el.get("data-value", "") != want or el.get("data-type") != record.type:
                        problems.append(f"{name}: fact {i} data-value/type {el.get('data-value')!r}/{el.get('data-type')!r}")
                elif record.code and el.get("data-code") != record.code:
                    problems.append(f"{name}: place {i} data-code {el.get('data-code')!r} != {record.code}")
                if probed:
                    bg = el.get("data-probe-bg", "")
                    box = el.get("data-probe-box", "0x0")
                    if not bg or bg in ("transparent", "rgba(0, 0, 0, 0)"):
                        problems.append(f"{name}: {kind} {i} {record.text!r} is not painted (background {bg!r})")
                    if any(v == "0" for v in box.split("x")):
                        problems.append(f"{name}: {kind} {i} {record.text!r} has an empty box {box}")
        listed = section.select("li.warning")
        if len(listed) != len(article.warnings):
            problems.append(f"{name}: {len(listed)} warnings listed, {len(article.warnings)} in the article")
        for j, fact in enumerate(article.facts):
            source = getattr(fact, "equivalent_of", None)
            if source is None:
                continue
            el = section.select_one(f'mark.xm[data-kind="fact"][data-index="{j}"]')
            target = section.find(id=el.get("data-equivalent-of")) if el is not None else None
            if target is None or target.get("data-index") != str(source) or target.get("data-conv") != el.get("data-conv"):
                problems.append(f"{name}: conversion {fact.text!r} is not linked to fact {source}")
            elif probed and el.get("data-probe-hover-links") != "yes":
                problems.append(f"{name}: hovering conversion {fact.text!r} does not light up fact {source}")
        problems += _check_observations(section, article, name, prefix, probed)
    if batch:
        rows = soup.select("table.summary tr.summary-row")
        if len(rows) != len(articles):
            problems.append(f"summary table has {len(rows)} rows for {len(articles)} articles")
        if soup.select_one(".map svg") is None:
            problems.append("no map")
    return problems


def _check_observations(section, article, name: str, prefix: str, probed: bool) -> list[str]:
    """Every observation: its figure's hover names measure, role, places and period; its
    measure is one underlined element that points back at the figure."""
    problems: list[str] = []
    measures = {(int(el.get("data-start", -1)), int(el.get("data-end", -1))): el
                for el in section.select('span.xmeas[data-kind="measure"]')}
    wanted = {(o.measure.start, o.measure.end) for o in article.observations if o.measure is not None}
    if set(measures) != wanted:
        problems.append(f"{name}: {len(measures)} measure elements for {len(wanted)} distinct measures")
    seen_facts: set[int] = set()
    for k, obs in enumerate(article.observations):
        fact = section.select_one(f'mark.xm[data-kind="fact"][data-index="{obs.fact}"]')
        if fact is None:
            problems.append(f"{name}: observation {k}: no element for fact {obs.fact}")
            continue
        if obs.fact in seen_facts:  # a second observation of one fact: the hover shows the first
            continue
        seen_facts.add(obs.fact)
        tip = fact.get("title", "")
        want = [f"role: {obs.role}", f"period: {obs.period or 'not said'}"] + [c for c in obs.places]
        if obs.measure is not None:
            want.append(f"measure: {obs.measure.text}")
        missing = [w for w in want if w not in tip]
        if missing:
            problems.append(f"{name}: fact {obs.fact} hover lacks {missing}")
        if fact.get("data-role") != obs.role or (fact.get("data-period") or None) != obs.period:
            problems.append(f"{name}: fact {obs.fact} data-role/period {fact.get('data-role')!r}/{fact.get('data-period')!r}")
        if obs.measure is None:
            continue
        el = measures.get((obs.measure.start, obs.measure.end))
        if el is None:
            continue
        if fact.get("data-measure-ref") != el.get("id"):
            problems.append(f"{name}: fact {obs.fact} does not point at its measure {el.get('id')}")
        if f"{prefix}f{obs.fact}" not in el.get("data-facts", "").split():
            problems.append(f"{name}: measure {obs.measure.text!r} does not point at fact {obs.fact}")
        if el.get("data-clipped") != "true" and el.get_text() != obs.measure.text:
            problems.append(f"{name}: measure shows {el.get_text()!r}, not {obs.measure.text!r}")
        if probed:
            if "underline" not in el.get("data-probe-decoration", ""):
                problems.append(f"{name}: measure {obs.measure.text!r} is not underlined "
                                f"({el.get('data-probe-decoration')!r})")
            if any(v == "0" for v in el.get("data-probe-box", "0x0").split("x")):
                problems.append(f"{name}: measure {obs.measure.text!r} has an empty box")
            if el.get("data-probe-hover-facts") != "yes":
                problems.append(f"{name}: hovering measure {obs.measure.text!r} does not light up its figures")
            if fact.get("data-probe-hover-measure") != "yes":
                problems.append(f"{name}: hovering fact {obs.fact} does not light up its measure")
    return problems


def _published_for(path: Path, text: str):
    """Fixture pages without a '출처:' line take their publication time from the gold."""
    if any(line.lstrip().startswith("출처") for line in text.splitlines()):
        return None
    gold = path.parent.parent / "gold" / (path.stem + ".gold.json")
    if gold.exists():
        value = json.loads(gold.read_text(encoding="utf-8")).get("meta", {}).get("published")
        return datetime.fromisoformat(value) if value else None
    return None


def parse_file(path: Path):
    from xinhua_extract import parse_article

    text = path.read_text(encoding="utf-8")
    return parse_article(text, id=path.stem, published=_published_for(path, text))


def check_page(chromium: Optional[str], page: str, articles: Sequence, out: Path, name: str,
               *, batch: bool = False, size: str = "1280,2000") -> list[str]:
    """Write the page, screenshot it, dump the probed DOM and check it."""
    html_path = out / f"{name}.html"
    html_path.write_text(page, encoding="utf-8")
    problems = check_html(page, articles, batch=batch)
    if chromium is None:
        return problems
    screenshot(chromium, html_path, out / f"{name}.png", size)
    probed_path = out / f"{name}.probe.html"
    probed_path.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = dump_dom(chromium, probed_path)
    (out / f"{name}.dom.html").write_text(dom, encoding="utf-8")
    return problems + [f"[browser] {p}" for p in check_html(dom, articles, batch=batch, probed=True)]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", nargs="*", type=Path, help="article text files (default: the seed, else fixture 001)")
    parser.add_argument("--batch", action="store_true", help="also render every fixture on one batch page")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "render-check", help="output directory")
    parser.add_argument("--size", default="1280,2000", help="browser window size for the screenshot")
    args = parser.parse_args(argv)

    from xinhua_extract.render import render_article_html, render_batch_html

    chromium = find_chromium()
    if chromium is None:
        print("chromium not found on PATH (apt-get install -y chromium); only the HTML checks run", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    paths = list(args.articles) or [SEED if SEED.exists() else FIXTURES / "articles" / "001_jiangsu_q1_economy.txt"]
    problems: list[str] = []
    for path in paths:
        article = parse_file(path)
        found = check_page(chromium, render_article_html(article), [article], args.out, path.stem, size=args.size)
        marks = len(article.facts) + len(article.places)
        print(f"{path.stem}: {len(article.facts)} facts, {len(article.places)} places, "
              f"{len(article.warnings)} warnings; {marks} highlights checked; {len(found)} problem(s)")
        problems += found
    if args.batch:
        articles = [parse_file(p) for p in sorted((FIXTURES / "articles").glob("*.txt"))]
        if SEED.exists():
            articles.insert(0, parse_file(SEED))
        found = check_page(chromium, render_batch_html(articles), articles, args.out, "batch", batch=True, size=args.size)
        print(f"batch: {len(articles)} articles; {len(found)} problem(s)")
        problems += found
    for p in problems:
        print("PROBLEM:", p)
    if chromium is None:
        return 2 if not problems else 1
    print(f"screenshots and DOM dumps in {args.out}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
