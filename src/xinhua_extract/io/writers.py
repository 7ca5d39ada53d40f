"""Writers: Articles out, as JSON Lines, Parquet (four tables) or CSV (facts, observations).

Every writer is *append-safe*: it writes only whole records, makes them durable in
order, and can be reopened with ``resume=True`` on the output of an interrupted run --
it then cleans up whatever the interruption left half-written and reports, through
:attr:`done`, the ids already written, which :func:`xinhua_extract.batch.parse_articles`
skips (``skip=writer.done``). A resumed run ends with exactly the output of an
uninterrupted one (byte for byte for JSONL and CSV; the same rows in the same order for
Parquet, possibly cut into different part files).

Error records (:class:`~xinhua_extract.io.readers.ArticleError`) go to a JSONL sidecar:
``OUT.errors.jsonl`` beside a JSONL/CSV/spaCy file, ``OUT/errors.jsonl`` inside a Parquet
directory. It is created on the first error; resume skips the sources it lists (delete
it to retry them).

Parquet layout (one dataset directory per table, joinable on ``article_id``)::

    OUT/articles/part-00000.parquet   one row per article
    OUT/facts/part-00000.parquet      one row per fact
    OUT/places/part-00000.parquet     one row per place mention
    OUT/observations/part-00000.parquet  one row per observation and place
    OUT/errors.jsonl                  error records, if any

Column types are in :data:`ARTICLES_SCHEMA`, :data:`FACTS_SCHEMA`, :data:`PLACES_SCHEMA`,
:data:`OBSERVATIONS_SCHEMA` and in ``docs/batch.md``. Exact numbers are ``decimal128(38, 10)`` (28 integer digits:
money in base units reaches 10^17; 10 decimals: percentages and rates), coordinates
``decimal128(10, 6)``, the publication time ``timestamp[s, tz=+08:00]``.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Context, Decimal
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from ..records import Article, Fact, Observation, Sentence
from .readers import ArticleError

log = logging.getLogger(__name__)

#: Precision and scale of every exact-number column (value, rate).
DECIMAL_PRECISION, DECIMAL_SCALE = 38, 10
#: Precision and scale of longitude/latitude columns.
COORD_PRECISION, COORD_SCALE = 10, 6
#: Time zone of the ``published`` column: Beijing time, as the pages give it.
PUBLISHED_TZ = "+08:00"

FORMATS = ("jsonl", "parquet", "csv", "spacy")


# --------------------------------------------------------------------------- resume keys
def result_key(item: Union[Article, ArticleError]) -> Optional[str]:
    """The key resume matches on: the article's id; for an error without id, its source."""
    if isinstance(item, ArticleError) and item.id is None:
        return "source:" + item.source
    return item.id


def _fsync(fd: int) -> None:
    try:
        os.fsync(fd)
    except OSError:  # pipes, some special files
        pass


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        _fsync(fd)
    finally:
        os.close(fd)


class _AppendFile:
    """An append-only file written with one ``os.write`` loop per record, flushed to the
    OS at once (a killed process never loses a written record) and fsynced at most every
    ``fsync_interval`` seconds and on close (a crashed machine loses at most that)."""

    def __init__(self, path: Path, *, fresh: bool, fsync_interval: float = 1.0) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (os.O_TRUNC if fresh else 0)
        self.fd = os.open(path, flags, 0o644)
        self.fsync_interval = fsync_interval
        self._last_sync = time.monotonic()

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]
        now = time.monotonic()
        if now - self._last_sync >= self.fsync_interval:
            _fsync(self.fd)
            self._last_sync = now

    def close(self) -> None:
        if self.fd >= 0:
            _fsync(self.fd)
            os.close(self.fd)
            self.fd = -1


def _truncate_partial_line(path: Path) -> int:
    """Cut a trailing line without its newline (an interrupted write). Returns bytes cut."""
    size = path.stat().st_size
    if size == 0:
        return 0
    with open(path, "rb+") as fh:
        block = 1 << 16
        pos = size
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            if pos == size and chunk.endswith(b"\n"):
                return 0
            nl = chunk.rfind(b"\n")
            if nl >= 0:
                keep = start + nl + 1
                break
            pos = start
        else:
            keep = 0
        fh.truncate(keep)
        fh.flush()
        _fsync(fh.fileno())
    log.warning("resume: cut %d bytes of an unfinished last line from %s", size - keep, path)
    return size - keep


_ID_PREFIX = re.compile(rb'^\{"schema_version":"[^"]*","id":(null|"(?:[^"\\]|\\.)*")')


