"""The seed article against its hand-made observation gold (``shared/gold``): every slot."""

from __future__ import annotations

from xinhua_extract.observations.evaluate import ObservationReport, format_observation_report, score_observations


def test_seed_every_slot_right(seed_article, seed_observation_gold):
    report = ObservationReport()
    score_observations(seed_article, seed_observation_gold, report)
    assert report.gold == 22 and report.covered == 22
    assert report.conversions == 0
    assert not report.misses, format_observation_report(report, verbose=True)


def test_seed_one_observation_per_measured_fact(seed_article):
    measured = [i for i, f in enumerate(seed_article.facts) if f.type in ("money", "percentage", "count")
                and getattr(f, "equivalent_of", None) is None]
    assert [o.fact for o in seed_article.observations] == measured


def test_measure_offsets_hold(seed_article):
    for o in seed_article.observations:
        if o.measure is not None:
            assert seed_article.text[o.measure.start:o.measure.end] == o.measure.text
            assert o.measure.text == o.measure.text.strip()


def test_observations_serialise(seed_article):
    data = seed_article.to_dict()
    assert len(data["observations"]) == len(seed_article.observations)
    first = data["observations"][0]
    assert {"fact", "role", "measure", "places", "period", "direction"} <= set(first)
    assert set(first["measure"]) == {"text", "start", "end"}
    from xinhua_extract.records import Article

    assert Article.from_dict(data).observations == seed_article.observations


def test_change_records_its_level_and_basis(seed_article):
    """A change names the level it belongs to when one came before in the paragraph."""
    from xinhua_extract import parse_article

    a = parse_article("지난해 장시성의 수출액은 5천억 위안으로 전년보다 7.5% 늘었다.", published="2024-03-01")
    level, change = a.observations
    assert (level.role, change.role) == ("level", "change")
    assert change.level_of == level.fact
    assert change.basis and "전년" in change.basis
