"""Place mentions in running text: evidence, suffixes, particles, ambiguity."""

from __future__ import annotations

import pytest

from xinhua_extract import parse_article


def _places(text, **kw):
    article = parse_article(text, **kw)
    return [(p.text, p.code) for p in article.places if p.kind == "division"], article


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("산둥성은 리튬전지 산업을 키웠다.", [("산둥성", "370000")]),
        ("후베이는 산업 시스템 구축에 집중했다.", [("후베이", "420000")]),
        ("상하이에서 박람회가 열렸다.", [("상하이", "310000")]),
        ("청두와 충칭의 약칭이다.", [("청두", "510100"), ("충칭", "500000")]),
        ("짜오좡(棗莊)시의 기업은 12개다.", [("짜오좡", "370400")]),
        ("이우시는 세계 최대 소상품 시장이다.", [("이우시", "330782")]),
        ("카스(喀什)시 고성을 찾았다.", [("카스", "653101")]),
        ("톈진 빈하이(濱海)신구에 기업이 모였다.", [("톈진", "120000"), ("빈하이", "120116")]),
        ("광뚱(廣東)성의 수출이 늘었다.", [("광뚱", "440000")]),
        # a province glued to a place inside it, glossed as one word: both are named
        ("후베이이창(湖北宜昌)의 귤 농가가 늘었다.", [("후베이", "420000"), ("이창", "420500")]),
        ("광둥메이저우(廣東梅州)와 푸젠룽옌(福建龍岩)을 잇는 철도가 놓였다.",
         [("광둥", "440000"), ("메이저우", "441400"), ("푸젠", "350000"), ("룽옌", "350800")]),
    ],
)
def test_mentions(sentence, expected):
    got, _ = _places(sentence)
    assert got == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "지난 10일 회의가 열렸다.",  # 济南 (지난) vs 'last'
        "한중 관계가 발전했다.",  # 汉中 (한중) vs 韓中
        "상당한 성과를 거뒀다.",  # 上党 (상당) vs 'considerable'
        "중산층이 늘었다.",  # 中山 (중산) inside another word
        "시안을 검토했다.",  # 西安 (시안) vs 試案 'draft', no Shaanxi context
        "총서기를 위수로 하는 당중앙",  # 玉树 (위수) vs 爲首 'headed by' (blind layout batch 14)
        "장시화학(江西化學)이 공장을 지었다.",  # a province and a word that names no division in it
    ],
)
def test_everyday_words_are_not_places(sentence):
    got, _ = _places(sentence)
    assert got == []


def test_ambiguous_name_stays_unresolved_with_candidates_and_warning():
    article = parse_article("산시성의 석탄 생산이 늘었다.")
    (place,) = article.places
    assert place.code is None and set(place.candidates) == {"140000", "610000"}
    assert any(w.code == "W302" for w in article.warnings)


def test_annotation_anywhere_in_the_article_resolves_earlier_bare_mentions():
    text = "산시성 수출 급증\n\n(베이징=신화통신) 중국 산시(陝西)성의 수출이 늘었다. 산시성은 시안을 중심으로 성장했다.\n"
    got, article = _places(text, published="2023-07-10")
    assert [c for _, c in got] == ["610000", "610000", "610000", "610100"]
    assert not any(w.code == "W302" for w in article.warnings)


def test_hangul_that_does_not_fit_the_hanja_warns():
    article = parse_article("베이징(上海)에서 회의가 열렸다.")
    (place,) = article.places
    assert place.code == "310000" and place.hanja == "上海"
    assert any(w.code == "W301" for w in article.warnings)


def test_place_codes_reach_the_facts_of_their_sentence():
    article = parse_article("장쑤성의 GDP는 3조 위안을 넘었다. 다른 문장에서 5%가 늘었다.")
    money = article.facts_of("money")[0]
    pct = article.facts_of("percentage")[0]
    assert money.places == ("320000",)
    assert pct.places == ()


