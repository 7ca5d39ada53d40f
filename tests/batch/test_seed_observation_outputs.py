"""The seed with its gold observations (``shared/gold``) through every output: the
Parquet table, ``series`` on JSONL/Parquet/CSV, the spaCy measures group and the review
page. The expected answers come from the gold file itself."""

from __future__ import annotations

import json

import pytest

from gold_observations import gold_observations
from xinhua_extract.cli import main
from xinhua_extract.io.writers import open_writer, read_parquet_tables


@pytest.fixture(scope="module")
def seed_with_gold(seed_article, seed_observation_gold):
    gold = seed_observation_gold
    return gold_observations(seed_article, gold), gold["observations"]


@pytest.fixture(scope="module")
def seed_outputs(tmp_path_factory, seed_with_gold):
    article, _ = seed_with_gold
    root = tmp_path_factory.mktemp("seed_outputs")
    paths = {"parquet": root / "ds", "jsonl": root / "seed.jsonl", "csv": root / "seed.csv"}
    for fmt, path in paths.items():
        with open_writer(fmt, path) as w:
            w.write(article)
    try:
        from xinhua_extract.spacy_bridge import write_docbin
    except ImportError:
        return paths
    write_docbin([article], root / "seed.spacy")
    paths["spacy"] = root / "seed.spacy"
    return paths


def test_one_row_per_observation_and_place(seed_with_gold, seed_outputs):
    article, gold = seed_with_gold
    rows = read_parquet_tables(seed_outputs["parquet"])["observations"].to_pylist()
    assert len(rows) == sum(max(1, len(g.get("places") or ())) for g in gold)
    four = [r for r in rows if r["fact_text"] == "4개씩"]
    assert sorted(r["place"] for r in four) == ["370000", "420000", "430000", "440000"]
    assert {r["measure"] for r in four} == {"클러스터"} and {r["place_order"] for r in four} == {0, 1, 2, 3}
    thresholds = [r for r in rows if r["role"] == "threshold"]
    assert len(thresholds) == sum(g["role"] == "threshold" for g in gold) and all(r["place"] is None for r in thresholds)
    sales = next(r for r in rows if r["fact_text"] == "11억9천만 위안")
    assert (sales["period"], sales["place"], sales["currency"], str(sales["value"])) == (
        "2020", "370400", "CNY", "1190000000.0000000000")
    assert article.text[sales["sentence_start"]:sales["sentence_end"]].find("11억9천만 위안") >= 0


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "csv", "spacy"])
def test_series_of_clusters_in_hubei(capsys, seed_with_gold, seed_outputs, fmt):
    _, gold = seed_with_gold
    if fmt not in seed_outputs:
        pytest.skip("spaCy is not installed")
    want = sorted(g["value"] for g in gold if g.get("head") == "클러스터" and g["role"] != "threshold"
                  and any(p.startswith("42") for p in g.get("places") or ()))
    assert main(["series", str(seed_outputs[fmt]), "--measure", "클러스터", "--place", "후베이성",
                 "--format", "jsonl"]) == 0
    got = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(p["value"] for p in got) == want and want
    # CN: the national figures and (with descendants) all the provincial ones
    assert main(["series", str(seed_outputs[fmt]), "--measure", "클러스터", "--place", "CN", "--no-descendants",
                 "--format", "jsonl"]) == 0
    national = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(p["value"] for p in national) == sorted(
        g["value"] for g in gold if g.get("head") == "클러스터" and g.get("places") == ["CN"])


def test_spacy_measures_of_the_seed(seed_with_gold):
    pytest.importorskip("spacy")
    from xinhua_extract.spacy_bridge import MEASURES_KEY, to_doc

    article, _ = seed_with_gold
    doc = to_doc(article)
    distinct = {(o.measure.start, o.measure.end) for o in article.observations if o.measure is not None}
    assert {(s.start_char, s.end_char) for s in doc.spans[MEASURES_KEY]} == distinct
    sales = next(e for e in doc.ents if e.text == "11억9천만 위안")
    assert sales._.measure.text == "리튬전지 산업 매출" and sales._.observation["places"] == ["370400"]


def test_review_page_of_the_seed(tmp_path, seed_with_gold):
    import importlib.util
    from pathlib import Path

    from xinhua_extract.render import render_article_html

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("check_render", root / "scripts" / "check_render.py")
    check_render = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_render)
    article, _ = seed_with_gold
    problems = check_render.check_page(check_render.find_chromium(), render_article_html(article), [article],
                                       tmp_path, "seed")
    assert problems == []
