"""Fixtures of the spaCy bridge and render tests: articles built by hand (see hand_articles.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

if str(Path(__file__).parent) not in sys.path:  # also under --import-mode=importlib
    sys.path.insert(0, str(Path(__file__).parent))

from hand_articles import build_hand_article  # noqa: E402


@pytest.fixture()
def hand_article() -> Article:
    return build_hand_article()


@pytest.fixture()
def hand_article_overlapping() -> Article:
    return build_hand_article(overlapping=True)