class ErrorLog:
    """The JSONL sidecar of error records (created on the first error)."""

    def __init__(self, path: Union[str, os.PathLike], *, resume: bool = False) -> None:
        self.path = Path(path)
        self._file: Optional[_AppendFile] = None
        self.done: Counter = Counter()
        self.count = 0
        if resume and self.path.exists():
            _truncate_partial_line(self.path)
            with open(self.path, "rb") as fh:
                for line in fh:
                    if line.strip():
                        self.done[result_key(ArticleError.from_dict(json.loads(line)))] += 1
        elif not resume and self.path.exists():
            self.path.unlink()

    def write(self, error: ArticleError) -> None:
        if self._file is None:
            self._file = _AppendFile(self.path, fresh=False)
        self._file.write(error.to_json().encode("utf-8") + b"\n")
        self.count += 1

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


@dataclass(frozen=True, slots=True)
class Encoded:
    """An Article already turned into what one writer format stores, plus the counts a
    progress summary needs. Made by :class:`Encoder` -- in the worker processes, so the
    parent only writes bytes (see ``parse_articles(transform=...)``)."""

    id: Optional[str]
    format: str
    data: Any
    fact_types: tuple[str, ...] = ()
    n_places: int = 0
    n_warnings: int = 0


class Encoder:
    """Picklable ``Article -> Encoded`` for a writer format (``jsonl``, ``parquet``, ``csv``)."""

    def __init__(self, format: str, *, tokens: bool = True) -> None:
        if format not in ("jsonl", "parquet", "csv"):
            raise ValueError(f"no encoder for format {format!r}")
        self.format, self.tokens = format, tokens

    def __call__(self, article: Article) -> Encoded:
        if self.format == "jsonl":
            data: Any = article_json(article, tokens=self.tokens).encode("utf-8") + b"\n"
        elif self.format == "parquet":
            data = (article_row(article), fact_rows(article), place_rows(article), observation_rows(article))
        else:
            data = _csv_encoded(article)
        return Encoded(id=article.id, format=self.format, data=data, fact_types=tuple(f.type for f in article.facts),
                       n_places=len(article.places), n_warnings=len(article.warnings))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Encoder) and (self.format, self.tokens) == (other.format, other.tokens)

    def __hash__(self) -> int:
        return hash((self.format, self.tokens))


class _Writer:
    """Common protocol: ``write(article_or_encoded)``, ``write_error(error)``, ``close()``,
    ``done``; :attr:`encoder` is the :class:`Encoder` to run in workers."""

    errors: ErrorLog
    done: Counter
    encoder: Encoder

    def write(self, item: Union[Article, Encoded]) -> None:
        """Write one Article (or its :class:`Encoded` form made by :attr:`encoder`)."""
        if not isinstance(item, Encoded):
            item = self.encoder(item)
        elif item.format != self.encoder.format:
            raise ValueError(f"an {item.format} encoding cannot be written by a {self.encoder.format} writer")
        self._write_encoded(item)

    def _write_encoded(self, item: Encoded) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def write_error(self, error: ArticleError) -> None:
        self.errors.write(error)

    def close(self) -> None:
        self.errors.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".errors.jsonl")


# --------------------------------------------------------------------------- JSONL
def article_json(article: Article, *, tokens: bool = True) -> str:
    """One compact JSON line of the documented schema (``docs/schema.md``)."""
    if not tokens and article.tokens:
        import dataclasses

        article = dataclasses.replace(article, tokens=())
    return json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":"))


class JsonlWriter(_Writer):
    """One Article per line (``docs/schema.md``); ``tokens=False`` writes ``"tokens":[]``
    (about half the size). ``path`` ``"-"`` writes to standard output (no resume)."""

    def __init__(
        self, path: Union[str, os.PathLike], *, tokens: bool = True, resume: bool = False, fsync_interval: float = 1.0
    ) -> None:
        self.tokens = tokens
        self.encoder = Encoder("jsonl", tokens=tokens)
        self.done = Counter()
        self.count = 0
        self._stdout = os.fspath(path) == "-"
        if self._stdout:
            if resume:
                raise ValueError("cannot resume output written to standard output")
            self.path = None
            self._out: Any = sys.stdout.buffer
            self.errors = _NullErrorLog()
            return
        self.path = Path(path)
        if resume and self.path.exists():
            _truncate_partial_line(self.path)
            self.done = _jsonl_ids(self.path)
        self._out = _AppendFile(self.path, fresh=not resume, fsync_interval=fsync_interval)
        self.errors = ErrorLog(_sidecar(self.path), resume=resume)
        self.done.update(self.errors.done)

    def _write_encoded(self, item: Encoded) -> None:
        line = item.data
        if self._stdout:
            self._out.write(line)
            self._out.flush()
        else:
            self._out.write(line)
        self.count += 1

    def close(self) -> None:
        if not self._stdout:
            self._out.close()
        super().close()


