"""The shared particles table: drift against its generator, and one source for every rule."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from xinhua_extract.particles import USES, particle_pattern, particles

ROOT = Path(__file__).resolve().parents[1]


def test_table_matches_its_generator():
    spec = importlib.util.spec_from_file_location("build_particles", ROOT / "scripts" / "build_particles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "src" / "xinhua_extract" / "data" / "particles.tsv").read_text(encoding="utf-8")
    assert committed == module.render(), "particles.tsv drifted: run python scripts/build_particles.py"


def test_every_rule_reads_the_table():
    from xinhua_extract import glosses, numbers
    from xinhua_extract.facts import _numeric, dates, money, percentage
    from xinhua_extract.places import resolve

    assert set(_numeric._PARTICLES) == set(particles("unit"))
    assert resolve.PARTICLES == frozenset(particles("place"))
    assert {"에서", "의", "으로"} <= set(particles("gloss"))
    assert {"기준", "까지", "들어"} <= set(particles("date"))
    assert all(particles(use) for use in USES)
    # the compiled rules carry the table's selections, not lists of their own
    assert "(?:" + particle_pattern("verb") + ")" in numbers._TRAIL_RE.pattern
    assert "(?<!" + particle_pattern("noun") + ")" in dates._NOUN
    assert "(?:" + particle_pattern("verb", "object") + ")" in dates._COMPARE_OBJ.pattern
    assert particle_pattern("list") in percentage._LIST_SEP_RE.pattern
    assert "(?:" + particle_pattern("convert") + "|,)" in money._OUTSIDE_RE.pattern
    assert "^(?:" + particle_pattern("gloss") + ")" in glosses._PARTICLE_TAIL.pattern


def test_the_rules_follow_the_table():
    # the bound words and the bare nouns behave as the table says
    from xinhua_extract.facts.dates import _COMPARE_OBJ
    from xinhua_extract.numbers import read_trailing_markers

    for p in particles("verb"):
        assert read_trailing_markers(f"{p} 넘는", 0).bound == "over", p
    assert read_trailing_markers("와 넘는", 0).bound is None  # 와 is no verb's argument
    assert _COMPARE_OBJ.match(" 전체 인원수를 웃돌았다")
    for p in particles("noun"):  # a noun phrase ends at a case particle
        assert not _COMPARE_OBJ.match(f" 전체 인원수{p} 인원수를 웃돌았다"), p


def test_particle_pattern_selects_by_meaning():
    assert set(particles("verb", "object")) == {"을", "를"}
    assert particle_pattern("gloss").index("에서") < particle_pattern("gloss").index("에|")
    with pytest.raises(ValueError, match="means"):
        particles("verb", "no such meaning")


#: A regex group ``(?:…|…)`` or a character class that spells out particles of the table.
_GROUP = re.compile(r"\(\?(?:[:!=]|<[!=])([^()]*)\)")
_CLASS = re.compile(r"\[([^\][-]*)\]")


def _own_lists(source: str, forms: set[str]) -> list[str]:
    found = []
    for m in _GROUP.finditer(source):
        alts = m.group(1).split("|")
        listed = sum(a in forms for a in alts)
        if listed >= 2 and 2 * listed >= len(alts):  # mostly particles: a list of its own
            found.append(m.group())
    one = {f for f in forms if len(f) == 1}
    for m in _CLASS.finditer(source):
        if len(set(m.group(1)) & one) >= 3:
            found.append(m.group())
    return found


def test_the_scan_finds_an_inline_list():
    forms = set(particles("place")) | set(particles("unit"))
    assert _own_lists('r"(?:을|를|이|가)[ ]?넘"', forms)
    assert _own_lists('r"[가-힣]{1,6}(?<![은는이가을를])"', forms)
    assert not _own_lists('r"넘(?:는|게|어|었|긴|을|으|겼|기)"', forms)  # verb endings


def test_no_module_keeps_its_own_particle_list():
    forms = set()
    for use in USES:
        forms |= set(particles(use))
    package = ROOT / "src" / "xinhua_extract"
    offenders = {}
    for path in sorted(package.rglob("*.py")):
        if path.name == "particles.py" or "corpus" in path.parts:
            continue  # the reader of the table; the corpora are example sentences
        found = _own_lists(path.read_text(encoding="utf-8"), forms)
        if found:
            offenders[str(path.relative_to(package))] = found
    assert not offenders, f"inline particle lists (use xinhua_extract.particles): {offenders}"


def test_unknown_use_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown particle use"):
        particles("adverb")


def test_comparison_bases_are_one_vocabulary():
    # the percentages take their bases from dates.comparison_bases and keep no pattern of
    # their own; inside the date rules the bases are read from their tables
    from xinhua_extract.facts import dates

    source = (ROOT / "src" / "xinhua_extract" / "facts" / "percentage.py").read_text(encoding="utf-8")
    words = set(dates._COMPARISON_WORDS) | set(dates._SAME_PERIOD) | set(dates._BASIS_PREVIOUS)
    groups = [m.group(1).split("|") for m in _GROUP.finditer(source)]
    assert not [g for g in groups if set(g) & words], "percentage.py spells comparison bases of its own"
    assert "comparison_bases" in source
    assert "(?:" + "|".join(dates._LAST_YEAR) + ")" in dict(dates.RULES)["basis_same_period"]
    assert set(dates._LAST_YEAR) <= set(dates._BASIS_PREVIOUS)
