"""One measure's values across a parsed archive (what ``xinhua-extract series`` prints).

A batch output (a Parquet directory, a JSONL, CSV or spaCy file written by ``parse``)
holds one :class:`~xinhua_extract.records.Observation` per money, percentage and count
figure. :func:`series` reads the observations whose measure matches a query, optionally
only those of a place (and the divisions inside it) and of a role, and returns them as
:class:`SeriesPoint` records sorted by period.

How a measure matches (``match``):

``head`` (the default)
    the query ends the measure. Korean noun phrases end on their head noun, so ``매출``
    finds ``리튬전지 산업 매출`` and ``연 매출``, ``리튬전지 산업 매출`` finds only that
    phrase, and ``기업`` finds ``첨단기술 기업`` and ``외자기업`` -- every measure whose head
    is the query.
``contains``
    the query occurs anywhere in the measure (``리튬전지`` finds ``리튬전지 산업 매출``
    and ``규모 이상 리튬전지 기업``).
``exact``
    the whole measure is the query.

In every mode spaces are ignored (Korean spacing of compounds varies: ``리튬전지산업``
and ``리튬전지 산업``) and Latin letters compare case-insensitively (``GDP``, ``gdp``).

A place filter keeps the observations of which one of the places is the place asked
for or lies inside it (``370000`` 산둥성 also keeps ``370400`` 짜오좡시), unless
``descendants=False``. ``CN`` stands for China as a whole: it keeps the national
observations (``["CN"]``) and, with descendants, every observation in a Chinese division.

Periods sort by when they start, then by when they end (``2020-Q1`` before ``2020``
before ``2020-Q2``); observations without a period come last. Ties keep the order of
publication, then of the archive.
"""

from __future__ import annotations

import calendar
import csv
import gzip
import json
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, Union

from .errors import ArgumentError, SourceError

