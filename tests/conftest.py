"""Shared fixtures: the fixture corpus, the real seed from ../shared, parsed articles."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if os.environ.get("XINHUA_TEST_INSTALLED") != "1":  # =1: test the installed (compiled) build
    sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

sys.path.insert(0, str(ROOT / "tests"))

from fixture_corpus import SEED_ID, SHARED, fixture_ids, load_fixture_text, load_gold, published_of  # noqa: E402


def _shared_file(relative: str) -> str:
    """A file of ../shared (the real seed and its gold), or a skip that says where it was looked for."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared not beside the repo): tests of the real seed need it")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return _shared_file(f"seeds/{SEED_ID}.txt")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(_shared_file(f"gold/{SEED_ID}.gold.json"))


@pytest.fixture(scope="session")
def seed_observation_gold() -> dict:
    """The seed's hand-made observation gold (``shared/gold/*.observations.json``)."""
    return json.loads(_shared_file(f"gold/{SEED_ID}.observations.json"))


@pytest.fixture(scope="session")
def seed_article(seed_text):
    from xinhua_extract import parse_article

    return parse_article(seed_text, id=SEED_ID)


@pytest.fixture(scope="session")
def fixture_articles():
    """Every fixture article parsed once: {id: (Article, gold)}."""
    from xinhua_extract import parse_article

    out = {}
    for article_id in fixture_ids():
        gold, text = load_gold(article_id), load_fixture_text(article_id)
        out[article_id] = (parse_article(text, id=article_id, published=published_of(gold, text)), gold)
    return out
