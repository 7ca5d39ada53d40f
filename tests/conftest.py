"""Shared fixtures: the fixture corpus, the real seed from ../shared, parsed articles."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

sys.path.insert(0, str(ROOT / "tests"))

from fixture_corpus import SEED_ID, SHARED, fixture_ids, load_fixture_text, load_gold, published_of  # noqa: E402


@pytest.fixture(scope="session")
def seed_text() -> str:
    path = SHARED / "seeds" / f"{SEED_ID}.txt"
    if not path.exists():
        pytest.skip(f"the real seed article is read from {path}, which is absent (../shared not beside the repo)")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    path = SHARED / "gold" / f"{SEED_ID}.gold.json"
    if not path.exists():
        pytest.skip(f"the seed gold is read from {path}, which is absent (../shared not beside the repo)")
    return json.loads(path.read_text(encoding="utf-8"))


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
