"""The gazetteer: records, hierarchy, exact and loose lookups, regions, Kiwi words."""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from pathlib import Path

import pytest

from xinhua_extract.places.gazetteer import LEVELS, Division, Gazetteer, Region, get_gazetteer

SEED_GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "000_896578ecfce59915.gold.json"


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return get_gazetteer()


def codes(divisions) -> list[str]:
    return [d.code for d in divisions]


# ---------------------------------------------------------------- records & hierarchy
def test_table_covers_all_levels(gz):
    assert len(gz) > 3000
    by_level = {level: sum(d.level == level for d in gz) for level in LEVELS}
    assert by_level["province"] == 34
    assert by_level["prefecture"] > 330
    assert not any(d.name_zh in ("市辖区", "县", "省直辖县级行政区划") for d in gz)


def test_by_code(gz):
    zaozhuang = gz.by_code("370400")
    assert zaozhuang.name_zh == "枣庄市"
    assert zaozhuang.name_zh_hant == "棗莊市"
    assert (zaozhuang.short_zh, zaozhuang.pinyin, zaozhuang.hangul, zaozhuang.sino) == (
        "枣庄", "zao zhuang", "짜오좡", "조장")
    assert zaozhuang.hangul_full == "짜오좡시"
    assert zaozhuang.level == "prefecture" and zaozhuang.parent == "370000"
    assert zaozhuang.lon and zaozhuang.lat
    assert gz.by_code("370400000000") is zaozhuang
    assert gz.by_code("999999") is None


def test_records_are_frozen_and_slotted(gz):
    d = gz.by_code("110000")
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.code = "x"
    assert not hasattr(d, "__dict__")


@pytest.mark.parametrize(
    ("code", "parent", "province"),
    [("500118", "500000", "500000"),  # a municipality's district
     ("429004", "420000", "420000"),  # a province-direct county-level city
     ("370402", "370400", "370000"),
     ("110000", None, None)],
)
def test_parents(gz, code, parent, province):
    d = gz.by_code(code)
    assert (d.parent, d.province_code) == (parent, province)


def test_special_administrative_regions_and_taiwan(gz):
    for code, hangul in (("810000", "홍콩"), ("820000", "마카오"), ("710000", "타이완")):
        d = gz.by_code(code)
        assert d.level == "province" and d.hangul == hangul


def test_hierarchy_helpers(gz):
    assert codes(gz.ancestors("500118")) == ["500000"]
    assert codes(gz.ancestors("370402")) == ["370400", "370000"]
    assert "500118" in codes(gz.children("500000"))
    assert gz.is_within("370402", "370000") and not gz.is_within("370402", "420000")


def test_autonomous_prefecture_is_marked_as_shadowed(gz):
    prefecture, province = gz.by_code("632500"), gz.by_code("460000")
    assert prefecture.short_zh == province.short_zh == "海南"
    assert "460000" in prefecture.shadowed_by
    assert province.shadowed_by == ()


def test_short_names_keep_a_needed_suffix(gz):
    assert gz.by_code("130427").short_zh == "磁县"       # one-character stem
    assert gz.by_code("130427").hangul == "츠현"
    assert gz.by_code("360121").short_zh == "南昌县"     # named like its own prefecture
    assert gz.by_code("150121").short_zh == "土默特左旗"  # 左旗 and 右旗 share a stem


# ---------------------------------------------------------------- Korean lookups
@pytest.mark.parametrize(
    ("name", "code"),
    [("짜오좡", "370400"), ("짜오좡시", "370400"), ("산둥", "370000"), ("산둥성", "370000"),
     ("융촨", "500118"), ("융촨구", "500118"), ("셴타오", "429004"), ("셴타오시", "429004"),
     ("옌볜", "222400"), ("옌볜주", "222400"), ("옌볜 조선족 자치주", "222400"),
     ("옌볜조선족자치주", "222400"), ("네이멍구", "150000"), ("네이멍구 자치구", "150000"),
     ("홍콩", "810000"), ("샹강", "810000"), ("홍콩특별행정구", "810000"),
     ("츠현", "130427"), ("징싱광구", "130107"), ("투모터 좌기", "150121"), ("투모터좌기", "150121")],
)
def test_lookup_hangul_standard_and_suffix_forms(gz, name, code):
    assert code in codes(gz.lookup_hangul(name))


@pytest.mark.parametrize(
    ("name", "code"),
    [("상해", "310000"), ("북경", "110000"), ("천진", "120000"), ("광동", "440000"),
     ("중경", "500000"), ("난주", "620100"), ("란주", "620100"), ("연변", "222400"),
     ("대만", "710000")],
)
def test_lookup_hangul_sino_korean(gz, name, code):
    assert codes(gz.lookup_hangul(name))[0] == code


