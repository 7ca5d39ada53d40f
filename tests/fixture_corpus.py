"""Where the fixture corpus and the real seed live, and how to load them."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
SEED_ID = "000_896578ecfce59915"


def fixture_ids() -> list[str]:
    return sorted(p.name[: -len(".gold.json")] for p in (FIXTURES / "gold").glob("*.gold.json"))


def load_gold(article_id: str) -> dict:
    return json.loads((FIXTURES / "gold" / f"{article_id}.gold.json").read_text(encoding="utf-8"))


def load_fixture_text(article_id: str) -> str:
    return (FIXTURES / "articles" / f"{article_id}.txt").read_text(encoding="utf-8")


def published_of(gold: dict, text: str):
    """The caller-supplied publication time for pages without a '출처:' header line
    (older pages, republications, bare bodies); full pages must yield their own."""
    if any(line.lstrip().startswith("출처") for line in text.splitlines()):
        return None
    value = gold.get("meta", {}).get("published")
    return datetime.fromisoformat(value) if value else None