def test_seed_places_and_regions_match_gold(seed_article, seed_gold):
    got = [(p.text, p.hanja, p.code) for p in seed_article.places if p.kind == "division"]
    want = [(p["text"], p["hanja"], p["code"]) for p in seed_gold["places"]]
    assert got == want
    regions = [(p.text, p.hanja, p.name_zh, set(p.members)) for p in seed_article.places if p.kind == "region"]
    assert regions == [(r["text"], r["hanja"], r["name_zh"], set(r["members"])) for r in seed_gold["regions"]]


def test_chinese_paragraph_is_segmented_with_jieba():
    text = "중국어 원문을 함께 싣는다.\n\n据新华社报道，广东省深圳市南山区的企业数量增长。\n"
    article = parse_article(text)
    zh = [p for p in article.paragraphs if p.lang == "zh"]
    assert zh
    codes = [p.code for p in article.places]
    assert "440300" in codes or "440305" in codes


def test_everyday_chinese_words_spelling_a_county_are_no_places_in_chinese_prose():
    # 合作 'cooperation' (合作市), 中方 'the Chinese side' (中方县), 和平 'peace' (和平区), a
    # person 郑永年 (永年县) — seen on a blind page; with their suffix or their prefecture
    # before them they are places
    text = ("중국어 원문을 함께 싣는다.\n\n中方重视中韩关系，双方是分不开的合作伙伴，为地区和平作出贡献。\n\n"
            "新加坡国立大学教授郑永年认为，甘肃甘南合作的牧民和天津市和平区的企业都在发展。\n")
    article = parse_article(text)
    got = [(p.text, p.code) for p in article.places]
    assert got == [("甘肃", "620000"), ("甘南", "623000"), ("合作", "623001"), ("天津市", "120000"),
                   ("和平区", "120101")]


def test_place_names_are_one_kiwi_token(seed_article):
    surfaces = {(seed_article.text[t.start : t.end], t.tag) for t in seed_article.tokens}
    for name in ("짜오좡", "쑤이저우", "셴타오", "융촨"):
        assert (name, "NNP") in surfaces, name


def test_jinan_and_the_everyday_word_in_one_article():
    text = ("산둥성 지난(濟南)시의 교역이 늘었다. 지난해 지난시의 수출은 5% 증가했다. "
            "지난 10일 지난 세관이 발표했다.")
    got, _ = _places(text, published="2014-07-08")
    jinan = [t for t, c in got if c == "370100"]
    assert jinan == ["지난", "지난시", "지난"]  # 지난(濟南), 지난시의, 지난 세관; not 지난해 / 지난 10일


def test_a_bare_name_takes_the_nearest_gloss_before_it():
    text = ("저장성 타이저우(台州)시의 민영기업이 늘었다. 타이저우의 수출도 늘었다. "
            "장쑤성 타이저우(泰州)시도 성장했다. 타이저우는 의약 산업이 강하다.")
    got, _ = _places(text)
    codes = [c for t, c in got if t.startswith("타이저우")]
    assert codes == ["331000", "331000", "321200", "321200"]


def test_a_gloss_that_is_not_a_place_blocks_the_name():
    got, _ = _places("한중(漢中)시는 산시성에 있다. '한중(韓中)' 교류가 늘었다.")
    assert [c for t, c in got if t.startswith("한중")] == ["610700"]


def test_county_gloss_outside_the_named_city_is_not_taken():
    text = "장시성 난창(南昌)시가 회의를 열었다. 우한 둥후(東湖)하이테크개발구도 참가했다."
    got, _ = _places(text)
    assert "360102" not in [c for _, c in got]
    assert ("우한", "420100") in got


def test_stoplisted_province_name_needs_a_gloss():
    assert _places("타이완의 수출이 늘었다.")[0] == []
    assert _places("타이완(臺灣) 기업이 늘었다.")[0] == [("타이완", "710000")]


