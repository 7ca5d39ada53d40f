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
