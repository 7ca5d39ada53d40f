"""Generate ``src/xinhua_extract/data/zh_everyday_stems.tsv``: short names (stems) of
county-level divisions that are everyday words in Chinese running text — 合作 'cooperation'
(合作市), 和平 'peace' (和平区), 中方 'the Chinese side' (中方县), 南部 'the south'
(南部县), 比如 'for example' (比如县).

A Chinese paragraph of a bilingual page names such a division by its full name (合作市) or
after a division that holds it (甘肃甘南合作); the bare stem is the word. The test of
"everyday": jieba's own dictionary (jieba/dict.txt, MIT licence; the table records the jieba
version) tags the stem as something other than a place or person name (not ns, nr*, nz)
and counts it at least :data:`MIN_FREQ` times, or counts it at least :data:`COMMON_FREQ`
times with any tag but ns (jieba tags 和平 'peace' nz and 友谊 'friendship' nr). A stem listed in :data:`KEEP` stays a place:
county-level cities that Chinese text names bare (仙桃, 恩施, 赤壁); one listed in :data:`ADD` is
everyday whatever jieba counts (新华, the agency).

Run ``python scripts/build_zh_everyday_stems.py``; a test regenerates it in memory when the
installed jieba has the recorded version (``--check`` does the same from the shell).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))  # _generated
OUT = ROOT / "src" / "xinhua_extract" / "data" / "zh_everyday_stems.tsv"
MIN_FREQ = 300
COMMON_FREQ = 1000
NAME_TAGS = ("ns", "nr", "nz")  # jieba tags of proper names (nr, nrt, nrfg …: prefix match)
#: County-level cities named bare in Chinese text although jieba tags them otherwise.
KEEP = frozenset({"石首", "仙桃", "恩施", "赤壁", "监利", "应城", "大冶", "麻城", "洪湖", "钟祥",
                  "孝感", "开封", "神农架", "日照", "保定", "大连", "合肥", "烟台", "海口", "常德",
                  "拉萨", "大同", "当阳", "南通", "桂林", "黄石", "石家庄", "张家口", "白银", "嘉兴",
                  "大理"})
#: Stems that are everyday words in Xinhua's own Chinese lines whatever jieba counts: 新华
#: is the agency (新华社, a wire photo title's 新華), far more often than 新华区.
ADD = frozenset({"新华"})


def _jieba_dict() -> tuple[str, dict[str, tuple[int, str]]]:
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    table: dict[str, tuple[int, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split()
        table[word] = (int(freq), tag)
    return getattr(jieba, "__version__", "unknown"), table


def render() -> str:
    from xinhua_extract.places.gazetteer import Gazetteer

    version, table = _jieba_dict()
    gaz = Gazetteer.load()
    rows: dict[str, tuple[int, str, str]] = {}
    for d in gaz.divisions:
        if d.level != "county":
            continue
        for stem in {d.short_zh, d.stem_zh}:
            if len(stem) < 2 or stem == d.name_zh or stem in KEEP:
                continue
            freq, tag = table.get(stem, (0, ""))
            if stem in ADD:
                rows[stem] = (freq, tag, d.name_zh)
                continue
            if tag.startswith("ns"):
                continue  # jieba knows it as a place
            if freq >= COMMON_FREQ or (freq >= MIN_FREQ and not tag.startswith(NAME_TAGS)):
                rows[stem] = (freq, tag, d.name_zh)
    lines = ["stem\tjieba_tag\tjieba_freq\tdivision",
             f"# jieba {version}; min freq {MIN_FREQ}, any tag but ns from {COMMON_FREQ}"]
    lines += [f"{stem}\t{tag}\t{freq}\t{name}" for stem, (freq, tag, name) in sorted(rows.items())]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    from _generated import write_or_check

    return write_or_check({OUT: render}, argv, "build_zh_everyday_stems.py")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
