"""Generate ``src/xinhua_extract/data/feature_homonyms.tsv``: rivers, mountains and lakes
whose standard hangul spells a division too (``누장``: the Nu river 怒江 and the prefecture
怒江州; ``리장``: the Li river 漓江 and the city 丽江; ``황산``: Mount Huang and 黄山市).

A bare mention of such a name followed by a word of its kind (``누장 서쪽``, ``리장 강변``,
``황산 정상``) is the feature, not the division; the resolver reads the ``cues`` column.
Rivers, lakes and mountains are never places in the gold (tests/fixtures/heldout/README.md).

Source: the curated list of features below (Chinese names of China's major rivers,
mountains and lakes, as the Xinhua Korean service mentions them), transcribed with
:func:`xinhua_extract.places.transcribe.transcribe_zh` and looked up among the gazetteer's
bare names (``data/divisions.tsv``). Run ``python scripts/build_feature_homonyms.py``; a
test regenerates the file in memory (``--check`` does the same from the shell).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "src" / "xinhua_extract" / "data" / "feature_homonyms.tsv"

RIVERS = (
    "长江 黄河 怒江 澜沧江 金沙江 雅鲁藏布江 黑龙江 松花江 乌苏里江 鸭绿江 图们江 嫩江 辽河 海河 淮河 "
    "珠江 西江 北江 东江 漓江 湘江 资江 沅江 赣江 闽江 钱塘江 富春江 新安江 瓯江 汉江 嘉陵江 岷江 沱江 "
    "乌江 大渡河 雅砻江 渭河 泾河 洛河 汾河 伊犁河 塔里木河 额尔齐斯河 拉萨河 湟水 洮河 清江 红水河 "
    "南盘江 北盘江 元江 独龙江 九龙江 韩江 黄浦江 秦淮河 运河 京杭大运河 永定河 滹沱河 漳河 沂河 沭河"
).split()
MOUNTAINS = (
    "泰山 华山 衡山 恒山 嵩山 黄山 庐山 峨眉山 武夷山 武当山 五台山 九华山 普陀山 井冈山 长白山 天山 "
    "昆仑山 祁连山 贺兰山 秦岭 大兴安岭 小兴安岭 太行山 燕山 阴山 梵净山 玉龙雪山 梅里雪山 珠穆朗玛峰 "
    "天柱山 三清山 雁荡山 崂山 青城山 张家界 大别山 六盘山 阿尔泰山 喜马拉雅山"
).split()
LAKES = (
    "洞庭湖 鄱阳湖 太湖 巢湖 洪泽湖 西湖 千岛湖 滇池 洱海 抚仙湖 青海湖 纳木错 呼伦湖 博斯腾湖 "
    "赛里木湖 天池 镜泊湖 日月潭 微山湖 东湖 玄武湖 泸沽湖"
).split()
#: The words after a bare name that make it the feature, per kind.
CUES = {
    "river": "서쪽 동쪽 남쪽 북쪽 서안 동안 남안 북안 연안 유역 상류 중류 하류 강변 강가 강물 물길 협곡 대협곡 수계 수역 발원지",
    "mountain": "정상 기슭 산기슭 자락 산자락 등반 등산 봉우리 산맥 풍경구 케이블카 천지 대협곡 협곡 설산 빙하",
    "lake": "호숫가 호반 호수 수면 연안 유역 풍경구",
}


def render() -> str:
    from xinhua_extract.places.gazetteer import Gazetteer
    from xinhua_extract.places.transcribe import transcribe_zh

    gaz = Gazetteer.load()
    lines = ["hangul\tfeature_zh\tkind\tcodes\tcues"]
    seen: set[tuple[str, str]] = set()
    for kind, names in (("river", RIVERS), ("mountain", MOUNTAINS), ("lake", LAKES)):
        for zh in names:
            hangul = transcribe_zh(zh)
            divisions = gaz.lookup_hangul_strict(hangul) if hangul else ()
            if not divisions or (hangul, zh) in seen:
                continue
            seen.add((hangul, zh))
            codes = ",".join(sorted(d.code for d in divisions))
            lines.append(f"{hangul}\t{zh}\t{kind}\t{codes}\t{CUES[kind]}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    from _generated import write_or_check

    return write_or_check({OUT: render}, argv, "build_feature_homonyms.py")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
