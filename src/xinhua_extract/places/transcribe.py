"""Chinese place names to hangul.

Three readings of one name:

* :func:`pinyin_to_hangul` — the standard transcription of Hanyu Pinyin syllables by
  the NIKL rules (국립국어원 외래어 표기법, 중국어의 주음 부호와 한글 대조표 and its 표기
  세칙): ``zao zhuang`` -> ``짜오좡``.
* :func:`transcribe_zh` — a Chinese name (simplified or traditional) read with pypinyin's
  phrase dictionary, then transcribed; an administrative suffix is read the Korean way
  (``枣庄市`` -> ``짜오좡시``, ``磁县`` -> ``츠현``), as Korean texts write them.
* :func:`sino_korean` — the Sino-Korean (한자음) reading used by older and some current
  texts (``上海`` -> ``상해``); the per-character readings come from the build-time table
  shipped in ``data/hanja_readings.tsv`` (see ``data/SOURCES.md``).

Also :func:`loose_key`, the spelling-insensitive key the gazetteer uses to match
non-standard spellings (``광뚱``, ``쟝쑤``, ``샹하이``), and the spellings it indexes beside
the standard one: :func:`syllable_variants` / :func:`variant_spellings`, by older or
informal transcription conventions (``원난`` for yun nan, ``티엔진`` for tian jin), and
:func:`other_readings`, a name with one polyphonic character read otherwise (:func:`heteronyms`:
伽师 jia shi also read qie shi, ``치에스``).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from pathlib import Path

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[1] / "data"

__all__ = [
    "pinyin_to_hangul",
    "syllable_to_hangul",
    "transcribe_zh",
    "transcribe_parts",
    "sino_korean",
    "sino_korean_variants",
    "split_suffix",
    "loose_key",
    "syllable_variants",
    "variant_spellings",
    "heteronyms",
    "other_readings",
    "to_simplified",
    "to_traditional",
    "zh_pinyin",
    "SUFFIX_KO",
]

# --------------------------------------------------------------------------- jamo

_L = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_V = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_T = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ",
      "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
_HANGUL_BASE = 0xAC00


def _compose(lead: str, vowel: str, tail: str = "") -> str:
    return chr(_HANGUL_BASE + (_L.index(lead) * 21 + _V.index(vowel)) * 28 + _T.index(tail))


def _decompose(syllable: str) -> tuple[str, str, str] | None:
    code = ord(syllable) - _HANGUL_BASE
    if not 0 <= code < 11172:
        return None
    return _L[code // 588], _V[(code % 588) // 28], _T[code % 28]


# ------------------------------------------------------------------ pinyin table
# Initials (성모) -> leading consonant.
_INITIALS = {
    "b": "ㅂ", "p": "ㅍ", "m": "ㅁ", "f": "ㅍ", "d": "ㄷ", "t": "ㅌ", "n": "ㄴ", "l": "ㄹ",
    "g": "ㄱ", "k": "ㅋ", "h": "ㅎ", "j": "ㅈ", "q": "ㅊ", "x": "ㅅ",
    "zh": "ㅈ", "ch": "ㅊ", "sh": "ㅅ", "r": "ㄹ", "z": "ㅉ", "c": "ㅊ", "s": "ㅆ",
}
# The apical vowel after zh ch sh r z c s is written ㅡ (즈 츠 스 르 쯔 츠 쓰).
_APICAL = {"zh", "ch", "sh", "r", "z", "c", "s"}

# Finals (운모) -> hangul syllables as (vowel, tail); the first takes the initial, the
# rest are written with ㅇ.  Forms after a consonant where the table differs from the
# standalone (y-/w-) spelling: uei -> 우이, uen -> 운 (gui 구이, dun 둔).
_FINALS: dict[str, tuple[tuple[str, str], ...]] = {
    "a": (("ㅏ", ""),), "o": (("ㅗ", ""),), "e": (("ㅓ", ""),), "ê": (("ㅔ", ""),),
    "ai": (("ㅏ", ""), ("ㅣ", "")), "ei": (("ㅔ", ""), ("ㅣ", "")),
    "ao": (("ㅏ", ""), ("ㅗ", "")), "ou": (("ㅓ", ""), ("ㅜ", "")),
    "an": (("ㅏ", "ㄴ"),), "en": (("ㅓ", "ㄴ"),), "ang": (("ㅏ", "ㅇ"),), "eng": (("ㅓ", "ㅇ"),),
    "er": (("ㅓ", "ㄹ"),), "ong": (("ㅜ", "ㅇ"),),
    "i": (("ㅣ", ""),), "ia": (("ㅑ", ""),), "io": (("ㅛ", ""),), "ie": (("ㅖ", ""),),
    "iai": (("ㅑ", ""), ("ㅣ", "")), "iao": (("ㅑ", ""), ("ㅗ", "")), "iu": (("ㅠ", ""),),
    "iou": (("ㅠ", ""),), "ian": (("ㅖ", "ㄴ"),), "in": (("ㅣ", "ㄴ"),),
    "iang": (("ㅑ", "ㅇ"),), "ing": (("ㅣ", "ㅇ"),), "iong": (("ㅠ", "ㅇ"),),
    "u": (("ㅜ", ""),), "ua": (("ㅘ", ""),), "uo": (("ㅝ", ""),),
    "uai": (("ㅘ", ""), ("ㅣ", "")), "ui": (("ㅜ", ""), ("ㅣ", "")), "uei": (("ㅜ", ""), ("ㅣ", "")),
    "uan": (("ㅘ", "ㄴ"),), "un": (("ㅜ", "ㄴ"),), "uen": (("ㅜ", "ㄴ"),),
    "uang": (("ㅘ", "ㅇ"),), "ueng": (("ㅝ", "ㅇ"),),
    "ü": (("ㅟ", ""),), "üe": (("ㅞ", ""),), "üan": (("ㅟ", ""), ("ㅏ", "ㄴ")), "ün": (("ㅟ", "ㄴ"),),
}
# Syllables without an initial, in pinyin's y-/w- spelling.
_ZERO_INITIAL = {
    "yi": "i", "ya": "ia", "yo": "io", "ye": "ie", "yai": "iai", "yao": "iao", "you": "iu",
    "yan": "ian", "yin": "in", "yang": "iang", "ying": "ing", "yong": "iong",
    "yu": "ü", "yue": "üe", "yuan": "üan", "yun": "ün",
    "wu": "u", "wa": "ua", "wo": "uo", "wai": "uai", "wan": "uan", "wang": "uang",
}
_ZERO_INITIAL_HANGUL = {"wei": "웨이", "wen": "원", "weng": "웡"}
# Rule 3 of the 표기 세칙: after ㅈ ㅉ ㅊ the glides ㅑ ㅖ ㅛ ㅠ are written ㅏ ㅔ ㅗ ㅜ.
_DEGLIDE = {"ㅑ": "ㅏ", "ㅒ": "ㅐ", "ㅕ": "ㅓ", "ㅖ": "ㅔ", "ㅛ": "ㅗ", "ㅠ": "ㅜ"}

_TONE_MARKS = str.maketrans(
    {**{c: "a" for c in "āáǎà"}, **{c: "e" for c in "ēéěè"}, **{c: "i" for c in "īíǐì"},
     **{c: "o" for c in "ōóǒò"}, **{c: "u" for c in "ūúǔù"}, **{c: "ü" for c in "ǖǘǚǜ"},
     **{c: "" for c in "012345'’ "}}
)


def _normalise_syllable(syllable: str) -> str:
    s = syllable.strip().lower().translate(_TONE_MARKS)
    return s.replace("u:", "ü").replace("v", "ü")


def _combines(initial: str, final: str) -> bool:
    """Whether pinyin allows this initial before this final (rejects qa, zhü, bü)."""
    front = final[:1] in ("i", "ü")
    if initial in ("j", "q", "x"):
        return front
    if initial in ("g", "k", "h", "f", "zh", "ch", "sh", "r", "z", "c", "s"):
        return not front
    if initial in ("b", "p", "m", "d", "t"):
        return not final.startswith("ü")
    return True


@functools.lru_cache(maxsize=2048)
def syllable_to_hangul(syllable: str) -> str:
    """One pinyin syllable (tone marks or numbers allowed) -> hangul, per the NIKL table.

    Raises ``ValueError`` for a string that is not a pinyin syllable.
    """
    s = _normalise_syllable(syllable)
    if s in _ZERO_INITIAL_HANGUL:
        return _ZERO_INITIAL_HANGUL[s]
    if s in _ZERO_INITIAL:
        initial, final = "", _ZERO_INITIAL[s]
    else:
        initial = s[:2] if s[:2] in ("zh", "ch", "sh") else s[:1]
        if initial not in _INITIALS:
            initial = ""
        final = s[len(initial):]
        if initial and final == "i" and initial in _APICAL:
            return _compose(_INITIALS[initial], "ㅡ")
        if initial in ("j", "q", "x") and final.startswith("u"):
            final = "ü" + final[1:]  # ju = jü, juan = jüan, jun = jün
        if initial in ("n", "l") and final == "ue":
            final = "üe"  # nüe, lüe are also written nue, lue
    if final not in _FINALS or not _combines(initial, final):
        raise ValueError(f"not a pinyin syllable: {syllable!r}")
    lead = _INITIALS[initial] if initial else "ㅇ"
    parts = _FINALS[final]
    out = []
    for i, (vowel, tail) in enumerate(parts):
        if i == 0:
            if lead in ("ㅈ", "ㅉ", "ㅊ"):
                vowel = _DEGLIDE.get(vowel, vowel)
            out.append(_compose(lead, vowel, tail))
        else:
            out.append(_compose("ㅇ", vowel, tail))
    return "".join(out)


def pinyin_to_hangul(syllables: Sequence[str]) -> str:
    """Pinyin syllables -> the standard hangul transcription (``['zao','zhuang']`` -> 짜오좡).

    A single string is split on whitespace and apostrophes. Raises ``ValueError`` on a
    string that is not pinyin.
    """
    if isinstance(syllables, str):
        syllables = re.split(r"[\s'’]+", syllables.strip())
    return "".join(syllable_to_hangul(s) for s in syllables if s)


# ---------------------------------------------------------------- suffixes
# Administrative suffixes and their Korean (Sino-Korean) form, longest first.  Korean texts
# transcribe the name and read the suffix: 산둥성, 짜오좡시, 융촨구, 츠현, 나이만기.
SUFFIX_KO: dict[str, str] = {
    "特别行政区": "특별행정구",
    "自治区": "자치구",
    "自治州": "자치주",
    "自治县": "자치현",
    "自治旗": "자치기",
    "地区": "지구",
    "林区": "임구",
    "矿区": "광구",
    "新区": "신구",
    "特区": "특구",
    "省": "성",
    "市": "시",
    "县": "현",
    "区": "구",
    "盟": "맹",
    "旗": "기",
}
_SUFFIXES = sorted(SUFFIX_KO, key=len, reverse=True)
_MIN_STEM = {s: (3 if s == "林区" else 2) for s in SUFFIX_KO if len(s) > 1}
AUTONOMOUS_SUFFIXES = ("自治区", "自治州", "自治县", "自治旗")
# Banner qualifiers of Inner Mongolia (左旗 좌기, 右翼中旗 우익중기, 联合旗 연합기): read in
# Sino-Korean and written apart from the name (투모터 좌기).
_BANNER_QUALIFIER = re.compile(r"(?:(?:左|右)翼)?(?:左|右|前|后|中)?(?:联合)?旗$")

# Korean names of the 56 nationalities, as written in autonomous-area names
# (허난 몽골족 자치현).  Hand-curated; see data/SOURCES.md.
ETHNIC_KO: dict[str, str] = {
    "汉": "한", "蒙古": "몽골", "回": "후이", "藏": "티베트", "维吾尔": "위구르", "苗": "먀오",
    "彝": "이", "壮": "좡", "布依": "부이", "朝鲜": "조선", "满": "만주", "侗": "둥", "瑶": "야오",
    "白": "바이", "土家": "투자", "哈尼": "하니", "哈萨克": "카자흐", "傣": "다이", "黎": "리",
    "傈僳": "리수", "佤": "와", "畲": "서", "高山": "가오산", "拉祜": "라후", "水": "수이",
    "东乡": "둥샹", "纳西": "나시", "景颇": "징포", "柯尔克孜": "키르기스", "土": "투",
    "达斡尔": "다우르", "仫佬": "무라오", "羌": "창", "布朗": "부랑", "撒拉": "살라르",
    "毛南": "마오난", "仡佬": "거라오", "锡伯": "시버", "阿昌": "아창", "普米": "푸미",
    "塔吉克": "타지크", "怒": "누", "乌孜别克": "우즈베크", "俄罗斯": "러시아", "鄂温克": "에벤키",
    "德昂": "더앙", "保安": "바오안", "裕固": "위구", "京": "징", "塔塔尔": "타타르",
    "独龙": "두룽", "鄂伦春": "오로첸", "赫哲": "허저", "门巴": "먼바", "珞巴": "뤄바",
    "基诺": "지눠", "各": "각",
}


# Nationality names as they end autonomous-area names: with 族, or without it for names of
# two or more characters (伊犁哈萨克自治州, 新疆维吾尔自治区).
_ETHNIC_FORMS = sorted(
    {name + "族" for name in ETHNIC_KO} | {name for name in ETHNIC_KO if len(name) >= 2},
    key=len,
    reverse=True,
)


def _strip_ethnic(stem: str) -> tuple[str, list[str]]:
    """Peel nationality names off the end of an autonomous-area stem.

    ``海南藏族`` -> (``海南``, [``藏族``]); the stem keeps at least two characters, so
    ``内蒙古`` stays whole and ``东乡族`` becomes ``东乡``.
    """
    peeled: list[str] = []
    while True:
        form = next((f for f in _ETHNIC_FORMS if stem.endswith(f) and len(stem) - len(f) >= 2), None)
        if form is None:
            break
        peeled.insert(0, form)
        stem = stem[: -len(form)]
    if not peeled and stem.endswith("族") and len(stem) >= 3:
        stem = stem[:-1]
    return stem, peeled


def split_suffix(name: str) -> tuple[str, str, tuple[str, ...]]:
    """Split a simplified division name into (stem, suffix, nationalities).

    ``枣庄市`` -> (``枣庄``, ``市``, ()); ``海南藏族自治州`` -> (``海南``, ``自治州``,
    (``藏族``,)); ``土默特左旗`` -> (``土默特``, ``左旗``, ()); ``红旗`` -> (``红旗``, ``""``, ())
    since a banner needs a stem of two characters.  A stem of one character keeps its
    suffix in the stem's reading (``磁县``) but is still split here.

    A two-character type word (新区, 矿区, 地区…) needs a stem of two characters, and
    林区 one of three, else the name ends in an ordinary 区: 清新区 is 清新 + 区,
    万柏林区 and 碑林区 are 万柏林 and 碑林 + 区, while 神农架林区 is a forestry district.
    """
    for suffix in AUTONOMOUS_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem, ethnic = _strip_ethnic(name[: -len(suffix)])
            return stem, suffix, tuple(ethnic)
    match = _BANNER_QUALIFIER.search(name)
    if match and len(name) - len(match.group()) >= 2:
        return name[: match.start()], match.group(), ()
    for suffix in _SUFFIXES:
        if suffix in AUTONOMOUS_SUFFIXES or suffix == "旗":
            continue
        stem = name[: -len(suffix)]
        if name.endswith(suffix) and stem and len(stem) >= _MIN_STEM.get(suffix, 1):
            return stem, suffix, ()
    return name, "", ()


# ---------------------------------------------------------------- readings
# Conventional Korean names (관용 표기) that replace the transcription.
CONVENTIONAL_KO: dict[str, str] = {"香港": "홍콩", "澳门": "마카오"}

@functools.lru_cache(maxsize=4)
def _opencc(config: str):
    import opencc  # runtime dependency, loaded only when conversion is needed

    return opencc.OpenCC(config)


def _convert_same_length(text: str, config: str) -> str:
    converted = _opencc(config).convert(text)
    if len(converted) == len(text):
        return converted
    # Rare phrase conversions change the length; fall back to one character at a time so
    # offsets stay valid.
    out = []
    for ch in text:
        c = _opencc(config).convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


def to_simplified(text: str) -> str:
    """Traditional -> simplified Chinese (OpenCC ``t2s``), one output char per input char."""
    return _convert_same_length(text, "t2s")


def to_traditional(text: str) -> str:
    """Simplified -> traditional Chinese (OpenCC ``s2t``), one output char per input char."""
    return _convert_same_length(text, "s2t")


# Readings of polyphonic characters (다음자) that pypinyin's general-language dictionary
# gets wrong in place names.  Hand-curated from the official pinyin of the divisions;
# see data/SOURCES.md.  Whole names first (longest match wins), then per-character
# defaults that hold in place names (都 du as in 成都, 长 chang as in 长治, 乐 le as in
# 乐山, 勒 le as in 库尔勒).
PLACE_PINYIN: dict[str, str] = {
    "长子": "zhang zi",
    "乐亭": "lao ting",
    "乐清": "yue qing",
    "单县": "shan xian",
    "洪洞": "hong tong",
    "六合": "lu he",
    "筠连": "jun lian",
    "荥经": "ying jing",
    "浚县": "xun xian",
    "涡阳": "guo yang",
    "繁峙": "fan shi",
    "中牟": "zhong mou",
    "漯河": "luo he",
    "宕昌": "tan chang",
    "闵行": "min hang",
    "召陵": "shao ling",
    "崆峒": "kong tong",
    "珲春": "hun chun",
    "吴堡": "wu bu",
    "红寺堡": "hong si bu",
    "大埔": "da bu",
    "伽师": "jia shi",
}
PLACE_CHAR_PINYIN: dict[str, str] = {
    "都": "du",
    "长": "chang",
    "乐": "le",
    "勒": "le",
    "朝": "chao",
    "曾": "zeng",
    "柏": "bai",
    "什": "shi",
    "蚌": "beng",
}
_PLACE_PINYIN_MAX = max(len(k) for k in PLACE_PINYIN)


@functools.lru_cache(maxsize=1)
def _pypinyin():
    from pypinyin import Style, lazy_pinyin  # runtime dependency, loaded on first use

    return lambda text: lazy_pinyin(text, style=Style.NORMAL, v_to_u=True, errors="default")


def zh_pinyin(name_zh: str) -> list[str]:
    """Toneless pinyin syllables of a Chinese place name, one per Han character.

    Readings come from :data:`PLACE_PINYIN` (whole names, longest match first), else from
    pypinyin's phrase dictionary (so 重庆 is chong qing, 厦门 xia men) corrected by
    :data:`PLACE_CHAR_PINYIN`. A non-Han character is returned as it is.
    """
    text = to_simplified(name_zh)
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            chunk = "".join(pending)
            readings = _pypinyin()(chunk)
            if len(readings) == len(chunk):
                readings = [PLACE_CHAR_PINYIN.get(ch, r) for ch, r in zip(chunk, readings)]
            out.extend(readings)
            pending.clear()

    i = 0
    while i < len(text):
        for size in range(min(_PLACE_PINYIN_MAX, len(text) - i), 1, -1):
            reading = PLACE_PINYIN.get(text[i : i + size])
            if reading:
                flush()
                out.extend(reading.split())
                i += size
                break
        else:
            pending.append(text[i])
            i += 1
    flush()
    return out


def _transcribe_plain(text: str) -> str:
    """Transcribe a name with no administrative suffix."""
    if text in CONVENTIONAL_KO:
        return CONVENTIONAL_KO[text]
    out = []
    for syllable in zh_pinyin(text):
        try:
            out.append(syllable_to_hangul(syllable))
        except ValueError:
            out.append(syllable)
    return "".join(out)


def transcribe_parts(stem: str, suffix: str = "", ethnic: Sequence[str] = ()) -> str:
    """Transcribe a name already split by :func:`split_suffix` (simplified characters).

    The stem is transcribed from its pinyin and the suffix read in Sino-Korean, the way
    Korean texts write division names: (``枣庄``, ``市``) -> 짜오좡시, (``土默特``, ``左旗``)
    -> 투모터 좌기, (``河南``, ``自治县``, (``蒙古族``,)) -> 허난 몽골족 자치현.
    """
    head = _transcribe_plain(stem)
    if not suffix:
        return head
    if suffix in AUTONOMOUS_SUFFIXES:
        parts = [head]
        for group in ethnic:
            base = group[:-1] if group.endswith("族") else group
            korean = ETHNIC_KO.get(base) or _transcribe_plain(base)
            parts.append(korean + ("족" if group.endswith("族") else ""))
        parts.append(SUFFIX_KO[suffix])
        return " ".join(parts)
    if suffix.endswith("旗") and suffix != "旗":
        return f"{head} {sino_korean(suffix)}"
    if suffix in ("特别行政区", "林区"):  # read as a word of its own (임구, not 림구)
        return f"{head} {SUFFIX_KO[suffix]}"
    return head + (SUFFIX_KO[suffix] if suffix in SUFFIX_KO else sino_korean(suffix))


def transcribe_zh(name_zh: str) -> str:
    """Chinese place name (simplified or traditional) -> standard hangul.

    The name is transcribed from its pinyin; an administrative suffix is read in
    Sino-Korean as Korean texts write it (``枣庄市`` -> 짜오좡시, ``磁县`` -> 츠현,
    ``土默特左旗`` -> 투모터 좌기, ``河南蒙古族自治县`` -> 허난 몽골족 자치현).
    Conventional names replace the transcription (``香港`` -> 홍콩).
    """
    name = to_simplified(name_zh.strip())
    if name in CONVENTIONAL_KO:
        return CONVENTIONAL_KO[name]
    return transcribe_parts(*split_suffix(name))


# ----------------------------------------------------------- Sino-Korean reading


@functools.lru_cache(maxsize=1)
def _hanja_table() -> dict[str, str]:
    """Han character -> Sino-Korean syllable, from data/hanja_readings.tsv."""
    table: dict[str, str] = {}
    text = (DATA_DIR / "hanja_readings.tsv").read_text("utf-8")
    for line in text.splitlines()[1:]:
        if line:
            char, reading = line.split("\t")[:2]
            table[char] = reading
    return table


# 두음 법칙 (initial-sound law): a word-initial ㄹ becomes ㄴ (or ㅇ before i/y), a
# word-initial ㄴ before i/y becomes ㅇ.
_Y_VOWELS = set("ㅑㅒㅕㅖㅛㅠㅣ")


def _initial_sound_law(syllable: str) -> str:
    parts = _decompose(syllable)
    if not parts:
        return syllable
    lead, vowel, tail = parts
    if lead == "ㄹ":
        lead = "ㅇ" if vowel in _Y_VOWELS else "ㄴ"
    elif lead == "ㄴ" and vowel in _Y_VOWELS:
        lead = "ㅇ"
    return _compose(lead, vowel, tail)


def sino_korean_variants(name_zh: str) -> tuple[str, ...]:
    """Sino-Korean readings of a name, the standard one first.

    First the reading with the initial-sound law on the first syllable (``蘭州`` ->
    난주), then the plain character readings (란주), then the law applied to every
    syllable, as texts do that read each character of a transliterated name as a word
    (``烏魯木齊`` -> 오노목제). Duplicates are dropped; characters without a reading are
    kept as they are.
    """
    table = _hanja_table()
    trad = to_traditional(name_zh)
    raw = "".join(
        table.get(trad_ch) or table.get(simp_ch) or simp_ch
        for simp_ch, trad_ch in zip(name_zh, trad)
    )
    if not raw:
        return ("",)
    candidates = (
        _initial_sound_law(raw[0]) + raw[1:],
        raw,
        "".join(_initial_sound_law(ch) for ch in raw),
    )
    return tuple(dict.fromkeys(candidates))


def sino_korean(name_zh: str) -> str:
    """The Sino-Korean (한자음) reading of a Chinese name: 上海 -> 상해, 北京 -> 북경."""
    return sino_korean_variants(name_zh)[0]


# ---------------------------------------------------------------- loose key
_PLAIN = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}
_SIBILANT = {"ㅈ", "ㅊ", "ㅅ"}


@functools.lru_cache(maxsize=4096)
def _loose_syllable(ch: str) -> str:
    parts = _decompose(ch)
    if parts is None:
        return "" if ch.isspace() or ch in "·∙・‧-" else ch
    lead, vowel, tail = parts
    lead = _PLAIN.get(lead, lead)
    if lead in _SIBILANT:
        vowel = _DEGLIDE.get(vowel, vowel)
    if vowel == "ㅗ" and tail == "ㅇ":
        vowel = "ㅜ"
    return _compose(lead, vowel, tail)


def loose_first(hangul: str) -> str:
    """:func:`loose_key` of the first syllable alone (cached: one call per hangul run)."""
    return _loose_syllable(hangul[:1]) if hangul else ""


def loose_key(hangul: str) -> str:
    """A spelling-insensitive key for matching non-standard hangul spellings.

    Folds the variations Korean texts show for Chinese names: tense vs plain consonants
    (광뚱/광둥, 청뚜/청두, 쓰촨/스촨), glides after ㅈ ㅊ ㅅ (쟝쑤/장쑤, 샹하이/상하이)
    and 옹/웅 for -ong (똥청/둥청). Spaces and middle dots are dropped.
    """
    return "".join(map(_loose_syllable, hangul))


# ------------------------------------------------------------ variant spellings
# Non-standard conventions Korean texts follow when they transcribe pinyin, as extra
# spellings of a final (the (vowel, tail) parts of _FINALS; the first part takes the
# initial, and rule 3's dropping of glides after ㅈ ㅉ ㅊ is not applied).  Each one is a convention seen in print, not a correction of single names:
# the i- and u- glides written as a syllable of their own (지에 치에 for jie qie, 티엔 for
# tian, 지아 지아오 지앙 for jia jiao jiang, 리우 for liu, 구오 루오 for guo luo, 쉬에 for
# xue, 쉬엔 for xuan), -ian as 엔 (텐진, 다렌), -ui as 웨이 (Wade-Giles kuei: 궤이, 쉐이)
# and -ou as 오우 (조우 for zhou).  Forms that would fold onto another syllable's
# standard spelling are left out: ü as ㅠ or ㅜ after ㅅ ㅈ ㅊ (슈 and 수 are one loose key,
# so xu would meet su), ui as 위 (chui would meet qu), zhi chi shi ri as 지 치 시 리
# (shi would meet xi), a dropped or inserted 이 (hui would meet hu).
_VARIANT_FINALS: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "ie": ((("ㅣ", ""), ("ㅔ", "")),),
    "ian": ((("ㅣ", ""), ("ㅔ", "ㄴ")), (("ㅔ", "ㄴ"),)),
    "ia": ((("ㅣ", ""), ("ㅏ", "")),),
    "iao": ((("ㅣ", ""), ("ㅏ", ""), ("ㅗ", "")),),
    "iang": ((("ㅣ", ""), ("ㅏ", "ㅇ")),),
    "iu": ((("ㅣ", ""), ("ㅜ", "")),),
    "iou": ((("ㅣ", ""), ("ㅜ", "")),),
    "uo": ((("ㅜ", ""), ("ㅗ", "")),),
    "ui": ((("ㅞ", ""), ("ㅣ", "")),),
    "uei": ((("ㅞ", ""), ("ㅣ", "")),),
    "ou": ((("ㅗ", ""), ("ㅜ", "")),),
    "üe": ((("ㅟ", ""), ("ㅔ", "")),),
    "üan": ((("ㅟ", ""), ("ㅔ", "ㄴ")),),
}
# Syllables without an initial: 원 or 윤 for yun (원난), 얀 for yan (얀안), 웬 for wen
# (웬저우), 용 for yong (용촨), 이에 for ye, 요우 for you, 유 for yu, 위에 유에 for yue,
# 위엔 유안 for yuan.
_VARIANT_ZERO_INITIAL: dict[str, tuple[str, ...]] = {
    "yun": ("원", "윤"),
    "yan": ("얀", "이엔"),
    "wen": ("웬",),
    "yong": ("용",),
    "ye": ("이에",),
    "you": ("요우",),
    "yu": ("유",),
    "yue": ("위에", "유에"),
    "yuan": ("위엔", "유안"),
}


def _split_syllable(s: str) -> tuple[str, str] | None:
    """(initial, final) of a normalised pinyin syllable with an initial, else None."""
    if s in _ZERO_INITIAL or s in _ZERO_INITIAL_HANGUL:
        return None
    initial = s[:2] if s[:2] in ("zh", "ch", "sh") else s[:1]
    if initial not in _INITIALS:
        return None
    final = s[len(initial):]
    if initial in ("j", "q", "x") and final.startswith("u"):
        final = "ü" + final[1:]
    if initial in ("n", "l") and final == "ue":
        final = "üe"
    return initial, final


@functools.lru_cache(maxsize=2048)
def syllable_variants(syllable: str) -> tuple[str, ...]:
    """Spellings of one pinyin syllable in Korean texts, the standard one first.

    ``jie`` -> (``제``, ``지에``); ``yun`` -> (``윈``, ``원``, ``윤``); ``tian`` -> (``톈``,
    ``티엔``, ``텐``); ``guo`` -> (``궈``, ``구오``). Raises ``ValueError`` for a string that
    is not a pinyin syllable.
    """
    standard = syllable_to_hangul(syllable)
    s = _normalise_syllable(syllable)
    out = [standard]
    split = _split_syllable(s)
    if split is None:
        out.extend(_VARIANT_ZERO_INITIAL.get(s, ()))
    else:
        initial, final = split
        for parts in _VARIANT_FINALS.get(final, ()):
            lead = _INITIALS[initial]
            out.append("".join(
                _compose(lead if i == 0 else "ㅇ", vowel, tail) for i, (vowel, tail) in enumerate(parts)
            ))
    return tuple(dict.fromkeys(out))


@functools.lru_cache(maxsize=1)
def _pypinyin_readings() -> tuple[dict[int, str], dict[str, set[str]]]:
    """pypinyin's character table (code point -> toned readings, comma-separated) and,
    for each polyphonic character, the toned readings its phrase dictionary uses."""
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT  # runtime dependency

    polyphonic = {chr(point) for point, readings in PINYIN_DICT.items() if "," in readings}
    used: dict[str, set[str]] = {}
    for phrase, readings in PHRASES_DICT.items():
        if len(phrase) == len(readings):
            for char, reading in zip(phrase, readings):
                if char in polyphonic:
                    used.setdefault(char, set()).add(reading[0])
    return PINYIN_DICT, used


@functools.lru_cache(maxsize=8192)
def heteronyms(char: str) -> tuple[str, ...]:
    """The toneless readings in use of a polyphonic character: those of pypinyin's
    character table that its phrase dictionary uses in some word (伽: ga jia qie, from
    伽马, 伽蓝, 伽利略). Readings found only in old dictionaries (广 yan, 郴 lan, 白 bo) are
    left out. A character with fewer than two such readings gives ()."""
    table, used = _pypinyin_readings()
    in_words = used.get(char)
    if not in_words:
        return ()
    out = []
    for reading in table.get(ord(char), "").split(","):
        if reading in in_words:
            normal = _normalise_syllable(reading)
            try:
                syllable_to_hangul(normal)
            except ValueError:
                continue
            out.append(normal)
    out = list(dict.fromkeys(out))
    return tuple(out) if len(out) > 1 else ()


def other_readings(name_zh: str, syllables: Sequence[str]) -> list[list[str]]:
    """Readings of a name with one polyphonic character read otherwise (:func:`heteronyms`).

    A text that misreads a place name misreads one character, most often a polyphonic
    one read as in another word: 伽师 (jia shi) gives ga shi and qie shi. ``syllables``
    is the chosen reading, one syllable per character; it is not repeated in the output.
    """
    if len(name_zh) != len(syllables):
        return []
    chosen = [_normalise_syllable(s) for s in syllables]
    out = []
    for i, char in enumerate(name_zh):
        for other in heteronyms(char):
            if other != chosen[i]:
                out.append([*chosen[:i], other, *chosen[i + 1:]])
    return out


def variant_spellings(syllables: Sequence[str], *, loose: bool = False) -> set[str]:
    """Hangul spellings of a reading in which any syllable may take any spelling of
    :func:`syllable_variants` (``jia xing`` -> 자싱, 지아싱; ``yun nan`` -> 윈난, 원난,
    윤난). The standard spelling is included. With ``loose`` the spellings are
    folded with :func:`loose_key` (syllable by syllable, which keeps the product small).
    """
    combos = [""]
    for syllable in syllables:
        options = _syllable_options(syllable, loose)
        combos = [head + tail for head in combos for tail in options]
    return set(combos)


@functools.lru_cache(maxsize=4096)
def _syllable_options(syllable: str, loose: bool) -> tuple[str, ...]:
    try:
        spellings = syllable_variants(syllable)
    except ValueError:
        spellings = (syllable,)
    return tuple(dict.fromkeys(map(loose_key, spellings))) if loose else spellings