class _NullErrorLog(ErrorLog):
    def __init__(self) -> None:  # noqa: D401 - errors of stdout output are only counted
        self.path = Path(os.devnull)
        self._file = None
        self.done = Counter()
        self.count = 0

    def write(self, error: ArticleError) -> None:
        self.count += 1


def _jsonl_ids(path: Path) -> Counter:
    done: Counter = Counter()
    with open(path, "rb") as fh:
        for line in fh:
            if not line.strip():
                continue
            m = _ID_PREFIX.match(line)
            raw = m.group(1) if m else None
            done[json.loads(raw) if raw is not None else json.loads(line).get("id")] += 1
    return done


def read_jsonl_articles(path: Union[str, os.PathLike]):
    """Articles back from a JSONL output file (``Article.from_dict`` per line)."""
    with open(path, "rb") as fh:
        for line in fh:
            if line.strip():
                yield Article.from_dict(json.loads(line))


# --------------------------------------------------------------------------- rows and schemas
_DEC_CONTEXT = Context(prec=DECIMAL_PRECISION + 40)


def _dec(value: Optional[Decimal], scale: int = DECIMAL_SCALE, *, what: str = "value") -> Optional[Decimal]:
    """A Decimal fitting ``decimal128(38, scale)``: more decimals than ``scale`` are rounded
    half-even (only rates have them); a value too large for the column becomes null and
    is logged (28 integer digits: 10^17 money is far inside)."""
    if value is None:
        return None
    q = value.quantize(Decimal(1).scaleb(-scale), rounding=ROUND_HALF_EVEN, context=_DEC_CONTEXT)
    if len(q.as_tuple().digits) > DECIMAL_PRECISION:
        log.warning("%s %s does not fit decimal128(%d, %d); written as null", what, value, DECIMAL_PRECISION, scale)
        return None
    if q != value and what != "rate":
        log.warning("%s %s rounded to %d decimals for Parquet", what, value, scale)
    return q


def _coord(value: Optional[Decimal]) -> Optional[Decimal]:
    if value is None:
        return None
    return Decimal(value).quantize(Decimal(1).scaleb(-COORD_SCALE), rounding=ROUND_HALF_EVEN)


def _published(value: Optional[datetime]) -> Optional[datetime]:
    return value.replace(microsecond=0) if value is not None else None


def _date(value: Optional[str]) -> Optional[date]:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def article_row(article: Article) -> dict[str, Any]:
    """The ``articles`` table row of an article."""
    dl = article.dateline
    return {
        "article_id": article.id,
        "schema_version": article.schema_version,
        "shape": article.shape,
        "title": article.title,
        "kicker": article.kicker,
        "source": article.source,
        "published": _published(article.published),
        "reference_date": _date(article.reference_date),
        "editor": article.editor,
        "dateline_agency": dl.agency if dl else None,
        "dateline_place": dl.place if dl else None,
        "dateline_date": _date(dl.date) if dl else None,
        "byline": article.byline.text if article.byline else None,
        "headings": [h.text for h in article.headings],
        "n_paragraphs": len(article.paragraphs),
        "n_sentences": len(article.sentences),
        "n_tokens": len(article.tokens),
        "n_facts": len(article.facts),
        "n_places": len(article.places),
        "glosses": [
            {"head": g.head, "gloss": g.gloss, "kind": g.kind, "start": g.start, "end": g.end, "explanation": g.explanation}
            for g in article.glosses
        ],
        "warnings": [{"code": w.code, "message": w.message, "start": w.start, "end": w.end} for w in article.warnings],
        "text": article.text,
    }


_FACT_EXTRA = ("currency", "unit", "counter", "approx", "bound", "scale", "subject", "basis", "within",
               "equivalent_of", "grain", "relative", "range")


def fact_rows(article: Article) -> list[dict[str, Any]]:
    """The ``facts`` table rows of an article, in ``Article.facts`` order (``fact_index``)."""
    rows = []
    for index, fact in enumerate(article.facts):
        row: dict[str, Any] = {
            "article_id": article.id,
            "fact_index": index,
            "type": fact.type,
            "text": fact.text,
            "start": fact.start,
            "end": fact.end,
            "sentence": fact.sentence,
            "rule": fact.rule,
            "places": list(fact.places),
        }
        value = getattr(fact, "value", None)
        if fact.type == "date":
            row["value"], row["date_value"] = None, value
        else:
            row["value"], row["date_value"] = value, None
        row["rate"] = getattr(fact, "rate", None)
        for name in _FACT_EXTRA:
            row[name] = getattr(fact, name, None)
        rows.append(row)
    return rows


