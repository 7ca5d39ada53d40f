"""Writers: JSONL, Parquet (three typed tables), CSV of facts; append-safe resume."""

from __future__ import annotations

import csv
import dataclasses
import json
from collections import Counter
from datetime import timedelta, timezone
from decimal import Decimal

import pyarrow as pa
import pytest

from xinhua_extract.io.readers import ArticleError
from xinhua_extract.records import SCHEMA_VERSION
from xinhua_extract.io.writers import (
    CSV_COLUMNS,
    CsvFactsWriter,
    JsonlWriter,
    ParquetWriter,
    open_writer,
    read_jsonl_articles,
    read_parquet_tables,
    schema,
)

from batch_helpers import make_article

ERR = ArticleError(id="bad", source="corpus/bad.txt", code="E004", message="binary")


# --------------------------------------------------------------------------- JSONL
def test_jsonl_round_trip_and_errors_sidecar(tmp_path, hand_articles):
    out = tmp_path / "out.jsonl"
    with JsonlWriter(out) as w:
        for a in hand_articles[:2]:
            w.write(a)
        w.write_error(ERR)
        w.write(hand_articles[2])
    back = list(read_jsonl_articles(out))
    assert back == hand_articles[:3]
    lines = out.read_bytes().splitlines()
    assert len(lines) == 3 and lines[0].startswith(b'{"schema_version":"' + SCHEMA_VERSION.encode() + b'","id":"a0",')
    assert json.loads(lines[0])["facts"][0]["value"] == "100000000000000000"  # exact, no exponent
    errors = (tmp_path / "out.jsonl.errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert [ArticleError.from_dict(json.loads(e)) for e in errors] == [ERR]


def test_jsonl_without_tokens(tmp_path, hand_articles):
    out = tmp_path / "out.jsonl"
    with open_writer("jsonl", out, tokens=False) as w:
        w.write(hand_articles[0])
    [a] = read_jsonl_articles(out)
    assert a.tokens == () and a.facts == hand_articles[0].facts


def test_jsonl_resume_cuts_a_partial_line_and_reports_done(tmp_path, hand_articles):
    out = tmp_path / "out.jsonl"
    with JsonlWriter(out) as w:
        for a in hand_articles[:3]:
            w.write(a)
        w.write_error(ERR)
    whole = out.read_bytes()
    with open(out, "ab") as fh:  # an interrupted write of the 4th article
        fh.write(whole[:100])
    w = JsonlWriter(out, resume=True)
    assert w.done == Counter({"a0": 1, "a1": 1, "a2": 1, "bad": 1})
    assert out.read_bytes() == whole
    for a in hand_articles[3:]:
        w.write(a)
    w.close()
    assert list(read_jsonl_articles(out)) == hand_articles
    # a fresh (non-resume) open starts over, errors included
    JsonlWriter(out).close()
    assert out.read_bytes() == b"" and not (tmp_path / "out.jsonl.errors.jsonl").exists()


# --------------------------------------------------------------------------- Parquet
def test_parquet_three_typed_tables_join_in_pandas(tmp_path, hand_articles):
    out = tmp_path / "ds"
    with ParquetWriter(out, articles_per_part=2) as w:
        for a in hand_articles:
            w.write(a)
        w.write_error(ERR)
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["part-00000.parquet", "part-00001.parquet",
                                                                    "part-00002.parquet"]
    tables = read_parquet_tables(out)
    assert tables["articles"].num_rows == 5
    assert tables["facts"].num_rows == 5 * 6 and tables["places"].num_rows == 5 * 2

    facts = tables["facts"].schema
    assert facts.field("value").type == pa.decimal128(38, 10)
    assert facts.field("rate").type == pa.decimal128(38, 10)
    assert facts.field("places").type == pa.list_(pa.string())
    assert tables["articles"].schema.field("published").type == pa.timestamp("s", tz="+08:00")
    assert tables["places"].schema.field("lon").type == pa.decimal128(10, 6)
    for name in ("articles", "facts", "places"):
        assert tables[name].schema.equals(schema(name))

    import pandas as pd

    articles = pd.read_parquet(out / "articles")
    facts_df = pd.read_parquet(out / "facts")
    places_df = pd.read_parquet(out / "places")
    assert list(articles["article_id"]) == [f"a{i}" for i in range(5)]
    joined = facts_df.merge(articles[["article_id", "published", "title"]], on="article_id", how="left")
    assert len(joined) == 30 and joined["title"].notna().all()
    money = joined[(joined["article_id"] == "a0") & (joined["type"] == "money")]
    assert list(money["value"]) == [Decimal("100000000000000000"), Decimal("18000000000000000000")]
    assert money["rate"].iloc[1] == Decimal("180.3361344538")  # rounded half-even to 10 places
    pct = joined[joined["type"] == "percentage"]["value"].iloc[0]
    assert pct == Decimal("25.4") and isinstance(pct, Decimal)
    published = articles["published"].iloc[0]
    assert published == pd.Timestamp("2023-04-26 10:21:03", tz=timezone(timedelta(hours=8)))
    # Parquet has no seconds unit: stored as milliseconds, read back with the zone kept
    assert "UTC+08:00" in str(articles["published"].dtype)
    dates = joined[joined["type"] == "date"]
    assert dates["date_value"].iloc[0] == "2023-Q1" and pd.isna(dates["value"].iloc[0])
    by_place = places_df.merge(articles[["article_id", "title"]], on="article_id")
    assert len(by_place) == 10
    assert places_df["lon"].iloc[0] == Decimal("118.763232")
    assert list(places_df["members"].iloc[1]) == ["310000", "320000", "330000", "340000"]
    assert articles["warnings"].iloc[0][0]["code"] == "W101"
    assert json.loads((out / "errors.jsonl").read_text())["code"] == "E004"


def test_parquet_resume_removes_uncommitted_parts(tmp_path, hand_articles):
    out = tmp_path / "ds"
    w = ParquetWriter(out, articles_per_part=2)
    for a in hand_articles[:4]:
        w.write(a)
    w.errors.close()  # "crash": two parts committed, nothing buffered
    # simulate a crash in the middle of committing part 2: facts written, articles not
    (out / "facts" / "part-00000.parquet").replace(out / "facts" / "keep.tmp")
    (out / "facts" / "keep.tmp").replace(out / "facts" / "part-00000.parquet")
    import shutil

    shutil.copy(out / "facts" / "part-00001.parquet", out / "facts" / "part-00002.parquet")
    (out / "places" / "part-00002.parquet.tmp").write_bytes(b"partial")
    w2 = ParquetWriter(out, resume=True, articles_per_part=2)
    assert w2.done == Counter({"a0": 1, "a1": 1, "a2": 1, "a3": 1})
    assert not (out / "facts" / "part-00002.parquet").exists()
    assert not (out / "places" / "part-00002.parquet.tmp").exists()
    w2.write(hand_articles[4])
    w2.close()
    tables = read_parquet_tables(out)
    assert tables["articles"].column("article_id").to_pylist() == [f"a{i}" for i in range(5)]
    assert tables["facts"].num_rows == 30


def test_parquet_output_must_be_a_directory(tmp_path):
    f = tmp_path / "file.parquet"
    f.write_text("x")
    with pytest.raises(ValueError, match="directory"):
        ParquetWriter(f)


# --------------------------------------------------------------------------- CSV
def test_csv_of_facts(tmp_path, hand_articles):
    out = tmp_path / "facts.csv"
    with CsvFactsWriter(out) as w:
        for a in hand_articles[:2]:
            w.write(a)
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 12
    first = rows[0]
    assert first["article_id"] == "a0" and first["type"] == "money" and first["value"] == "100000000000000000"
    assert first["places"] == "320000" and first["approx"] == "false" and first["sentence"] == "0"
    assert rows[1]["rate"] == "180.336134453781512605042" and rows[1]["equivalent_of"] == "0"  # exact
    assert rows[2]["value"] == "25.4" and rows[4]["date_value"] == "2023-Q1" and rows[4]["value"] == ""


@pytest.mark.parametrize("cut", ["mid-row", "after-a-row"])
def test_csv_resume_drops_the_last_articles_rows(tmp_path, hand_articles, cut):
    full = tmp_path / "full.csv"
    with CsvFactsWriter(full) as w:
        for a in hand_articles:
            w.write(a)
    out = tmp_path / "facts.csv"
    with CsvFactsWriter(out) as w:
        for a in hand_articles[:3]:
            w.write(a)
    done = len(out.read_bytes())
    rest = full.read_bytes()[done:]
    n = 20 if cut == "mid-row" else rest.index(b"\n") + 10
    with open(out, "ab") as fh:  # the 4th article cut short
        fh.write(rest[:n])
    w = CsvFactsWriter(out, resume=True)
    # the last article with a complete row may be incomplete: its rows go, it is parsed again
    expected = {"a0": 1, "a1": 1} if cut == "mid-row" else {"a0": 1, "a1": 1, "a2": 1}
    assert w.done == Counter(expected)
    for a in hand_articles[len(expected):]:
        w.write(a)
    w.close()
    assert out.read_bytes() == full.read_bytes()


def test_csv_quoted_newlines_survive_resume(tmp_path):
    a = make_article("q1")
    odd = dataclasses.replace(a.facts[0], rule='multi\nline "rule"')
    b = dataclasses.replace(a, facts=(odd,) + a.facts[1:])
    out = tmp_path / "f.csv"
    with CsvFactsWriter(out) as w:
        w.write(b)
        w.write(make_article("q2"))
    w = CsvFactsWriter(out, resume=True)
    assert w.done == Counter({"q1": 1})
    w.close()
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert rows[0]["rule"] == 'multi\nline "rule"' and {r["article_id"] for r in rows} == {"q1"}


def test_open_writer_refuses_unknown_formats(tmp_path):
    with pytest.raises(ValueError, match="unknown output format"):
        open_writer("xml", tmp_path / "x")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_encoded_records_write_the_same_as_articles(tmp_path, hand_articles, fmt):
    """What the workers send (Encoder output, made by parse_articles(transform=...))
    writes exactly what the Articles themselves write."""
    import pickle

    from xinhua_extract.io.writers import Encoded, Encoder

    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    with open_writer(fmt, a) as w:
        for art in hand_articles:
            w.write(art)
    with open_writer(fmt, b) as w:
        enc = pickle.loads(pickle.dumps(w.encoder))  # travels to the workers
        for art in hand_articles:
            item = pickle.loads(pickle.dumps(enc(art)))
            assert isinstance(item, Encoded) and item.id == art.id and item.n_places == 2
            w.write(item)
        with pytest.raises(ValueError):
            w.write(Encoder("jsonl" if fmt != "jsonl" else "csv")(hand_articles[0]))
    if fmt == "parquet":
        assert read_parquet_tables(a)["facts"].equals(read_parquet_tables(b)["facts"])
        assert read_parquet_tables(a)["articles"].equals(read_parquet_tables(b)["articles"])
    else:
        assert a.read_bytes() == b.read_bytes()