# --------------------------------------------------------------------------- issue 12
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Sino-Korean readings (한자음) of provinces and big cities, with their own suffix
        ("강소성과 절강성의 교역이 늘었다.", [("강소성", "320000"), ("절강성", "330000")]),
        ("하남성 정부가 발표했다.", [("하남성", "410000")]),
        ("천진시에 공장을 세웠다.", [("천진시", "120000")]),
    ],
)
def test_sino_korean_readings_with_their_suffix(sentence, expected):
    got, _ = _places(sentence)
    assert got == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "강소기업을 육성한다.",  # 강소 'small but strong', not 江苏 without 성
        "하남에서 열렸다.",  # a bare reading is no place without a suffix or gloss (Hanam, Korea)
        "광동 지역 주민",  # bare reading, no gloss in the article
    ],
)
def test_bare_sino_korean_readings_need_context(sentence):
    got, _ = _places(sentence)
    assert got == []


def test_a_non_standard_transcription_glossed_once_is_then_used_bare():
    got, _ = _places("성도 항주(杭州)시에서 열렸다. 항주의 기업과 항주시 정부가 참여했다.")
    assert got == [("항주", "330100"), ("항주", "330100"), ("항주시", "330100")]


def test_an_everyday_word_name_after_its_own_gloss_is_the_place():
    got, _ = _places("윈난성 다리(大理)시를 찾았다. 다리와 쿤밍을 잇는 철도가 개통했다.")
    assert got == [("윈난성", "530000"), ("다리", "532901"), ("다리", "532901"), ("쿤밍", "530100")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("허베이성 츠현에서 발견됐다.", [("허베이성", "130000"), ("츠현", "130427")]),
        ("간쑤성 리현의 사과", [("간쑤성", "620000"), ("리현", "621226")]),
        ("허베이성 셴현(獻縣)에서 열렸다.", [("허베이성", "130000"), ("셴현", "130929")]),
        ("허베이성 츠(磁)현 주민", [("허베이성", "130000"), ("츠", "130427")]),
    ],
)
def test_one_character_counties_with_their_suffix(text, expected):
    got, _ = _places(text)
    assert got == expected


@pytest.mark.parametrize("text", ["리현에서 축제가 열렸다.", "허베이성과 후난성의 리현에서 행사가 열렸다."])
def test_one_character_county_of_several_places_stays_ambiguous_with_candidates(text):
    article = parse_article(text)
    county = [p for p in article.places if p.text == "리현"]
    assert len(county) == 1 and county[0].code is None
    assert {"130635", "430723"} <= set(county[0].candidates)  # 蠡县 (Hebei), 澧县 (Hunan)…
    assert any(w.code == "W302" for w in article.warnings)


def test_one_character_county_alone_resolves_when_the_spelling_is_unique():
    got, _ = _places("츠현에서 유적이 발견됐다.")
    assert got == [("츠현", "130427")]


@pytest.mark.parametrize("text", ["허베이성은 새 기술을 구현했다.", "허베이성 출신 지현 씨가 말했다."])
def test_two_syllable_words_in_kiwis_dictionary_spelling_a_county_stay_out(text):
    got, _ = _places(text)  # 구현 'implementation', 지현 a given name: data/county_common_words.tsv
    assert got == [("허베이성", "130000")]


