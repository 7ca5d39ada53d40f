"""The observation scorer itself: matching by fact, the measure rule, null slots."""

from __future__ import annotations

from xinhua_extract import parse_article
from xinhua_extract.observations.evaluate import ObservationReport, score_observations
from xinhua_extract.observations.words import CATEGORIES, words


def _gold(**over):
    item = {"text": "5천억 위안", "value": "500000000000", "type": "money", "role": "level",
            "measure": "수출액", "head": "수출액", "places": ["360000"], "period": "2023"}
    item.update(over)
    return {"observations": [item]}


ARTICLE = parse_article("지난해 장시성의 수출액은 5천억 위안이었다.", published="2024-03-01")


def test_a_right_observation_scores_every_slot():
    report = ObservationReport()
    score_observations(ARTICLE, _gold(), report)
    assert report.covered == 1 and not report.misses
    assert report.overall == 1.0


def test_wrong_period_and_long_measure_are_misses():
    report = ObservationReport()
    score_observations(ARTICLE, _gold(period=None, head="총수출액"), report)
    assert report.slots["period"].right == 0 and report.slots["measure"].right == 0
    assert report.slots["role"].right == 1


def test_a_gold_item_without_a_match_is_wrong_everywhere():
    report = ObservationReport()
    score_observations(ARTICLE, _gold(text="6천억 위안", value="600000000000"), report)
    assert report.covered == 0
    assert all(report.slots[s].right == 0 for s in ("role", "measure", "places", "period"))


def test_thresholds_score_role_and_measure_only():
    report = ObservationReport()
    score_observations(ARTICLE, _gold(role="threshold"), report)
    assert report.slots["places"].total == 0 and report.slots["period"].total == 0


def test_word_lists_load_and_directions_do_not_overlap():
    w = words()
    assert set(w) == set(CATEGORIES)
    assert all(w[c] for c in CATEGORIES)
    assert not (w["up"] & w["down"])
