"""The pinyin -> hangul table (NIKL 외래어 표기법, Chinese), suffixes, Sino-Korean readings.

Examples worked out from the rules by hand: the 주음 부호와 한글 대조표 and rule 3 of the
표기 세칙 (after ㅈ ㅉ ㅊ, ㅑ ㅖ ㅛ ㅠ are written ㅏ ㅔ ㅗ ㅜ).
"""

from __future__ import annotations

import pytest

from xinhua_extract.places.transcribe import (
    heteronyms,
    loose_key,
    other_readings,
    pinyin_to_hangul,
    sino_korean,
    sino_korean_variants,
    split_suffix,
    syllable_to_hangul,
    syllable_variants,
    to_simplified,
    transcribe_zh,
    variant_spellings,
    zh_pinyin,
)

SYLLABLES = [
    # apical vowel after retroflex and dental sibilants -> ㅡ
    ("zhi", "즈"), ("chi", "츠"), ("shi", "스"), ("ri", "르"), ("zi", "쯔"), ("ci", "츠"), ("si", "쓰"),
    # initials: z ㅉ, c ㅊ, s ㅆ; j ㅈ, q ㅊ, x ㅅ; zh ㅈ, ch ㅊ, sh ㅅ, r ㄹ
    ("za", "짜"), ("ca", "차"), ("sa", "싸"), ("zha", "자"), ("cha", "차"), ("sha", "사"), ("ran", "란"),
    # rule 3: glides dropped after ㅈ ㅊ, kept after ㅅ and others
    ("jia", "자"), ("qia", "차"), ("xia", "샤"), ("lia", "랴"),
    ("jie", "제"), ("qie", "체"), ("xie", "셰"), ("lie", "례"), ("nie", "녜"),
    ("jiu", "주"), ("qiu", "추"), ("xiu", "슈"), ("liu", "류"), ("niu", "뉴"),
    ("jiao", "자오"), ("xiao", "샤오"), ("biao", "뱌오"),
    ("jian", "젠"), ("qian", "첸"), ("xian", "셴"), ("tian", "톈"), ("lian", "롄"), ("bian", "볜"),
    ("jiang", "장"), ("qiang", "창"), ("xiang", "샹"), ("liang", "량"),
    ("jiong", "중"), ("qiong", "충"), ("xiong", "슝"), ("yong", "융"),
    # ü after j q x y, and after n l
    ("ju", "쥐"), ("qu", "취"), ("xu", "쉬"), ("yu", "위"), ("lü", "뤼"), ("lv", "뤼"), ("nü", "뉘"),
    ("jue", "줴"), ("xue", "쉐"), ("yue", "웨"), ("lüe", "뤠"), ("lue", "뤠"),
    ("juan", "쥐안"), ("xuan", "쉬안"), ("yuan", "위안"),
    ("jun", "쥔"), ("xun", "쉰"), ("yun", "윈"),
    # uei / uen / uo after consonants vs. standalone
    ("gui", "구이"), ("sui", "쑤이"), ("rui", "루이"), ("wei", "웨이"),
    ("dun", "둔"), ("chun", "춘"), ("wen", "원"),
    ("duo", "둬"), ("luo", "뤄"), ("zuo", "쭤"), ("wo", "워"),
    ("guan", "관"), ("chuan", "촨"), ("wan", "완"), ("huang", "황"), ("zhuang", "좡"), ("wang", "왕"),
    ("guai", "과이"), ("wai", "와이"), ("weng", "웡"),
    # other finals
    ("dong", "둥"), ("zhou", "저우"), ("ou", "어우"), ("e", "어"), ("ge", "거"), ("er", "얼"),
    ("bei", "베이"), ("hai", "하이"), ("bo", "보"), ("fo", "포"), ("yi", "이"), ("ya", "야"),
    ("ye", "예"), ("yao", "야오"), ("you", "유"), ("yan", "옌"), ("yin", "인"), ("ying", "잉"),
    ("yang", "양"), ("wu", "우"), ("wa", "와"), ("a", "아"), ("ang", "앙"), ("en", "언"),
]


@pytest.mark.parametrize(("syllable", "hangul"), SYLLABLES)
def test_syllable_table(syllable, hangul):
    assert syllable_to_hangul(syllable) == hangul


BRIEF_EXAMPLES = [
    ("zao zhuang", "짜오좡"), ("yong chuan", "융촨"), ("sui zhou", "쑤이저우"), ("xian tao", "셴타오"),
    ("chong qing", "충칭"), ("huang shi", "황스"), ("xiao gan", "샤오간"), ("lan zhou", "란저우"),
    ("guang dong", "광둥"), ("shan dong", "산둥"), ("hu bei", "후베이"), ("hu nan", "후난"),
    ("shang hai", "상하이"), ("bei jing", "베이징"), ("cheng du", "청두"),
]