@pytest.mark.parametrize("table, script, tool", [
    ("county_common_words.tsv", "build_county_common_words.py", "kiwipiepy"),  # Kiwi's dictionary
    ("zh_everyday_stems.tsv", "build_zh_everyday_stems.py", "jieba"),  # jieba's dictionary
])
def test_generated_word_lists_match_their_generator(table, script, tool):
    import importlib
    import importlib.util
    from pathlib import Path

    version = importlib.import_module(tool).__version__
    root = Path(__file__).resolve().parents[2]
    committed = (root / "src" / "xinhua_extract" / "data" / table).read_text(encoding="utf-8")
    made_with = committed.splitlines()[1].split()[2].rstrip(";")
    if made_with != version:
        pytest.skip(f"the list was made with {tool} {made_with}, {version} is installed")
    spec = importlib.util.spec_from_file_location(script[:-3], root / "scripts" / script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert committed == module.render(), f"run python scripts/{script}"


def test_a_sino_korean_reading_written_with_its_suffix_anchors_its_bare_uses():
    got, _ = _places("절강의 수출이 늘었다. 절강성 통계국이 밝혔다. 강소성은 강소기업을 키운다.")
    assert got == [("절강", "330000"), ("절강성", "330000"), ("강소성", "320000")]


# --- issue 12, the long tail seen on real articles (sentences of our own)
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # nationalities and an autonomous suffix, glued, after a gloss, or spaced
        ("윈난성 멍롄다이족라후족와족자치현에서 커피를 딴다.", [("윈난성", "530000"), ("멍롄다이족라후족와족자치현", "530827")]),
        ("윈난성 멍롄(孟連)다이족라후족와족자치현의 찻잎", [("윈난성", "530000"), ("멍롄", "530827")]),
        ("구이저우성 첸둥난먀오족둥족자치주 룽장현", [("구이저우성", "520000"), ("첸둥난먀오족둥족자치주", "522600"),
                                              ("룽장현", "522632")]),
        ("광시좡족자치구 난닝시", [("광시좡족자치구", "450000"), ("난닝시", "450100")]),
        # 티베트족 (藏族) is a people: no 西藏 inside the prefecture's name
        ("칭하이성 궈뤄(果洛)티베트족자치주 마둬(瑪多)현", [("칭하이성", "630000"), ("궈뤄", "632600"), ("마둬", "632626")]),
        # a county glossed without a suffix in a province the article names
        ("윈난성 멍롄(孟連)의 농장", [("윈난성", "530000"), ("멍롄", "530827")]),
        ("간쑤성은 서쪽 끝 퉁웨이(通渭)에도 풍력단지를 지었다.", [("간쑤성", "620000"), ("퉁웨이", "621121")]),
        # … not one fused with the noun after its gloss (a company's branch), nor a town
        ("헤이룽장성 베이다황(北大荒)그룹 유이(友誼)지사의 콩밭", [("헤이룽장성", "230000")]),
        ("구이저우성 싱런(興仁)진의 생강 농가", [("구이저우성", "520000")]),
        # a town named like its county (우이진, 武邑镇) is not coded
        ("허베이성 우이(武邑)현 우이진의 밀밭", [("허베이성", "130000"), ("우이", "131122")]),
        # one name glossed word by word: the joined hanja name the banner
        ("퉁랴오(通遼)시 커얼친(科爾沁) 좌익(左翼) 중기(中旗)의 목장",
         [("퉁랴오", "150500"), ("커얼친(科爾沁) 좌익(左翼) 중기", "150521")]),
        ("쑤저우(蘇州) 우시(無錫) 창저우(常州)를 잇는 철도",  # a list joins into no name
         [("쑤저우", "320500"), ("우시", "320200"), ("창저우", "320400")]),
        # a station glossed as its city and a direction names the city before it
        ("지린성 자오허 서역(蛟河西)과 투먼 북역(圖們北)", [("지린성", "220000"), ("자오허", "220281"), ("투먼", "222402")]),
        # a province glued after 중국 in a name written as one word
        ("제1회 중국광시민속문화박람회가 열렸다.", [("광시", "450000")]),
        # county-level cities of four or more syllables are written bare (border ports)
        ("화물은 만저우리와 얼롄하오터를 거쳐 유럽으로 간다.", [("만저우리", "150781"), ("얼롄하오터", "152501")]),
        ("허난성 지리(吉利)의 공장", [("허난성", "410000")]),  # 吉利 the carmaker: a district needs its city
        # … and glossed without their province, like a bare one (issue 12, batch G)
        ("국경 열차는 훠얼궈쓰(霍爾果斯)에서 출발한다.", [("훠얼궈쓰", "654004")]),
        # a gloss that carries the nationality before an autonomous suffix
        ("신장 서쪽 차부차얼시버(察布查爾錫伯)자치현의 논", [("신장", "650000"), ("차부차얼시버", "654022")]),
        # a municipality's district glossed on its own: a city to the reader (issue 12, F)
        ("허난성 철도는 정저우에서 완저우(萬州)까지 뻗는다.", [("허난성", "410000"), ("정저우", "410100"),
                                                   ("완저우", "500101")]),
        ("베이징 하이뎬(海淀)에 연구소가 있다.", [("베이징", "110000"), ("하이뎬", "110108")]),
        ("윈난성 위시의 담배 공장", [("윈난성", "530000"), ("위시", "530400")]),  # 위시 in its province's story
        # … not one whose hanja also names another district (滨海: Tianjin and Jiangsu)
        ("항구 도시 빈하이(濱海)의 부두", []),
        # a glossed name that holds its own city (…지역의 정저우) is a wider area, not the
        # city's district 中原区 (the Central Plains; issue 12, F)
        ("중원(中原) 지역의 정저우(鄭州)에 철도가 모인다. 중원의 교통이 빨라졌다.", [("정저우", "410100")]),
        ("정저우(鄭州)시 중원(中原)구의 공장", [("정저우", "410100"), ("중원", "410102")]),
        # a county named with its suffix tells which 산시 (山西 or 陕西) the article means
        # (issue 12, blind batch I)
        ("산시성 류린현의 마을", [("산시성", "140000"), ("류린현", "141125")]),
        ("산시성 닝창현의 논", [("산시성", "610000"), ("닝창현", "610726")]),
        # a nationality with its own gloss before the autonomous suffix (issue 12, blind batch J)
        ("구이저우성 위핑 둥족(侗族)자치현의 복숭아", [("구이저우성", "520000"), ("위핑", "520622")]),
        # a gloss covering the word before the space too is one name, one mention (blind batch Q)
        ("윈난성 누장 리수족(怒江傈僳族)자치주의 마을", [("윈난성", "530000"), ("누장", "533300")]),
        ("구이저우성 첸둥난 묘족 동족 자치주(黔东南苗族侗族自治州)의 마을", [("구이저우성", "520000"), ("첸둥난", "522600")]),
        # a glossed district right after another city, its own city and province unnamed, is
        # that city's old town, not Luoyang's 老城区 (blind batch T)
        ("위린(榆林)시 라오청(老城)구 광장", [("위린", "610800")]),
        # a province glued after a city inside a school's name is a mention; an everyday
        # noun there (저장 'storage') is not (blind batch T)
        ("라싸(拉薩)시의 라싸장쑤실험중학교", [("라싸", "540100"), ("라싸", "540100"), ("장쑤", "320000")]),
        ("칭다오저장창고가 문을 열었다.", []),
        # loose spellings: with a province's or prefecture's suffix (쟝, 뚱 for 장, 둥), and a
        # loose or older spelling of a name the article glossed (옌벤 for 옌볜) (blind batch V)
        ("저쟝성의 농가가 늘었다.", [("저쟝성", "330000")]),
        ("광뚱성과 쟝쑤성의 수출", [("광뚱성", "440000"), ("쟝쑤성", "320000")]),
        ("옌볜(延邊)조선족자치주 대표단이 왔다. 옌벤 지역은 협약을 맺었다.", [("옌볜", "222400"), ("옌벤", "222400")]),
        ("쟝은 말했다.", []),
        # an older convention's spelling (-ian as 엔) of a glossed name (blind batch X)
        ("톈진(天津) 시험구가 섰다. 텐진 시험구는 컸다.", [("톈진", "120000"), ("텐진", "120000")]),
        ("텐진은 컸다.", []),
        # a place inside an organisation's name (fixtures README): a paper glossed whole whose
        # hanja opens with the city, a company with a note in hangul, a port named by two
        # glossed cities (blind batches Y, Z)
        ("상하이증권보(上海證券報)의 통계", [("상하이", "310000")]),
        ("비야디(比亞迪)가 컸다.", []),
        # a place glued before the part of a company's name its gloss spells, or opening a
        # company glossed whole; a banner named after its own people, spaced (blind batch AD)
        ("후베이건쥐디(根聚地)농업그룹", [("후베이", "420000")]),
        ("우한유뎬(郵電)과학연구소와 우한광쉰(光迅)과학기술회사", [("우한", "420100"), ("우한", "420100")]),
        ("하이난항공(海南航空)이 날았다.", [("하이난", "460000")]),
        ("후룬베이얼시 어원커족 자치기 중신진", [("후룬베이얼시", "150700"), ("어원커족 자치기", "150724")]),
        ("어원커족은 소수민족이다.", []),
        ("톈진항(그룹)유한회사 부총재", [("톈진", "120000")]),
        # a station glued after its glossed city; a place of its own in a hangul parenthesis;
        # a name glued after 중한 in a park's name (blind batches AA, AB)
        ("저장(浙江)성 이우(義烏)서역을 떠났다.", [("저장", "330000"), ("이우", "330782")]),
        ("간쑤(란저우)국제육항", [("간쑤", "620000"), ("란저우", "620100")]),
        ("장쑤성 옌청(鹽城)시의 중한옌청산업협력단지", [("장쑤성", "320000"), ("옌청", "320900"), ("옌청", "320900")]),
        # the two ends of a route: paired after a place, a county right after its city (blind batch AA)
        ("항저우와 황산을 잇는 철도, 항저우-황산 구간",
         [("항저우", "330100"), ("황산", "341000"), ("항저우", "330100"), ("황산", "341000")]),
        ("구이저우성 퉁런(銅仁)시의 퉁런-위핑 철도", [("구이저우성", "520000"), ("퉁런", "520600"), ("퉁런", "520600"),
                                            ("위핑", "520622")]),
        ("황산에 올랐다.", []),
        # Yanbian's names as the Korean-language press of China writes them, a city glued
        # after its prefecture (blind batch AA)
        ("지린성 연변룡정시와 연변 훈춘시", [("지린성", "220000"), ("연변", "222400"), ("룡정시", "222405"),
                                   ("연변", "222400"), ("훈춘시", "222404")]),
        ("닝보(寧波)저우산(舟山)항이 컸다. 닝보저우산항에 따르면",
         [("닝보", "330200"), ("저우산", "330900"), ("닝보", "330200"), ("저우산", "330900")]),
        # an everyday-word name listed after other places is a place of the list; alone it is not
        ("칭다오, 선전, 난징, 시안 등 도시들", [("칭다오", "370200"), ("선전", "440300"), ("난징", "320100"),
                                      ("시안", "610100")]),
        ("계획 시안, 수정안을 냈다.", []),
        # an everyday-word name the article writes later with its suffix is a place before
        # that too: the title and lead come first (blind batch X)
        ("옛 도읍 시안은 길을 넓혔다. 시안시 시장은 말했다.", [("시안", "610100"), ("시안시", "610100")]),
        ("지난 3년간 늘었다. 지난시 시장은 말했다.", [("지난시", "370100")]),
        ("산둥성 지난시의 소득은 지난 해보다 9% 늘었다.", [("산둥성", "370000"), ("지난시", "370100")]),
        # a county with its suffix glued to its government's name (blind batch W)
        ("푸젠성 더화현인민정부의 추천으로", [("푸젠성", "350000"), ("더화현", "350526")]),
        # a wire lead's filing place, again in a gallery's later caption, is no mention (blind batch U)
        ("공장의 옛 모습.\n\n(중국 인촨=신화통신) 기자 = 닝샤 스쭈이산의 공원.", [("닝샤", "640000"), ("스쭈이산", "640200")]),
        ("허난성 뤄양(洛陽)시 라오청(老城)구의 거리", [("허난성", "410000"), ("뤄양", "410300"), ("라오청", "410302")]),
        # a county anchors its name, but the name with another suffix is another division:
        # 지안현 (吉安县) then 지안시 (吉安市)
        ("장시성 지안현의 농민은 지안시 시장에 간다.", [("장시성", "360000"), ("지안현", "360821"),
                                               ("지안시", "360800")]),
        # a district right after its city or municipality, even spelled loosely (푸동 for
        # 푸둥 浦东), then the standard spelling bare (issue 12, blind batch K)
        ("상하이 푸동의 개발은 빨랐다. 푸둥은 금융 중심이다.", [("상하이", "310000"), ("푸동", "310115"),
                                                   ("푸둥", "310115")]),
        ("상하이의 무역이 늘었다. 푸둥의 공장도 바빴다.", [("상하이", "310000"), ("푸둥", "310115")]),
        ("우룸치시 관광지에 사람이 몰렸다.", [("우룸치시", "650100")]),  # a common variant (place_aliases)
        # a mountain glossed, then its cue (not Urumqi's 天山区); a district several cities
        # have, none of them named, is a local area (Urumqi's Nanshan, not Shenzhen's)
        ("우루무치시 훙산 공원과 톈산(天山) 천지에 관광객이 몰렸다.", [("우루무치시", "650100")]),
        ("우루무치의 관광객은 난산(南山)구 관광지 민박에 묵었다.", [("우루무치", "650100")]),
        # a gloss in hangul (a native name) says nothing of the hanja: the head with the
        # suffix after the parenthesis; Mongolian names of banners (place_aliases); a street
        # (거리, 街道) named like a province is not coded (issue 12, blind batch L)
        ("츠펑(울란하드)시 하르친기 허난거리의 가족", [("츠펑", "150400"), ("하르친기", "150428")]),
        ("네이멍구 둥우짐친기와 오르도스시 항긴기의 초원", [("네이멍구", "150000"), ("둥우짐친기", "152525"),
                                              ("오르도스시", "150600"), ("항긴기", "150625")]),
        # a glossed township is not coded; its county is
        ("윈난성 푸궁(福貢)현 루마덩(鹿馬登)향의 마을", [("윈난성", "530000"), ("푸궁", "533323")]),
        # an ü-syllable written with the plain vowel, with its suffix, in its province (W303)
        ("윈난성 루춘현의 차밭이 넓어졌다.", [("윈난성", "530000"), ("루춘현", "532531")]),
        # a river or a mountain that spells a division: the feature, by the word after it
        ("누장 리수족자치주의 마을은 누장 서쪽 협곡에 있다.", [("누장", "533300")]),
        ("관광객들이 황산 정상에 올랐다. 황산시는 호텔을 늘렸다.", [("황산시", "341000")]),
    ],
)
def test_long_tail_of_real_articles(sentence, expected):
    got, _ = _places(sentence)
    assert got == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "루춘현의 차밭이 넓어졌다.",  # a respelling needs its province in the article
        "수출이 늘었고 주요 기업이 유지됐다.",  # 수/주/유 are no ü-syllables of a place here
        "리장 강변을 걸었다.",  # 漓江, the river, spells 丽江 리장
        "가스 저장시설을 늘리고 데이터를 저장했다.",  # 저장 'storage', not 浙江
        "에너지 저장 용량을 늘리고 선전 활동을 벌였다.",  # Kiwi tags both common nouns here
        "수출 신장률이 높았고 장시간 회의가 이어졌다.",  # 신장률 'growth rate', 장시간 'long hours'
        "항구를 촬영했다. (사진/차오양 기자)",  # a reporter's name, not 朝阳
        "중국동방항공과 중국해양대학",  # 东方市, 海阳市: after 중국 only provinces or anchored names
        "관광객은 위시 리스트의 물건을 모두 샀다.",  # the loanword 'wish', not 玉溪 (issue 12, batch H)
        "수박, 하미과 등 과일이 많다.",  # 哈密瓜 the melon: Kiwi reads 하미과 as one noun (batch K)
        "투자가 늘었다. [신화통신 기자 허페이/광저우(廣州) 보도]",  # where the reporters filed from
        "관광객들은 고성의 골목을 걸었다.",  # 古城 'old town', not Lijiang's 古城区
    ],
)
def test_long_tail_negatives(sentence):
    got, _ = _places(sentence)
    assert got == []