ROLES = ("level", "change", "share", "target", "threshold")
MATCH_MODES = ("head", "contains", "exact")


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One value of a series: the observation, its figure and the article it comes from."""

    article_id: Optional[str]
    title: Optional[str]
    published: Optional[datetime]
    observation_index: int
    fact_index: int
    fact_text: Optional[str]
    value: Optional[Decimal]
    unit: Optional[str]
    role: str
    measure: Optional[str]
    places: tuple[str, ...]
    period: Optional[str]
    direction: Optional[str] = None
    basis: Optional[str] = None
    approx: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "observation_index": self.observation_index,
            "fact_index": self.fact_index,
            "fact_text": self.fact_text,
            "value": format(self.value, "f") if self.value is not None else None,
            "unit": self.unit,
            "role": self.role,
            "measure": self.measure,
            "places": list(self.places),
            "period": self.period,
            "direction": self.direction,
            "basis": self.basis,
            "approx": self.approx,
        }


# --------------------------------------------------------------------------- matching
def normalise_measure(text: str) -> str:
    """A measure as compared: without spaces, case-folded."""
    return "".join(text.split()).casefold()


def measure_matcher(query: str, mode: str = "head") -> Callable[[Optional[str]], bool]:
    """A predicate on measure texts (see the module docstring for the modes)."""
    if mode not in MATCH_MODES:
        raise ArgumentError(f"match must be one of {', '.join(MATCH_MODES)}, not {mode!r}")
    q = normalise_measure(query or "")
    if not q:
        raise ArgumentError("give the measure to look for (a noun such as 매출, GDP, 기업)")

    def matches(measure: Optional[str]) -> bool:
        if not measure:
            return False
        m = normalise_measure(measure)
        if mode == "head":
            return m.endswith(q)
        if mode == "contains":
            return q in m
        return m == q

    return matches


_CODE = re.compile(r"^\d{6}$")


def resolve_place(place: str, gazetteer=None) -> str:
    """A place argument as a code: a 6-digit GB/T 2260 code or ``CN`` as given, else a
    division name in hangul (``산둥성``, ``짜오좡``) or Chinese (``枣庄``) looked up in the
    gazetteer, which must name exactly one division."""
    place = (place or "").strip()
    if not place:
        raise ArgumentError("give a place: a 6-digit division code, CN, or a division name")
    if place.upper() == "CN":
        return "CN"
    if _CODE.match(place):
        return place
    if gazetteer is None:
        from .places.gazetteer import get_gazetteer

        gazetteer = get_gazetteer()
    if re.search(r"[\uac00-\ud7a3]", place):
        found = gazetteer.lookup_hangul(place)
    else:
        found = gazetteer.lookup_zh(place)
    codes = list(dict.fromkeys(d.code for d in found))
    if not codes:
        raise ArgumentError(f"no division named {place!r} in the gazetteer; give its 6-digit code")
    if len(codes) > 1:
        names = ", ".join(f"{d.code} {d.name_zh}" for d in found[:8])
        raise ArgumentError(f"{place!r} names {len(codes)} divisions ({names}); give the code of the one you mean")
    return codes[0]


def _within(code: str, ancestor: str, gazetteer) -> bool:
    """``code`` is ``ancestor`` or inside it: by the gazetteer's hierarchy, or for a code
    the gazetteer does not hold, by the GB/T 2260 structure (PPCCXX: province PP0000,
    prefecture PPCC00)."""
    if code == ancestor:
        return True
    if gazetteer is not None and gazetteer.by_code(code) is not None and gazetteer.by_code(ancestor) is not None:
        return gazetteer.is_within(code, ancestor)
    if not (_CODE.match(code) and _CODE.match(ancestor)):
        return False
    if ancestor.endswith("0000"):
        return code[:2] == ancestor[:2]
    if ancestor.endswith("00"):
        return code[:4] == ancestor[:4]
    return False


def place_matcher(place: str, *, descendants: bool = True, gazetteer=None) -> Callable[[Iterable[str]], bool]:
    """A predicate on an observation's places: one of them is ``place`` or, with
    ``descendants``, inside it (``CN`` holds every Chinese division)."""
    code = resolve_place(place, gazetteer)
    if gazetteer is None and code != "CN" and descendants:
        from .places.gazetteer import get_gazetteer

        gazetteer = get_gazetteer()

    def matches(places: Iterable[str]) -> bool:
        for p in places:
            if p == code:
                return True
            if not descendants:
                continue
            if code == "CN" and _CODE.match(p):
                return True
            if code != "CN" and _within(p, code, gazetteer):
                return True
        return False

    return matches


# --------------------------------------------------------------------------- periods
_PERIOD = re.compile(r"^(\d{4})(?:-(?:(H)([12])|(Q)([1-4])|(\d{2})(?:-(\d{2}))?))?$")


def _bounds(value: str) -> Optional[tuple[date, date]]:
    m = _PERIOD.match(value)
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(2):
            half = int(m.group(3))
            return date(year, 6 * half - 5, 1), date(year, 6 * half, 30 if half == 1 else 31)
        if m.group(4):
            q = int(m.group(5))
            last = 3 * q
            return date(year, last - 2, 1), date(year, last, calendar.monthrange(year, last)[1])
        if m.group(6):
            month = int(m.group(6))
            if m.group(7):
                day = date(year, month, int(m.group(7)))
                return day, day
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None
    return date(year, 1, 1), date(year, 12, 31)


def period_bounds(period: Optional[str]) -> Optional[tuple[date, date]]:
    """First and last day of an ISO period (``2020``, ``2021-H1``, ``2017-Q3``,
    ``2015-12``, ``2015-12-03``, an interval ``A/B``), or ``None``."""
    if not period:
        return None
    if "/" in period:
        a, _, b = period.partition("/")
        first, last = _bounds(a), _bounds(b)
        if first is None or last is None:
            return None
        return first[0], last[1]
    return _bounds(period)


def period_key(period: Optional[str]) -> tuple:
    """Sort key: by start, then end; unreadable periods after readable ones, nulls last."""
    bounds = period_bounds(period)
    if bounds is not None:
        return (0, bounds[0], bounds[1], "")
    return (1 if period else 2, date.min, date.min, period or "")


# --------------------------------------------------------------------------- reading outputs
def output_format(path: Union[str, os.PathLike]) -> str:
    """``parquet``, ``jsonl``, ``csv`` or ``spacy``: what ``parse`` wrote at ``path``."""
    p = Path(path)
    if not p.exists():
        raise SourceError(f"{p} does not exist; give the output of `xinhua-extract parse` (a Parquet directory, "
                          "a .jsonl, .csv or .spacy file)")
    if p.is_dir():
        if not (p / "articles").is_dir():
            raise SourceError(f"{p} is a directory but not a Parquet output of `xinhua-extract parse` (no articles/)")
        return "parquet"
    name = p.name.lower()
    if name.endswith(".csv"):
        return "csv"
    if name.endswith(".spacy"):
        return "spacy"
    with open(p, "rb") as fh:
        head = fh.read(2)
    if name.endswith(".jsonl") or name.endswith(".jsonl.gz") or head[:1] == b"{" or head == b"\x1f\x8b":
        return "jsonl"
    raise SourceError(f"{p} is not an output of `xinhua-extract parse` (a Parquet directory, a .jsonl, .csv "
                      "or .spacy file)")


def _parquet_rows(root: Path, matches: Callable[[Optional[str]], bool], role: Optional[str]) -> Iterator[dict[str, Any]]:
    """Rows of the ``observations`` dataset, part by part, filtered in Arrow before they
    become Python objects."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from .io.writers import _PART, schema

    folder = root / "observations"
    if not folder.is_dir():
        raise SourceError(f"{root} has no observations table (written by a version without observations); "
                          "run `xinhua-extract parse` again to add it")
    parts = sorted((int(m.group(1)), f) for f in folder.iterdir() if (m := _PART.match(f.name)))
    for _, f in parts:
        table = pq.read_table(f, schema=schema("observations"))
        if role is not None:
            table = table.filter(pc.equal(table["role"], role))
        # rows of one observation are consecutive: filter whole observations on their measure
        measures = table.column("measure").to_pylist()
        keep = [matches(m) for m in measures]
        if not any(keep):
            continue
        yield from table.filter(keep).to_pylist()