def place_rows(article: Article) -> list[dict[str, Any]]:
    """The ``places`` table rows of an article, in ``Article.places`` order (``place_index``)."""
    return [
        {
            "article_id": article.id,
            "place_index": index,
            "text": p.text,
            "start": p.start,
            "end": p.end,
            "kind": p.kind,
            "hanja": p.hanja,
            "code": p.code,
            "name_zh": p.name_zh,
            "level": p.level,
            "province_code": p.province_code,
            "candidates": list(p.candidates),
            "members": list(p.members),
            "lon": p.lon,
            "lat": p.lat,
            "rule": p.rule,
        }
        for index, p in enumerate(article.places)
    ]


def observation_rows(article: Article) -> list[dict[str, Any]]:
    """The ``observations`` table rows of an article: one per observation and place, in
    ``Article.observations`` order (``observation_index``), the places in their order
    (``place_order``); an observation with no place gets one row with a null ``place``.

    The rows are denormalised for a dataset builder: each carries the article's title and
    publication time, the fact's value and unit, and the offsets of its sentence, so the
    table is usable without joining the others."""
    rows: list[dict[str, Any]] = []
    facts, sentences = article.facts, article.sentences
    published = _published(article.published)
    for index, obs in enumerate(article.observations):
        fact = facts[obs.fact] if 0 <= obs.fact < len(facts) else None
        if fact is None:
            log.warning("article %s: observation %d points at fact %d, which does not exist", article.id, index, obs.fact)
        sentence = getattr(fact, "sentence", None)
        sent = sentences[sentence] if sentence is not None and 0 <= sentence < len(sentences) else None
        rows += observation_rows_of(article.id, published, article.title, index, obs, fact, sent)
    return rows


def observation_rows_of(article_id: Optional[str], published: Optional[datetime], title: Optional[str], index: int,
                        obs: Observation, fact: Optional[Fact], sent: Optional[Sentence]) -> list[dict[str, Any]]:
    """The rows of one observation (``index`` in its article) with its fact and the
    fact's sentence: what :func:`observation_rows` makes per observation, for readers that
    decode only the records they need (``xinhua_extract.series``)."""
    measure, whole = obs.measure, obs.whole
    base = {
        "article_id": article_id,
        "published": published,
        "title": title,
        "observation_index": index,
        "fact_index": obs.fact,
        "fact_type": getattr(fact, "type", None),
        "fact_text": getattr(fact, "text", None),
        "fact_start": getattr(fact, "start", None),
        "fact_end": getattr(fact, "end", None),
        "role": obs.role,
        "measure": measure.text if measure is not None else None,
        "measure_start": measure.start if measure is not None else None,
        "measure_end": measure.end if measure is not None else None,
        "value": getattr(fact, "value", None),
        "currency": getattr(fact, "currency", None),
        "unit": getattr(fact, "unit", None),
        "counter": getattr(fact, "counter", None),
        "approx": getattr(fact, "approx", None),
        "bound": getattr(fact, "bound", None),
        "period": obs.period,
        "direction": obs.direction,
        "basis": obs.basis,
        "whole": whole.text if whole is not None else None,
        "level_of": obs.level_of,
        "sentence": getattr(fact, "sentence", None),
        "sentence_start": sent.start if sent is not None else None,
        "sentence_end": sent.end if sent is not None else None,
        "n_places": len(obs.places),
        "rule": obs.rule,
        "place_source": obs.place_source,
        "period_source": obs.period_source,
    }
    return [{**base, "place": code, "place_order": order} for order, code in enumerate(obs.places or (None,))]


