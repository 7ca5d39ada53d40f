"""Observation accuracy on the fixture and held-out gold: the bars the issue set.

The scorer is :mod:`xinhua_extract.observations.evaluate` (``xinhua-extract
eval-observations``). Bars are acceptance levels, not the current figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from xinhua_extract.observations.evaluate import evaluate_observations_dir, format_observation_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SLOT_BAR = 0.85
OVERALL_BAR = 0.90
DIRECTION_BAR = 0.90


@pytest.fixture(scope="module", params=["gold", "heldout/gold"])
def report(request):
    return evaluate_observations_dir(FIXTURES / request.param)


def test_coverage_and_no_conversions(report):
    assert report.gold > 0
    assert report.coverage == 1.0, format_observation_report(report, verbose=True)
    assert report.conversions == 0


@pytest.mark.parametrize("slot", ["role", "measure", "places", "period"])
def test_slot_bar(report, slot):
    assert report.slots[slot].total > 0
    assert report.slots[slot].accuracy >= SLOT_BAR, format_observation_report(report, verbose=True)


def test_direction_and_overall_bars(report):
    assert report.slots["direction"].accuracy >= DIRECTION_BAR, format_observation_report(report, verbose=True)
    assert report.overall >= OVERALL_BAR, format_observation_report(report, verbose=True)


def test_the_rules_beat_a_nearest_subject_baseline():
    """The baseline (every figure a level, the nearest topic/subject as measure, the
    sentence's places and date) is what the rules must improve on, by a wide margin."""
    system = evaluate_observations_dir(FIXTURES / "heldout/gold")
    naive = evaluate_observations_dir(FIXTURES / "heldout/gold", baseline=True)
    assert naive.overall < 0.85
    assert system.overall - naive.overall >= 0.15