@pytest.mark.parametrize(("pinyin", "hangul"), BRIEF_EXAMPLES)
def test_pinyin_to_hangul(pinyin, hangul):
    assert pinyin_to_hangul(pinyin.split()) == hangul
    assert pinyin_to_hangul(pinyin) == hangul


def test_pinyin_with_tones_and_apostrophes():
    assert pinyin_to_hangul(["Zǎo", "zhuāng"]) == "짜오좡"
    assert pinyin_to_hangul(["zao3", "zhuang1"]) == "짜오좡"
    assert pinyin_to_hangul("Xī'ān") == "시안"


@pytest.mark.parametrize("bad", ["xyz", "qa", "zhv", ""])
def test_not_pinyin_raises(bad):
    with pytest.raises(ValueError):
        syllable_to_hangul(bad)


TRANSCRIPTIONS = [
    # the seed article's places, simplified and traditional
    ("枣庄", "짜오좡"), ("棗莊", "짜오좡"), ("广东", "광둥"), ("廣東", "광둥"), ("重庆", "충칭"),
    ("重慶", "충칭"), ("黄石", "황스"), ("隨州", "쑤이저우"), ("仙桃", "셴타오"), ("孝感", "샤오간"),
    ("永川", "융촨"), ("蘭州", "란저우"), ("成都", "청두"), ("上海", "상하이"), ("北京", "베이징"),
    # phrase-level readings of polyphonic characters
    ("长沙", "창사"), ("厦门", "샤먼"), ("长治", "창즈"), ("长子", "장쯔"), ("闵行", "민항"),
    ("郫都", "피두"), ("乐亭", "라오팅"), ("六安", "루안"), ("蚌埠", "벙부"), ("朝阳", "차오양"),
    ("库尔勒", "쿠얼러"), ("珲春", "훈춘"),
    # administrative suffixes are read in Korean
    ("枣庄市", "짜오좡시"), ("山东省", "산둥성"), ("永川区", "융촨구"), ("磁县", "츠현"),
    ("矿区", "쾅구"), ("井陉矿区", "징싱광구"), ("浦东新区", "푸둥신구"), ("神农架林区", "선눙자 임구"),
    ("大兴安岭地区", "다싱안링지구"), ("锡林郭勒盟", "시린궈러맹"), ("奈曼旗", "나이만기"),
    ("土默特左旗", "투모터 좌기"), ("科尔沁左翼中旗", "커얼친 좌익중기"),
    ("河南蒙古族自治县", "허난 몽골족 자치현"), ("延边朝鲜族自治州", "옌볜 조선족 자치주"),
    ("宁夏回族自治区", "닝샤 후이족 자치구"), ("新疆维吾尔自治区", "신장 위구르 자치구"),
    # 旗 is part of a two-character name, and 林区 / 新区 need a long enough stem
    ("红旗", "훙치"), ("社旗", "서치"), ("万柏林区", "완바이린구"), ("清新区", "칭신구"),
    # conventional names
    ("香港", "홍콩"), ("澳门", "마카오"), ("香港特别行政区", "홍콩 특별행정구"), ("台湾", "타이완"),
]


@pytest.mark.parametrize(("name", "hangul"), TRANSCRIPTIONS)
def test_transcribe_zh(name, hangul):
    assert transcribe_zh(name) == hangul


SPLITS = [
    ("枣庄市", ("枣庄", "市", ())),
    ("海南藏族自治州", ("海南", "自治州", ("藏族",))),
    ("内蒙古自治区", ("内蒙古", "自治区", ())),
    ("东乡族自治县", ("东乡", "自治县", ())),
    ("鄂伦春自治旗", ("鄂伦春", "自治旗", ())),
    ("积石山保安族东乡族撒拉族自治县", ("积石山", "自治县", ("保安族", "东乡族", "撒拉族"))),
    ("伊犁哈萨克自治州", ("伊犁", "自治州", ("哈萨克",))),
    ("隆林各族自治县", ("隆林", "自治县", ("各族",))),
    ("土默特左旗", ("土默特", "左旗", ())),
    ("红旗", ("红旗", "", ())),
    ("神农架林区", ("神农架", "林区", ())),
    ("万柏林区", ("万柏林", "区", ())),
    ("清新区", ("清新", "区", ())),
    ("磁县", ("磁", "县", ())),
    ("香港特别行政区", ("香港", "特别行政区", ())),
    ("海南", ("海南", "", ())),
]