def _schemas():
    import pyarrow as pa

    dec = pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE)
    coord = pa.decimal128(COORD_PRECISION, COORD_SCALE)
    s, i32 = pa.string(), pa.int32()
    articles = pa.schema([
        ("article_id", s), ("schema_version", s), ("shape", s), ("title", s), ("kicker", s), ("source", s),
        ("published", pa.timestamp("s", tz=PUBLISHED_TZ)), ("reference_date", pa.date32()), ("editor", s),
        ("dateline_agency", s), ("dateline_place", s), ("dateline_date", pa.date32()), ("byline", s),
        ("headings", pa.list_(s)),
        ("n_paragraphs", i32), ("n_sentences", i32), ("n_tokens", i32), ("n_facts", i32), ("n_places", i32),
        ("glosses", pa.list_(pa.struct([("head", s), ("gloss", s), ("kind", s), ("start", i32), ("end", i32), ("explanation", s)]))),
        ("warnings", pa.list_(pa.struct([("code", s), ("message", s), ("start", i32), ("end", i32)]))),
        ("text", s),
    ])
    facts = pa.schema([
        ("article_id", s), ("fact_index", i32), ("type", s), ("text", s), ("start", i32), ("end", i32),
        ("sentence", i32), ("rule", s), ("places", pa.list_(s)),
        ("value", dec), ("date_value", s), ("rate", dec),
        ("currency", s), ("unit", s), ("counter", s), ("approx", pa.bool_()), ("bound", s), ("scale", s),
        ("subject", s), ("basis", s), ("within", pa.bool_()), ("equivalent_of", i32),
        ("grain", s), ("relative", pa.bool_()), ("range", s),
    ])
    places = pa.schema([
        ("article_id", s), ("place_index", i32), ("text", s), ("start", i32), ("end", i32), ("kind", s),
        ("hanja", s), ("code", s), ("name_zh", s), ("level", s), ("province_code", s),
        ("candidates", pa.list_(s)), ("members", pa.list_(s)), ("lon", coord), ("lat", coord), ("rule", s),
    ])
    observations = pa.schema([(name, _OBS_TYPES[kind](pa)) for name, kind in OBSERVATION_FIELDS])
    return articles, facts, places, observations


#: Columns of the ``observations`` table (and of the observations CSV), with their kinds.
OBSERVATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("article_id", "str"), ("published", "time"), ("title", "str"),
    ("observation_index", "int"), ("fact_index", "int"), ("fact_type", "str"), ("fact_text", "str"),
    ("fact_start", "int"), ("fact_end", "int"),
    ("role", "str"), ("measure", "str"), ("measure_start", "int"), ("measure_end", "int"),
    ("value", "dec"), ("currency", "str"), ("unit", "str"), ("counter", "str"), ("approx", "bool"), ("bound", "str"),
    ("period", "str"), ("direction", "str"), ("basis", "str"), ("whole", "str"), ("level_of", "int"),
    ("sentence", "int"), ("sentence_start", "int"), ("sentence_end", "int"),
    ("place", "str"), ("place_order", "int"), ("n_places", "int"),
    ("rule", "str"), ("place_source", "str"), ("period_source", "str"),
)
_OBS_TYPES = {
    "str": lambda pa: pa.string(),
    "int": lambda pa: pa.int32(),
    "bool": lambda pa: pa.bool_(),
    "dec": lambda pa: pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
    "time": lambda pa: pa.timestamp("s", tz=PUBLISHED_TZ),
}

_SCHEMA_CACHE: dict[str, Any] = {}


def schema(table: str):
    """The Arrow schema of ``articles``, ``facts``, ``places`` or ``observations``."""
    if not _SCHEMA_CACHE:
        _SCHEMA_CACHE.update(zip(("articles", "facts", "places", "observations"), _schemas()))
    return _SCHEMA_CACHE[table]


def __getattr__(name: str):  # ARTICLES_SCHEMA etc. without importing pyarrow at import time
    if name in ("ARTICLES_SCHEMA", "FACTS_SCHEMA", "PLACES_SCHEMA", "OBSERVATIONS_SCHEMA"):
        return schema(name.split("_")[0].lower())
    raise AttributeError(name)


def _table(rows: list[dict[str, Any]], table: str):
    import pyarrow as pa

    sch = schema(table)
    columns = {}
    for f in sch:
        values = [r.get(f.name) for r in rows]
        if pa.types.is_decimal(f.type):  # exact values as the column's fixed scale
            if f.type.scale == COORD_SCALE and f.type.precision == COORD_PRECISION:
                values = [_coord(v) for v in values]
            else:
                values = [_dec(v, f.type.scale, what=f.name) for v in values]
        columns[f.name] = values
    return pa.Table.from_pydict(columns, schema=sch)


def articles_table(articles: Iterable[Article]):
    """A ``pyarrow.Table`` of ``articles`` rows."""
    return _table([article_row(a) for a in articles], "articles")


def facts_table(articles: Iterable[Article]):
    """A ``pyarrow.Table`` of ``facts`` rows."""
    return _table([r for a in articles for r in fact_rows(a)], "facts")


def places_table(articles: Iterable[Article]):
    """A ``pyarrow.Table`` of ``places`` rows."""
    return _table([r for a in articles for r in place_rows(a)], "places")


