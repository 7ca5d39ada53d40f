"""Generate ``src/xinhua_extract/data/particles.tsv``: the Korean particles (조사), copula
and verbal endings, and the few noun-like words that may follow a number's unit, a place
name, a glossed name or a part of a date *within one written word*, and the case particles
that the rules read as a verb's argument, a noun phrase's end or a joint.

One table for every rule that needs such a list (the numeric facts after a counter or
currency, the place resolver after a name, the gloss reader after a parenthesis, the date
rules after 말/초, the bound words before a verb of exceeding, the date rules' bare nouns,
the lists of figures, a money conversion written after its amount, an area holding a city), so that a particle
added for one is seen by all that should see it; no rule keeps a list of its own
(tests/test_particles.py scans the sources). Curated by hand from the Xinhua Korean
service's usage; the columns say which rules read each form. Edit the list below, then run
``python scripts/build_particles.py``; a test regenerates the file in memory and fails when
the committed copy has drifted (``--check`` does the same from the shell).
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "xinhua_extract" / "data" / "particles.tsv"

#: The uses: after a counter/currency/rank word, after a place name, after a gloss's
#: closing parenthesis, after a part of a date (말, 초); between a quantity and a verb of
#: exceeding (``100만 명을 넘는``, ``1조 위안이 돌파``); closing a noun phrase (a word
#: ending in one is not a bare noun: ``수출이``, ``전체의``); joining listed figures
#: (``3.2%와 4.1%``); joining an amount to its conversion written after it (``50억 위안으로
#: 한화 약 9천억원``, ``위안이며 원화로``); making the name before it a wider area (``중원 지역의
#: 정저우``: the area holds the city after it).
USES = ("unit", "place", "gloss", "date", "verb", "noun", "list", "convert", "area")

U, P, G, D, V, N, L, C, A = USES

# (form, uses, gloss)
PARTICLES: list[tuple[str, tuple[str, ...], str]] = [
    ("이", (U, P, G, D, V, N), "subject"), ("가", (U, P, G, V, N), "subject"),
    ("을", (U, P, G, V, N), "object"), ("를", (U, P, G, V, N), "object"),
    ("은", (U, P, G, D, V, N), "topic"), ("는", (U, P, G, D, V, N), "topic"),
    ("의", (U, P, G, D, N), "genitive"), ("에", (U, P, G, D, N, C), "locative"),
    ("에서", (P, G), "from, at"), ("에는", (P,), "at (topic)"), ("에서는", (P,), "at (topic)"),
    ("에도", (P,), "also at"), ("에서도", (P,), "also at"), ("에선", (P,), "at (topic, contracted)"),
    ("에게", (P,), "to"), ("에의", (P,), "to (genitive)"), ("에서의", (P,), "at (genitive)"),
    ("엔", (D,), "at (topic, contracted)"),
    ("로", (U, P, G, D, C), "to, as"), ("으로", (U, P, G, D, C), "to, as"),
    ("로는", (P,), "as (topic)"), ("으로는", (P,), "as (topic)"),
    ("로의", (P,), "to (genitive)"), ("으로의", (P,), "to (genitive)"),
    ("와", (U, P, G, D, L), "and, with"), ("과", (U, P, G, D, L), "and, with"),
    ("와의", (P,), "with (genitive)"), ("과의", (P,), "with (genitive)"),
    ("도", (U, P, G, D, V, N), "also"), ("만", (U, P, D), "only"), ("만의", (P,), "only (genitive)"),
    ("까지", (U, P, D), "until, up to"), ("까지의", (P,), "up to (genitive)"),
    ("부터", (U, P, D), "from"), ("께", (D,), "around (a time)"), ("경", (D,), "around (a time)"),
    ("쯤", (U, D), "about"), ("무렵", (D,), "around (a time)"), ("전후", (D,), "around (a time)"),
    ("씩", (U,), "each"), ("마다", (U,), "every"), ("뿐", (U,), "only"), ("밖에", (U,), "only"),
    ("나", (U, P), "or"), ("이나", (P,), "or"),
    ("며", (P,), "and (connective)"), ("이며", (P, C), "and (copula, connective)"),
    ("고", (P,), "and (connective)"), ("이고", (P, C), "and (copula, connective)"),
    ("이자", (P,), "and also (copula)"), ("인", (U, P, D), "being (copula, adnominal)"),
    ("이다", (P,), "is (copula)"), ("이라", (P,), "is (copula, quoting)"), ("라", (U, P), "is (copula, quoting)"),
    ("이란", (P,), "called"), ("란", (P,), "called"), ("임", (U,), "being (copula, nominal)"),
    ("였", (U,), "was (copula, past)"), ("다", (U,), "is (copula, final)"),
    ("처럼", (P,), "like"), ("보다", (U, P, D), "than"), ("대비", (D,), "compared with"),
    ("가량", (U,), "about"), ("정도", (U,), "about"), ("안팎", (U,), "about"), ("내외", (U,), "about"),
    ("남짓", (U,), "a little over"), ("당", (U,), "per"), ("어치", (U,), "worth of"),
    ("짜리", (U,), "worth, costing"), ("꼴", (U,), "at the rate of"), ("상당", (U,), "equivalent to"),
    ("넘", (U,), "over (넘다)"), ("돌파", (U,), "passing"), ("초과", (U,), "more than"), ("미만", (U,), "less than"),
    ("등", (P,), "etc."), ("등지", (P,), "and other places"), ("일대", (P, A), "area around"),
    ("지역", (P, A), "area"), ("지방", (A,), "region"), ("권", (A,), "sphere (경제권)"), ("내", (P,), "within"), ("측", (P,), "side"), ("쪽", (P,), "side"),
    ("및", (P, L), "and"), ("간", (P,), "between"),
    ("기준", (D,), "as of"), ("현재", (D,), "as of"), ("들어", (D,), "into (a period)"),
    ("이래", (D,), "since"), ("이후", (D,), "after"), ("이전", (D,), "before"),
]


def render() -> str:
    seen: set[str] = set()
    lines = ["form\t" + "\t".join(USES) + "\tmeaning"]
    for form, uses, gloss in PARTICLES:
        if form in seen:
            raise ValueError(f"particle {form!r} listed twice")
        if not form or not uses or any(u not in USES for u in uses) or "\t" in gloss:
            raise ValueError(f"bad particle row {form!r}")
        seen.add(form)
        lines.append("\t".join([form, *("yes" if u in uses else "no" for u in USES), gloss]))
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    from _generated import write_or_check

    return write_or_check({OUT: render}, argv, "build_particles.py")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
