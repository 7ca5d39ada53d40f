"""Fixtures of the batch tests: hand-built Articles (for readers/writers, no Kiwi), a
corpus directory of the fixture articles, and one session-wide parse of it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch_helpers import ARTICLES, copy_articles, make_article  # noqa: E402


@pytest.fixture
def hand_articles() -> list[Article]:
    return [make_article(f"a{i}", scale=i) for i in range(5)]


@pytest.fixture(scope="session")
def fixture_text_paths() -> list[Path]:
    paths = sorted(ARTICLES.glob("*.txt"))
    if not paths:
        pytest.skip("no fixture articles")
    return paths


@pytest.fixture
def corpus_dir(tmp_path, fixture_text_paths) -> Path:
    """A directory with the fixture articles (at most 8, to keep tests quick)."""
    return copy_articles(fixture_text_paths[:8], tmp_path / "corpus")


@pytest.fixture(scope="session")
def session_corpus(tmp_path_factory, fixture_text_paths) -> Path:
    d = tmp_path_factory.mktemp("session_corpus")
    for p in fixture_text_paths[:8]:
        shutil.copy(p, d / p.name)
    return d


@pytest.fixture(scope="session")
def parsed_local(session_corpus):
    """The session corpus parsed once in this process (workers=1)."""
    from xinhua_extract.batch import parse_articles

    return list(parse_articles(session_corpus, workers=1))
