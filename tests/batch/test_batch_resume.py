"""--resume: an interrupted run, resumed, ends with exactly the output of an uninterrupted one."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import xinhua_extract.io.writers as writers
from xinhua_extract.cli import main
from xinhua_extract.io.writers import read_parquet_tables

from batch_helpers import ROOT


@pytest.fixture
def resume_corpus(tmp_path, session_corpus) -> Path:
    """The session corpus twice over (other names) plus one unreadable file."""
    d = tmp_path / "resume_in"
    d.mkdir()
    for p in sorted(session_corpus.glob("*.txt")):
        shutil.copy(p, d / p.name)
        shutil.copy(p, d / f"copy_{p.name}")
    (d / "050_binary.txt").write_bytes(b"\x00\xff" * 2000)
    return d


def _read(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""


def _outputs(fmt: str, out: Path):
    if fmt == "parquet":
        tables = read_parquet_tables(out)
        return ({k: t.to_pylist() for k, t in tables.items()}, _read(out / "errors.jsonl"))
    return out.read_bytes(), _read(out.with_name(out.name + ".errors.jsonl"))


def _interrupting_open_writer(after: int):
    real = writers.open_writer

    def open_writer(*args, **kwargs):
        w = real(*args, **kwargs)
        real_write, done = w.write, [0]

        def write(article):
            if done[0] == after:
                raise KeyboardInterrupt  # Ctrl-C / SIGTERM in the middle of the run
            real_write(article)
            done[0] += 1

        w.write = write
        return w

    return open_writer


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_resume_after_an_interruption_gives_the_uninterrupted_output(tmp_path, resume_corpus, monkeypatch, fmt):
    suffix = {"jsonl": "out.jsonl", "csv": "facts.csv", "parquet": "dataset"}[fmt]
    ref, out = tmp_path / "ref" / suffix, tmp_path / "run" / suffix
    common = ["--format", fmt, "-w", "1", "-q", "--part-size", "3"]
    assert main(["parse", str(resume_corpus), "-o", str(ref), *common]) == 1  # the binary file fails

    with monkeypatch.context() as m:
        m.setattr(writers, "open_writer", _interrupting_open_writer(after=5))
        assert main(["parse", str(resume_corpus), "-o", str(out), *common]) == 130
    first = _outputs(fmt, out)
    assert first != _outputs(fmt, ref)  # really unfinished

    with monkeypatch.context() as m:  # interrupted again, on resume
        m.setattr(writers, "open_writer", _interrupting_open_writer(after=4))
        assert main(["parse", str(resume_corpus), "-o", str(out), "--resume", *common]) == 130
    # the failure is already recorded, and the exit code says so, as the uninterrupted run's did
    assert main(["parse", str(resume_corpus), "-o", str(out), "--resume", *common]) == 1
    assert _outputs(fmt, out) == _outputs(fmt, ref)
    # resuming a finished run changes nothing
    assert main(["parse", str(resume_corpus), "-o", str(out), "--resume", *common]) == 1
    assert _outputs(fmt, out) == _outputs(fmt, ref)


def _count_done(fmt: str, out: Path) -> int:
    if fmt == "jsonl":
        return out.read_bytes().count(b"\n") if out.exists() else 0
    parts = out / "articles"
    return len(list(parts.glob("part-*.parquet"))) if parts.exists() else 0


@pytest.fixture
def kill_corpus(tmp_path, session_corpus) -> Path:
    """Enough articles (8 x 7 + 1 unreadable) that a run can be killed half way."""
    d = tmp_path / "kill_in"
    d.mkdir()
    for p in sorted(session_corpus.glob("*.txt")):
        for k in range(7):
            shutil.copy(p, d / f"{k}_{p.name}")
    (d / "3_zz_binary.txt").write_bytes(b"\x00\xff" * 2000)
    return d


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_resume_after_the_process_is_killed(tmp_path, kill_corpus, fmt):
    """A real run killed with SIGKILL (no cleanup at all), then resumed."""
    resume_corpus = kill_corpus
    ref, out = tmp_path / "ref" / f"o.{fmt}", tmp_path / "run" / f"o.{fmt}"
    common = ["--format", fmt, "-w", "1", "--chunksize", "1", "-q", "--part-size", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-m", "xinhua_extract.cli", "parse", str(resume_corpus), "-o", str(out), *common]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while _count_done(fmt, out) < 4 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert killed, "the run finished before it could be killed: " + proc.stderr.read().decode()[-500:]
    assert main(["parse", str(resume_corpus), "-o", str(ref), *common]) == 1
    assert main(["parse", str(resume_corpus), "-o", str(out), "--resume", *common]) == 1  # like the uninterrupted run, whether or not the failure was recorded before the kill
    assert _outputs(fmt, out) == _outputs(fmt, ref)