def test_a_slip_in_a_gloss_is_read_by_the_hangul_with_a_warning():
    # 雲陽顯 (顯 for 縣) names nothing; 윈양현 is Chongqing's 云阳县, whose name the gloss holds
    got, article = _places("충칭(重慶) 윈양현(雲陽顯)의 풍경구")
    assert got == [("충칭", "500000"), ("윈양현", "500235")]
    assert any(w.code == "W301" for w in article.warnings)
    got, _ = _places("윈양현(雲陽顯)의 풍경구")  # no province named: nothing to anchor the reading
    assert got == []


def test_places_listed_in_a_gloss_inside_a_regions_name_are_mentions():
    article = parse_article("서비스는 청위(成渝·청두와 충칭) 지역에 제공된다.")
    assert [(p.text, p.code) for p in article.places if p.kind == "division"] == [("청두", "510100"), ("충칭", "500000")]
    assert [p.name_zh for p in article.places if p.kind == "region"] == ["成渝地区"]


def test_an_old_town_after_its_city_is_no_district():
    got, _ = _places("리장 고성에는 관광객이 많다.")
    assert got == [("리장", "530700")]


def test_a_name_glued_to_a_particle_stays_a_place_where_kiwi_splits_it():
    got, _ = _places("하미와 투루판을 잇는 철도")
    assert got == [("하미", "650500"), ("투루판", "650400")]


