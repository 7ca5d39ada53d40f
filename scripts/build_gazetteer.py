"""Generate the gazetteer data files of ``src/xinhua_extract/data/``:

* ``divisions.tsv`` — China's administrative divisions (province, prefecture and county
  level) with codes, names, pinyin, hangul and Sino-Korean readings and coordinates;
* ``hanja_readings.tsv`` — one Sino-Korean reading per Han character, used at run time by
  :func:`xinhua_extract.places.transcribe.sino_korean`;
* ``jieba_words.txt`` — the base vocabulary of the private jieba tokenizer.

Sources (build time only, never imported by the library; see ``data/SOURCES.md``):

* ``cpca`` (MIT): ``cpca/resources/adcodes.csv``, 3,511 divisions with coordinates;
* ``hanja`` (WTFPL): its character -> reading table;
* ``jieba`` (MIT): its ``dict.txt`` word frequencies;
* ``pypinyin`` (MIT) and ``OpenCC`` (Apache-2.0), also run-time dependencies.

Run ``python scripts/build_gazetteer.py`` (``--check`` only compares) with the build-time
sources installed: ``pip install cpca pyyaml && pip install --no-deps hanja``.
``tests/places/test_data_drift.py`` regenerates the files in memory and fails if the
committed copies drifted.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "xinhua_extract" / "data"


def _load_transcribe():
    """Load ``places/transcribe.py`` from this checkout by path.

    It is self-contained, so the build neither needs the package installed nor imports
    the rest of the library (Kiwi and friends).
    """
    path = ROOT / "src" / "xinhua_extract" / "places" / "transcribe.py"
    spec = importlib.util.spec_from_file_location("_xinhua_build_transcribe", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and lru_cache look the module up
    spec.loader.exec_module(module)
    return module


tr = _load_transcribe()

DIVISION_COLUMNS = (
    "code", "level", "parent", "province_code", "name_zh", "name_zh_hant", "short_zh",
    "stem_zh", "suffix_zh", "pinyin", "hangul", "hangul_full", "stem_hangul", "sino", "sino_alt",
    "shadowed_by", "lon", "lat",
)
# Placeholder rows of the code table that are not divisions: their children hang off the
# next real ancestor.
PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}
# Suffixes that are part of how the division is named, not a detachable type word:
# 井陉矿区 is not "井陉".
KEEP_WHOLE_SUFFIXES = {"矿区"}


@dataclass
class Row:
    code: str
    level: str
    parent: str
    province_code: str
    name_zh: str
    stem: str
    suffix: str
    ethnic: tuple[str, ...]
    lon: str
    lat: str
    short_zh: str = ""
    short_suffix: str = ""


def read_cpca() -> list[tuple[str, str, str, str]]:
    """(code6, name, lon, lat) of every row of cpca's ``adcodes.csv``.

    The file is located without importing cpca, whose import loads its matcher.
    """
    spec = importlib.util.find_spec("cpca")
    if spec is None or spec.origin is None:
        raise SystemExit("cpca is not installed: pip install cpca (build-time source)")
    text = (Path(spec.origin).parent / "resources" / "adcodes.csv").read_text("utf-8")
    out = []
    for rec in csv.DictReader(io.StringIO(text)):
        out.append((rec["adcode"][:6], rec["name"].strip(), rec["longitude"], rec["latitude"]))
    return sorted(out)


def level_of(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


def build_rows() -> list[Row]:
    raw = read_cpca()
    real = {code for code, name, _, _ in raw if name not in PLACEHOLDER_NAMES}
    rows: list[Row] = []
    for code, name, lon, lat in raw:
        if code not in real:
            continue
        level = level_of(code)
        province = code[:2] + "0000"
        if level == "province":
            parent = ""
        elif level == "prefecture":
            parent = province
        else:
            prefecture = code[:4] + "00"
            parent = prefecture if prefecture in real else province
        stem, suffix, ethnic = tr.split_suffix(name)
        rows.append(Row(code, level, parent, province if level != "province" else "", name,
                        stem, suffix, ethnic, lon, lat))
    by_code = {r.code: r for r in rows}
    for r in rows:
        r.short_zh, r.short_suffix = r.stem, ""
        ancestors = {by_code[r.parent].stem} if r.parent else set()
        if r.parent and by_code[r.parent].parent:
            ancestors.add(by_code[by_code[r.parent].parent].stem)
        keep_suffix = (
            len(r.stem) < 2  # 磁县, 城区: a one-character stem is not a name on its own
            or r.suffix in KEEP_WHOLE_SUFFIXES
            or (r.suffix.endswith("旗") and r.suffix not in ("旗", "自治旗"))  # 土默特左旗 ≠ 右旗
            or (r.stem in ancestors and r.suffix and r.suffix not in tr.AUTONOMOUS_SUFFIXES)
        )
        if keep_suffix and r.suffix:
            r.short_zh, r.short_suffix = r.stem + r.suffix, r.suffix
    return rows


def shadowing(rows: list[Row]) -> dict[str, list[str]]:
    """code -> codes of more salient divisions with the same stem (海南州 -> 海南省)."""
    by_short: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_short[r.stem].append(r)
    out: dict[str, list[str]] = {}
    for r in rows:
        better = [o.code for o in by_short[r.stem]
                  if LEVEL_RANK[o.level] < LEVEL_RANK[r.level] and o.code != r.code]
        if better:
            out[r.code] = sorted(better)
    return out


def render_divisions(rows: list[Row] | None = None) -> str:
    rows = rows if rows is not None else build_rows()
    shadows = shadowing(rows)
    buf = ["\t".join(DIVISION_COLUMNS)]
    for r in rows:
        short_stem = r.short_zh[: len(r.short_zh) - len(r.short_suffix)]
        hangul = tr.transcribe_parts(short_stem, r.short_suffix)
        hangul_full = tr.transcribe_parts(r.stem, r.suffix, r.ethnic)
        sino = tr.sino_korean_variants(r.short_zh)
        fields = (
            r.code, r.level, r.parent, r.province_code, r.name_zh, tr.to_traditional(r.name_zh),
            r.short_zh, r.stem, r.suffix, " ".join(tr.zh_pinyin(r.short_zh)), hangul,
            hangul_full, tr.transcribe_parts(r.stem), sino[0],
            "|".join(sino[1:]), ",".join(shadows.get(r.code, ())), r.lon, r.lat,
        )
        for f in fields:
            if "\t" in f or "\n" in f:
                raise ValueError(f"field of {r.code} holds a tab or newline: {f!r}")
        buf.append("\t".join(fields))
    return "\n".join(buf) + "\n"


# Base vocabulary of the private jieba tokenizer: jieba's own dictionary cut to its most
# frequent words (the 5 MB default takes ~0.4 s to load; this ~35k-word list ~30 ms).
JIEBA_MIN_FREQ = 100
# Generic words that follow place names in zone and organisation names; kept whatever
# their frequency so 永川高新区 splits as 永川 + 高新区.
JIEBA_EXTRA_WORDS = (
    "高新区", "开发区", "经开区", "高新技术产业开发区", "经济技术开发区", "产业园", "产业园区",
    "工业园", "工业园区", "科技园", "自贸区", "自由贸易试验区", "保税区", "综合保税区", "示范区",
    "新区", "大学", "学院", "大湾区", "都市圈", "城市群", "经济圈", "经济带",
)


def render_jieba_words(rows: list[Row] | None = None) -> str:
    """``word freq`` lines for the private jieba tokenizer of ``places/segment.py``.

    Words that start with a province- or prefecture-level name and go on (兰州大学,
    山西路, 北京大学) are left out, so the place comes out as a token of its own; the
    segmenter glues a road word back on (山西路 is a street, not a province). The
    gazetteer and region names themselves are added at run time from the gazetteer.
    """
    import jieba

    rows = rows if rows is not None else build_rows()
    heads = set()
    for r in rows:
        if r.level != "county":
            heads.update({r.name_zh, r.short_zh, r.stem})
    heads = {h for h in heads if len(h) >= 2}
    names = {r.name_zh for r in rows} | {r.short_zh for r in rows}
    max_head = max(len(h) for h in heads)

    def starts_with_place(word: str) -> bool:
        return any(word[:n] in heads for n in range(2, min(max_head, len(word) - 1) + 1))

    dict_path = Path(jieba.__file__).with_name("dict.txt")
    words: dict[str, int] = {}
    for line in dict_path.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) < 2:
            continue
        word, freq = parts[0], int(parts[1])
        if freq < JIEBA_MIN_FREQ or (word not in names and starts_with_place(word)):
            continue
        words[word] = freq
    for word in JIEBA_EXTRA_WORDS:
        words[word] = max(words.get(word, 0), JIEBA_MIN_FREQ * 10)
    lines = [f"{w} {f}" for w, f in sorted(words.items())]
    return "\n".join(lines) + "\n"


def render_hanja_readings() -> str:
    """Han character -> Sino-Korean reading (no initial-sound law), from ``hanja``."""
    from hanja.table import hanja_table

    lines = ["char\treading"]
    for char in sorted(hanja_table):
        reading = hanja_table[char]
        if len(char) == 1 and len(reading) == 1 and "\uac00" <= reading <= "\ud7a3":
            lines.append(f"{char}\t{reading}")
    return "\n".join(lines) + "\n"


OUTPUTS = {
    "hanja_readings.tsv": render_hanja_readings,
    "divisions.tsv": render_divisions,
    "jieba_words.txt": render_jieba_words,
}


def main(argv: list[str]) -> int:
    """Write the files, or with ``--check`` report (exit 1) those that differ.
    (hanja_readings.tsv first: the Sino-Korean columns of divisions.tsv read it.)"""
    from _generated import write_or_check

    return write_or_check({DATA / name: render for name, render in OUTPUTS.items()}, argv, "build_gazetteer.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
