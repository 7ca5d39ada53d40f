"""Observations in the batch outputs: the fourth Parquet table, the observations CSV beside
the facts CSV (with resume), JSONL; rows that keep the offset invariant and exact values."""

from __future__ import annotations

import csv
import dataclasses
import json
from collections import Counter
from datetime import datetime
from decimal import Decimal

import pytest

from xinhua_extract.io.writers import (
    OBSERVATION_CSV_COLUMNS,
    CsvFactsWriter,
    JsonlWriter,
    ParquetWriter,
    observation_rows,
    observations_csv_path,
    read_jsonl_articles,
    read_parquet_tables,
    schema,
)
from xinhua_extract.records import Observation, Span

from batch_helpers import CHINA, make_article


def span_of(article, text: str) -> Span:
    start = article.text.index(text, article.paragraphs[-1].start)
    return Span(text=text, start=start, end=start + len(text))


def with_hand_observations(article):
    """Three observations on make_article's facts: a level with one place, a change with
    two places, a count with none (fact 1 is the KRW conversion: no observation)."""
    sales, firms = span_of(article, "매출"), span_of(article, "기업")
    observations = (
        Observation(fact=0, role="level", measure=sales, places=("320000",), period="2023-Q1", rule="t"),
        Observation(fact=2, role="change", measure=sales, places=("320000", "310000"), period="2023-Q1",
                    direction="up", basis="전년 대비", level_of=0, rule="t"),
        Observation(fact=3, role="level", measure=firms, places=(), period=None, rule="t"),
    )
    return dataclasses.replace(article, observations=observations)


@pytest.fixture
def obs_articles():
    return [with_hand_observations(make_article(f"a{i}", scale=i)) for i in range(4)]


def test_observation_rows_one_per_observation_and_place(obs_articles):
    article = obs_articles[0]
    rows = observation_rows(article)
    assert [(r["observation_index"], r["place"], r["place_order"]) for r in rows] == [
        (0, "320000", 0), (1, "320000", 0), (1, "310000", 1), (2, None, 0)]
    assert set(rows[0]) == set(schema("observations").names)
    for r in rows:
        fact = article.facts[r["fact_index"]]
        assert r["fact_text"] == fact.text == article.text[r["fact_start"]:r["fact_end"]]
        assert article.text[r["measure_start"]:r["measure_end"]] == r["measure"]
        sentence = article.text[r["sentence_start"]:r["sentence_end"]]
        assert fact.text in sentence and r["measure"] in sentence
        assert r["value"] == fact.value and isinstance(r["value"], Decimal)
        assert r["article_id"] == "a0" and r["title"] == article.title and r["published"] == article.published
    assert rows[0]["currency"] == "CNY" and rows[0]["unit"] is None
    assert rows[1]["unit"] == "%" and rows[1]["direction"] == "up" and rows[1]["basis"] == "전년 대비"
    assert rows[1]["level_of"] == 0 and rows[1]["n_places"] == 2
    assert rows[3]["counter"] == "개" and rows[3]["n_places"] == 0 and rows[3]["period"] is None


def test_an_observation_of_a_missing_fact_is_written_not_dropped(caplog):
    article = make_article("x")
    broken = dataclasses.replace(article, observations=(Observation(fact=99, role="level", places=("CN",)),))
    (row,) = observation_rows(broken)
    assert row["fact_index"] == 99 and row["value"] is None and row["fact_type"] is None and row["place"] == "CN"
    assert "does not exist" in caplog.text


def test_parquet_fourth_table(tmp_path, obs_articles):
    out = tmp_path / "ds"
    with ParquetWriter(out, articles_per_part=3) as w:
        for a in obs_articles:
            w.write(a)
    assert sorted(p.name for p in out.iterdir()) == ["articles", "facts", "observations", "places"]
    assert len(list((out / "observations").glob("part-*.parquet"))) == 2
    tables = read_parquet_tables(out)
    obs = tables["observations"]
    assert obs.schema == schema("observations")
    assert obs.num_rows == 4 * len(obs_articles)
    rows = obs.to_pylist()
    assert [r["article_id"] for r in rows[::4]] == [a.id for a in obs_articles]
    assert rows[0]["value"] == Decimal("100000000000000000")  # exact, 10^17 yuan
    assert rows[1]["value"] == Decimal("25.4") and rows[1]["unit"] == "%"
    assert rows[3]["place"] is None and rows[3]["value"] == Decimal(43) and rows[7]["value"] == Decimal(44)
    assert rows[0]["published"] == datetime(2023, 4, 26, 10, 21, 3, tzinfo=CHINA)

    import pandas as pd

    frame = pd.read_parquet(out / "observations")
    jiangsu = frame[frame["place"] == "320000"]
    assert len(jiangsu) == 2 * len(obs_articles)
    assert set(frame["role"]) == {"level", "change"}