def test_a_county_shared_by_both_shanxis_leaves_the_province_ambiguous():
    # no county in the sentence, or one whose name several provinces share: 산시 stays open
    for sentence in ("산시성의 마을이 늘었다.", "산시성 리현의 사과"):
        article = parse_article(sentence)
        province = [p for p in article.places if p.text == "산시성"]
        assert len(province) == 1 and province[0].code is None
        assert {"140000", "610000"} <= set(province[0].candidates)


def test_an_everyday_noun_name_stays_a_place_where_kiwi_reads_a_proper_noun():
    got, _ = _places("선전 증시가 올랐고 저장 항저우의 기업이 늘었다.")
    assert got == [("선전", "440300"), ("저장", "330000"), ("항저우", "330100")]


def test_an_everyday_noun_name_stays_a_place_with_a_particle_or_its_own_gloss():
    got, _ = _places("장시(江西)성과 광둥 간 교역이 늘었다. 저장·안후이와의 협력, 선전(深圳)시의 선전세관")
    assert got == [("장시", "360000"), ("광둥", "440000"), ("저장", "330000"), ("안후이", "340000"),
                   ("선전", "440300"), ("선전", "440300")]


def test_respelled_county_warns():
    article = parse_article("윈난성 루춘현의 차밭이 넓어졌다.")
    assert [w.code for w in article.warnings if w.code.startswith("W3")] == ["W303"]


