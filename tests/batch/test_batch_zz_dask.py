"""The Dask path on a local cluster gives the same records as the local path.

(Named to run last among the batch tests: a Dask client leaves threads in this process,
and the process-pool tests want to fork a single-threaded parent.)
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from xinhua_extract.io.readers import ArticleError
from xinhua_extract.io.writers import article_json, facts_table, observations_table, places_table

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_local_cluster_matches_the_local_path(tmp_path, session_corpus, parsed_local):
    import shutil

    from xinhua_extract.dask_bridge import arrow_frame, parse_bag, to_bag, to_dataframes

    d = tmp_path / "in"
    shutil.copytree(session_corpus, d)
    (d / "zz_broken.txt").write_bytes(b"\x00\x01" * 3000)
    sources = [d, tmp_path / "missing.txt"]

    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  silence_logs=50) as cluster, distributed.Client(cluster) as client:
        bag = parse_bag(to_bag(sources, npartitions=3))
        results = bag.compute()
        frames = to_dataframes(bag)
        facts = frames["facts"].compute()
        places = frames["places"].compute()
        observations = frames["observations"].compute()
        articles = frames["articles"].compute()
        workers_used = len(client.scheduler_info()["workers"])
    assert workers_used == 2

    local = list(parsed_local)
    got = [r for r in results if not isinstance(r, ArticleError)]
    assert [article_json(a) for a in got] == [article_json(a) for a in local]
    errors = [r for r in results if isinstance(r, ArticleError)]
    assert [(e.id, e.code) for e in errors] == [("zz_broken", "E004"), (None, "E008")]
    assert [getattr(r, "id", None) for r in results][-2:] == ["zz_broken", None]  # input order

    want_facts = arrow_frame(facts_table(local))
    assert facts.reset_index(drop=True).equals(want_facts)
    assert places.reset_index(drop=True).equals(arrow_frame(places_table(local)))
    assert observations.reset_index(drop=True).equals(arrow_frame(observations_table(local)))
    money = facts[facts["type"] == "money"]["value"]
    assert all(isinstance(v, Decimal) for v in money)
    assert list(articles["article_id"]) == [a.id for a in local]
    joined = facts.merge(articles[["article_id", "title"]], on="article_id")
    assert len(joined) == len(want_facts)
