"""The committed gazetteer data equals what scripts/build_gazetteer.py generates."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_gazetteer.py"
DATA = ROOT / "src" / "xinhua_extract" / "data"


@pytest.fixture(scope="module")
def build():
    for module, why in (
        ("cpca", "the division table is generated from cpca (pip install cpca)"),
        ("hanja", "Sino-Korean readings are generated from hanja (pip install --no-deps hanja pyyaml)"),
    ):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed: {why}")
    spec = importlib.util.spec_from_file_location("_build_gazetteer_under_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.mark.parametrize("name", ["hanja_readings.tsv", "divisions.tsv", "jieba_words.txt"])
def test_committed_file_matches_generator(build, name):
    committed = (DATA / name).read_text(encoding="utf-8")
    assert build.OUTPUTS[name]() == committed, (
        f"{name} drifted from scripts/build_gazetteer.py; run python scripts/build_gazetteer.py")


def test_data_files_stay_small():
    assert (DATA / "divisions.tsv").stat().st_size < 1_000_000
    total = sum((DATA / n).stat().st_size for n in
                ("divisions.tsv", "hanja_readings.tsv", "jieba_words.txt", "regions.tsv", "place_aliases.tsv"))
    assert total < 2_000_000
