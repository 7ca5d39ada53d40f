"""The xinhua-extract command line: subcommands through main([...]) and one real
subprocess of the console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from xinhua_extract.cli import main
from xinhua_extract.io.writers import read_jsonl_articles, read_parquet_tables

from batch_helpers import ARTICLES, FIXTURES, HTML, ROOT


@pytest.fixture
def small_corpus(tmp_path, session_corpus) -> Path:
    d = tmp_path / "small"
    d.mkdir()
    for p in sorted(session_corpus.glob("*.txt"))[:4]:
        shutil.copy(p, d / p.name)
    return d


def test_parse_jsonl_summary_and_exit_0(tmp_path, small_corpus, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(small_corpus), "-o", str(out), "--workers", "1"]) == 0
    articles = list(read_jsonl_articles(out))
    assert [a.id for a in articles] == sorted(p.stem for p in small_corpus.glob("*.txt"))
    err = capsys.readouterr().err
    for word in ("articles  4", "facts", "money", "places", "warnings", "errors    0", "articles/s"):
        assert word in err
    assert "\r" not in err  # no progress bar when stderr is not a terminal


def test_parse_with_failures_exits_1_and_keeps_going(tmp_path, small_corpus, capsys):
    (small_corpus / "broken.txt").write_bytes(b"\x00\x01\x02" * 500)
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(small_corpus), str(tmp_path / "missing.txt"), "-o", str(out), "-w", "1"]) == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    errors = [json.loads(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    assert [(e["id"], e["code"]) for e in errors] == [("broken", "E004"), (None, "E008")]
    err = capsys.readouterr().err
    assert "error E004" in err and "errors    2" in err


def test_quiet_prints_nothing(tmp_path, small_corpus, capsys):
    assert main(["parse", str(small_corpus), "-o", str(tmp_path / "o.jsonl"), "-w", "1", "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("argv", [
    ["parse"],
    ["parse", "x.txt"],
    ["parse", "x.txt", "-o", "-", "--resume"],
    ["parse", "x.txt", "-o", "-", "--format", "parquet"],
    ["parse", "x.txt", "-o", "o.jsonl", "--workers", "0"],
    ["parse", "x.txt", "-o", "o.jsonl", "--published", "not a date"],
    ["parse", "x.txt", "-o", "o.spacy", "--resume"],
    ["frobnicate"],
    [],
])
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2


def test_formats_parquet_csv_and_no_tokens(tmp_path, small_corpus):
    ds = tmp_path / "ds"
    assert main(["parse", str(small_corpus), "-o", str(ds), "--format", "parquet", "-w", "1", "-q"]) == 0
    tables = read_parquet_tables(ds)
    ids = tables["articles"].column("article_id").to_pylist()
    assert ids == sorted(p.stem for p in small_corpus.glob("*.txt"))
    assert set(tables["facts"].column("article_id").to_pylist()) <= set(ids)
    assert tables["facts"].num_rows > 0 and tables["places"].num_rows > 0

    csv_out = tmp_path / "facts.csv"  # format from the suffix
    assert main(["parse", str(small_corpus), "-o", str(csv_out), "-w", "1", "-q"]) == 0
    assert len(csv_out.read_text(encoding="utf-8").splitlines()) == tables["facts"].num_rows + 1

    slim = tmp_path / "slim.jsonl"
    assert main(["parse", str(small_corpus), "-o", str(slim), "-w", "1", "-q", "--no-tokens"]) == 0
    assert all(a.tokens == () and a.facts for a in read_jsonl_articles(slim))


def test_jsonl_input_with_text_field_and_stdout(tmp_path, capsysbinary):
    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for p in sorted(ARTICLES.glob("*.txt"))[:2]:
            fh.write(json.dumps({"key": p.stem, "body": p.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    assert main(["parse", str(src), "-o", "-", "--text-field", "body", "--id-field", "key", "-w", "1", "-q"]) == 0
    lines = capsysbinary.readouterr().out.splitlines()
    assert [json.loads(x)["id"] for x in lines] == [p.stem for p in sorted(ARTICLES.glob("*.txt"))[:2]]


def test_spacy_format(tmp_path, small_corpus):
    pytest.importorskip("spacy")
    out = tmp_path / "docs.spacy"
    assert main(["parse", str(small_corpus), "-o", str(out), "-w", "1", "-q"]) == 0
    from xinhua_extract.spacy_bridge import read_docbin

    docs = read_docbin(out)
    assert len(docs) == 4


def test_show(capsys):
    assert main(["show", str(HTML / "001_jiangsu_q1_economy.html")]) == 0
    out = capsys.readouterr().out
    for word in ("shape       portal-2021", "title", "kicker      경제", "editor      王磊", "dateline", "headings    3",
                 "paragraphs", "facts", "money", "places", "320000", "glosses", "warnings"):
        assert word in out, word


def test_show_takes_the_page_url(tmp_path, capsys):
    page = tmp_path / "gallery.txt"
    page.write_text("新華網韓國語 >> 기사 본문\n[신화망 베이징 12월 17일] 신년 리셉션이 열렸다.\n핫 갤러리\n", encoding="utf-8")
    assert main(["show", str(page)]) == 0
    assert "published   -" in capsys.readouterr().out
    assert main(["show", str(page), "--url", "http://kr.xinhuanet.com/2019-12/17/c_138637300_2.htm"]) == 0
    out = capsys.readouterr().out
    assert "published   2019-12-17T00:00:00+08:00" in out and "date 2019-12-17" in out


def test_show_reads_back_jsonl_output(tmp_path, small_corpus, capsys):
    out = tmp_path / "o.jsonl"
    main(["parse", str(small_corpus), "-o", str(out), "-w", "1", "-q"])
    wanted = sorted(p.stem for p in small_corpus.glob("*.txt"))[2]
    assert main(["show", str(out), "--id", wanted]) == 0
    assert f"id          {wanted}" in capsys.readouterr().out
    assert main(["show", str(out), "--id", "nope"]) == 1


def test_show_of_a_bad_file_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("no hangul here at all", encoding="utf-8")
    assert main(["show", str(bad)]) == 1
    assert "E005" in capsys.readouterr().err


def test_eval(tmp_path, capsys):
    gold, texts = tmp_path / "gold", tmp_path / "texts"
    gold.mkdir(), texts.mkdir()
    for p in sorted((FIXTURES / "gold").glob("*.gold.json"))[:2]:
        shutil.copy(p, gold / p.name)
        shutil.copy(ARTICLES / (p.name[: -len(".gold.json")] + ".txt"), texts)
    assert main(["eval", str(gold), "--texts", str(texts)]) == 0
    out = capsys.readouterr().out
    for kind in ("money", "percentage", "count", "rank", "date", "places"):
        assert kind in out
    assert "F1" in out
    assert main(["eval", str(tmp_path / "nowhere")]) == 2


def test_place(capsys):
    assert main(["place", "짜오좡"]) == 0
    out = capsys.readouterr().out
    assert "370400" in out and "枣庄市" in out and "山东省" in out
    assert main(["place", "枣庄"]) == 0
    assert "370400" in capsys.readouterr().out
    assert main(["place", "없는곳이름"]) == 1


def test_render(tmp_path, capsys):
    one, many = tmp_path / "one.html", tmp_path / "many.html"
    paths = [str(p) for p in sorted(ARTICLES.glob("*.txt"))[:2]]
    assert main(["render", paths[0], "-o", str(one)]) == 0
    assert main(["render", *paths, "-o", str(many)]) == 0
    assert one.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert "2 article(s)" in many.read_text(encoding="utf-8")


def _console_script() -> list[str]:
    script = Path(sys.executable).with_name("xinhua-extract")
    if script.exists():
        return [str(script)]
    found = shutil.which("xinhua-extract")
    if found:
        return [found]
    return [sys.executable, "-m", "xinhua_extract.cli"]  # not installed: same entry point


@pytest.mark.slow
def test_console_script_in_a_subprocess_reads_stdin_writes_stdout(tmp_path):
    page = (HTML / "001_jiangsu_q1_economy.html").read_bytes()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([*_console_script(), "parse", "-", "-o", "-", "--workers", "1"], input=page,
                          capture_output=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    [line] = proc.stdout.decode("utf-8").splitlines()
    article = json.loads(line)
    assert article["id"] == "stdin" and article["shape"] == "portal-2021" and article["facts"]
    assert "articles  1" in proc.stderr.decode()
