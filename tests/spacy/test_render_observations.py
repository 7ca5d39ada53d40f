"""Observations on the review page: a figure's hover and data attributes give its
measure, places, period and role; the measure is underlined and linked to the figure both
ways; checked on the markup and (when Chromium is on PATH) in a real headless browser."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hand_articles import with_hand_observations
from xinhua_extract.render import render_article_html, render_batch_html

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("check_render", ROOT / "scripts" / "check_render.py")
check_render = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_render)

needs_chromium = pytest.mark.skipif(
    check_render.find_chromium() is None,
    reason="chromium is not on PATH (apt-get install -y chromium) - the headless-browser DOM check is skipped")


def soup_of(page: str) -> BeautifulSoup:
    return BeautifulSoup(page, "html.parser", preserve_whitespace_tags={"div", "pre", "textarea"})


@pytest.fixture()
def obs_article(hand_article):
    return with_hand_observations(hand_article)


def test_figure_hover_names_measure_places_period_role(obs_article):
    soup = soup_of(render_article_html(obs_article))
    cny = soup.select_one('mark[data-kind="fact"][data-index="2"]')
    assert cny.get_text() == "11억9천만 위안"
    assert (cny["data-role"], cny["data-measure"], cny["data-places"], cny["data-period"]) == (
        "level", "리튬전지 매출", "370400", "2022")
    tip = cny["title"].splitlines()
    assert "measure: 리튬전지 매출" in tip and "role: level" in tip and "period: 2022" in tip
    assert "places: 370400 枣庄市" in tip  # the name from the article's own place mention
    pct = soup.select_one('mark[data-kind="fact"][data-index="5"]')
    assert pct["data-direction"] == "up" and "role: change (up)" in pct["title"]
    assert "change of #4 12개" in pct["title"]
    title_money = soup.select_one('mark[data-kind="fact"][data-index="0"]')
    assert "period: not said" in title_money["title"] and "data-period" not in title_money.attrs
    # no observation, no observation attributes
    for i in (1, 3, 6):
        el = soup.select_one(f'mark[data-kind="fact"][data-index="{i}"]')
        assert "data-role" not in el.attrs and "measure:" not in el["title"]


def test_measures_underlined_once_and_linked(obs_article):
    page = render_article_html(obs_article)
    soup = soup_of(page)
    spans = soup.select('span.xmeas[data-kind="measure"]')
    assert [s.get_text() for s in spans] == ["리튬전지 매출", "리튬전지 매출", "기업"]
    firms = spans[2]
    assert firms["data-facts"] == "f4 f5" and firms["data-observations"] == "2 3"
    assert soup.select_one('mark[data-index="4"][data-kind="fact"]')["data-measure-ref"] == firms["id"] == "m2"
    for s in spans:
        o = next(o for o in obs_article.observations if o.measure.start == int(s["data-start"]))
        assert obs_article.text[int(s["data-start"]):int(s["data-end"])] == s.get_text() == o.measure.text
    assert re.search(r"span\.xmeas \{[^}]*text-decoration: underline", page)
    assert soup.find("div", class_="article-text").get_text() == obs_article.text
    rows = soup.select("table.observations tr.observation")
    assert len(rows) == len(obs_article.observations) and "change up" in rows[3].get_text()
    assert check_render.check_html(page, [obs_article]) == []


def test_the_checker_catches_a_broken_link_or_hover(obs_article):
    page = render_article_html(obs_article)
    unlinked = page.replace('data-measure-ref="m2"', 'data-measure-ref="m0"', 1)
    assert any("does not point at its measure" in p for p in check_render.check_html(unlinked, [obs_article]))
    no_role = page.replace("role: change (up)", "role: ?")
    assert any("hover lacks" in p for p in check_render.check_html(no_role, [obs_article]))
    gone = re.sub(r'<span class="xmeas"[^>]*data-index="2"[^>]*>(.*?)</span>', r"\1", page)
    assert any("measure elements" in p for p in check_render.check_html(gone, [obs_article]))


def test_batch_summary_counts_observations(obs_article, hand_article):
    soup = soup_of(render_batch_html([obs_article, hand_article]))
    counts = [td.get_text() for td in soup.select("table.summary td.observations")]
    assert counts == [str(len(obs_article.observations)), "0", str(len(obs_article.observations))]


def test_overlapping_spans_keep_every_measure(hand_article_overlapping):
    article = with_hand_observations(hand_article_overlapping)
    assert check_render.check_html(render_article_html(article), [article]) == []


def test_fixture_pages_with_observations(fixture_articles):
    from observation_helpers import with_observations

    articles = [with_observations(a) for a, _ in fixture_articles.values()]
    assert sum(len(a.observations) for a in articles) > 100
    assert check_render.check_html(render_batch_html(articles), articles, batch=True) == []


@needs_chromium
def test_headless_browser_underlines_and_links(tmp_path, obs_article):
    problems = check_render.check_page(check_render.find_chromium(), render_article_html(obs_article),
                                       [obs_article], tmp_path, "obs")
    assert problems == []
    dom = soup_of((tmp_path / "obs.dom.html").read_text(encoding="utf-8"))
    spans = dom.select("span.xmeas")
    assert spans and all("underline" in s["data-probe-decoration"] for s in spans)
    assert all(s["data-probe-hover-facts"] == "yes" for s in spans)


@needs_chromium
def test_headless_browser_fixture_batch_with_observations(tmp_path, fixture_articles):
    from observation_helpers import with_observations

    articles = [with_observations(a) for a, _ in list(fixture_articles.values())[:5]]
    problems = check_render.check_page(check_render.find_chromium(), render_batch_html(articles), articles,
                                       tmp_path, "batch", batch=True)
    assert problems == []
