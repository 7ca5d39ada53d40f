"""The shared particles table: drift against its generator, and one source for every rule."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from xinhua_extract.particles import USES, particles

ROOT = Path(__file__).resolve().parents[1]


def test_table_matches_its_generator():
    spec = importlib.util.spec_from_file_location("build_particles", ROOT / "scripts" / "build_particles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "src" / "xinhua_extract" / "data" / "particles.tsv").read_text(encoding="utf-8")
    assert committed == module.render(), "particles.tsv drifted: run python scripts/build_particles.py"


def test_every_rule_reads_the_table():
    from xinhua_extract.facts import _numeric
    from xinhua_extract.places import resolve

    assert set(_numeric._PARTICLES) == set(particles("unit"))
    assert resolve.PARTICLES == frozenset(particles("place"))
    assert {"에서", "의", "으로"} <= set(particles("gloss"))
    assert {"기준", "까지", "들어"} <= set(particles("date"))
    assert all(particles(use) for use in USES)


def test_unknown_use_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown particle use"):
        particles("verb")
