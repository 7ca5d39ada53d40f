"""The compiled build (setup.py: mypyc over the hot path) and the pure one are the same
package: CI runs the whole suite on both; these tests say which one is running."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from xinhua_extract import compiled_modules, parse_article

ROOT = Path(__file__).resolve().parents[1]


def _listed_modules() -> set[str]:
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == "COMPILED_MODULES" for t in targets):
                paths = ast.literal_eval(node.value)
                return {p.removeprefix("src/").removesuffix(".py").removesuffix("/__init__").replace("/", ".")
                        for p in paths}
    raise AssertionError("setup.py defines no COMPILED_MODULES")


def test_compiled_modules_exist_and_leave_the_pipeline_pure():
    listed = _listed_modules()
    assert listed and all((ROOT / "src" / (m.replace(".", "/") + ".py")).exists()
                          or (ROOT / "src" / m.replace(".", "/") / "__init__.py").exists() for m in listed)
    assert "xinhua_extract.pipeline" not in listed  # the benchmarks time its stages by wrapping them


def test_the_build_that_runs_is_the_one_expected():
    parse_article("[신화망 베이징 3월 1일] 장쑤성의 1분기 지역총생산은 3조 위안으로 5% 늘었다.")
    running = set(compiled_modules())
    if os.environ.get("XINHUA_EXPECT_COMPILED") == "1":  # CI's second run, on the built wheel
        assert running == _listed_modules()
    elif os.environ.get("XINHUA_TEST_INSTALLED") != "1":
        assert running == set()  # a checkout's src/: pure Python, every edit takes effect
    else:
        pytest.skip("installed build of unknown kind")