def test_parquet_resume_removes_uncommitted_observation_parts(tmp_path, obs_articles):
    out = tmp_path / "ds"
    w = ParquetWriter(out, articles_per_part=2)
    for a in obs_articles[:2]:
        w.write(a)
    w.errors.close()  # "crash" after part 0 was committed
    import shutil

    # a crash while committing part 1: its observations written, its articles not
    shutil.copy(out / "observations" / "part-00000.parquet", out / "observations" / "part-00001.parquet")
    w2 = ParquetWriter(out, resume=True, articles_per_part=2)
    assert not (out / "observations" / "part-00001.parquet").exists()
    assert w2.done == Counter({"a0": 1, "a1": 1})
    for a in obs_articles[2:]:
        w2.write(a)
    w2.close()
    ids = read_parquet_tables(out)["observations"].column("article_id").to_pylist()
    assert ids == [a.id for a in obs_articles for _ in range(4)]


def test_parquet_output_without_observations_reads_as_empty(tmp_path, obs_articles):
    out = tmp_path / "old"
    with ParquetWriter(out) as w:
        w.write(obs_articles[0])
    import shutil

    shutil.rmtree(out / "observations")  # as written before the table existed
    tables = read_parquet_tables(out)
    assert tables["observations"].num_rows == 0 and tables["articles"].num_rows == 1


def test_csv_observations_beside_the_facts(tmp_path, obs_articles):
    out = tmp_path / "run.csv"
    with CsvFactsWriter(out) as w:
        for a in obs_articles[:2]:
            w.write(a)
    side = observations_csv_path(out)
    assert side == tmp_path / "run.observations.csv"
    rows = list(csv.DictReader(side.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == OBSERVATION_CSV_COLUMNS
    assert len(rows) == 8
    assert rows[0]["value"] == "100000000000000000" and rows[0]["place"] == "320000"
    assert rows[2]["place"] == "310000" and rows[2]["place_order"] == "1" and rows[2]["direction"] == "up"
    assert rows[3]["place"] == "" and rows[3]["counter"] == "개" and rows[3]["approx"] == "false"
    assert rows[0]["published"] == "2023-04-26 10:21:03+08:00"
    assert observations_csv_path(tmp_path / "facts") == tmp_path / "facts.observations.csv"


@pytest.mark.parametrize("crash", ["facts-mid-row", "facts-after-a-row", "observations-only"])
def test_csv_resume_keeps_both_files_consistent(tmp_path, obs_articles, crash):
    """An interrupted run resumed gives both files byte for byte as an uninterrupted run."""
    full = tmp_path / "full.csv"
    with CsvFactsWriter(full) as w:
        for a in obs_articles:
            w.write(a)
    out = tmp_path / "part.csv"
    with CsvFactsWriter(out) as w:
        for a in obs_articles[:2]:
            w.write(a)
    facts_done, obs_done = len(out.read_bytes()), len(observations_csv_path(out).read_bytes())
    facts_rest = full.read_bytes()[facts_done:]
    obs_rest = observations_csv_path(full).read_bytes()[obs_done:]
    third_obs = obs_rest[: obs_rest.index(b"\na3,") + 1]  # the third article's observation rows
    with open(observations_csv_path(out), "ab") as fh:
        fh.write(third_obs if crash != "observations-only" else third_obs[:-7])
    if crash != "observations-only":
        n = 20 if crash == "facts-mid-row" else facts_rest.index(b"\n") + 10
        with open(out, "ab") as fh:
            fh.write(facts_rest[:n])
    w = CsvFactsWriter(out, resume=True)
    # the last article in the facts file may be incomplete: it goes, with its observations
    expected = {"a0": 1, "a1": 1} if crash == "facts-after-a-row" else {"a0": 1}
    assert w.done == Counter(expected)
    for a in obs_articles[len(expected):]:
        w.write(a)
    w.close()
    assert out.read_bytes() == full.read_bytes()
    assert observations_csv_path(out).read_bytes() == observations_csv_path(full).read_bytes()


def test_jsonl_keeps_observations(tmp_path, obs_articles):
    out = tmp_path / "o.jsonl"
    with JsonlWriter(out, tokens=False) as w:
        w.write(obs_articles[0])
    line = json.loads(out.read_text(encoding="utf-8"))
    assert line["observations"][1] == {
        "fact": 2, "role": "change", "measure": {"text": "매출", "start": obs_articles[0].observations[1].measure.start,
                                                  "end": obs_articles[0].observations[1].measure.end},
        "places": ["320000", "310000"], "period": "2023-Q1", "direction": "up", "basis": "전년 대비", "whole": None,
        "level_of": 0, "rule": "t", "place_source": None, "period_source": None}
    (back,) = read_jsonl_articles(out)
    assert back.observations == obs_articles[0].observations
