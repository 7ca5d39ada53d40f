"""The token layer the observation rules read: Kiwi tokens indexed once per article, with
the fact, date and place each token belongs to, clause numbers, and noun-phrase runs.

Everything here is built from ``Article.tokens`` in one pass (Kiwi is never run again), and
every lookup is a list index or a bisect, so the rules stay linear in the tokens.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional, Sequence

from ..records import Fact, PlaceMention, Sentence, Token
from .words import words

NOMINAL = frozenset({"NNG", "NNP", "SL", "SH", "XSN", "XPN", "XR"})
PARTICLE_ARG = frozenset({"JX", "JKS", "JKO"})  # topic/subject/object: 은/는/도/만, 이/가, 을/를
QUOTES = frozenset("'\"‘’“”「」『』")
MIDDOTS = frozenset("·∙・ㆍ")
_SUFFIXES = frozenset("시성현구주기")  # division suffixes (city, province, county, district, prefecture, banner)
PAST = frozenset({"었", "았", "였", "ᆻ", "었었", "았었"})
FUTURE_ETM = frozenset({"ᆯ", "을", "를"})


@dataclass(frozen=True, slots=True)
class Run:
    """A noun phrase: tokens ``first..last`` (inclusive) and its text offsets."""

    first: int
    last: int
    start: int
    end: int


class Layer:
    """Tokens of one article with per-token annotations (built in O(tokens + records))."""

    def __init__(self, text: str, tokens: Sequence[Token], facts: Sequence[Fact],
                 places: Sequence[PlaceMention], sentences: Sequence[Sentence],
                 starts: Optional[list[int]] = None) -> None:
        # ``starts``: the token start offsets when the caller already has them (saves a pass)
        self.text = text
        self._among = words()["among"]
        self.tokens = list(tokens)
        self.starts = starts if starts is not None and len(starts) == len(self.tokens) \
            else [t.start for t in self.tokens]
        self._covering: dict[tuple[int, int], range] = {}
        n = len(self.tokens)
        fact_of = self.fact_of = [-1] * n
        self.place_of = [-1] * n
        for index, fact in enumerate(facts):
            for i in self.covering(fact.start, fact.end):
                if fact_of[i] < 0:
                    fact_of[i] = index
        for index, place in enumerate(places):
            for i in self.covering(place.start, place.end):
                self.place_of[i] = index
            # Kiwi sometimes fuses a division suffix after a gloss with what follows:
            # 쑤저우(蘇州)시가 -> 시가/NNG; the token belongs to the place before the gloss.
            i = bisect.bisect_left(self.starts, place.end)
            if i < n and self.tokens[i].form == "(" and self.tokens[i].start == place.end:
                j = i + 1
                while j < n and j < i + 6 and self.tokens[j].form != ")":
                    j += 1
                k = j + 1
                if k < n and self.tokens[j].form == ")" and self.tokens[k].start == self.tokens[j].end \
                        and self.tokens[k].tag == "NNG" and self.tokens[k].form[:1] in _SUFFIXES:
                    self.place_of[k] = index
        self.sentence_range = [self.span(s.start, s.end) for s in sentences]
        clause = self.clause = [0] * n
        toks = self.tokens
        for lo, hi in self.sentence_range:
            c = 0
            for i in range(lo, hi):
                clause[i] = c
                t = toks[i]
                tag = t.tag
                if tag == "SE" or (tag == "SP" and t.form == ","):
                    c += 1  # _ends_clause: always true for these
                elif tag == "EC" and i + 1 < hi:
                    nxt = toks[i + 1]
                    if nxt.start > t.end or nxt.form in QUOTES or nxt.tag in ("SP", "SF"):
                        c += 1

    # ------------------------------------------------------------------ lookups
    def span(self, start: int, end: int) -> tuple[int, int]:
        """Token indices ``[lo, hi)`` of the tokens starting inside ``[start, end)``."""
        lo = bisect.bisect_left(self.starts, start)
        return lo, (lo if end == start else bisect.bisect_left(self.starts, end))

    def covering(self, start: int, end: int) -> range:
        """Indices of the tokens overlapping ``[start, end)`` (remembered: the rules ask
        for each figure's several times)."""
        key = (start, end)
        found = self._covering.get(key)
        if found is None:
            lo = bisect.bisect_left(self.starts, start)
            while lo > 0 and self.tokens[lo - 1].end > start:
                lo -= 1
            hi = bisect.bisect_left(self.starts, end)
            found = self._covering[key] = range(lo, hi)
        return found

    def glued(self, i: int) -> bool:
        """Token ``i`` is written against the token before it (no space between)."""
        return i > 0 and self.tokens[i - 1].end >= self.tokens[i].start

    def is_nominal(self, i: int) -> bool:
        t = self.tokens[i]
        if t.tag in NOMINAL:
            return True
        if t.tag == "NNB" and i > 0 and self.tokens[i - 1].tag in NOMINAL and self.glued(i):
            return True  # 신에너지차 (차/NNB), 지역내총생산 (내/NNB)
        if t.tag == "NNB" and i + 1 < len(self.tokens) and self.tokens[i + 1].tag in NOMINAL \
                and self.tokens[i + 1].start == t.end and not self.glued(i):
            return True  # 대분류 (대/NNB)
        if t.tag == "MM" and i + 1 < len(self.tokens) and self.tokens[i + 1].tag in NOMINAL \
                and self.tokens[i + 1].start == t.end:
            return True  # 총투자액 (총/MM)
        if t.tag == "SN":  # 5A, SY215C: a number inside a name
            return (i + 1 < len(self.tokens) and self.tokens[i + 1].tag == "SL" and self.glued(i + 1)) or (
                i > 0 and self.tokens[i - 1].tag == "SL" and self.glued(i))
        return False

    def is_quote(self, i: int) -> bool:
        return self.tokens[i].form in QUOTES

    def matching_open(self, close: int, lo: int) -> Optional[int]:
        """Index of the ``(`` that the ``)`` at ``close`` closes, within ``lo..close``."""
        depth = 0
        for k in range(close, lo - 1, -1):
            form = self.tokens[k].form
            if form == ")":
                depth += 1
            elif form == "(":
                depth -= 1
                if depth == 0:
                    return k
        return None

    def matching_close(self, open_: int, hi: int) -> Optional[int]:
        depth = 0
        for k in range(open_, hi):
            form = self.tokens[k].form
            if form == "(":
                depth += 1
            elif form == ")":
                depth -= 1
                if depth == 0:
                    return k
        return None

    def _ends_clause(self, i: int, hi: int) -> bool:
        """A clause ends after a connective ending followed by a space or a quote (투자해 ,
        늘었으며 , 넘어 ), after a comma, and at ``…``."""
        t = self.tokens[i]
        if t.tag == "SP" and t.form == ",":
            return True
        if t.tag == "SE":
            return True
        if t.tag == "EC" and i + 1 < hi:
            nxt = self.tokens[i + 1]
            return nxt.start > t.end or nxt.form in QUOTES or nxt.tag in ("SP", "SF")
        return False

    # ------------------------------------------------------------------ noun phrases
    def run_before(self, last: int, lo: int, *, stop_at_places: bool = True) -> Optional[Run]:
        """The noun phrase ending at token ``last`` (reading leftwards, not before ``lo``).

        A trailing gloss is dropped (``지역내총생산(GRDP)`` ends on 지역내총생산); a gloss
        inside is kept (``이도(離島) 면세점``); the phrase stops at a particle, a verb, a
        figure, a date, and (by default) a place name, so it holds what is measured only.
        """
        toks = self.tokens
        j = last
        if j < lo:
            return None
        if toks[j].form == ")":
            m = self.matching_open(j, lo)
            if m is None or m - 1 < lo or not self.glued(m):
                return None
            j = m - 1
        while j >= lo and self.is_quote(j):
            j -= 1
        if j < lo or not self._usable(j, stop_at_places):
            return None
        k = j
        while k - 1 >= lo:
            p = k - 1
            t = toks[p]
            if self._usable(p, stop_at_places):
                k = p
            elif self.is_quote(p):
                k = p
            elif (t.form in MIDDOTS or t.tag == "JC") and p - 1 >= lo and self._usable(p - 1, stop_at_places):
                k = p
            elif t.form == ")" and toks[k].start > t.end:
                m = self.matching_open(p, lo)
                if m is None or m - 1 < lo or not self.glued(m) or not self._usable(m - 1, stop_at_places):
                    break
                if any(self.fact_of[x] >= 0 for x in range(m, p)):
                    break
                k = m - 1
            else:
                break
        while k <= j and (self.is_quote(k) or toks[k].form in MIDDOTS or toks[k].tag == "JC" or toks[k].form in "()"):
            k += 1
        if k > j:
            return None
        start, end = toks[k].start, toks[j].end
        while end - start > 25 and k < j:  # the spec's bound on a measure's length
            k += 1
            while k < j and (self.glued(k) or not self._usable(k, stop_at_places)):
                k += 1
            start = toks[k].start
        text = self.text[start:end]
        if text.count("'") % 2 or text.count("\"") % 2:  # an unbalanced quote at the start
            while k < j and self.is_quote(k):
                k += 1
            start = toks[k].start
        return Run(k, j, start, end)

    def run_after(self, first: int, hi: int, *, stop_at_places: bool = True) -> Optional[Run]:
        """The noun phrase starting at token ``first`` (reading rightwards, before ``hi``)."""
        toks = self.tokens
        if first >= hi or not self._usable(first, stop_at_places):
            return None
        j = first
        while j + 1 < hi:
            n = j + 1
            t = toks[n]
            if self._usable(n, stop_at_places) and not (t.form in self._among and self.tokens[j].end < t.start):
                j = n
            elif (t.form in MIDDOTS or t.tag == "JC") and n + 1 < hi and self._usable(n + 1, stop_at_places):
                j = n + 1
            elif t.form == "(" and self.glued(n):
                c = self.matching_close(n, hi)
                if c is None or any(self.fact_of[x] >= 0 for x in range(n, c)):
                    break
                if c + 1 < hi and toks[c + 1].start > toks[c].end and self._usable(c + 1, stop_at_places) \
                        and toks[c + 1].form not in self._among:
                    j = c + 1
                else:
                    break
            else:
                break
        if j + 1 < hi and toks[j + 1].tag in ("XSV", "XSA") and self.glued(j + 1):
            if j == first:
                return None  # 4개씩 포함돼: the verb's stem, not what is counted
            j -= 1
        return Run(first, j, toks[first].start, toks[j].end)

    def _usable(self, i: int, stop_at_places: bool) -> bool:
        if not self.is_nominal(i) or self.fact_of[i] >= 0:
            return False
        return not (stop_at_places and self.place_of[i] >= 0)

    def head(self, run: Run) -> Token:
        return self.tokens[run.last]

    def only_places(self, run: Run) -> bool:
        """Every noun of the phrase is a place name (``광둥∙산둥∙후베이∙후난``)."""
        return all(self.place_of[i] >= 0 or not self.is_nominal(i) for i in range(run.first, run.last + 1))