def _jsonl_lines(path: Path) -> Iterator[bytes]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        yield from fh


def _jsonl_rows(path: Path, matches: Callable[[Optional[str]], bool], role: Optional[str]) -> Iterator[dict[str, Any]]:
    from .records import SCHEMA_VERSION

    major = SCHEMA_VERSION.split(".")[0]
    for number, line in enumerate(_jsonl_lines(path), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError as exc:
            raise SourceError(f"{path}:{number} is not JSON ({exc})") from None
        if not isinstance(data, dict) or "text" not in data:
            raise SourceError(f"{path}:{number} is not an article of `xinhua-extract parse` output")
        version = data.get("schema_version")
        if version is not None and str(version).split(".")[0] != major:
            raise SourceError(f"{path}:{number} has schema_version {version!r}, which this version (reads "
                              f"{SCHEMA_VERSION}) cannot read; run `xinhua-extract parse` again")
        try:
            yield from _record_rows(data, data.get("sentences") or (), matches, role)
        except (KeyError, TypeError, ValueError) as exc:
            raise SourceError(f"{path}:{number}: {exc}") from None


def _record_rows(data: dict[str, Any], sentences: Sequence[Any], matches: Callable[[Optional[str]], bool],
                 role: Optional[str]) -> Iterator[dict[str, Any]]:
    """The rows of the matching observations of one article given as JSON-shaped data
    (``id``, ``title``, ``published``, ``facts``, ``observations``), decoding only the
    records those observations need: an archive's articles are mostly other measures."""
    from .io.writers import _published, observation_rows_of
    from .records import Observation, Sentence, _decode_fact

    published = None
    facts = data.get("facts") or ()
    for index, raw in enumerate(data.get("observations") or ()):
        if not matches((raw.get("measure") or {}).get("text")) or (role is not None and raw.get("role") != role):
            continue
        obs = Observation.from_dict(raw)
        fact = _decode_fact(facts[obs.fact], "fact") if 0 <= obs.fact < len(facts) else None
        n = getattr(fact, "sentence", None)
        sent = Sentence.from_dict(sentences[n]) if n is not None and 0 <= n < len(sentences) else None
        if published is None and data.get("published"):
            published = _published(datetime.fromisoformat(data["published"]))
        yield from observation_rows_of(data.get("id"), published, data.get("title"), index, obs, fact, sent)


def _csv_value(kind: str, cell: str) -> Any:
    if cell == "":
        return None
    if kind == "int":
        return int(cell)
    if kind == "dec":
        return Decimal(cell)
    if kind == "bool":
        return cell == "true"
    if kind == "time":
        return datetime.fromisoformat(cell)
    return cell


def _csv_rows(path: Path, matches: Callable[[Optional[str]], bool], role: Optional[str]) -> Iterator[dict[str, Any]]:
    from .io.writers import OBSERVATION_FIELDS, observations_csv_path

    obs_path = path if path.name.lower().endswith(".observations.csv") else observations_csv_path(path)
    if not obs_path.exists():
        raise SourceError(f"{path} has no observations file beside it ({obs_path.name}; written by a version "
                          "without observations); run `xinhua-extract parse` again to add it")
    kinds = dict(OBSERVATION_FIELDS)
    with open(obs_path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("article_id", "measure", "role", "place", "place_order") if c not in (reader.fieldnames or ())]
        if missing:
            raise SourceError(f"{obs_path} is not an observations CSV (no column {', '.join(missing)})")
        for raw in reader:
            if not matches(raw.get("measure")) or (role is not None and raw.get("role") != role):
                continue
            try:
                yield {k: _csv_value(kinds.get(k, "str"), v or "") for k, v in raw.items()}
            except (ValueError, InvalidOperation) as exc:
                raise SourceError(f"{obs_path}:{reader.line_num}: unreadable cell ({exc})") from None


def _spacy_rows(path: Path, matches: Callable[[Optional[str]], bool], role: Optional[str]) -> Iterator[dict[str, Any]]:
    """Rows from a DocBin of ``--format spacy``: each Doc's user data holds the article's
    metadata, its fact records and its observation records (``docs/spacy.md``); the
    sentence offsets are not kept there, so those columns are null."""
    try:
        from .spacy_bridge import USER_DATA_KEY, _lists, read_docbin
    except ImportError as exc:
        raise SourceError(f"{path} is a spaCy DocBin and reading it needs spaCy ({exc})") from None
    try:
        docs = read_docbin(path)
    except Exception as exc:  # a damaged or foreign file: spaCy/msgpack raise many kinds
        raise SourceError(f"{path} is not a readable spaCy DocBin ({type(exc).__name__}: {exc})") from None
    for doc in docs:
        meta = _lists(doc.user_data.get(USER_DATA_KEY) or {})
        facts = sorted((r for r in meta.get("spans", ()) if r.get("source") == "fact"), key=lambda r: r["index"])
        yield from _record_rows({**meta, "facts": facts}, (), matches, role)


def read_observation_rows(
    path: Union[str, os.PathLike], *, measure: str, match: str = "head", role: Optional[str] = None
) -> Iterator[dict[str, Any]]:
    """The ``observations`` table rows (``docs/batch.md``) of a batch output whose
    measure matches, whatever format ``parse`` wrote."""
    matches = measure_matcher(measure, match)
    if role is not None and role not in ROLES:
        raise ArgumentError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    fmt = output_format(path)
    reader = {"parquet": _parquet_rows, "jsonl": _jsonl_rows, "csv": _csv_rows, "spacy": _spacy_rows}[fmt]
    return reader(Path(path), matches, role)


def _points(rows: Iterable[dict[str, Any]]) -> Iterator[SeriesPoint]:
    """Rows (one per observation and place, consecutive) grouped back into points."""
    current: Optional[dict[str, Any]] = None
    places: list[str] = []

    def point(row: dict[str, Any]) -> SeriesPoint:
        unit = row.get("currency") or row.get("unit") or row.get("counter")
        value = row.get("value")
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = value.quantize(Decimal(1))  # Parquet's fixed scale: 3000.0000000000 -> 3000
        elif isinstance(value, Decimal):
            value = value.normalize()
        return SeriesPoint(
            article_id=row.get("article_id"), title=row.get("title"), published=row.get("published"),
            observation_index=row.get("observation_index"), fact_index=row.get("fact_index"),
            fact_text=row.get("fact_text"), value=value, unit=unit, role=row.get("role"),
            measure=row.get("measure"), places=tuple(places), period=row.get("period"),
            direction=row.get("direction"), basis=row.get("basis"), approx=bool(row.get("approx")),
        )

    for row in rows:
        if current is not None and (row.get("place_order") or 0) == 0:
            yield point(current)
            current, places = None, []
        if current is None:
            current = row
        if row.get("place") is not None:
            places.append(row["place"])
    if current is not None:
        yield point(current)


def series(
    path: Union[str, os.PathLike],
    measure: str,
    *,
    place: Optional[str] = None,
    role: Optional[str] = None,
    match: str = "head",
    descendants: bool = True,
    gazetteer=None,
) -> list[SeriesPoint]:
    """The values of ``measure`` in the batch output ``path``, sorted by period (see the
    module docstring for matching and the place filter)."""
    keep_place = place_matcher(place, descendants=descendants, gazetteer=gazetteer) if place else None
    points = [p for p in _points(read_observation_rows(path, measure=measure, match=match, role=role))
              if keep_place is None or keep_place(p.places)]
    def published(p: SeriesPoint) -> float:
        return p.published.timestamp() if p.published is not None else float("inf")

    # sorted() is stable: equal keys keep the archive's order
    return sorted(points, key=lambda p: (period_key(p.period), published(p)))


__all__ = [
    "ROLES",
    "MATCH_MODES",
    "SeriesPoint",
    "normalise_measure",
    "measure_matcher",
    "resolve_place",
    "place_matcher",
    "period_bounds",
    "period_key",
    "output_format",
    "read_observation_rows",
    "series",
]