@pytest.mark.parametrize(
    ("name", "code"),
    [("광뚱", "440000"), ("쟝쑤", "320000"), ("샹하이", "310000"), ("청뚜", "510100"),
     ("똥청취", "110101"), ("스촨", "510000")],
)
def test_lookup_hangul_loose_variants(gz, name, code):
    assert code in codes(gz.lookup_hangul(name))
    assert gz.lookup_hangul(name, loose=False) == ()


@pytest.mark.parametrize(
    ("name", "code"),
    [("원난", "530000"), ("지앙쑤", "320000"), ("티엔진", "120000"), ("텐진", "120000"),
     ("다렌", "210200"), ("따리엔", "210200"), ("항조우", "330100"), ("시아먼", "350200"),
     ("루오양", "410300"), ("웬저우", "330300"), ("용촨", "500118"), ("리우저우", "450200"),
     ("지아싱", "330400"), ("쉐이청", "520221"), ("치에스", "653129"), ("치에스현", "653129")],
)
def test_lookup_hangul_other_conventions_and_readings(gz, name, code):
    """Older transcription conventions (원난, 티엔진, 지앙쑤) and another reading of a
    polyphonic character (치에스: 伽 read qie) resolve when nothing closer matches."""
    assert code in codes(gz.lookup_hangul(name))
    assert gz.lookup_hangul(name, loose=False) == ()


def test_variant_tiers_never_add_to_a_closer_match(gz):
    # a key a standard form folds to keeps exactly its loose candidates
    assert codes(gz.lookup_hangul("광뚱")) == ["440000"]
    assert codes(gz.lookup_hangul("쉬저우")) == ["320300"]  # not 苏州/宿州 (xu is not su)
    # an exact match is never widened: 후이난 is 辉南县, not a variant of 湖南
    assert codes(gz.lookup_hangul("후이난")) == ["220523"]
    assert gz.lookup_hangul("시아오싱") == ()  # shao is not xiao


def test_loose_tiers_add_few_confusions(capsys):
    """Pairs of divisions that share a loose key but no exact one: the price of the loose
    tiers. 42 with the folding of standard spellings alone, 47 with the conventions and
    polyphonic readings (all county pairs in the misreading tier)."""
    import itertools

    fresh = Gazetteer.load()
    started = time.perf_counter()
    loose = fresh._loose_index()
    loose_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    misread = fresh._misread_index()
    misread_ms = (time.perf_counter() - started) * 1000

    def pairs(index):
        out = set()
        for found in index.values():
            out.update(itertools.combinations(sorted({d.code for d in found}), 2))
        return out

    effective = {**{k: v for k, v in misread.items() if k not in loose}, **loose}
    extra = pairs(effective) - pairs(fresh._ko)
    upper = {p for p in extra if all(fresh.by_code(c).level != "county" for c in p)}
    with capsys.disabled():
        print(f"\n[places] loose index {len(loose)} keys in {loose_ms:.0f} ms, misreadings "
              f"{len(misread)} keys in {misread_ms:.0f} ms; {len(extra)} division pairs confused "
              f"only by loose keys ({len(upper)} above county level)")
    assert len(extra) <= 50
    assert not upper


def test_ambiguity_is_returned_not_resolved(gz):
    assert set(codes(gz.lookup_hangul("산시"))) == {"140000", "610000"}
    hainan = codes(gz.lookup_hangul("하이난"))
    assert hainan[0] == "460000" and "632500" in hainan
    assert codes(gz.lookup_hangul("하이난성")) == ["460000"]
    assert codes(gz.lookup_hangul("하이난주")) == ["632500"]


def test_candidates_are_ordered_by_salience(gz):
    rank = {level: i for i, level in enumerate(LEVELS)}
    for name in ("하이난", "시안", "차오양", "난창", "허난", "신화"):
        levels = [rank[d.level] for d in gz.lookup_hangul(name)]
        assert levels == sorted(levels), name


def test_single_syllable_stems_are_not_names(gz):
    assert gz.lookup_hangul("츠") == ()


def test_lookup_hangul_unknown(gz):
    assert gz.lookup_hangul("서울") == ()
    assert gz.lookup_hangul("") == ()


def test_seed_article_places_resolve(gz):
    if not SEED_GOLD.exists():
        pytest.skip(f"seed gold read from {SEED_GOLD}, which is absent")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    for place in gold["places"]:
        found = codes(gz.lookup_hangul(place["text"]))
        assert place["code"] in found, place
        if place["hanja"]:
            assert place["code"] in codes(gz.lookup_zh(place["hanja"])), place
    for region in gold["regions"]:
        found = gz.lookup_region_hangul(region["text"])
        assert [r.name_zh for r in found] == [region["name_zh"]]
        assert list(found[0].members) == region["members"]


