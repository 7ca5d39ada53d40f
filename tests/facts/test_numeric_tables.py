"""Data tables of the numeric rules (drift against their generator), conversion warnings,
and the span contract shared by the four numeric extractors."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest

from xinhua_extract.facts._numeric import counters, currencies
from xinhua_extract.facts.count import extract_counts
from xinhua_extract.facts.money import conversion_warnings, extract_money
from xinhua_extract.facts.percentage import extract_percentages
from xinhua_extract.facts.rank import extract_ranks
from xinhua_extract.records import Money

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_numeric_tables.py"


@pytest.fixture(scope="module")
def builder():
    spec = importlib.util.spec_from_file_location("build_numeric_tables", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "name,render",
    [
        ("counters.tsv", "render_counters"),
        ("currencies.tsv", "render_currencies"),
        ("counter_nouns.tsv", "render_counter_nouns"),
        ("currency_not_typos.tsv", "render_not_currency_typos"),
        ("won_context.tsv", "render_won_context"),
    ],
)
def test_tables_match_their_generator(builder, name, render):
    committed = (ROOT / "src" / "xinhua_extract" / "data" / name).read_text(encoding="utf-8")
    assert committed == getattr(builder, render)(), f"{name} drifted: run python scripts/build_numeric_tables.py"


def test_tables_load():
    assert {"개", "명", "곳", "대", "개국"} <= {row.surface for row in counters()}
    codes = {row.surface: row.code for row in currencies()}
    assert codes["위안"] == "CNY" and codes["원"] == "KRW" and codes["달러"] == "USD" and codes["$"] == "USD"


# ----------------------------------------------------------------------------- warnings
def test_implausible_conversion_warns():
    text = "투자액은 10억 위안(2조원)이다. 매출은 11억9천만 위안(2천146억원)이다."
    money = extract_money(text, [(0, len(text))])
    assert [m.equivalent_of for m in money] == [None, 0, None, 2]
    assert money[1].rate == Decimal(2000)
    warnings = conversion_warnings(money)
    assert len(warnings) == 1
    w = warnings[0]
    assert w.code == "W101" and "10억 위안" in w.message and "2조원" in w.message
    assert text[w.start : w.end] == "10억 위안(2조원"


def test_warning_reads_reversed_pairs_and_article_indices():
    cny = Money(text="1억 위안", start=20, end=26, value=Decimal(10**8), currency="CNY")
    krw = Money(text="5억원", start=0, end=4, value=Decimal(5 * 10**8), currency="KRW")
    reversed_pair = Money(text="1억 위안", start=5, end=11, value=Decimal(10**8), currency="CNY", equivalent_of=0)
    assert conversion_warnings([krw, reversed_pair])[0].code == "W101"  # 5 won per yuan
    fine = Money(text="180억원", start=27, end=33, value=Decimal(18 * 10**9), currency="KRW", equivalent_of=1)
    assert conversion_warnings([krw, cny, fine]) == ()


# ----------------------------------------------------------------------------- spans
EXTRACTORS = [extract_money, extract_percentages, extract_counts, extract_ranks]
PAGE = (
    "출처: 신화망 | 2021-08-26 09:51:45 | 편집: 朱雪松\n"
    "기업 43개가 100억 위안을 투자해 25.4%를 차지, 세계 1위에 올랐다.\n"
    "전화:0086-10-8805-0795\n이메일:xinhuakorea@126.com\n"
    "010020071350000000000000011100001310149560\n"
)


@pytest.mark.parametrize("extract", EXTRACTORS, ids=lambda f: f.__name__)
def test_nothing_outside_spans(extract):
    body = PAGE.splitlines(keepends=True)[1]
    start = PAGE.index(body)
    inside = extract(PAGE, [(start, start + len(body))])
    assert len(inside) == 1 and start <= inside[0].start and inside[0].end <= start + len(body)
    assert extract(PAGE, [(0, start)]) == ()
    assert extract(PAGE, [(start + len(body), len(PAGE))]) == ()  # footer: codes, not facts
    # a span boundary cuts an expression: nothing is read across it
    cut = PAGE.index("100억") + 3
    assert all(r.end <= cut or r.start >= cut for r in extract(PAGE, [(start, cut), (cut, start + len(body))]))


@pytest.mark.parametrize("extract", EXTRACTORS, ids=lambda f: f.__name__)
def test_whole_page_noise_yields_only_body_facts(extract):
    records = extract(PAGE, [(0, len(PAGE))])
    assert [r.text for r in records] in (["43개"], ["100억 위안"], ["25.4%"], ["1위"])
