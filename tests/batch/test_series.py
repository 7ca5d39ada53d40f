"""`xinhua-extract series`: one measure's values across an archive, end to end on an
archive parsed from the fixture articles and written in every batch format.

Until the extractor fills ``Article.observations`` the archive's observations are made
by ``observation_helpers.naive_observations`` (real facts, real spans); the expected
answers are computed from those Articles directly, independently of the series reader.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from xinhua_extract.cli import main
from xinhua_extract.io.writers import open_writer
from xinhua_extract.places.gazetteer import get_gazetteer
from xinhua_extract.series import normalise_measure, period_bounds, period_key, series

from observation_helpers import with_observations

FORMATS = {"parquet": "ds", "jsonl": "out.jsonl", "csv": "out.csv"}


@pytest.fixture(scope="module")
def archive(tmp_path_factory, fixture_articles):
    """The fixture articles with observations, written once in each format."""
    articles = [with_observations(article) for article, _ in fixture_articles.values()]
    root = tmp_path_factory.mktemp("series_archive")
    paths = {}
    for fmt, name in FORMATS.items():
        with open_writer(fmt, root / name, tokens=False, **({"articles_per_part": 5} if fmt == "parquet" else {})) as w:
            for a in articles:
                w.write(a)
        paths[fmt] = root / name
    try:
        from xinhua_extract.spacy_bridge import write_docbin
    except ImportError:  # spaCy is optional
        return articles, paths
    write_docbin(articles, root / "out.spacy")
    paths["spacy"] = root / "out.spacy"
    return articles, paths


def expected(articles, keep):
    """(article id, fact index) of every observation ``keep(article, observation)`` accepts."""
    return {(a.id, o.fact) for a in articles for o in a.observations if keep(a, o)}


def run_jsonl(capsys, *args) -> list[dict]:
    code = main(["series", *map(str, args), "--format", "jsonl"])
    out = capsys.readouterr().out
    assert code == (0 if out else 1)
    return [json.loads(line) for line in out.splitlines()]


def head(query):
    return lambda a, o: o.measure is not None and normalise_measure(o.measure.text).endswith(normalise_measure(query))


@pytest.mark.parametrize("query", ["기업", "매출", "규모", "수출입액"])
def test_head_match_finds_exactly_the_measures_ending_so(capsys, archive, query):
    articles, paths = archive
    want = expected(articles, head(query))
    assert want, f"the archive should hold some {query}"
    for fmt, path in paths.items():
        got = run_jsonl(capsys, path, "--measure", query)
        assert {(p["article_id"], p["fact_index"]) for p in got} == want, fmt
        assert all(normalise_measure(p["measure"]).endswith(query) for p in got)
        keys = [period_key(p["period"]) for p in got]
        assert keys == sorted(keys), f"{fmt}: not sorted by period"


def test_every_format_prints_the_same_table(capsys, archive):
    _, paths = archive
    tables = []
    for path in paths.values():
        assert main(["series", str(path), "--measure", "기업"]) == 0
        tables.append(capsys.readouterr().out)
    assert len(tables) >= 3 and all(t == tables[0] for t in tables)
    lines = tables[0].splitlines()
    assert lines[0].split()[:4] == ["period", "value", "unit", "role"]
    articles, _ = archive
    assert len(lines) == 1 + len(expected(articles, head("기업")))


def test_values_units_and_articles_are_the_facts(capsys, archive):
    articles, paths = archive
    by_id = {a.id: a for a in articles}
    for p in run_jsonl(capsys, paths["parquet"], "--measure", "매출"):
        article = by_id[p["article_id"]]
        fact = article.facts[p["fact_index"]]
        assert p["value"] == format(fact.value, "f") and p["fact_text"] == fact.text
        assert p["unit"] == (getattr(fact, "currency", None) or getattr(fact, "unit", None) or fact.counter)
        assert p["title"] == article.title
        assert p["published"] == (article.published.isoformat() if article.published else None)
        obs = article.observations[p["observation_index"]]
        assert p["places"] == list(obs.places) and p["period"] == obs.period and p["role"] == obs.role


def test_place_filter_includes_the_divisions_inside(capsys, archive):
    articles, paths = archive
    gaz = get_gazetteer()
    inside = expected(articles, lambda a, o: head("기업")(a, o) and any(gaz.is_within(p, "320000") for p in o.places))
    only = expected(articles, lambda a, o: head("기업")(a, o) and "320000" in o.places)
    assert inside > only, "the fixtures have 기업 counts in Jiangsu's prefectures"
    for path in paths.values():
        got = run_jsonl(capsys, path, "--measure", "기업", "--place", "320000")
        assert {(p["article_id"], p["fact_index"]) for p in got} == inside
        exact = run_jsonl(capsys, path, "--measure", "기업", "--place", "320000", "--no-descendants")
        assert {(p["article_id"], p["fact_index"]) for p in exact} == only
    by_name = run_jsonl(capsys, paths["jsonl"], "--measure", "기업", "--place", "장쑤성")
    assert {(p["article_id"], p["fact_index"]) for p in by_name} == inside


def test_cn_holds_every_division(capsys, archive):
    articles, paths = archive
    want = expected(articles, lambda a, o: head("기업")(a, o) and any(p == "CN" or p.isdigit() for p in o.places))
    got = run_jsonl(capsys, paths["csv"], "--measure", "기업", "--place", "CN")
    assert {(p["article_id"], p["fact_index"]) for p in got} == want


@pytest.mark.parametrize("role", ["change", "level"])
def test_role_filter(capsys, archive, role):
    articles, paths = archive
    want = expected(articles, lambda a, o: o.role == role and head("액")(a, o))
    assert want
    got = run_jsonl(capsys, paths["parquet"], "--measure", "액", "--role", role)
    assert {(p["article_id"], p["fact_index"]) for p in got} == want
    assert {p["role"] for p in got} <= {role}


def test_match_modes(capsys, archive):
    articles, paths = archive
    contains = expected(articles, lambda a, o: o.measure is not None and "외자" in normalise_measure(o.measure.text))
    exact = expected(articles, lambda a, o: o.measure is not None and normalise_measure(o.measure.text) == "매출")
    assert contains and exact
    got = run_jsonl(capsys, paths["jsonl"], "--measure", "외자", "--match", "contains")
    assert {(p["article_id"], p["fact_index"]) for p in got} == contains
    got = run_jsonl(capsys, paths["csv"], "--measure", "매출", "--match", "exact")
    assert {(p["article_id"], p["fact_index"]) for p in got} == exact
    # spaces and Latin case do not matter
    spaced = run_jsonl(capsys, paths["parquet"], "--measure", "외자 이용액")
    packed = run_jsonl(capsys, paths["parquet"], "--measure", "외자이용액")
    assert spaced == packed and spaced


def test_periods_sort_by_start_then_end():
    periods = [None, "2020", "bogus", "2020-Q2", "2019-12", "2020-Q1", "2020-H1", "2021-01-01/2021-03-31", "2020-01-15"]
    ordered = sorted(periods, key=period_key)
    assert ordered == ["2019-12", "2020-Q1", "2020-H1", "2020", "2020-01-15", "2020-Q2", "2021-01-01/2021-03-31",
                       "bogus", None]
    assert period_bounds("2024-Q1")[1].isoformat() == "2024-03-31"
    assert period_bounds("2023-02")[1].isoformat() == "2023-02-28"
    assert period_bounds("2021-H2")[0].isoformat() == "2021-07-01"
    assert period_bounds("2015/2020")[1].isoformat() == "2020-12-31"


def test_library_function_matches_the_command(archive):
    articles, paths = archive
    points = series(paths["parquet"], "기업", place="320000")
    assert {(p.article_id, p.fact_index) for p in points} == {
        (a.id, o.fact) for a in articles for o in a.observations
        if head("기업")(a, o) and any(get_gazetteer().is_within(c, "320000") for c in o.places)}


def test_usage_errors_and_nothing_found(capsys, tmp_path, archive):
    _, paths = archive
    assert main(["series", str(tmp_path / "missing"), "--measure", "매출"]) == 2
    assert "does not exist" in capsys.readouterr().err
    spacy_file = tmp_path / "x.spacy"
    spacy_file.write_bytes(b"\x00")
    assert main(["series", str(spacy_file), "--measure", "매출"]) == 2
    assert "DocBin" in capsys.readouterr().err
    not_output = tmp_path / "notes.txt"
    not_output.write_text("메모", encoding="utf-8")
    assert main(["series", str(not_output), "--measure", "매출"]) == 2
    assert "not an output" in capsys.readouterr().err
    assert main(["series", str(paths["jsonl"]), "--measure", "없는측정값"]) == 1
    assert "no value" in capsys.readouterr().err
    assert main(["series", str(paths["jsonl"]), "--measure", "매출", "--place", "산시"]) == 2
    err = capsys.readouterr().err
    assert "140000" in err and "610000" in err  # 山西 and 陕西: ambiguous, both named
    assert main(["series", str(paths["jsonl"]), "--measure", "매출", "--role", "guess"]) == 2
    capsys.readouterr()
    assert main(["series", str(paths["jsonl"]), "--measure", "  "]) == 2
    capsys.readouterr()


def test_an_output_written_without_observations_says_so(capsys, tmp_path, archive):
    _, paths = archive
    old = tmp_path / "old"
    shutil.copytree(paths["parquet"], old)
    shutil.rmtree(old / "observations")
    assert main(["series", str(old), "--measure", "매출"]) == 2
    assert "no observations table" in capsys.readouterr().err
    csv_copy = tmp_path / "old.csv"
    shutil.copy(paths["csv"], csv_copy)
    assert main(["series", str(csv_copy), "--measure", "매출"]) == 2
    assert "observations" in capsys.readouterr().err


def test_real_extraction_end_to_end(capsys, tmp_path, fixture_text_paths):
    """parse (the real pipeline and its observations) -> Parquet and JSONL -> series: both
    outputs give the same values, exactly the parsed articles' observations of the measure."""
    from xinhua_extract.io.writers import read_jsonl_articles, read_parquet_tables

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in fixture_text_paths[:6]:
        shutil.copy(p, corpus / p.name)
    outs = {"parquet": tmp_path / "ds", "jsonl": tmp_path / "out.jsonl"}
    for fmt, out in outs.items():
        assert main(["parse", str(corpus), "-o", str(out), "--format", fmt, "--workers", "1", "--quiet"]) == 0
    articles = list(read_jsonl_articles(outs["jsonl"]))
    rows = read_parquet_tables(outs["parquet"])["observations"].num_rows
    assert rows == sum(max(1, len(o.places)) for a in articles for o in a.observations) > 0
    for query in ("기업", "GDP", "액"):
        want = expected(articles, head(query))
        got = {fmt: run_jsonl(capsys, out, "--measure", query) for fmt, out in outs.items()}
        assert got["parquet"] == got["jsonl"]
        assert {(p["article_id"], p["fact_index"]) for p in got["jsonl"]} == want


def test_csv_output_has_every_value(capsys, archive):
    import csv
    import io

    _, paths = archive
    as_json = run_jsonl(capsys, paths["parquet"], "--measure", "매출")
    assert main(["series", str(paths["parquet"]), "--measure", "매출", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["article"], r["value"].lstrip("~"), r["fact"]) for r in rows] == [
        (p["article_id"], p["value"], p["fact_text"]) for p in as_json]
    assert all(r["title"] == (p["title"] or "") for r, p in zip(rows, as_json))  # never abbreviated
