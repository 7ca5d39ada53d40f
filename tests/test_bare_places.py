"""benchmarks/bare_places.py: which gold mentions count as bare transcriptions, and when one
is resolved (the measurement behind issue 12's "bare transcriptions resolve >= 95%")."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from xinhua_extract import parse_article
from xinhua_extract.places.gazetteer import get_gazetteer

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bare_places", ROOT / "benchmarks" / "bare_places.py")
bare_places = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bare_places)

TEXT = (
    "[신화망 우한 3월 2일] 후베이(湖北)성 이창(宜昌)시의 수출이 늘었다. 이창의 항구는 붐볐고 "
    "후베이성 정부는 이창·우한 노선을 늘렸다. 이창항 물동량도 최고였다.\n"
)


def test_bare_means_hangul_only_no_gloss_no_suffix():
    gaz = get_gazetteer()
    assert bare_places.is_bare("이창", "420500", gaz)
    assert bare_places.is_bare("광시", "450000", gaz)  # the standard name itself ends in 시
    assert not bare_places.is_bare("후베이성", "420000", gaz)
    assert not bare_places.is_bare("하이시주", "632800", gaz)
    assert not bare_places.is_bare("Yichang", "420500", gaz)


def test_occurrences_skip_glosses_suffixes_longer_words_and_the_dateline():
    article = parse_article(TEXT)
    starts, other = bare_places.occurrences(article, "이창")
    assert [TEXT[s : s + 4] for s in starts] == ["이창의 ", "이창·우"]
    assert other == 2  # 이창(宜昌), 이창항
    starts, _ = bare_places.occurrences(article, "우한")
    assert [TEXT[s - 1 : s + 3] for s in starts] == ["·우한 "]  # not the dateline's 우한


def _gold(places, *, with_hanja):
    items = [{"text": t, "code": c, **({"hanja": h} if with_hanja else {})} for t, c, h in places]
    return {"id": "t", "places": items}


def test_bare_gold_counts_from_either_kind_of_gold():
    gaz = get_gazetteer()
    article = parse_article(TEXT)
    places = [("후베이", "420000", "湖北"), ("이창", "420500", "宜昌"), ("이창", "420500", None),
              ("후베이성", "420000", None), ("이창", "420500", None), ("우한", "420100", None), ("이창", "420500", None)]
    exact = bare_places.bare_gold(_gold(places, with_hanja=True), article, gaz)
    assert exact["이창"][2] == 2 and exact["우한"][2] == 1  # 3 without hanja, but 2 bare occurrences
    loose = bare_places.bare_gold(_gold(places, with_hanja=False), article, gaz)
    assert loose["이창"][2] == 2  # 4 items less 2 glossed or fused occurrences
    assert "후베이성" not in loose and "후베이" not in loose


def test_score_counts_a_mention_resolved_only_with_the_gold_code(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "t.txt").write_text(TEXT, encoding="utf-8")
    places = [("이창", "420500", "宜昌"), ("이창", "420500", None), ("이창", "420500", None), ("우한", "420100", None)]
    (tmp_path / "gold" / "t.gold.json").write_text(json.dumps(_gold(places, with_hanja=True)), encoding="utf-8")
    misses: list[str] = []
    assert bare_places.score_dir(tmp_path / "gold", None, get_gazetteer(), misses) == (3, 3)
    wrong = [("이창", "420500", "宜昌"), ("이창", "420500", None), ("이창", "420500", None), ("우한", "420000", None)]
    (tmp_path / "gold" / "t.gold.json").write_text(json.dumps(_gold(wrong, with_hanja=True)), encoding="utf-8")
    assert bare_places.score_dir(tmp_path / "gold", None, get_gazetteer(), misses) == (3, 2)
    assert misses and "우한 420000" in misses[-1]
