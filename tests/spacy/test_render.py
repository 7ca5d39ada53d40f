"""The review pages: every fact and place highlighted exactly once with its data, warnings
listed, conversions linked, furniture greyed, text escaped, nothing external; the batch
page's summary and map; and (when Chromium is on PATH) the same checks on the DOM a real
headless browser built, via scripts/check_render.py."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from xinhua_extract.records import ArticleWarning, Money, PlaceMention
from xinhua_extract.spacy_bridge import FACT_LABELS
from xinhua_extract.render import MAP_BOUNDS, render_article_html, render_batch_html


ROOT = Path(__file__).resolve().parents[2]


def _load_check_render():
    spec = importlib.util.spec_from_file_location("check_render", ROOT / "scripts" / "check_render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_render = _load_check_render()


def soup_of(page: str) -> BeautifulSoup:
    # keep whitespace-only strings inside the article text (bs4 collapses them elsewhere)
    return BeautifulSoup(page, "html.parser", preserve_whitespace_tags={"div", "pre", "textarea"})


def marks(soup, kind: str, index: int):
    return soup.select(f'mark.xm[data-kind="{kind}"][data-index="{index}"]')


# --------------------------------------------------------------------------- one article
def test_every_fact_and_place_has_exactly_one_highlight(hand_article):
    soup = soup_of(render_article_html(hand_article))
    assert len(soup.select("mark.xm")) == len(hand_article.facts) + len(hand_article.places)
    for i, fact in enumerate(hand_article.facts):
        (el,) = marks(soup, "fact", i)
        assert el.get_text() == fact.text
        assert el["id"] == f"f{i}"
        assert el["data-type"] == fact.type
        assert f"xm-{fact.type}" in el["class"]
        assert (int(el["data-start"]), int(el["data-end"])) == (fact.start, fact.end)
        assert el["data-value"] == (format(fact.value, "f") if isinstance(fact.value, Decimal) else fact.value)
        assert el["data-label"] == FACT_LABELS[fact.type]
        assert el["title"]  # hover text
        assert el["data-value"] in el["title"]
    for i, place in enumerate(hand_article.places):
        (el,) = marks(soup, "place", i)
        assert el.get_text() == place.text
        assert el["id"] == f"p{i}"
        assert el.get("data-code") == place.code
        assert el.get("data-name-zh") == place.name_zh
        assert ("xm-region" if place.kind == "region" else "xm-place") in el["class"]
        if place.code:
            assert place.code in el["title"]


def test_currency_unit_counter_attributes(hand_article):
    soup = soup_of(render_article_html(hand_article))
    by_text = {el.get_text(): el for el in soup.select("mark.xm")}
    assert by_text["11억9천만 위안"]["data-currency"] == "CNY"
    assert by_text["25.4%"]["data-unit"] == "%"
    assert by_text["12개"]["data-counter"] == "개"
    assert by_text["10위권"]["data-label"] == "ORDINAL"


def test_text_is_shown_exactly(hand_article):
    soup = soup_of(render_article_html(hand_article))
    assert soup.find("div", class_="article-text").get_text() == hand_article.text


def test_warnings_listed_at_the_top(hand_article):
    page = render_article_html(hand_article)
    soup = soup_of(page)
    items = soup.select("section.warnings li.warning")
    assert [li["data-code"] for li in items] == ["W101", "W015"]
    assert "KRW-per-CNY rate <180.34> & odd" in items[0].get_text()  # escaped, shown verbatim
    assert page.index('class="warnings"') < page.index('class="article-text"')
    # a warning with a span links to it, and the span is marked in the text
    link = items[0].find("a")
    target = soup.find(id=link["href"][1:])
    assert target is not None and target.get_text() == "2천146억원"


def test_no_warnings_says_so(hand_article):
    page = render_article_html(dataclasses.replace(hand_article, warnings=()))
    assert "No warnings." in page and "li class=\"warning\"" not in page


def test_conversions_linked(hand_article):
    soup = soup_of(render_article_html(hand_article))
    krw = soup.select_one('mark[data-currency="KRW"]')
    cny = soup.find(id=krw["data-equivalent-of"])
    assert cny.get_text() == "11억9천만 위안"
    assert krw["data-conv"] == cny["data-conv"] == "c1"
    assert krw["data-conv-label"] == cny["data-conv-label"] == "c1"
    assert "xm-conv" in krw["class"] and "xm-conv" in cny["class"]
    assert cny["data-converted-by"] == krw["id"]
    assert krw["data-rate"] == "180.34"
    row = soup.select_one("table.conversions tr.conversion")
    assert row["data-conv"] == "c1" and "180.34" in row.get_text()
    # the script that lights both up on hover is inline
    assert "xm-linked" in soup.find("script").get_text()


def test_furniture_greyed_content_not(hand_article):
    soup = soup_of(render_article_html(hand_article))
    kinds = {el["data-block"]: el["class"] for el in soup.select("span.blk")}
    for kind in ("header", "meta", "footer"):
        assert "blk-furniture" in kinds[kind]
    for kind in ("title", "body"):
        assert "blk-furniture" not in kinds[kind]
    assert soup.select_one('span[data-meta="dateline"]').get_text() == "[신화망 지난 5월2일]"


def test_metadata_header_and_legend(hand_article):
    soup = soup_of(render_article_html(hand_article))
    meta = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in soup.select("dl.meta dt")}
    assert meta["id"] == "hand_001"
    assert meta["published"] == "2023-05-02T10:00:00+08:00"
    assert meta["source"] == "신화망"
    assert soup.select_one("h1.title").get_text() == "경제" + hand_article.title
    legend = soup.select_one("div.legend").get_text()
    for label in ("MONEY", "PERCENT", "CARDINAL", "ORDINAL", "DATE", "GPE", "LOC", "page furniture"):
        assert label in legend


def test_overlapping_spans_still_one_element_each(hand_article_overlapping):
    article = hand_article_overlapping
    soup = soup_of(render_article_html(article))
    for kind, records in (("fact", article.facts), ("place", article.places)):
        for i, _ in enumerate(records):
            assert len(marks(soup, kind, i)) == 1
    # nested: the place 위안 inside the money
    money = soup.find("mark", string=None, attrs={"data-value": "1190000000"})
    assert money.find("mark", attrs={"data-kind": "place"}).get_text() == "위안"
    # crossing: 대만구는 is clipped inside the region and says so
    clipped = soup.select('mark[data-clipped="true"]')
    assert [c.get_text() for c in clipped] == ["대만구"]
    assert soup.find("div", class_="article-text").get_text() == article.text
    assert check_render.check_html(render_article_html(article), [article]) == []


NASTY = '<script>alert("x")</script> & \'q\' <b>'


def test_everything_is_escaped(hand_article):
    start = len(hand_article.text)
    text = hand_article.text + NASTY + "\n"
    article = dataclasses.replace(
        hand_article,
        text=text,
        title=NASTY,
        id='id"><img src=x onerror=alert(1)>',
        facts=(*hand_article.facts, Money(text=NASTY, start=start, end=start + len(NASTY), value=Decimal(1),
                                          currency='"><script>', rule="<rule>")),
        places=(*hand_article.places, PlaceMention(text="<b>", start=start + len(NASTY) - 3, end=start + len(NASTY),
                                                   code='"/>', name_zh="<i>")),
        warnings=(*hand_article.warnings, ArticleWarning(code="W999", message=NASTY, start=start, end=start + 8)),
    )
    page = render_article_html(article)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "<b>" not in page and "<i>" not in page
    soup = soup_of(page)
    assert soup.find("div", class_="article-text").get_text() == text
    assert soup.select_one("h1.title").get_text().endswith(NASTY)
    assert len(soup.find_all("script")) == 1
    assert check_render.check_html(page, [article]) == []


def _external_references(page: str) -> list[str]:
    return re.findall(r"""(?:src|href)\s*=\s*["']?(?!#)[^"'\s>]+|url\(|@import|<link\b|<iframe\b|https?://""", page)


def test_self_contained(hand_article):
    assert _external_references(render_article_html(hand_article)) == []
    assert _external_references(render_batch_html([hand_article])) == []


# --------------------------------------------------------------------------- batch
def test_batch_summary_and_ids(hand_article, hand_article_overlapping):
    articles = [hand_article, hand_article_overlapping]
    page = render_batch_html(articles)
    soup = soup_of(page)
    rows = soup.select("table.summary tr.summary-row")
    assert len(rows) == 2
    cells = [td.get_text() for td in rows[1].find_all("td")]
    # #, id, title, published, money, percentage, count, rank, date, places, regions, observations, warnings
    assert cells[1] == "hand_001" and cells[3] == "2023-05-02T10:00:00+08:00"
    assert cells[4:] == ["3", "1", "1", "1", "1", "6", "1", "0", "2"]
    total = [td.get_text() for td in soup.select_one("table.summary tr.total").find_all("td")]
    assert total[4:] == ["6", "2", "2", "2", "2", "9", "2", "0", "4"]
    ids = [el["id"] for el in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids must be unique across the articles of a batch"
    assert rows[0].find("a")["href"] == "#a0-article"
    assert check_render.check_html(page, articles, batch=True) == []


def test_batch_map(hand_article, hand_article_overlapping):
    soup = soup_of(render_batch_html([hand_article, hand_article_overlapping]))
    svg = soup.select_one(".map svg")
    points = {c["data-code"]: c for c in svg.select("circle.pt")}
    # 산둥성 + 산둥 in both articles -> one circle with 4 mentions, bigger than 짜오좡's (2)
    assert int(points["370000"]["data-mentions"]) == 4
    assert int(points["370400"]["data-mentions"]) == 2
    assert float(points["370000"]["r"]) > float(points["370400"]["r"])
    assert "山东省" in points["370000"].find("title").get_text()
    # unresolved / uncoordinated mentions are not drawn but counted
    assert "888888" not in points and "999999" not in points
    # the region is drawn at its members' centroid (Guangdong, Hong Kong, Macao: ~113E 22.5N)
    (ring,) = svg.select("circle.rg")
    assert ring["data-name"] == "粤港澳大湾区"
    width, height = (float(v) for v in svg["viewbox"].split()[2:])
    lon = MAP_BOUNDS[0] + (float(ring["cx"]) - 24) / (width - 48) * (MAP_BOUNDS[1] - MAP_BOUNDS[0])
    lat = MAP_BOUNDS[3] - (float(ring["cy"]) - 24) / (height - 48) * (MAP_BOUNDS[3] - MAP_BOUNDS[2])
    assert 112 < lon < 115 and 21 < lat < 24
    # Shandong's seat (Jinan 117.0E 36.7N) lands where the projection puts it
    cx, cy = float(points["370000"]["cx"]), float(points["370000"]["cy"])
    assert abs(cx - (24 + (117.000923 - 73) / 62 * (width - 48))) < 0.2
    assert abs(cy - (24 + (54 - 36.675807) / 36 * (height - 48))) < 0.2
    labels = [t.get_text() for t in svg.select("text.lbl")]
    assert "山东省 4" in labels and "粤港澳大湾区 2" in labels
    assert len(svg.select("circle.ctx")) > 300  # province and prefecture seats for context


def test_batch_without_article_bodies(hand_article):
    soup = soup_of(render_batch_html([hand_article], include_articles=False))
    assert soup.select("article") == [] and len(soup.select("tr.summary-row")) == 1


def test_batch_of_nothing():
    soup = soup_of(render_batch_html([]))
    assert soup.select("tr.summary-row") == [] and soup.select_one(".map svg") is not None


# --------------------------------------------------------------------------- real parses
def test_seed_page(seed_article):
    page = render_article_html(seed_article)
    assert check_render.check_html(page, [seed_article]) == []
    soup = soup_of(page)
    krw = soup.select('mark[data-currency="KRW"][data-equivalent-of]')
    assert krw, "the seed has yuan figures with KRW conversions"


def test_fixture_batch_page(fixture_articles):
    articles = [a for a, _ in fixture_articles.values()]
    page = render_batch_html(articles)
    assert check_render.check_html(page, articles, batch=True) == []
    assert _external_references(page) == []


# --------------------------------------------------------------------------- real browser
@pytest.mark.skipif(check_render.find_chromium() is None,
                    reason="chromium is not on PATH (apt-get install -y chromium) - the headless-browser DOM check is skipped")
def test_headless_browser_dom(tmp_path, hand_article_overlapping):
    chromium = check_render.find_chromium()
    article = hand_article_overlapping
    problems = check_render.check_page(chromium, render_article_html(article), [article], tmp_path, "hand")
    assert problems == []
    dom = (tmp_path / "hand.dom.html").read_text(encoding="utf-8")
    assert 'data-probe="done"' in dom  # our probe ran after the page's own script
    assert (tmp_path / "hand.png").stat().st_size > 10_000
    assert (tmp_path / "hand.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.skipif(check_render.find_chromium() is None,
                    reason="chromium is not on PATH (apt-get install -y chromium) - the headless-browser DOM check is skipped")
def test_headless_browser_dom_seed_batch(tmp_path, seed_article, fixture_articles):
    articles = [seed_article, *(a for a, _ in fixture_articles.values())]
    problems = check_render.check_page(check_render.find_chromium(), render_batch_html(articles), articles,
                                       tmp_path, "batch", batch=True)
    assert problems == []


def test_the_checker_catches_a_missing_or_doubled_highlight(hand_article):
    page = render_article_html(hand_article)
    unmarked = re.sub(r'<mark class="xm xm-rank"[^>]*>(.*?)</mark>', r"\1", page)
    assert any("fact 6 '10위권' has 0 highlighted elements" in p for p in check_render.check_html(unmarked, [hand_article]))
    unlinked = page.replace('data-equivalent-of="f2"', 'data-equivalent-of="f0"')
    assert any("conversion" in p for p in check_render.check_html(unlinked, [hand_article]))
    no_warnings = page.replace('class="warning"', 'class="note"')
    assert any("warnings listed" in p for p in check_render.check_html(no_warnings, [hand_article]))