def test_feature_homonyms_match_their_generator():
    import importlib.util
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    committed = (root / "src" / "xinhua_extract" / "data" / "feature_homonyms.tsv").read_text(encoding="utf-8")
    sys.path.insert(0, str(root / "scripts"))
    try:
        spec = importlib.util.spec_from_file_location("build_fh", root / "scripts" / "build_feature_homonyms.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert committed == module.render(), "run python scripts/build_feature_homonyms.py"
    finally:
        sys.path.remove(str(root / "scripts"))


def test_region_with_a_gloss_inside_its_name():
    article = parse_article("난퉁시는 창장(長江)삼각주의 북쪽 날개에 있다.")
    regions = [(p.text, p.name_zh) for p in article.places if p.kind == "region"]
    assert regions == [("창장(長江)삼각주", "长江三角洲")]


def test_place_everyday_words_match_their_generator():
    import importlib.util
    import sys
    from pathlib import Path

    import kiwipiepy

    root = Path(__file__).resolve().parents[2]
    committed = (root / "src" / "xinhua_extract" / "data" / "place_everyday_words.tsv").read_text(encoding="utf-8")
    made_with = committed.splitlines()[1].split()[2].rstrip(";")
    if made_with != kiwipiepy.__version__:
        pytest.skip(f"the list was made with kiwipiepy {made_with}, {kiwipiepy.__version__} is installed")
    sys.path.insert(0, str(root / "scripts"))
    try:
        spec = importlib.util.spec_from_file_location("build_pew", root / "scripts" / "build_place_everyday_words.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert committed == module.render(), "run python scripts/build_place_everyday_words.py"
    finally:
        sys.path.remove(str(root / "scripts"))
