"""parse_articles: input order, determinism across workers, errors in the stream."""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter

import pytest

from xinhua_extract import Article, parse_articles
from xinhua_extract.batch import process_doc
from xinhua_extract.io.readers import ArticleError, SourceDoc
from xinhua_extract.io.writers import article_json

from batch_helpers import ARTICLES, HTML


def test_local_parse_is_in_input_order(parsed_local, session_corpus):
    assert [a.id for a in parsed_local] == sorted(p.stem for p in session_corpus.glob("*.txt"))
    assert all(isinstance(a, Article) for a in parsed_local)
    assert sum(len(a.facts) for a in parsed_local) > 0


@pytest.mark.slow
def test_one_and_two_workers_give_the_same_bytes(parsed_local, session_corpus):
    two = list(parse_articles(session_corpus, workers=2, chunksize=1))
    assert [article_json(a) for a in two] == [article_json(a) for a in parsed_local]


@pytest.mark.slow
def test_a_corrupt_file_yields_exactly_one_error_and_the_rest(tmp_path, session_corpus):
    d = tmp_path / "in"
    shutil.copytree(session_corpus, d)
    names = sorted(p.name for p in d.glob("*.txt"))
    (d / "0035_corrupt.txt").write_bytes(os.urandom(4096))  # sorts in the middle
    (d / "zz_empty.txt").write_bytes(b"   \n")
    results = list(parse_articles(d, workers=2, chunksize=2))
    errors = [r for r in results if isinstance(r, ArticleError)]
    assert [(e.id, e.code) for e in errors] == [("0035_corrupt", errors[0].code), ("zz_empty", "E002")]
    assert errors[0].code in ("E003", "E004")  # not UTF-8/CP949, or binary
    assert errors[0].source.endswith("0035_corrupt.txt")
    articles = [r.id for r in results if isinstance(r, Article)]
    assert articles == [n[:-4] for n in names]
    assert [r.id for r in results] == sorted(articles + ["0035_corrupt", "zz_empty"])


def test_sourcedocs_html_and_published(parsed_local):
    page = (HTML / "001_jiangsu_q1_economy.html").read_bytes()
    text = (ARTICLES / "001_jiangsu_q1_economy.txt").read_text(encoding="utf-8")
    bare = "\n".join(text.splitlines()[6:10])  # body only: no 출처 line
    docs = [
        SourceDoc(page, id="html", format="html"),
        SourceDoc(text.encode("cp949", errors="strict") if _cp949_ok(text) else text.encode(), id="cp949"),
        SourceDoc(bare, id="bare", published="2023-04-26"),
        SourceDoc(bare, id="bad-date", published="yesterday"),
    ]
    html_a, cp_a, bare_a, bad = list(parse_articles(docs, workers=1))
    txt_a = next(a for a in parsed_local if a.id == "001_jiangsu_q1_economy") if any(
        a.id == "001_jiangsu_q1_economy" for a in parsed_local) else process_doc(SourceDoc(text, id="t"))
    key = lambda a: [(f.type, f.text, str(getattr(f, "value", ""))) for f in a.facts]  # noqa: E731
    assert html_a.shape == "portal-2021" and html_a.title == txt_a.title and html_a.published == txt_a.published
    assert key(html_a) == key(txt_a)
    assert [p.code for p in html_a.places] == [p.code for p in txt_a.places]
    assert key(cp_a) == key(txt_a)
    assert bare_a.published is not None and bare_a.published.date().isoformat() == "2023-04-26"
    assert isinstance(bad, ArticleError) and bad.code == "E008" and "yesterday" in bad.message


def _cp949_ok(text: str) -> bool:
    try:
        text.encode("cp949")
        return True
    except UnicodeEncodeError:
        return False


def test_skip_is_a_multiset_and_tokens_can_be_dropped(session_corpus):
    ids = sorted(p.stem for p in session_corpus.glob("*.txt"))
    docs = [SourceDoc((session_corpus / f"{ids[0]}.txt").read_text(encoding="utf-8"), id="dup")] * 3
    out = list(parse_articles(docs + [session_corpus / f"{ids[1]}.txt"], workers=1, tokens=False,
                              skip=Counter({"dup": 2, ids[1]: 1})))
    assert [a.id for a in out] == ["dup"] and out[0].tokens == ()
    assert out[0].facts  # everything else is kept


def test_bad_arguments():
    with pytest.raises(ValueError):
        parse_articles([], workers=0)
    with pytest.raises(ValueError):
        parse_articles([], chunksize=0)
    assert list(parse_articles([], workers=2)) == []


def _dying_process_doc(item, options):
    if getattr(item, "id", None) == "poison":
        os._exit(17)  # a hard crash of the worker (segfault, OOM kill)
    return process_doc(item, options)


@pytest.mark.slow
def test_a_worker_that_dies_costs_one_error_record(monkeypatch, session_corpus):
    """With the fork start method the workers inherit the patched function."""
    import multiprocessing as mp

    import xinhua_extract.batch as batch

    if "fork" not in mp.get_all_start_methods():
        pytest.skip("needs the fork start method")
    monkeypatch.setattr(batch, "process_doc", _dying_process_doc)
    paths = sorted(session_corpus.glob("*.txt"))[:4]
    docs = [paths[0], paths[1], SourceDoc("본문입니다.", id="poison", source="poison.txt"), paths[2], paths[3]]
    results = list(parse_articles(docs, workers=2, chunksize=2, start_method="fork"))
    assert [r.id for r in results] == [paths[0].stem, paths[1].stem, "poison", paths[2].stem, paths[3].stem]
    [err] = [r for r in results if isinstance(r, ArticleError)]
    assert err.code == "E998" and err.source == "poison.txt"
    assert all(isinstance(r, Article) for r in results if r is not err)


def test_error_records_serialise(tmp_path):
    [err] = list(parse_articles([tmp_path / "missing.txt"], workers=1))
    assert json.loads(err.to_json())["type"] == "error"