def observations_table(articles: Iterable[Article]):
    """A ``pyarrow.Table`` of ``observations`` rows."""
    return _table([r for a in articles for r in observation_rows(a)], "observations")


# --------------------------------------------------------------------------- Parquet
#: Default bound of a :class:`ParquetWriter`'s buffer, as estimated by :func:`approx_bytes`
#: (the Python objects of the buffered rows; the Arrow tables made from them at a flush
#: take about as much again).
DEFAULT_MAX_BUFFER_BYTES = 16 * 2**20


def approx_bytes(obj: Any) -> int:
    """About how much memory the rows ``obj`` (dicts, lists, tuples of scalars) hold as
    Python objects: cheap (``sys.getsizeof`` per object), good to within a small factor."""
    if isinstance(obj, dict):
        return sys.getsizeof(obj) + sum(approx_bytes(v) for v in obj.values())
    if isinstance(obj, (list, tuple)):
        return sys.getsizeof(obj) + sum(approx_bytes(v) for v in obj)
    return sys.getsizeof(obj) if obj is not None else 0


_PART = re.compile(r"^part-(\d{5,})\.parquet$")
TABLES = ("articles", "facts", "places", "observations")


class ParquetWriter(_Writer):
    """Four Parquet datasets under the directory ``path`` (see the module docstring).

    Articles are buffered and written every ``articles_per_part`` articles -- or sooner,
    once the buffered rows hold about ``max_buffer_bytes`` (a few huge articles must not
    hold the parent's memory hostage) -- as one part
    file per table: each written to a temporary name, fsynced, then renamed into place
    -- facts, places, observations, and *articles last*: a part number is committed when its articles
    file exists. Resume deletes temporary files and facts/places/observations parts of uncommitted
    numbers, and reads the committed ids.
    """

    def __init__(self, path: Union[str, os.PathLike], *, resume: bool = False, articles_per_part: int = 1000,
                 compression: str = "zstd", max_buffer_bytes: int = DEFAULT_MAX_BUFFER_BYTES) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise ValueError(f"Parquet output {self.path} exists and is not a directory; give a directory path")
        self.articles_per_part = max(1, int(articles_per_part))
        self.max_buffer_bytes = max(1, int(max_buffer_bytes))
        self._buffer_bytes = 0
        self.compression = compression
        self.encoder = Encoder("parquet")
        self.count = 0
        self._buffer: list[tuple] = []  # (article row, fact rows, place rows, observation rows)
        self.done = Counter()
        for t in TABLES:
            (self.path / t).mkdir(parents=True, exist_ok=True)
        committed = self._parts("articles")
        if resume:
            for t in TABLES:
                for f in (self.path / t).iterdir():
                    m = _PART.match(f.name)
                    if f.name.endswith(".tmp") or (m and t != "articles" and int(m.group(1)) not in committed):
                        log.warning("resume: removing unfinished %s", f)
                        f.unlink()
            import pyarrow.parquet as pq

            for n in sorted(committed):
                ids = pq.read_table(committed[n], columns=["article_id"]).column("article_id").to_pylist()
                self.done.update(ids)
            self._next = max(committed, default=-1) + 1
        else:
            for t in TABLES:
                for f in (self.path / t).iterdir():
                    if _PART.match(f.name) or f.name.endswith(".tmp"):
                        f.unlink()
            self._next = 0
        self.errors = ErrorLog(self.path / "errors.jsonl", resume=resume)
        self.done.update(self.errors.done)

    def _parts(self, table: str) -> dict[int, Path]:
        out = {}
        for f in (self.path / table).iterdir():
            m = _PART.match(f.name)
            if m:
                out[int(m.group(1))] = f
        return out

    def _write_encoded(self, item: Encoded) -> None:
        self._buffer.append(item.data)
        self._buffer_bytes += approx_bytes(item.data)
        self.count += 1
        if len(self._buffer) >= self.articles_per_part or self._buffer_bytes >= self.max_buffer_bytes:
            self.flush()

    def flush(self) -> None:
        """Write the buffered articles as the next part of each table (atomically)."""
        if not self._buffer:
            return
        import pyarrow.parquet as pq

        n = self._next
        tables = {
            "facts": _table([r for item in self._buffer for r in item[1]], "facts"),
            "places": _table([r for item in self._buffer for r in item[2]], "places"),
            "observations": _table([r for item in self._buffer for r in item[3]], "observations"),
            "articles": _table([item[0] for item in self._buffer], "articles"),
        }
        name = f"part-{n:05d}.parquet"
        for t in ("facts", "places", "observations", "articles"):  # articles last: it commits the part
            final = self.path / t / name
            tmp = final.with_name(name + ".tmp")
            pq.write_table(tables[t], tmp, compression=self.compression)
            with open(tmp, "rb") as fh:
                _fsync(fh.fileno())
            os.replace(tmp, final)
            _fsync_dir(final.parent)
        self._next += 1
        self._buffer.clear()
        self._buffer_bytes = 0

    def close(self) -> None:
        self.flush()
        super().close()


