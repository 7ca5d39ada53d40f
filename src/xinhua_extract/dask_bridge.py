"""Dask integration: the same per-article function on a cluster.

>>> from distributed import Client                          # doctest: +SKIP
>>> from xinhua_extract.dask_bridge import to_bag, parse_bag, to_dataframes
>>> client = Client(n_workers=4, threads_per_worker=1)      # doctest: +SKIP
>>> docs = to_bag(["archive/2023/", "crawl.warc.gz"])       # doctest: +SKIP
>>> results = parse_bag(docs)          # a Bag of Article | ArticleError, input order
>>> frames = to_dataframes(results)    # {"articles", "facts", "places", "observations"}: dask DataFrames
>>> frames["facts"].groupby("type").size().compute()        # doctest: +SKIP

* :func:`to_bag` expands the sources *on the client* into units -- one unit per file
  (after walking directories and globs) or per :class:`SourceDoc` -- and makes a Bag
  whose partitions read their units *on the workers* with the ordinary readers. A
  large single archive is one unit: split big WARC/JSONL files to spread them.
* :func:`parse_bag` maps :func:`xinhua_extract.batch.process_doc` -- the function the
  local :func:`~xinhua_extract.parse_articles` uses -- over the Bag, so the Dask path
  gives the same records, in the same order (``bag.compute()`` keeps partition order).
* :func:`to_dataframes` turns parsed partitions into pandas frames through the Arrow
  tables of the Parquet writer (same columns and Arrow types, as ``pd.ArrowDtype``
  columns: ``decimal128(38, 10)`` values come out as exact ``Decimal``), one frame per
  partition, joinable on ``article_id``.

Workers load Kiwi, the gazetteer and jieba once per worker *process*, lazily on their
first article (module globals), so use process workers with one thread each
(``LocalCluster(processes=True, threads_per_worker=1)``): our stages hold the GIL.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Optional

from .batch import ParseOptions, Result, process_doc
from .io.readers import ArticleError, SourceDoc, _is_glob, iter_sources

__all__ = ["expand_sources", "to_bag", "parse_bag", "parse_to_bag", "to_dataframes", "frames_meta", "arrow_frame"]


def expand_sources(sources: Any) -> list:
    """The units of ``sources``: paths of single files (directories walked, globs matched,
    in the order the local reader uses), :class:`SourceDoc` objects, and an
    :class:`ArticleError` for a path that does not exist or a glob that matches nothing."""
    from .io.readers import SUPPORTED_SUFFIXES, _suffix, read_path

    if isinstance(sources, (str, bytes, os.PathLike, SourceDoc)):
        sources = [sources]
    units: list = []
    for src in sources:
        if isinstance(src, (SourceDoc, ArticleError)):
            units.append(src)
            continue
        s = os.fspath(src)
        if s == "-":
            raise ValueError("stdin (-) cannot be read by Dask workers; save it to a file first")
        p = Path(s)
        if p.is_dir():
            files = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                files.extend(Path(dirpath) / n for n in filenames
                             if not n.startswith(".") and _suffix(Path(n)) in SUPPORTED_SUFFIXES)
            units.extend(str(f) for f in sorted(files, key=lambda q: q.relative_to(p).as_posix()))
        elif p.is_file():
            units.append(str(p))
        else:  # a glob, or missing: let the reader decide (it yields the same errors)
            if _is_glob(s):
                import glob as _glob

                matches = sorted(m for m in _glob.glob(s, recursive=True) if os.path.isfile(m))
                if matches:
                    units.extend(matches)
                    continue
            units.extend(read_path(s))
    return units


def _read_units(units: Iterable, reader_options: dict) -> list:
    out: list = []
    for unit in units:
        if isinstance(unit, (SourceDoc, ArticleError)):
            out.append(unit)
        else:
            out.extend(iter_sources([unit], **reader_options))
    return out


def to_bag(
    sources: Any,
    *,
    npartitions: Optional[int] = None,
    partition_size: Optional[int] = None,
    text_field: str = "text",
    id_field: Optional[str] = "id",
    published_field: Optional[str] = "published",
):
    """A ``dask.bag.Bag`` of :class:`SourceDoc` (and reader :class:`ArticleError`) records.

    ``npartitions`` / ``partition_size`` split the *units* (files, SourceDocs); by default
    one partition per unit up to 100 partitions.
    """
    import dask.bag as db

    units = expand_sources(sources)
    if not units:
        return db.from_sequence([], npartitions=1)
    if partition_size is None and npartitions is None:
        npartitions = min(len(units), 100)
    bag = db.from_sequence(units, npartitions=npartitions, partition_size=partition_size)
    reader_options = dict(text_field=text_field, id_field=id_field, published_field=published_field)
    return bag.map_partitions(_read_units, reader_options)


def _parse_partition(items: Iterable, options: ParseOptions) -> list[Result]:
    return [process_doc(item, options) for item in items]


def parse_bag(
    bag,
    *,
    published: Any = None,
    reference_date: Any = None,
    max_chars: Optional[int] = None,
    tokens: bool = True,
):
    """Parse a Bag of :class:`SourceDoc` into a Bag of Article | :class:`ArticleError`,
    with :func:`xinhua_extract.batch.process_doc` (the local path's function)."""
    from .source_text import DEFAULT_MAX_CHARS

    options = ParseOptions(published=published, reference_date=reference_date,
                           max_chars=DEFAULT_MAX_CHARS if max_chars is None else max_chars, tokens=tokens)
    return bag.map_partitions(_parse_partition, options)


def parse_to_bag(sources: Any, *, npartitions: Optional[int] = None, **options: Any):
    """``parse_bag(to_bag(sources))`` in one call; reader options go to :func:`to_bag`."""
    reader_keys = {"text_field", "id_field", "published_field", "partition_size"}
    reader = {k: options.pop(k) for k in list(options) if k in reader_keys}
    return parse_bag(to_bag(sources, npartitions=npartitions, **reader), **options)


# --------------------------------------------------------------------------- dataframes
def arrow_frame(table) -> Any:
    """A pandas frame of an Arrow table with ``pd.ArrowDtype`` columns: exact decimals,
    nullable booleans and integers, lists and zoned timestamps keep their Arrow type, so
    every partition has the same dtypes whatever nulls it holds (numpy dtypes would turn
    an int column with a null into float, and Dask would stringify object columns)."""
    import pandas as pd

    return table.to_pandas(types_mapper=pd.ArrowDtype)


def _frame(items: Iterable, table: str):
    from .io import writers

    articles = [i for i in items if not isinstance(i, ArticleError)]
    build = {"articles": writers.articles_table, "facts": writers.facts_table, "places": writers.places_table,
             "observations": writers.observations_table}[table]
    return arrow_frame(build(articles))


def frames_meta(table: str):
    """An empty pandas frame with the columns and dtypes of ``table`` (Dask ``meta``)."""
    from .io import writers

    return arrow_frame(writers.schema(table).empty_table())


def to_dataframes(parsed_bag, tables: Iterable[str] = ("articles", "facts", "places", "observations")) -> dict[str, Any]:
    """``{"articles": ddf, "facts": ddf, "places": ddf, "observations": ddf}``: dask DataFrames of a parsed Bag
    (error records are left out; get them with ``bag.filter``), columns as in the
    Parquet tables (``docs/batch.md``), joinable on ``article_id``."""
    import dask
    import dask.dataframe as dd

    parts = parsed_bag.to_delayed()
    out = {}
    for table in tables:
        frames = [dask.delayed(_frame)(part, table) for part in parts]
        out[table] = dd.from_delayed(frames, meta=frames_meta(table), verify_meta=False)
    return out
