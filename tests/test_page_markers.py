"""data/page_markers.tsv is what scripts/build_page_markers.py writes (dateparser's drift check)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_committed_page_markers_match_the_generator():
    spec = importlib.util.spec_from_file_location("build_page_markers", ROOT / "scripts" / "build_page_markers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "src" / "xinhua_extract" / "data" / "page_markers.tsv").read_text(encoding="utf-8")
    assert committed == module.render(), "run: python scripts/build_page_markers.py"