def read_parquet_tables(path: Union[str, os.PathLike]) -> dict[str, Any]:
    """``{"articles": Table, "facts": Table, "places": Table, "observations": Table}`` of
    a Parquet output directory, parts concatenated in part order (a table directory that
    is absent -- ``observations`` in an output of version 0.x -- reads as empty)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = Path(path)
    out = {}
    for t in TABLES:
        folder = root / t
        parts = sorted((int(m.group(1)), f) for f in folder.iterdir() if (m := _PART.match(f.name))) if folder.is_dir() else []
        tables = [pq.read_table(f, schema=schema(t)) for _, f in parts]
        out[t] = pa.concat_tables(tables) if tables else schema(t).empty_table()
    return out


# --------------------------------------------------------------------------- CSV of facts
CSV_COLUMNS = ("article_id", "fact_index", "type", "text", "start", "end", "sentence", "rule", "places",
               "value", "date_value", "rate") + tuple(c for c in _FACT_EXTRA)
#: Columns of the observations CSV: those of the ``observations`` Parquet table.
OBSERVATION_CSV_COLUMNS = tuple(name for name, _ in OBSERVATION_FIELDS)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (list, tuple)):
        return " ".join(map(str, value))
    return str(value)


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def _csv_encoded(article: Article) -> tuple[bytes, bytes]:
    """An article's rows for the CSV writer: (facts CSV bytes, observations CSV bytes)."""
    facts = [[_csv_cell(r.get(c)) for c in CSV_COLUMNS] for r in fact_rows(article)]
    observations = [[_csv_cell(r.get(c)) for c in OBSERVATION_CSV_COLUMNS] for r in observation_rows(article)]
    return (_csv_bytes(facts) if facts else b"", _csv_bytes(observations) if observations else b"")


