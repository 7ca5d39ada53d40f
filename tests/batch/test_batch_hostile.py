"""Hostile archives (issue 13): special files, names that are not UTF-8, readers that fail,
a parent killed under its workers, resumed runs, the Parquet buffer."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from xinhua_extract.cli import main
from xinhua_extract.io import readers
from xinhua_extract.io.readers import ArticleError, escape_name, iter_sources
from xinhua_extract.io.writers import ParquetWriter, read_jsonl_articles, read_parquet_tables

from batch_helpers import ROOT, copy_articles, make_article


@contextmanager
def deadline(seconds: int):
    """Fail instead of hanging forever (a FIFO read would block)."""
    def expired(signum, frame):
        raise TimeoutError(f"still running after {seconds} s: something blocked")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def corpus(tmp_path, fixture_text_paths) -> Path:
    return copy_articles(fixture_text_paths[:3], tmp_path / "in")


def _cp949_name(d: Path, stem: str, data: bytes) -> str:
    """Write ``data`` under a CP949-encoded file name; returns the name as Python sees it."""
    raw = os.path.join(os.fsencode(d), stem.encode("cp949") + b".txt")
    with open(raw, "wb") as fh:
        fh.write(data)
    return os.fsdecode(raw)


# --------------------------------------------------------------------------- 7: FIFOs and friends
def test_7_fifo_socket_and_device_are_error_records_not_a_hang(corpus, tmp_path):
    os.mkfifo(corpus / "zz-pipe.txt")
    os.mkfifo(corpus / "00-pipe.jsonl")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(corpus / "sock.html"))
    sock.close()
    with deadline(60):
        items = list(iter_sources([corpus, "/dev/zero", str(corpus / "zz-pipe.txt")]))
    errors = [i for i in items if isinstance(i, ArticleError)]
    docs = [i for i in items if not isinstance(i, ArticleError)]
    assert len(docs) == 3
    by_source = {Path(e.source).name: e for e in errors}
    assert set(by_source) == {"zz-pipe.txt", "00-pipe.jsonl", "sock.html", "zero"}
    assert "FIFO" in by_source["00-pipe.jsonl"].message and "device" in by_source["zero"].message
    assert sum(1 for e in errors if e.source.endswith("zz-pipe.txt")) == 2  # in the directory and given alone


def test_7_cli_run_over_a_directory_with_a_fifo_finishes(corpus, tmp_path):
    os.mkfifo(corpus / "pipe.txt")
    out = tmp_path / "out.jsonl"
    with deadline(120):
        assert main(["parse", str(corpus), "-o", str(out), "-w", "1", "-q"]) == 1
    assert len(list(read_jsonl_articles(out))) == 3
    errors = [json.loads(x) for x in Path(str(out) + ".errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["id"] for e in errors] == ["pipe"]


# --------------------------------------------------------------------------- 6: names that are not UTF-8
def test_escape_name():
    assert escape_name("기사.txt") == "기사.txt" and escape_name(None) is None
    assert escape_name(os.fsdecode("기사".encode("cp949"))) == r"\xb1\xe2\xbb\xe7"
    assert escape_name("a\ud800b") == r"a\ud800b"
    escaped = escape_name(os.fsdecode(b"\xff\xfe-\xed\xa0\x80"))
    escaped.encode("utf-8")


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_6_undecodable_file_names_and_ids_are_carried_escaped(corpus, tmp_path, fmt, fixture_text_paths):
    good = fixture_text_paths[3].read_bytes()
    name = _cp949_name(corpus, "기사", good)
    bad_name = _cp949_name(corpus, "깨진", b"\x00\x01\x02" * 300)
    jsonl = tmp_path / "more.jsonl"
    text = fixture_text_paths[4].read_text(encoding="utf-8")
    jsonl.write_text(json.dumps({"id": "x\ud800y", "text": text}) + "\n" + json.dumps({"id": "after", "text": text}) + "\n",
                     encoding="utf-8")
    later = tmp_path / "later.txt"
    shutil.copy(fixture_text_paths[5], later)
    out = tmp_path / ("out.jsonl" if fmt == "jsonl" else "out")
    argv = ["parse", str(corpus), str(jsonl), str(later), "-o", str(out), "-f", fmt, "-w", "1", "-q"]
    assert main(argv) == 1  # the binary file fails; everything else is written
    if fmt == "jsonl":
        ids = [a.id for a in read_jsonl_articles(out)]
        errors_path = Path(str(out) + ".errors.jsonl")
    else:
        ids = read_parquet_tables(out)["articles"].column("article_id").to_pylist()
        errors_path = out / "errors.jsonl"
    assert escape_name(Path(name).stem) in ids and r"x\ud800y" in ids and "after" in ids and "later" in ids
    assert len(ids) == 3 + 4
    errors = [json.loads(x) for x in errors_path.read_text(encoding="utf-8").splitlines()]
    assert [e["id"] for e in errors] == [escape_name(Path(bad_name).stem)]
    assert escape_name(bad_name) == errors[0]["source"]
    # resume over the same output: nothing parsed twice, nothing crashes, same exit code
    assert main(argv + ["--resume"]) == 1
    if fmt == "jsonl":
        assert [a.id for a in read_jsonl_articles(out)] == ids


def test_6_escaped_records_read_back():
    e = ArticleError(id="a\udcb1", source="/x/\udcb1.txt", code="E008", message="cannot read /x/\udcb1.txt")
    assert json.loads(e.to_json())["source"] == r"/x/\xb1.txt"
    assert ArticleError.from_dict(json.loads(e.to_json())) == e


# --------------------------------------------------------------------------- a reader that fails
def test_a_failing_source_is_one_error_record_and_reading_goes_on(corpus, monkeypatch):
    real = readers.read_txt
    victim = sorted(corpus.glob("*.txt"))[1]

    def flaky(path):
        if Path(path) == victim:
            raise RuntimeError("disk on fire")
        return real(path)

    monkeypatch.setattr(readers, "read_txt", flaky)
    items = list(iter_sources([corpus, str(victim)]))
    errors = [i for i in items if isinstance(i, ArticleError)]
    assert len(items) == 4 and len(errors) == 2
    assert all("disk on fire" in e.message and e.source.endswith(victim.name) for e in errors)


# --------------------------------------------------------------------------- 9: exit code of a resumed run
def test_9_a_resumed_run_exits_like_the_uninterrupted_one(corpus, tmp_path):
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02" * 500)
    whole = tmp_path / "whole.jsonl"
    assert main(["parse", str(corpus), "-o", str(whole), "-w", "1", "-q"]) == 1
    cut = tmp_path / "cut.jsonl"
    data = whole.read_bytes()
    cut.write_bytes(data[: data.index(b"\n", len(data) // 2) + 40])  # a record and a half
    shutil.copy(str(whole) + ".errors.jsonl", str(cut) + ".errors.jsonl")  # the failure was recorded before
    assert main(["parse", str(corpus), "-o", str(cut), "-w", "1", "-q", "--resume"]) == 1
    assert cut.read_bytes() == whole.read_bytes()
    # and once everything is done, resuming again still says what the output holds
    assert main(["parse", str(corpus), "-o", str(cut), "-w", "1", "-q", "--resume"]) == 1


def test_9_a_clean_resumed_run_exits_0(corpus, tmp_path):
    out = tmp_path / "o.jsonl"
    assert main(["parse", str(corpus), "-o", str(out), "-w", "1", "-q"]) == 0
    assert main(["parse", str(corpus), "-o", str(out), "-w", "1", "-q", "--resume"]) == 0


# --------------------------------------------------------------------------- Parquet buffer
def test_parquet_buffer_is_bounded_by_bytes(tmp_path):
    articles = [make_article(f"a{i}", scale=i) for i in range(12)]
    with ParquetWriter(tmp_path / "p", articles_per_part=1000, max_buffer_bytes=1) as w:
        for a in articles:
            w.write(a)
            assert len(w._buffer) == 0  # every article over the bound: written at once
    parts = sorted((tmp_path / "p" / "articles").glob("part-*.parquet"))
    assert len(parts) == 12
    tables = read_parquet_tables(tmp_path / "p")
    assert tables["articles"].column("article_id").to_pylist() == [a.id for a in articles]
    with ParquetWriter(tmp_path / "q", articles_per_part=1000) as w:
        for a in articles:
            w.write(a)
        assert len(w._buffer) == 12 and 0 < w._buffer_bytes < w.max_buffer_bytes


# --------------------------------------------------------------------------- 8: the parent dies
_KILL_SCRIPT = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, {src!r})
    from xinhua_extract.batch import parse_articles
    from xinhua_extract.io.readers import SourceDoc

    text = open({article!r}, encoding="utf-8").read()
    def docs():
        for i in range(100000):
            yield SourceDoc(text, id=f"a{{i}}")
    for n, item in enumerate(parse_articles(docs(), workers=2, chunksize=1)):
        if n == 2:
            print("ready", flush=True)
        time.sleep(0.05)
""")


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie is dead, waiting for init to reap it


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_8_workers_exit_when_the_parent_is_killed(tmp_path, fixture_text_paths):
    script = tmp_path / "run.py"
    script.write_text(_KILL_SCRIPT.format(src=str(ROOT / "src"), article=str(fixture_text_paths[0])))
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    workers: list[int] = []
    try:
        assert proc.stdout.readline().strip() == "ready"
        workers = _children(proc.pid)
        assert len(workers) >= 2 and all(_alive(w) for w in workers)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        limit = time.monotonic() + 5
        while time.monotonic() < limit and any(_alive(w) for w in workers):
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)], "workers outlived their parent by 5 s"
    finally:
        if proc.poll() is None:
            proc.kill()
        for w in workers:  # (re-parented by now: not our children any more)
            try:
                os.kill(w, signal.SIGKILL)
            except ProcessLookupError:
                pass
