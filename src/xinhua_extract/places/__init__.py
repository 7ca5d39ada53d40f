"""Chinese places: the gazetteer, the pinyin -> hangul transcriber and the jieba segmenter.

The lookup machinery the place resolver calls; it does not find mentions in articles.
Importing this package is cheap: the gazetteer loads on the first :func:`get_gazetteer`
call, pypinyin on the first transcription, jieba on the first :func:`segment_zh` call.
"""

from __future__ import annotations

from .gazetteer import LEVELS, Division, Gazetteer, Region, get_gazetteer
from .segment import Segment, segment_zh
from .transcribe import (
    loose_key,
    pinyin_to_hangul,
    sino_korean,
    sino_korean_variants,
    split_suffix,
    to_simplified,
    to_traditional,
    transcribe_zh,
    zh_pinyin,
)

__all__ = [
    "LEVELS",
    "Division",
    "Gazetteer",
    "Region",
    "Segment",
    "get_gazetteer",
    "loose_key",
    "pinyin_to_hangul",
    "segment_zh",
    "sino_korean",
    "sino_korean_variants",
    "split_suffix",
    "to_simplified",
    "to_traditional",
    "transcribe_zh",
    "zh_pinyin",
]
