"""Write generated data files, or with ``--check`` report the ones that drifted.

Every ``scripts/build_*.py`` renders its tables as text; this is the one place that writes
them (in order: a later table may read an earlier one) or compares them with the
committed copies (exit 1 and the names of the stale files)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Mapping


def write_or_check(outputs: Mapping[Path, Callable[[], str]], argv: list[str], script: str) -> int:
    check = "--check" in argv
    stale = []
    for path, render in outputs.items():
        text = render()
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({len(text.encode('utf-8')):,} bytes)")
    if stale:
        sys.stderr.write(f"out of date: {', '.join(stale)}; run python scripts/{script}\n")
        return 1
    return 0


def kiwi_dictionary_table(words, threshold: float, tags: tuple[str, ...] = ()) -> str:
    """``hangul  tag  score`` for each of ``words`` that Kiwi's built-in dictionary (no user
    words) analyses as one morpheme of its own scoring above ``threshold`` (and with one of
    ``tags``, if given): dictionary words score about -11 to -17, spellings Kiwi guesses as
    unknown nouns -18 and below. The table records the kiwipiepy version it was made with."""
    import warnings

    import kiwipiepy
    from kiwipiepy import Kiwi

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kiwi = Kiwi(num_workers=0)
    lines = ["hangul\ttag\tscore", f"# kiwipiepy {kiwipiepy.__version__}; threshold {threshold}"]
    for word in words:
        tokens = kiwi.tokenize(word)
        if (len(tokens) == 1 and tokens[0].form == word and tokens[0].score > threshold
                and (not tags or tokens[0].tag in tags)):
            lines.append(f"{word}\t{tokens[0].tag}\t{tokens[0].score:.1f}")
    return "\n".join(lines) + "\n"
