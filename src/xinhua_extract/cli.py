"""The ``xinhua-extract`` command line.

::

    xinhua-extract parse INPUT... -o OUT [--format jsonl|parquet|csv|spacy] [--workers N]
                         [--resume] [--quiet] [--text-field F] [--no-tokens]
    xinhua-extract show FILE [--id ID]
    xinhua-extract eval GOLD_DIR [--texts DIR]
    xinhua-extract eval-observations GOLD_DIR [--texts DIR]
    xinhua-extract place NAME
    xinhua-extract render FILE... -o OUT.html
    xinhua-extract series OUT --measure TEXT [--place CODE] [--role ROLE]

Exit codes (see ``docs/batch.md``):

==== ==============================================================================
0    success
1    some sources failed (``parse``: error records written; ``show``: the article
     failed; ``place``: no entry found; ``series``: no value matched)
2    usage error (bad arguments or option combination, unreadable gold directory)
3    the output cannot be written, or an optional component is missing
130  interrupted (Ctrl-C / SIGTERM); the output is consistent: rerun with ``--resume``
==== ==============================================================================

The CLI prints (data to stdout or ``-o``, progress and the summary to stderr); the library
only logs.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Optional, Sequence, TextIO

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_OUTPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

FACT_TYPES = ("money", "percentage", "count", "rank", "date")


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 itself; raise so main() returns 2
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: error: {message}")


def _build_parser() -> argparse.ArgumentParser:
    from . import __version__

    p = _Parser(prog="xinhua-extract", description="Korean-language Xinhua articles -> typed data.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("-v", "--verbose", action="count", default=0, help="log more (-vv for debug)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    pa = sub.add_parser("parse", help="parse many articles into a dataset",
                        description="Parse .txt/.html/.jsonl/.warc[.gz] files, directories, globs or - (stdin).")
    pa.add_argument("inputs", nargs="+", metavar="INPUT")
    pa.add_argument("-o", "--output", required=True, metavar="OUT",
                    help="output file (jsonl, csv, spacy) or directory (parquet); - = stdout (jsonl)")
    pa.add_argument("-f", "--format", choices=("jsonl", "parquet", "csv", "spacy"),
                    help="output format (default: from OUT's suffix, else jsonl)")
    pa.add_argument("-w", "--workers", type=int, default=None, help="worker processes (default: all CPUs)")
    pa.add_argument("--chunksize", type=int, default=None, help="articles per worker task")
    pa.add_argument("--resume", action="store_true", help="skip ids already in OUT and append the rest")
    pa.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    pa.add_argument("--text-field", default="text", help="JSONL field holding the page (default: text)")
    pa.add_argument("--id-field", default="id", help="JSONL field holding the id (default: id)")
    pa.add_argument("--published-field", default="published", help="JSONL field holding the publication time")
    pa.add_argument("--published", help="publication time for pages without one (ISO date or timestamp)")
    pa.add_argument("--join-pages", action="store_true",
                    help="join consecutive pages of one multi-page article (c_<id>_2.htm, ...) into one article")
    pa.add_argument("--reference-date", help="last-resort date for relative dates (ISO date)")
    pa.add_argument("--no-tokens", action="store_true", help="JSONL: leave out Kiwi tokens (about half the size)")
    pa.add_argument("--part-size", type=int, default=1000, help="parquet: articles per part file")

    sh = sub.add_parser("show", help="print one article's layout, facts and places")
    sh.add_argument("file", metavar="FILE", help="an article (.txt/.html), or a .jsonl/.warc file (first article, or --id)")
    sh.add_argument("--id", help="which article of a multi-article file")
    sh.add_argument("--published", help="publication time for a page without one")
    sh.add_argument("--url", help="where the page came from (gives its page number, and its date where it has no timestamp)")
    sh.add_argument("--width", type=int, default=72, help="abbreviate paragraphs to this many characters")

    ev = sub.add_parser("eval", help="score the extraction against gold annotations")
    ev.add_argument("gold_dir", metavar="GOLD_DIR")
    ev.add_argument("--texts", metavar="DIR", help="where the article texts are (default: beside the gold)")
    ev.add_argument("--verbose-report", action="store_true", help="list every mismatch")

    el = sub.add_parser("eval-layout", help="score page templates against layout gold (*.layout.json)")
    el.add_argument("pages_dir", metavar="DIR", help="pages (<id>.txt) with their <id>.layout.json gold")
    el.add_argument("--verbose-report", action="store_true", help="list every mismatch")

    eo = sub.add_parser("eval-observations", help="score observations (measure, places, period, role) against gold")
    eo.add_argument("gold_dir", metavar="GOLD_DIR", help="a directory of *.observations.json files")
    eo.add_argument("--texts", metavar="DIR", help="where the article texts are (default: beside the gold)")
    eo.add_argument("--verbose-report", action="store_true", help="list every mismatch")
    eo.add_argument("--baseline", action="store_true", help="score a naive nearest-subject baseline instead")

    pl = sub.add_parser("place", help="look up a Chinese division by its hangul or Chinese name")
    pl.add_argument("name", metavar="NAME")

    rn = sub.add_parser("render", help="render articles as a self-contained HTML page")
    rn.add_argument("files", nargs="+", metavar="FILE")
    rn.add_argument("-o", "--output", required=True, metavar="OUT.html")
    rn.add_argument("--published", help="publication time for pages without one")

    _add_series_parser(sub)
    return p


def _add_series_parser(sub) -> None:
    from .series import MATCH_MODES, ROLES

    se = sub.add_parser("series", help="one measure's values across a parsed archive, by period",
                        description="Print the values of one measure (e.g. 매출, GDP, 기업) found in the output of "
                                    "`parse` (a Parquet directory, a JSONL, CSV or spaCy file), sorted by period.")
    se.add_argument("output", metavar="OUT", help="a Parquet directory, .jsonl, .csv or .spacy file written by parse")
    se.add_argument("-m", "--measure", required=True, metavar="TEXT",
                    help="the measure: by default its head noun or a head-final phrase (매출, 산업 매출)")
    se.add_argument("--match", choices=MATCH_MODES, default="head",
                    help="head: the measure ends with TEXT (default); contains: TEXT anywhere; exact: the whole measure")
    se.add_argument("-p", "--place", metavar="CODE",
                    help="a division code (370000), CN, or a division name (산둥성); includes the divisions inside it")
    se.add_argument("--no-descendants", action="store_true", help="--place matches only that place itself")
    se.add_argument("-r", "--role", choices=ROLES, help="only observations of this role")
    se.add_argument("--format", dest="table_format", choices=("table", "csv", "jsonl"), default="table",
                    help="table (default, for reading), csv or jsonl (for further processing)")
    se.add_argument("--width", type=int, default=36, help="table: abbreviate titles and measures to this many characters")


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    logging.basicConfig(level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s")
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    handler = {"parse": _cmd_parse, "show": _cmd_show, "eval": _cmd_eval, "eval-observations": _cmd_eval_observations,
               "place": _cmd_place, "render": _cmd_render, "eval-layout": _cmd_eval_layout,
               "series": _cmd_series}[args.command]
    try:
        return handler(args)
    except _UsageError as exc:
        print(f"xinhua-extract {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. piped into head
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK


# --------------------------------------------------------------------------- parse
class _Progress:
    """A one-line progress display on stderr, redrawn at most 5 times a second."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream, self.enabled = stream, enabled
        self.first: Optional[float] = None  # the rate counts from the first result (after start-up)
        self._last = 0.0
        self._shown = False

    def update(self, articles: int, errors: int, facts: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if self.first is None:
            self.first = now
        if now - self._last < 0.2:
            return
        self._last = now
        rate = (articles + errors - 1) / max(now - self.first, 1e-9) if articles + errors > 1 else 0.0
        line = f"\r{articles:,} articles  {facts:,} facts  {errors:,} errors  {rate:,.1f} articles/s"
        self.stream.write(line + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


class _Stats:
    def __init__(self) -> None:
        self.articles = 0
        self.errors = 0
        self.facts: Counter = Counter()
        self.places = 0
        self.warnings = 0
        self.error_codes: Counter = Counter()
        self.start = time.monotonic()
        self.first: Optional[float] = None  # when the first result arrived (start-up before)

    def _tick(self) -> None:
        if self.first is None:
            self.first = time.monotonic()

    def add(self, article) -> None:
        self._tick()
        self.articles += 1
        self.facts.update(f.type for f in article.facts)
        self.places += len(article.places)
        self.warnings += len(article.warnings)

    def add_encoded(self, enc) -> None:
        self._tick()
        self.articles += 1
        self.facts.update(enc.fact_types)
        self.places += enc.n_places
        self.warnings += enc.n_warnings

    def fail(self, error) -> None:
        self._tick()
        self.errors += 1
        self.error_codes[error.code] += 1

    def summary(self, skipped: int) -> str:
        now = time.monotonic()
        elapsed = now - self.start
        first = self.first if self.first is not None else now
        done = self.articles + self.errors
        # the rate after the first result: start-up (loading Kiwi, forking) is shown apart
        rate = (done - 1) / (now - first) if done > 1 and now > first else 0.0
        facts = ", ".join(f"{k} {self.facts.get(k, 0):,}" for k in FACT_TYPES)
        lines = [
            f"articles  {self.articles:,}" + (f"  (+{skipped:,} already done, skipped)" if skipped else ""),
            f"facts     {sum(self.facts.values()):,}  ({facts})",
            f"places    {self.places:,}",
            f"warnings  {self.warnings:,}",
            f"errors    {self.errors:,}" + (
                "  (" + ", ".join(f"{c} x{n}" for c, n in sorted(self.error_codes.items())) + ")" if self.errors else ""),
            f"time      {elapsed:,.1f} s  (start-up {first - self.start:,.1f} s, then {rate:,.1f} articles/s)",
        ]
        return "\n".join(lines)


def _infer_format(output: str) -> str:
    low = output.lower()
    if low.endswith(".csv"):
        return "csv"
    if low.endswith(".spacy"):
        return "spacy"
    if low.endswith(".parquet") or (output != "-" and Path(output).is_dir()):
        return "parquet"
    return "jsonl"


def _check_date(value: Optional[str], option: str) -> None:
    if value is None:
        return
    from .layout import coerce_published

    try:
        coerce_published(value)
    except (TypeError, ValueError) as exc:
        raise _UsageError(f"{option} {value!r}: {exc}") from None


def _cmd_parse(args) -> int:
    from .batch import DEFAULT_CHUNKSIZE, parse_articles
    from .io.readers import ArticleError
    from .io.writers import ErrorLog, open_writer

    fmt = args.format or _infer_format(args.output)
    if args.workers is not None and args.workers < 1:
        raise _UsageError("--workers must be at least 1")
    if args.output == "-" and fmt != "jsonl":
        raise _UsageError("only --format jsonl can be written to stdout (-o -)")
    if args.output == "-" and args.resume:
        raise _UsageError("--resume needs an output file, not stdout")
    if fmt == "spacy" and args.resume:
        raise _UsageError("--resume is not supported for --format spacy (a DocBin is written at the end)")
    if args.inputs.count("-") > 1:
        raise _UsageError("stdin (-) can be given once")
    _check_date(args.published, "--published")
    _check_date(args.reference_date, "--reference-date")

    quiet = args.quiet
    progress = _Progress(sys.stderr, enabled=not quiet and sys.stderr.isatty())
    stats = _Stats()
    tokens = fmt in ("jsonl", "spacy") and not args.no_tokens

    try:
        if fmt == "spacy":
            writer = None
            errors_log = ErrorLog(Path(args.output).with_name(Path(args.output).name + ".errors.jsonl"))
            skip = None
        else:
            writer = open_writer(fmt, args.output, resume=args.resume, tokens=tokens,
                                 **({"articles_per_part": args.part_size} if fmt == "parquet" else {}))
            errors_log = None
            skip = writer.done if args.resume else None
    except (OSError, ValueError) as exc:
        print(f"xinhua-extract parse: cannot open the output {args.output}: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    skipped = sum(skip.values()) if skip else 0

    stream = parse_articles(
        args.inputs,
        workers=args.workers,
        chunksize=args.chunksize or DEFAULT_CHUNKSIZE,
        published=args.published,
        reference_date=args.reference_date,
        tokens=tokens,
        transform=writer.encoder if writer is not None else None,  # serialise in the workers
        text_field=args.text_field,
        id_field=args.id_field,
        published_field=args.published_field,
        skip=skip,
        join_pages=args.join_pages,
    )

    def on_error(item: ArticleError) -> None:
        stats.fail(item)
        if not quiet:
            progress.close()
            print(f"error {item.code} {item.source}: {item.message}", file=sys.stderr)

    interrupted = False
    previous = signal.getsignal(signal.SIGTERM)
    if previous in (signal.SIG_DFL, None):
        signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        if fmt == "spacy":
            _write_spacy(stream, args.output, stats, errors_log, on_error, progress)
        else:
            assert writer is not None  # every format but spacy has a writer
            for item in stream:
                if isinstance(item, ArticleError):
                    writer.write_error(item)
                    on_error(item)
                else:
                    writer.write(item)
                    stats.add_encoded(item)
                progress.update(stats.articles, stats.errors, sum(stats.facts.values()))
    except KeyboardInterrupt:
        interrupted = True
    except ImportError as exc:
        progress.close()
        print(f"xinhua-extract parse: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    except OSError as exc:
        progress.close()
        print(f"xinhua-extract parse: cannot write {args.output}: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    finally:
        stream.close() if hasattr(stream, "close") else None
        try:
            if writer is not None:
                writer.close()
            if errors_log is not None:
                errors_log.close()
        finally:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
            progress.close()
    if not quiet:
        print(stats.summary(skipped), file=sys.stderr)
    if interrupted:
        print("interrupted: the output holds every article finished so far; rerun with --resume to complete it",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    # from the output's error records, not this run's count: a resumed run skips the
    # sources that failed before, yet must exit as the uninterrupted run would
    if writer is not None:
        log_path = writer.errors.path
    else:
        assert errors_log is not None  # the spacy format logs errors on its own
        log_path = errors_log.path
    return EXIT_FAILED if stats.errors or _error_records(log_path) else EXIT_OK


def _error_records(path: Optional[Path]) -> int:
    """How many error records the error sidecar ``path`` holds (0 if there is none)."""
    if path is None or os.fspath(path) == os.devnull:
        return 0
    try:
        with open(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return 0


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _write_spacy(stream, output, stats, errors_log, on_error, progress) -> None:
    from .io.readers import ArticleError

    try:
        from .spacy_bridge import write_docbin
    except ImportError as exc:
        raise ImportError(f"--format spacy needs spaCy and xinhua_extract.spacy_bridge ({exc})") from exc

    def articles():
        for item in stream:
            if isinstance(item, ArticleError):
                errors_log.write(item)
                on_error(item)
            else:
                stats.add(item)
                yield item
            progress.update(stats.articles, stats.errors, sum(stats.facts.values()))

    Path(output).parent.mkdir(parents=True, exist_ok=True)
    write_docbin(articles(), output)


# --------------------------------------------------------------------------- show
def _load_one(path: str, *, want_id: Optional[str], published: Optional[str], url: Optional[str] = None):
    """The article of FILE: a parsed-output JSONL line is read back, anything else parsed
    (``url``: the page's address, for a record that carries none)."""
    import dataclasses
    import json

    from .batch import parse_articles
    from .io.readers import ArticleError, read_path
    from .records import Article

    p = Path(path)
    if p.suffix.lower() == ".jsonl" and p.is_file():
        with open(p, "rb") as fh:
            first = next((line for line in fh if line.strip()), b"")
        try:
            head = json.loads(first) if first else {}
        except ValueError:
            head = {}
        if isinstance(head, dict) and "schema_version" in head and "blocks" in head:
            with open(p, "rb") as fh:
                for line in fh:
                    if not line.strip():
                        continue
                    data = json.loads(line)
                    if want_id is None or data.get("id") == want_id:
                        return Article.from_dict(data)
            return None
    sources: list = [path]
    if url is not None:
        sources = []
        for doc in read_path(path):
            if isinstance(doc, ArticleError):
                return doc
            sources.append(dataclasses.replace(doc, url=doc.url or url))
    for item in parse_articles(sources, workers=1, published=published):
        if want_id is None or item.id == want_id:
            return item
    return None


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    """Left-justify for a terminal: hangul and hanja take two columns."""
    return s + " " * max(0, width - _width(s))


def _abbrev(s: str, width: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: max(1, width - 1)] + "…"


def _cmd_show(args) -> int:
    from .io.readers import ArticleError

    _check_date(args.published, "--published")
    article = _load_one(args.file, want_id=args.id, published=args.published, url=args.url)
    if article is None:
        print(f"no article{' with id ' + repr(args.id) if args.id else ''} in {args.file}", file=sys.stderr)
        return EXIT_FAILED
    if isinstance(article, ArticleError):
        print(f"error {article.code} {article.source}: {article.message}", file=sys.stderr)
        return EXIT_FAILED
    print(format_article(article, width=args.width))
    return EXIT_OK


def format_article(article, *, width: int = 72) -> str:
    """A readable plain-text view of one Article (what ``show`` prints)."""
    out: list[str] = []
    add = out.append
    t = article.text

    def field(name: str, value) -> None:
        add(f"{name:<11} {value if value not in (None, '') else '-'}")

    field("id", article.id)
    field("shape", article.shape)
    field("title", article.title)
    field("kicker", article.kicker)
    field("source", article.source)
    field("published", article.published.isoformat() if article.published else None)
    field("reference", article.reference_date)
    field("editor", article.editor)
    if article.dateline:
        d = article.dateline
        field("dateline", f"{d.text}  (agency {d.agency or '-'}, place {d.place or '-'}, date {d.date or '-'})")
    else:
        field("dateline", None)
    if article.byline:
        field("byline", article.byline.text)
    add(f"headings    {len(article.headings)}")
    for h in article.headings:
        add(f"  ◇ {h.text}")
    add("")
    add(f"paragraphs  {len(article.paragraphs)}  (sentences {len(article.sentences)}, tokens {len(article.tokens)})")
    for i, para in enumerate(article.paragraphs):
        add(f"  {i:>3} {para.kind:<8}{para.lang:<3} {_abbrev(t[para.start:para.end], width)}")
    add("")
    add(f"facts       {len(article.facts)}")
    for i, f in enumerate(article.facts):
        value = getattr(f, "value", None)
        shown = format(value, "f") if hasattr(value, "as_tuple") else (value if value is not None else "?")
        extra = []
        for name in ("currency", "unit", "counter"):
            v = getattr(f, name, None)
            if v and not (name == "unit" and v == "%"):
                extra.append(str(v))
        for name in ("approx", "within", "relative"):
            if getattr(f, name, False):
                extra.append(name)
        for name in ("bound", "scale", "basis", "subject", "grain", "range"):
            v = getattr(f, name, None)
            if v and name != "grain":
                extra.append(f"{name}={v}")
        if getattr(f, "equivalent_of", None) is not None:
            rate = getattr(f, "rate", None)
            extra.append(f"= fact {f.equivalent_of}" + (f" at {format(rate, 'f')}" if rate is not None else ""))
        if f.places:
            extra.append("places " + ",".join(f.places))
        unit = "%" if f.type == "percentage" and getattr(f, "unit", "%") == "%" else ""
        add(f"  {i:>3} {f.type:<10} {_pad(f.text, 24)} {shown}{unit}  {' '.join(extra)}".rstrip())
    add("")
    add(f"places      {len(article.places)}")
    for p in article.places:
        name = p.name_zh or ""
        code = p.code or ("?" + "|".join(p.candidates) if p.candidates else "-")
        what = p.level or p.kind
        if p.kind == "region":
            code = f"region of {len(p.members)}"
        hanja = f"({p.hanja})" if p.hanja else ""
        add(f"  {_pad(p.text + hanja, 22)} {code:<10} {_pad(name, 20)} {what:<10} rule={p.rule}")
    add("")
    add(f"glosses     {len(article.glosses)}")
    for g in article.glosses:
        add(f"  {_pad(g.kind, 11)}{g.text}")
    add("")
    add(f"warnings    {len(article.warnings)}")
    for w in article.warnings:
        where = f" @{w.start}-{w.end}" if w.start is not None else ""
        add(f"  {w.code} {w.message}{where}")
    return "\n".join(out)


# --------------------------------------------------------------------------- eval
def _cmd_eval(args) -> int:
    gold = Path(args.gold_dir)
    if not gold.is_dir():
        raise _UsageError(f"{gold} is not a directory of *.gold.json files")
    if args.texts and not Path(args.texts).is_dir():
        raise _UsageError(f"--texts {args.texts} is not a directory")
    from .evaluate import evaluate_dir, format_report

    try:
        report = evaluate_dir(gold, texts_dir=args.texts)
    except FileNotFoundError as exc:
        raise _UsageError(str(exc)) from None
    print(format_report(report, verbose=args.verbose_report))
    return EXIT_OK


def _cmd_eval_layout(args) -> int:
    """Field accuracy, line accuracy, content lines lost and furniture lines leaked, per template."""
    from .layout_eval import evaluate_corpus, format_table, summarise

    if not Path(args.pages_dir).is_dir():
        raise _UsageError(f"{args.pages_dir} is not a directory of <id>.txt pages with <id>.layout.json gold")
    results = evaluate_corpus(args.pages_dir)
    if not results:
        raise _UsageError(f"{args.pages_dir} holds no <id>.layout.json gold beside an <id>.txt page")
    print(format_table(summarise(results)))
    if args.verbose_report:
        for r in results:
            for m in r.mismatches:
                print(f"{r.id}: {m}")
    return EXIT_OK


def _cmd_eval_observations(args) -> int:
    gold = Path(args.gold_dir)
    if not gold.is_dir():
        raise _UsageError(f"{gold} is not a directory of *.observations.json files")
    if args.texts and not Path(args.texts).is_dir():
        raise _UsageError(f"--texts {args.texts} is not a directory")
    from .observations.evaluate import evaluate_observations_dir, format_observation_report

    try:
        report = evaluate_observations_dir(gold, texts_dir=args.texts, baseline=args.baseline)
    except FileNotFoundError as exc:
        raise _UsageError(str(exc)) from None
    print(format_observation_report(report, verbose=args.verbose_report))
    return EXIT_OK


# --------------------------------------------------------------------------- place
def _cmd_place(args) -> int:
    import regex

    from .places.gazetteer import get_gazetteer

    name = args.name.strip()
    if not name:
        raise _UsageError("give a place name in hangul or Chinese characters")
    gaz = get_gazetteer()
    if regex.search(r"\p{Script=Hangul}", name):
        found = list(gaz.lookup_hangul(name))
        regions = list(gaz.lookup_region_hangul(name))
    else:
        found = list(gaz.lookup_zh(name))
        regions = list(gaz.lookup_region_zh(name))
    if not found and not regions:
        print(f"no division or region named {name!r} in the gazetteer", file=sys.stderr)
        return EXIT_FAILED
    for d in found:
        parent = gaz.by_code(d.parent) if d.parent else None
        province = gaz.by_code(d.province_code) if d.province_code else None
        print(f"{d.code}  {d.name_zh} ({d.name_zh_hant})  {d.level}")
        print(f"    hangul {d.hangul}   sino-korean {d.sino or '-'}   pinyin {d.pinyin}   short {d.short_zh}")
        if parent is not None:
            print(f"    in {parent.code} {parent.name_zh}" + (
                f", {province.code} {province.name_zh}" if province is not None and province.code != parent.code else ""))
        elif d.parent:
            print(f"    in {d.parent}")
        if d.lon is not None and d.lat is not None:
            print(f"    seat at {d.lon}, {d.lat}")
    for r in regions:
        print(f"region  {r.name_zh}  ({', '.join(r.korean)})  {len(r.members)} members: {' '.join(r.members[:12])}"
              + (" …" if len(r.members) > 12 else ""))
    return EXIT_OK


# --------------------------------------------------------------------------- render
def _cmd_render(args) -> int:
    from .batch import parse_articles
    from .io.readers import ArticleError

    _check_date(args.published, "--published")
    try:
        from .render import render_article_html, render_batch_html
    except ImportError as exc:
        print(f"xinhua-extract render: the renderer is unavailable ({exc})", file=sys.stderr)
        return EXIT_OUTPUT
    articles, failed = [], 0
    for item in parse_articles(args.files, workers=1, published=args.published):
        if isinstance(item, ArticleError):
            failed += 1
            print(f"error {item.code} {item.source}: {item.message}", file=sys.stderr)
        else:
            articles.append(item)
    if not articles:
        print("nothing to render", file=sys.stderr)
        return EXIT_FAILED
    html = render_article_html(articles[0]) if len(articles) == 1 else render_batch_html(articles)
    try:
        out = Path(args.output)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_text(html, encoding="utf-8")
        os.replace(tmp, out)
    except OSError as exc:
        print(f"xinhua-extract render: cannot write {args.output}: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    print(f"wrote {args.output} ({len(articles)} article(s))", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


# --------------------------------------------------------------------------- series
SERIES_COLUMNS = ("period", "value", "unit", "role", "measure", "places", "published", "article", "title")


def _cmd_series(args) -> int:
    from .errors import XinhuaExtractError
    from .series import series

    try:
        points = series(args.output, args.measure, place=args.place, role=args.role, match=args.match,
                        descendants=not args.no_descendants)
    except XinhuaExtractError as exc:
        raise _UsageError(f"{exc.code} {exc.message}") from None
    except OSError as exc:
        print(f"xinhua-extract series: cannot read {args.output}: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    what = f"{args.measure!r} (match {args.match})" + (f" in {args.place}" if args.place else "") + (
        f", role {args.role}" if args.role else "")
    if not points:
        print(f"no value of {what} in {args.output}", file=sys.stderr)
        return EXIT_FAILED
    if args.table_format == "jsonl":
        import json

        for p in points:
            print(json.dumps(p.to_dict(), ensure_ascii=False))
    elif args.table_format == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(SERIES_COLUMNS + ("fact", "direction", "basis"))
        for p in points:
            writer.writerow([c if c is not None else "" for c in _series_cells(p, width=None)] +
                            [p.fact_text or "", p.direction or "", p.basis or ""])
    else:
        print(format_series(points, width=args.width))
        print(f"{len(points)} value(s) of {what}", file=sys.stderr)
    return EXIT_OK


def _series_cells(p, *, width: Optional[int]) -> list[str]:
    value = format(p.value, "f") if p.value is not None else "?"
    if p.approx:
        value = "~" + value
    role = p.role + (f" {p.direction}" if p.direction else "")
    title, measure = p.title or "", p.measure or ""
    if width:
        title, measure = _abbrev(title, width), _abbrev(measure, width)
    return [p.period or "-", value, p.unit or "", role, measure or "-", ",".join(p.places) or "-",
            p.published.date().isoformat() if p.published else "-", p.article_id or "-", title]


def format_series(points, *, width: Optional[int] = 36) -> str:
    """The table ``series`` prints: one line per value, columns aligned for a terminal
    (hangul and hanja take two columns), numbers right-aligned."""
    rows = [list(SERIES_COLUMNS)] + [_series_cells(p, width=width) for p in points]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(SERIES_COLUMNS))]
    lines = []
    for n, row in enumerate(rows):
        cells = []
        for i, cell in enumerate(row):
            if i == 1 and n > 0:
                cells.append(" " * (widths[i] - _width(cell)) + cell)
            elif i == len(row) - 1:
                cells.append(cell)
            else:
                cells.append(_pad(cell, widths[i]))
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


if __name__ == "__main__":  # python -m xinhua_extract.cli
    sys.exit(main())