# ---------------------------------------------------------------- Chinese lookups
@pytest.mark.parametrize(
    ("name", "code"),
    [("枣庄", "370400"), ("枣庄市", "370400"), ("棗莊", "370400"), ("棗莊市", "370400"),
     ("永川", "500118"), ("永川区", "500118"), ("永川區", "500118"), ("仙桃", "429004"),
     ("海南州", "632500"), ("延边州", "222400"), ("延邊", "222400"), ("香港", "810000")],
)
def test_lookup_zh(gz, name, code):
    assert code in codes(gz.lookup_zh(name))


def test_lookup_zh_salience_and_non_places(gz):
    assert codes(gz.lookup_zh("海南"))[0] == "460000"
    assert "632500" in codes(gz.lookup_zh("海南"))
    assert codes(gz.lookup_zh("山西")) == ["140000"]
    assert gz.lookup_zh("山西路") == ()
    assert gz.lookup_zh("磁") == ()


# ---------------------------------------------------------------- regions
@pytest.mark.parametrize(
    ("name", "name_zh"),
    [("웨강아오 대만구", "粤港澳大湾区"), ("웨강아오대만구", "粤港澳大湾区"),
     ("창장삼각주", "长江三角洲"), ("창장 삼각주", "长江三角洲"), ("징진지", "京津冀"),
     ("청위", "成渝地区"), ("둥베이 3성", "东北三省"), ("둥베이3성", "东北三省"),
     ("주장삼각주", "珠江三角洲"), ("창장경제벨트", "长江经济带")],
)
def test_lookup_region_hangul(gz, name, name_zh):
    assert [r.name_zh for r in gz.lookup_region_hangul(name)] == [name_zh]


@pytest.mark.parametrize(
    ("name", "name_zh"),
    [("粤港澳大湾区", "粤港澳大湾区"), ("粵港澳大灣區", "粤港澳大湾区"), ("长三角", "长江三角洲"),
     ("長三角", "长江三角洲"), ("成渝", "成渝地区"), ("京津冀", "京津冀"), ("珠三角", "珠江三角洲")],
)
def test_lookup_region_zh(gz, name, name_zh):
    assert [r.name_zh for r in gz.lookup_region_zh(name)] == [name_zh]


def test_region_members(gz):
    (gba,) = gz.lookup_region_zh("粤港澳大湾区")
    assert gba.members == ("440000", "810000", "820000")
    (yrd,) = gz.lookup_region_zh("长三角")
    assert yrd.members == ("310000", "320000", "330000", "340000")
    for region in gz.regions:
        assert region.members and all(gz.by_code(c) for c in region.members), region.name_zh


def test_unknown_codes_are_rejected():
    division = get_gazetteer().by_code("110000")
    with pytest.raises(ValueError, match="unknown division"):
        Gazetteer([division], [Region("测试", (), ("테스트",), ("999999",))])
    with pytest.raises(ValueError, match="unknown division"):
        Gazetteer([division], [], [("가짜", ("999999",))])


# ---------------------------------------------------------------- Kiwi words
def test_korean_names(gz):
    names = set(gz.korean_names())
    assert ("산둥", "province") in names
    assert ("짜오좡시", "prefecture") in names
    assert ("융촨구", "county") in names
    assert ("웨강아오대만구", "region") in names
    assert all(" " not in surface for surface, _ in names)
    assert ("상해", "province") not in names  # Sino-Korean readings are everyday words
    assert ("상해", "province") in set(gz.korean_names(include_sino=True))


# ---------------------------------------------------------------- loading
def test_get_gazetteer_is_a_thread_safe_singleton():
    results = []
    threads = [threading.Thread(target=lambda: results.append(get_gazetteer())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(g) for g in results}) == 1


def test_load_time(capsys):
    started = time.perf_counter()
    fresh = Gazetteer.load()
    elapsed = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(1000):
        fresh.lookup_hangul("짜오좡시")
        fresh.lookup_zh("棗莊")
    per_lookup = (time.perf_counter() - started) / 2000
    with capsys.disabled():
        print(f"\n[places] gazetteer load {elapsed * 1000:.0f} ms; "
              f"{per_lookup * 1e6:.2f} µs per exact lookup")
    assert elapsed < 1.0  # ~0.06 s on the dev machine; generous for slow CI
    assert isinstance(fresh.by_code("110000"), Division)
