"""Generate ``src/xinhua_extract/data/county_common_words.tsv``: county names of two
syllables (a one-character stem and its suffix: 구현, 서현, 지현) that are also words in
Kiwi's dictionary — everyday nouns (구현 'implementation') and given names (지현).

A one-character county written with its suffix (츠현 磁县, 리현) is read as a place when the
pair is not a word Kiwi knows; these are. The test of "knows": Kiwi (kiwipiepy, its
built-in dictionary only, no user words) analyses the two syllables as one morpheme whose
score is above :data:`THRESHOLD` — dictionary words score about -11 to -17, spellings
Kiwi guesses as unknown nouns -18 and below (츠현 -23, 리현 -20, 구현 -13).

Source: the gazetteer's divisions (``data/divisions.tsv``, see SOURCES.md) and Kiwi's model
(kiwipiepy, LGPL-3.0; the list records the version it was made with). Run
``python scripts/build_county_common_words.py``; a test regenerates it in memory when the
installed kiwipiepy has that version (``--check`` does the same from the shell).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))  # _generated
OUT = ROOT / "src" / "xinhua_extract" / "data" / "county_common_words.tsv"
THRESHOLD = -17.0
SUFFIXES = ("현", "기")  # 县 and 旗 written after a one-character stem


def candidates() -> list[str]:
    from xinhua_extract.places.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    return sorted(
        w for w in gaz.korean_name_set()
        if len(w) == 2 and w.endswith(SUFFIXES)
        and any(d.level == "county" for d in gaz.lookup_hangul_strict(w))
    )


def render() -> str:
    from _generated import kiwi_dictionary_table

    return kiwi_dictionary_table(candidates(), THRESHOLD)


def main(argv: list[str]) -> int:
    from _generated import write_or_check

    return write_or_check({OUT: render}, argv, "build_county_common_words.py")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
