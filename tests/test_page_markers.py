"""data/page_markers.tsv and data/page_templates.json are what their scripts write
(dateparser's drift check)."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("script, data", [
    ("build_page_markers", "page_markers.tsv"),
    ("build_page_templates", "page_templates.json"),
])
def test_committed_page_data_match_the_generator(script, data):
    spec = importlib.util.spec_from_file_location(script, ROOT / "scripts" / f"{script}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "src" / "xinhua_extract" / "data" / data).read_text(encoding="utf-8")
    assert committed == module.render(), f"run: python scripts/{script}.py"
