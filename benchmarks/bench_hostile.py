"""Hostile input and hostile archives: the figures of issue 13.

::

    python benchmarks/bench_hostile.py                        # everything, full size (~20 min on 2 CPUs)
    python benchmarks/bench_hostile.py --inputs 1000 --articles 2000 --big 200000   # a quicker run
    python benchmarks/bench_hostile.py --skip memory kill     # leave steps out (fuzz, big, archive, kill, memory)

Steps (each prints its figures; all go to ``benchmarks/results/hostile.json``):

1. **fuzz** -- ``--inputs`` generated hostile pages (``tests/hostile.py``: fixture articles
   damaged in one to three named ways, as ``str`` or as bytes in some encoding, possibly
   broken) through ``parse_article``: how many return an Article, how many raise a
   documented ``XinhuaExtractError``, how many raise anything else (must be 0); the offset
   invariant and the JSON round trip are checked on every Article. The inputs of at least
   ``--min-chars`` characters that took longest per character are timed again against
   ordinary article text of the same length.
2. **big** -- pages of ``--big`` characters built to hit super-linear paths (one line
   without a break, a run of hanja in a gloss, repeated regions, a 61+ digit number,
   thousands of brackets, glosses) against ordinary text of the same length (must be ≤ 2x).
3. **archive** -- a directory of ``--articles`` good articles (text files, JSONL lines,
   WARC records, three under names that are not UTF-8) and 30 corrupt entries of 10 kinds,
   parsed by the CLI with 2 workers: one error record per bad entry, every good article
   written, the exit code.
4. **kill** -- the same run, its parent SIGKILLed half-way: workers alive 5 s later (must
   be 0); then ``--resume``: the output must be byte-identical to the uninterrupted run's,
   with the same exit code.
5. **memory** -- peak total PSS (parent + workers, sampled with psutil every 0.2 s) of the
   CLI on ``--memory-articles`` articles with 2 workers against 1 process, for JSONL and
   Parquet (must be ≤ 1.3x).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

import hostile  # noqa: E402

PY = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _parse_timed(page, **kwargs):
    from xinhua_extract import XinhuaExtractError, parse_article

    started = time.perf_counter()
    try:
        article = parse_article(page, **kwargs)
        outcome = "article"
    except XinhuaExtractError as exc:
        article, outcome = None, exc.code
    return article, outcome, time.perf_counter() - started


def _chars(page) -> int:
    return len(page) if isinstance(page, str) else len(page) // 2  # bytes: about 2 per character


def step_fuzz(args, out: dict) -> None:
    from collections import Counter

    from xinhua_extract import parse_article

    parse_article(hostile.ordinary_text(2000))  # warm up
    outcomes: Counter = Counter()
    undocumented, invariant_failures = [], []
    timings = []
    started = time.perf_counter()
    for i, (page, kinds) in enumerate(hostile.hostile_pages(args.seed, args.inputs)):
        try:
            article, outcome, seconds = _parse_timed(page, id=f"h{i}", max_chars=None)
        except Exception as exc:  # noqa: BLE001 - the figure this step is about
            undocumented.append({"input": i, "damage": kinds, "error": f"{type(exc).__name__}: {exc}"[:300]})
            continue
        outcomes[outcome] += 1
        if article is not None:
            try:
                hostile.check_article(article)
            except Exception as exc:  # noqa: BLE001
                invariant_failures.append({"input": i, "damage": kinds, "error": f"{type(exc).__name__}: {exc}"[:300]})
        timings.append((seconds / max(1, _chars(page)), i, kinds, _chars(page), seconds, page))
    total = time.perf_counter() - started
    timings.sort(key=lambda t: t[0], reverse=True)
    slow = []
    for per_char, i, kinds, n, seconds, page in [t for t in timings if t[3] >= args.min_chars][:5]:
        again = min(_parse_timed(page, max_chars=None)[2] for _ in range(2))
        base = min(_parse_timed(hostile.ordinary_text(n), max_chars=None)[2] for _ in range(2))
        slow.append({"input": i, "damage": kinds, "chars": n, "seconds": round(again, 3),
                     "s_per_Mchar": round(again / n * 1e6, 2), "ordinary_s_per_Mchar": round(base / n * 1e6, 2),
                     "ratio": round(again / base, 2)})
    out["fuzz"] = {
        "inputs": args.inputs, "seconds": round(total, 1), "outcomes": dict(outcomes),
        "undocumented_exceptions": len(undocumented), "undocumented_examples": undocumented[:10],
        "articles_checked": outcomes["article"], "invariant_failures": len(invariant_failures),
        "invariant_examples": invariant_failures[:10],
        "largest_input_chars": max(t[3] for t in timings) if timings else 0,
        "slowest_per_char_over_min_chars": slow,
        "max_ratio": max((s["ratio"] for s in slow), default=None),
    }
    print(f"fuzz: {args.inputs} inputs in {total:.0f} s: {dict(outcomes)}; undocumented exceptions "
          f"{len(undocumented)}; invariant failures {len(invariant_failures)} of {outcomes['article']} Articles")
    for s in slow:
        print(f"  slowest per char: input {s['input']} {s['damage']} {s['chars']:,} chars {s['s_per_Mchar']} s/Mchar "
              f"vs ordinary {s['ordinary_s_per_Mchar']} -> {s['ratio']}x")


BIG = {
    "one line, no break": lambda n: hostile.ordinary_text(n).replace("\n", " "),
    "hanja run in a gloss": lambda n: "광둥(" + "廣" * (n - 10) + ")성의 수출",
    "repeated regions": lambda n: ("장강삼각주와 상하이시, " * (n // 13 + 1))[:n],
    "comma-grouped digits": lambda n: "중국 1" + ",000" * ((n - 10) // 4) + "개",
    "open brackets": lambda n: "(" * (n - 8) + "중국 5% 성장",
    "glosses": lambda n: ("상하이(上海)시 " * (n // 9 + 1))[:n],
    "one long word": lambda n: ("중국경제성장률" * (n // 7 + 1))[:n],
}


def step_big(args, out: dict) -> None:
    from xinhua_extract import parse_article

    parse_article(hostile.ordinary_text(2000))
    n = args.big
    ordinary = hostile.ordinary_text(n)
    base = _parse_timed(ordinary, max_chars=None)[2]
    rows = {}
    print(f"big: {n:,} characters; ordinary article text {base:.2f} s ({base / n * 1e6:.1f} s/Mchar)")
    for name, make in BIG.items():
        article, outcome, seconds = _parse_timed(make(n), max_chars=None)
        # the VM's speed drifts: ordinary text is timed before and after each case, and the
        # faster of the two is the baseline (the conservative ratio)
        after = _parse_timed(ordinary, max_chars=None)[2]
        near = min(base, after)
        base = after
        if article is not None:
            hostile.check_article(article)
        rows[name] = {"seconds": round(seconds, 2), "s_per_Mchar": round(seconds / n * 1e6, 2),
                      "ordinary_seconds": round(near, 2), "ratio": round(seconds / near, 2), "outcome": outcome}
        print(f"  {name:<22} {seconds:7.2f} s  {seconds / n * 1e6:6.1f} s/Mchar  ordinary {near:6.2f} s  "
              f"{seconds / near:5.2f}x  ({outcome})")
    out["big"] = {"chars": n, "cases": rows, "max_ratio": max(r["ratio"] for r in rows.values())}


def _cli(argv, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([PY, "-m", "xinhua_extract.cli", "parse", *argv], env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)


def _errors(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def step_archive(args, out: dict, work: Path) -> None:
    archive = work / "archive"
    info = hostile.build_archive(archive, args.articles, seed=args.seed)
    result = work / "whole.jsonl"
    started = time.perf_counter()
    proc = _cli([str(archive), "-o", str(result), "-w", "2", "-q", "--no-tokens"])
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    from xinhua_extract.io.writers import _jsonl_ids

    ids = _jsonl_ids(result)
    errors = _errors(Path(str(result) + ".errors.jsonl"))
    per_kind = hostile.classify_errors(errors, info["bad"])
    missing = [g for g in info["good"] if ids[g] != 1]
    out["archive"] = {
        "good_articles": len(info["good"]), "bad_entries": sum(len(v) for v in info["bad"].values()),
        "bad_kinds": len(info["bad"]), "seconds": round(seconds, 1), "exit_code": proc.returncode,
        "articles_written": sum(ids.values()), "good_missing": len(missing), "error_records": len(errors),
        "error_records_per_kind": per_kind, "unexplained_error_records": len(errors) - sum(per_kind.values()),
    }
    a = out["archive"]
    print(f"archive: {a['good_articles']:,} good + {a['bad_entries']} bad entries of {a['bad_kinds']} kinds, "
          f"2 workers, {seconds:.0f} s, exit {proc.returncode}: {a['articles_written']:,} articles written, "
          f"{len(missing)} good missing, {len(errors)} error records {per_kind}")
    if proc.returncode not in (0, 1):
        print(err.decode("utf-8", "replace")[-2000:])
    out["_archive_paths"] = (str(archive), str(result))


def _children(pid: int) -> list[int]:
    import psutil

    try:
        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def step_kill(args, out: dict, work: Path) -> None:
    archive, whole = (Path(p) for p in out["_archive_paths"])
    target = work / "killed.jsonl"
    proc = _cli([str(archive), "-o", str(target), "-w", "2", "-q", "--no-tokens"])
    half = whole.stat().st_size // 2
    workers: list[int] = []
    while proc.poll() is None and (not target.exists() or target.stat().st_size < half):
        workers = _children(proc.pid) or workers
        time.sleep(0.2)
    workers = _children(proc.pid) or workers
    written = target.stat().st_size if target.exists() else 0
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(5)
    alive = [w for w in workers if _alive(w)]
    for w in alive:  # leave nothing behind whatever the figure
        try:
            os.kill(w, signal.SIGKILL)
        except ProcessLookupError:
            pass
    started = time.perf_counter()
    resumed = _cli([str(archive), "-o", str(target), "-w", "2", "-q", "--no-tokens", "--resume"])
    resumed.communicate()
    seconds = time.perf_counter() - started
    same = target.read_bytes() == whole.read_bytes()
    same_errors = Path(str(target) + ".errors.jsonl").read_bytes() == Path(str(whole) + ".errors.jsonl").read_bytes()
    out["kill"] = {"killed_after_bytes": written, "workers_seen": len(workers), "workers_alive_after_5s": len(alive),
                   "resume_seconds": round(seconds, 1), "resume_exit_code": resumed.returncode,
                   "uninterrupted_exit_code": out["archive"]["exit_code"], "output_identical": same,
                   "errors_identical": same_errors}
    print(f"kill: parent SIGKILLed at {written:,} bytes with {len(workers)} workers; alive 5 s later: {len(alive)}; "
          f"resumed in {seconds:.0f} s, exit {resumed.returncode} (uninterrupted {out['archive']['exit_code']}); "
          f"output identical: {same}, error records identical: {same_errors}")


def _peak_pss(argv: list[str]) -> tuple[float, float, int]:
    """(peak total PSS in MB, seconds, exit code) of a CLI run and its workers."""
    import psutil

    started = time.perf_counter()
    proc = _cli(argv)
    peak = 0.0
    while proc.poll() is None:
        total = 0
        try:
            procs = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for p in procs:
            try:
                total += p.memory_full_info().pss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        peak = max(peak, total / 2**20)
        time.sleep(0.2)
    proc.communicate()
    return peak, time.perf_counter() - started, proc.returncode


def step_memory(args, out: dict, work: Path) -> None:
    corpus = work / "memory"
    if not corpus.exists():
        texts = hostile.fixture_texts()
        corpus.mkdir()
        with open(corpus / "articles.jsonl", "w", encoding="utf-8") as fh:
            for i in range(args.memory_articles):
                fh.write(json.dumps({"id": f"m{i:06d}", "text": hostile.good_article(i, texts)}, ensure_ascii=False) + "\n")
    rows = {}
    for fmt in ("jsonl", "parquet"):
        target = work / f"mem-{fmt}"
        figures = {}
        for workers in (1, 2):
            shutil.rmtree(target, ignore_errors=True)
            if target.exists():
                target.unlink()
            argv = [str(corpus), "-o", str(target) + (".jsonl" if fmt == "jsonl" else ""), "-f", fmt, "-w", str(workers), "-q"]
            peak, seconds, code = _peak_pss(argv)
            figures[workers] = {"peak_pss_mb": round(peak, 1), "seconds": round(seconds, 1), "exit_code": code}
        ratio = figures[2]["peak_pss_mb"] / figures[1]["peak_pss_mb"]
        rows[fmt] = {"one_process": figures[1], "two_workers": figures[2], "ratio": round(ratio, 2)}
        print(f"memory {fmt}: 1 process {figures[1]['peak_pss_mb']:.0f} MB, 2 workers {figures[2]['peak_pss_mb']:.0f} MB "
              f"total PSS -> {ratio:.2f}x")
    out["memory"] = {"articles": args.memory_articles, **rows}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--inputs", type=int, default=10_000, help="generated hostile inputs (fuzz)")
    p.add_argument("--min-chars", type=int, default=20_000, help="fuzz: inputs this long are timed per character")
    p.add_argument("--big", type=int, default=1_000_000, help="characters of each super-linear probe")
    p.add_argument("--articles", type=int, default=10_000, help="good articles of the hostile archive")
    p.add_argument("--memory-articles", type=int, default=3000, help="articles of the memory runs")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--skip", nargs="*", default=[], choices=("fuzz", "big", "archive", "kill", "memory"))
    p.add_argument("--json", default=str(ROOT / "benchmarks" / "results" / "hostile.json"))
    args = p.parse_args()
    out: dict = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
                 "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        work = Path(tmp)
        if "fuzz" not in args.skip:
            step_fuzz(args, out)
        if "big" not in args.skip:
            step_big(args, out)
        if "archive" not in args.skip or "kill" not in args.skip:
            step_archive(args, out, work)
        if "kill" not in args.skip:
            step_kill(args, out, work)
        if "memory" not in args.skip:
            step_memory(args, out, work)
    out.pop("_archive_paths", None)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
