"""Build hook: compile the per-article hot path with mypyc when building a wheel.

Everything else about the package lives in pyproject.toml. The modules below run once or
more per sentence of every article (layout, numbers, facts, places, glosses, observations,
the Kiwi loop); compiled, places and observations cost 20-40% less and ``parse_article``
goes from 1.33x to 1.24x raw Kiwi tokenization (benchmarks/README.md, 2026-12-05; the
target is 1.3x, which only the compiled build meets). They are ordinary, type-checked
Python: the package behaves the same compiled or not (CI runs the test suite on both).

Not compiled:
- editable installs (``pip install -e .``): extension modules next to the sources would
  shadow every edit made to them;
- ``XINHUA_EXTRACT_PURE=1`` in the environment (a pure-Python wheel, e.g. for debugging);
- where no C compiler works: the extensions are optional, so the build falls back to the
  pure modules with setuptools' warning.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup

#: The hot path, compiled together (one mypyc group). pipeline.py stays pure: the
#: benchmarks time its stages by wrapping them.
COMPILED_MODULES = [
    "src/xinhua_extract/numbers.py",
    "src/xinhua_extract/particles.py",
    "src/xinhua_extract/tokenize.py",
    "src/xinhua_extract/layout.py",
    "src/xinhua_extract/glosses.py",
    "src/xinhua_extract/facts/__init__.py",
    "src/xinhua_extract/facts/_numeric.py",
    "src/xinhua_extract/facts/count.py",
    "src/xinhua_extract/facts/dates.py",
    "src/xinhua_extract/facts/money.py",
    "src/xinhua_extract/facts/percentage.py",
    "src/xinhua_extract/facts/rank.py",
    "src/xinhua_extract/places/resolve.py",
    "src/xinhua_extract/places/segment.py",
    "src/xinhua_extract/places/transcribe.py",
    "src/xinhua_extract/observations/__init__.py",
    "src/xinhua_extract/observations/discourse.py",
    "src/xinhua_extract/observations/measure.py",
    "src/xinhua_extract/observations/phrases.py",
    "src/xinhua_extract/observations/roles.py",
    "src/xinhua_extract/observations/words.py",
]

#: mypy options for the compiled modules: the modules they import stay interpreted and
#: are not type-checked here (``--follow-imports=silent``); third-party stubs are optional.
MYPY_OPTIONS = ["--ignore-missing-imports", "--follow-imports=silent"]


def _ext_modules() -> list:
    if os.environ.get("XINHUA_EXTRACT_PURE") == "1" or "editable_wheel" in sys.argv:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # building without the declared build requirement (no isolation)
        print("xinhua-extract: mypyc not found, building pure Python", file=sys.stderr)
        return []
    extensions = mypycify([*MYPY_OPTIONS, *COMPILED_MODULES], opt_level="3")
    for extension in extensions:
        extension.optional = True  # no working C compiler: pure Python, with a warning
    return extensions


setup(ext_modules=_ext_modules())