@pytest.mark.parametrize(("name", "parts"), SPLITS)
def test_split_suffix(name, parts):
    assert split_suffix(name) == parts


def test_zh_pinyin_is_one_syllable_per_character():
    assert zh_pinyin("重庆") == ["chong", "qing"]
    assert zh_pinyin("長沙") == ["chang", "sha"]
    assert zh_pinyin("厦门") == ["xia", "men"]


@pytest.mark.parametrize(
    ("name", "reading"),
    [("上海", "상해"), ("北京", "북경"), ("天津", "천진"), ("重慶", "중경"), ("廣東", "광동"),
     ("台湾", "대만"), ("龍井", "용정"), ("洛阳", "낙양"), ("成都", "성도")],
)
def test_sino_korean(name, reading):
    assert sino_korean(name) == reading


def test_sino_korean_variants_keep_plain_readings():
    assert sino_korean_variants("兰州") == ("난주", "란주")
    assert sino_korean_variants("上海") == ("상해",)
    assert "오노목제" in sino_korean_variants("乌鲁木齐")  # each character read as a word


@pytest.mark.parametrize(
    ("variant", "standard"),
    [("광뚱", "광둥"), ("쟝쑤", "장쑤"), ("샹하이", "상하이"), ("똥청", "둥청"), ("스촨", "쓰촨"),
     ("청뚜", "청두"), ("난꽌", "난관"), ("웨강아오 대만구", "웨강아오대만구")],
)
def test_loose_key_folds_variants(variant, standard):
    assert loose_key(variant) == loose_key(standard)


def test_loose_key_keeps_distinct_names_apart():
    assert loose_key("산둥") != loose_key("산시")
    assert loose_key("후난") != loose_key("허난")


@pytest.mark.parametrize(
    ("syllable", "spellings"),
    [("jie", ("제", "지에")), ("qie", ("체", "치에")), ("tian", ("톈", "티엔", "텐")),
     ("jian", ("젠", "지엔")), ("jiang", ("장", "지앙")), ("liu", ("류", "리우")),
     ("guo", ("궈", "구오")), ("gui", ("구이", "궤이")), ("zhou", ("저우", "조우")),
     ("xue", ("쉐", "쉬에")), ("yun", ("윈", "원", "윤")), ("wen", ("원", "웬")),
     ("yong", ("융", "용")), ("yan", ("옌", "얀", "이엔")),
     # no convention of their own: the standard spelling only
     ("nan", ("난",)), ("xu", ("쉬",)), ("hu", ("후",)), ("shi", ("스",))],
)
def test_syllable_variants(syllable, spellings):
    got = syllable_variants(syllable)
    assert got[0] == syllable_to_hangul(syllable)
    assert set(spellings) <= set(got)
    if len(spellings) == 1:
        assert got == spellings


def test_syllable_variants_reject_non_pinyin():
    with pytest.raises(ValueError):
        syllable_variants("qa")


def test_variant_spellings_combine_every_syllable():
    assert variant_spellings(["yun", "nan"]) == {"윈난", "원난", "윤난"}
    assert {"톈진", "티엔진", "텐진"} <= variant_spellings(["tian", "jin"])
    # folded for the loose index: 쟈 and 자 are one key
    assert variant_spellings(["jia", "xing"], loose=True) == {loose_key("자싱"), loose_key("지아싱")}


def test_variant_conventions_do_not_merge_distinct_syllables():
    """The conventions left out would fold a syllable onto another's standard spelling."""
    for a, b in [("xu", "su"), ("hui", "hu"), ("shi", "xi"), ("chui", "qu"), ("lü", "lu")]:
        assert not {loose_key(v) for v in syllable_variants(a)} & {loose_key(v) for v in syllable_variants(b)}, (a, b)


def test_heteronyms_in_use():
    assert set(heteronyms("伽")) == {"ga", "jia", "qie"}
    assert set(heteronyms("长")) == {"zhang", "chang"}
    assert heteronyms("广") == ()  # yan is in old dictionaries only
    assert heteronyms("郴") == ()
    assert heteronyms("京") == ()  # one reading


def test_other_readings_change_one_character():
    readings = other_readings("伽师", ["jia", "shi"])
    assert ["qie", "shi"] in readings and ["ga", "shi"] in readings
    assert ["jia", "shi"] not in readings
    assert other_readings("北京", ["bei", "jing"]) == []
    assert other_readings("伽师", ["jia"]) == []  # one syllable per character or nothing


def test_to_simplified_keeps_offsets():
    text = "中韓(鹽城)產業園 and 棗莊"
    simplified = to_simplified(text)
    assert len(simplified) == len(text)
    assert simplified == "中韩(盐城)产业园 and 枣庄"
