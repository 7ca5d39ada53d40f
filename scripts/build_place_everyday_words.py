"""Generate ``src/xinhua_extract/data/place_everyday_words.tsv``: names of provinces and
prefecture-level cities whose standard hangul is also an everyday noun in Kiwi's
dictionary (``저장`` 浙江 and 저장 'storage', ``선전`` 深圳 and 선전 'propaganda', ``주장``
九江 and 주장 'claim').

Such a name fused with the word after it (``저장시설``, ``주장했다``, ``선전하는``) is the
everyday word, not a compound of the place (``하얼빈세관``): the resolver drops those
compounds. Bare uses with a particle (``선전의``, ``저장·안후이``) are not affected.
The test of "knows": Kiwi (kiwipiepy, its built-in dictionary only, no user words)
analyses the name as one common noun (NNG) scoring above :data:`THRESHOLD`, as in
``build_county_common_words.py``.

Source: the gazetteer's divisions (``data/divisions.tsv``) and Kiwi's model (kiwipiepy,
LGPL-3.0; the list records the version it was made with). Run
``python scripts/build_place_everyday_words.py``; a test regenerates it in memory when the
installed kiwipiepy has that version (``--check`` does the same from the shell).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))  # _generated
OUT = ROOT / "src" / "xinhua_extract" / "data" / "place_everyday_words.tsv"
THRESHOLD = -17.0


def candidates() -> list[str]:
    from xinhua_extract.places.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    return sorted({
        d.hangul for d in gaz._divisions
        if d.level in ("province", "prefecture") and d.hangul and len(d.hangul) >= 2
    })


def render() -> str:
    from _generated import kiwi_dictionary_table

    return kiwi_dictionary_table(candidates(), THRESHOLD, tags=("NNG",))


def main(argv: list[str]) -> int:
    from _generated import write_or_check

    return write_or_check({OUT: render}, argv, "build_place_everyday_words.py")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