def observations_csv_path(path: Union[str, os.PathLike]) -> Path:
    """Where the CSV writer puts the observations of the facts CSV ``path``:
    ``OUT.observations.csv`` beside ``OUT.csv`` (``NAME.observations.csv`` for another suffix)."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return path.with_name(path.name[: -len(path.suffix)] + ".observations.csv")
    return path.with_name(path.name + ".observations.csv")


def _csv_runs(data: bytes, spans: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """(article id, end byte) of each run of consecutive rows of one article."""
    runs: list[tuple[str, int]] = []
    for s, e in spans:
        article_id = next(csv.reader(io.StringIO(data[s:e].decode("utf-8"))))[0]
        if runs and runs[-1][0] == article_id:
            runs[-1] = (article_id, e)
        else:
            runs.append((article_id, e))
    return runs


def _csv_records(data: bytes) -> list[tuple[int, int]]:
    """(start, end) byte spans of the complete CSV records in ``data`` (RFC 4180 quoting:
    a newline ends a record when the quotes before it are balanced)."""
    spans, start, quotes, pos = [], 0, 0, 0
    while True:
        nl = data.find(b"\n", pos)
        if nl < 0:
            return spans
        quotes += data.count(b'"', pos, nl)
        if quotes % 2 == 0:
            spans.append((start, nl + 1))
            start, quotes = nl + 1, 0
        pos = nl + 1


class CsvFactsWriter(_Writer):
    """The facts of every article as CSV (UTF-8, header row, ``CSV_COLUMNS``), and their
    observations in a second CSV beside it (:func:`observations_csv_path`,
    ``OBSERVATION_CSV_COLUMNS``: the ``observations`` Parquet table). Values are exact
    decimal strings; ``places`` holds the codes separated by spaces; booleans
    ``true``/``false``; empty cells are nulls. One article's rows are one write per file:
    its observations first, then its facts -- the facts file commits the article.

    Resume drops the rows of the last article in the facts file (it may have been cut
    short) and anything after the last complete record, then skips the ids before it;
    the observations file keeps exactly the rows of the articles the facts file kept.
    Articles without facts leave no row, so a resumed run parses them again (same output).
    """

    def __init__(self, path: Union[str, os.PathLike], *, resume: bool = False, fsync_interval: float = 1.0) -> None:
        self.path = Path(path)
        self.observations_path = observations_csv_path(self.path)
        self.encoder = Encoder("csv")
        self.done = Counter()
        self.count = 0
        fresh = not (resume and self.path.exists() and self.path.stat().st_size > 0)
        kept_runs: list[str] = []
        if not fresh:
            kept_runs = self._prepare_resume()
        obs_fresh = fresh or not self.observations_path.exists()
        if not obs_fresh:
            self._prepare_resume_observations(kept_runs)
        self._obs = _AppendFile(self.observations_path, fresh=obs_fresh, fsync_interval=fsync_interval)
        if obs_fresh or self.observations_path.stat().st_size == 0:
            self._obs.write(_csv_bytes([list(OBSERVATION_CSV_COLUMNS)]))
        self._out = _AppendFile(self.path, fresh=fresh, fsync_interval=fsync_interval)
        if fresh or self.path.stat().st_size == 0:
            self._out.write(_csv_bytes([list(CSV_COLUMNS)]))
        self.errors = ErrorLog(_sidecar(self.path), resume=resume)
        self.done.update(self.errors.done)

    def _prepare_resume(self) -> list[str]:
        """Cut the facts file after its last whole article but one; return the ids of the
        runs of rows it keeps, in order."""
        data = self.path.read_bytes()
        spans = _csv_records(data)
        if not spans:
            self.path.write_bytes(b"")
            return []
        header, rows = spans[0], spans[1:]
        runs = _csv_runs(data, rows)
        # the last article may be incomplete: drop all its rows
        runs = runs[:-1]
        keep = runs[-1][1] if runs else header[1]
        if keep < len(data):
            log.warning("resume: cutting %d bytes (the last article's rows) from %s", len(data) - keep, self.path)
            with open(self.path, "rb+") as fh:
                fh.truncate(keep)
                _fsync(fh.fileno())
        # consecutive rows of one article count once
        self.done.update(article_id for article_id, _ in runs)
        return [article_id for article_id, _ in runs]

    def _prepare_resume_observations(self, kept_runs: list[str]) -> None:
        """Cut the observations file after the rows of the last article the facts file
        kept. Its runs of rows follow the facts file's runs in order (an article with
        observations has facts; it is written first), so they are matched in order."""
        path = self.observations_path
        data = path.read_bytes()
        spans = _csv_records(data)
        if not spans:
            path.write_bytes(b"")
            return
        keep, k = spans[0][1], 0
        for article_id, end in _csv_runs(data, spans[1:]):
            while k < len(kept_runs) and kept_runs[k] != article_id:
                k += 1
            if k == len(kept_runs):
                break
            keep, k = end, k + 1
        if keep < len(data):
            log.warning("resume: cutting %d bytes of observations of unfinished articles from %s", len(data) - keep, path)
            with open(path, "rb+") as fh:
                fh.truncate(keep)
                _fsync(fh.fileno())

    def _write_encoded(self, item: Encoded) -> None:
        facts, observations = item.data
        if observations:
            self._obs.write(observations)
        if facts:
            self._out.write(facts)
        self.count += 1

    def close(self) -> None:
        self._obs.close()
        self._out.close()
        super().close()


# --------------------------------------------------------------------------- factory
def open_writer(format: str, path: Union[str, os.PathLike], *, resume: bool = False, tokens: bool = True,
                **options: Any) -> _Writer:
    """A writer for ``format`` (``jsonl``, ``parquet`` or ``csv``) at ``path``."""
    if format == "jsonl":
        return JsonlWriter(path, tokens=tokens, resume=resume, **options)
    if format == "parquet":
        return ParquetWriter(path, resume=resume, **options)
    if format == "csv":
        return CsvFactsWriter(path, resume=resume, **options)
    raise ValueError(f"unknown output format {format!r}; choose one of jsonl, parquet, csv")


__all__ = [
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "COORD_PRECISION",
    "COORD_SCALE",
    "PUBLISHED_TZ",
    "CSV_COLUMNS",
    "OBSERVATION_CSV_COLUMNS",
    "OBSERVATION_FIELDS",
    "TABLES",
    "result_key",
    "article_json",
    "article_row",
    "fact_rows",
    "place_rows",
    "observation_rows",
    "observation_rows_of",
    "observations_csv_path",
    "schema",
    "articles_table",
    "facts_table",
    "places_table",
    "observations_table",
    "Encoded",
    "Encoder",
    "ErrorLog",
    "JsonlWriter",
    "ParquetWriter",
    "CsvFactsWriter",
    "read_jsonl_articles",
    "read_parquet_tables",
    "open_writer",
]
