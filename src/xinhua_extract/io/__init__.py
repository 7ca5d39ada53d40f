"""Reading news archives and writing datasets.

Readers (:mod:`xinhua_extract.io.readers`) turn paths -- ``.txt``, ``.html``, ``.jsonl``,
``.warc``/``.warc.gz`` files, directories, globs, ``-`` for stdin -- into a lazy stream of
:class:`SourceDoc` (or :class:`ArticleError` where a source cannot be read). Writers
(:mod:`xinhua_extract.io.writers`) write Articles as JSON Lines, as four Parquet tables
(articles, facts, places, observations) or as CSV (facts, and observations beside them), append-safely, so an interrupted run can
be resumed. See ``docs/batch.md``.
"""

from __future__ import annotations

from .readers import (
    SUPPORTED_SUFFIXES,
    ArticleError,
    SourceDoc,
    html_to_text,
    iter_sources,
    read_directory,
    read_file,
    read_html,
    read_jsonl,
    read_path,
    read_stdin,
    read_txt,
    read_warc,
)
from .writers import (
    CsvFactsWriter,
    Encoded,
    Encoder,
    JsonlWriter,
    ParquetWriter,
    article_json,
    article_row,
    articles_table,
    fact_rows,
    facts_table,
    observation_rows,
    observations_table,
    open_writer,
    place_rows,
    places_table,
    read_jsonl_articles,
    read_parquet_tables,
    result_key,
    schema,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ArticleError",
    "SourceDoc",
    "html_to_text",
    "iter_sources",
    "read_directory",
    "read_file",
    "read_html",
    "read_jsonl",
    "read_path",
    "read_stdin",
    "read_txt",
    "read_warc",
    "CsvFactsWriter",
    "Encoded",
    "Encoder",
    "JsonlWriter",
    "ParquetWriter",
    "article_json",
    "article_row",
    "articles_table",
    "fact_rows",
    "facts_table",
    "observation_rows",
    "observations_table",
    "open_writer",
    "place_rows",
    "places_table",
    "read_jsonl_articles",
    "read_parquet_tables",
    "result_key",
    "schema",
]
