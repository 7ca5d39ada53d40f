"""Observations: what each money, percentage and count figure measures, where and when
(``shared/gold/OBSERVATIONS.md``; ``docs/observations.md``).

``find_observations`` reads only what earlier stages produced — the Kiwi tokens, the facts,
the place mentions, sentences and paragraphs — and never runs Kiwi again. Per figure:

- :mod:`.roles` — level, change (with direction), share, target or threshold;
- :mod:`.measure` — the noun phrase it measures (a span ending on its head noun);
- :mod:`.discourse` — its places and period, from its clause, its sentence, the previous
  sentence of the paragraph and the article's home place.

KRW conversions (facts with ``equivalent_of``) get no observation: they restate a yuan figure.
"""

from __future__ import annotations

import bisect

import dataclasses
from typing import Optional, Sequence

from ..records import Fact, Observation, Paragraph, PlaceMention, Sentence, Span, Token
from .discourse import Discourse
from .measure import has_argument_before, measure_of, trim
from .phrases import PAST, Layer
from .roles import role_of
from .words import words

MEASURED_TYPES = frozenset({"money", "percentage", "count"})

__all__ = ["find_observations", "MEASURED_TYPES"]


def find_observations(text: str, facts: Sequence[Fact], tokens: Sequence[Token],
                      sentences: Sequence[Sentence], paragraphs: Sequence[Paragraph],
                      places: Sequence[PlaceMention], reference: Optional[str] = None) -> tuple[Observation, ...]:
    """One :class:`~xinhua_extract.records.Observation` per money, percentage and count fact
    that is not a KRW conversion, in fact order. ``reference`` (ISO date the article's
    relative dates were resolved against) makes a figure dated after it a target.

    Facts in sentences that Kiwi did not tokenize (a Chinese-script paragraph of a bilingual
    page, ``lang="zh"``, which restates the Korean one) get no observation: the rules read
    Korean morphemes."""
    starts = [t.start for t in tokens]

    def tokenized(s: Sentence) -> bool:
        k = bisect.bisect_left(starts, s.start)
        return k < len(starts) and starts[k] < s.end

    wanted = [i for i, f in enumerate(facts)
              if f.type in MEASURED_TYPES and getattr(f, "equivalent_of", None) is None and f.sentence is not None
              and f.lang != "zh" and tokenized(sentences[f.sentence])]
    if not wanted or not tokens:
        return ()
    layer = Layer(text, tokens, facts, places, sentences, starts)
    discourse = Discourse(layer, facts, places, sentences, paragraphs)
    out: list[Observation] = []
    heads: dict[int, set[str]] = {}
    last_level: dict[int, tuple[int, Optional[Span]]] = {}  # paragraph -> (fact, measure) of the last level
    last_change: dict[int, tuple[int, Span]] = {}  # paragraph -> (fact, measure) of the last measured change
    levels: dict[int, list[tuple[int, Optional[Span]]]] = {}  # sentence -> its levels
    about: dict[int, tuple[str, ...]] = {}
    governing: dict[int, Optional[str]] = {}
    by_sentence: dict[int, list[int]] = {}
    for i in wanted:
        by_sentence.setdefault(facts[i].sentence, []).append(i)  # type: ignore[arg-type]
    busy = {sentences[facts[i].sentence].paragraph for i in wanted}  # type: ignore[index]
    for s in range(len(sentences)):
        if sentences[s].paragraph not in busy:
            continue
        prev = discourse.previous(s)
        info = discourse.info(s)
        carried_place = about.get(prev) if prev is not None else None
        carried_period = governing.get(prev) if prev is not None else None
        made: list[Observation] = []
        for i in by_sentence.get(s, ()):
            made.append(_observe(layer, discourse, facts, i, s, carried_place, carried_period,
                                 heads.get(prev, set()) if prev is not None else set(), last_level, last_change,
                                 reference, made[-1] if made else None))
        _respectively(layer, info, made, levels.get(prev, []) if prev is not None else [])
        if len(made) > 1:
            _respective_places(layer, discourse, facts, info, made)
        levels[s] = [(o.fact, o.measure) for o in made if o.role == "level"]
        out.extend(made)
        heads[s] = {o.measure.text.split()[-1] for o in made if o.measure}
        heads[s].update(g for o in made if o.measure for g in [_gloss_after(text, o.measure.end)] if g)
        if any(o.role == "change" for o in made):
            heads[s].add("")  # marks a sentence that reported a change
        # what the sentence was about: the places it names as owners, else the one place all
        # its figures were read for (상하이시에 따르면 … 투자 유치액은: Shanghai's), else what it carried
        own = {o.places for o in made}
        about[s] = (info.about or (next(iter(own)) if len(own) == 1 and next(iter(own)) else None)
                    or carried_place or discourse.home)
        # the time frame the sentence leaves for the next one: its last figure's period, its
        # own last date, none after 현재/최근, else the frame it stayed in
        if made and made[-1].period is not None:  # the first dated figure's frame, unless it ended undated
            governing[s] = next(o.period for o in made if o.period is not None)
        elif info.dates and not any(c >= info.dates[-1][1] for c in info.now):
            governing[s] = info.dates[-1][2]
        elif info.now or info.dates:
            governing[s] = None
        else:
            governing[s] = carried_period
    return tuple(out)


def _scope_of_measure(layer: Layer, measure: Span, fact: Fact, places: tuple[str, ...],
                      place_source: Optional[str]) -> tuple[tuple[str, ...], Optional[str]]:
    """When no owner is named in the figure's clause, the measure itself may say whose figure
    it is: a count of provinces (``27개 성``) is China's, and a world total (``세계 신에너지차
    판매량``) is no division's — neither takes a place carried from elsewhere."""
    w = words()
    words_of = measure.text.split()
    if fact.type == "count" and words_of[-1] in w["division_class"]:
        return ("CN",), "division-class"
    if (words_of[0] in w["world"] or words_of[0].startswith("전세계")) and not any(c.isdigit() for c in measure.text):
        return (), "world"  # (not '세계 500대 기업': a class of firms, found anywhere)
    return places, place_source


def _owner_before(layer: Layer, first: int) -> bool:
    """A place is named in the figure's clause before the figure (``후베이성에는 … 4개 지역``);
    not ``31개 성에서 충칭의 …``, where the place after the count is one of those counted."""
    c = layer.clause[first]
    k = first - 1
    while k >= 0 and layer.clause[k] == c:
        if layer.place_of[k] >= 0:
            return True
        k -= 1
    return False


def _gloss_after(text: str, end: int) -> Optional[str]:
    """``국내총생산(GDP)``: the short gloss right after a measure, a second name for its head
    (a later ``GDP는`` continues the same measure)."""
    if end < len(text) and text[end] == "(":
        close = text.find(")", end, end + 12)
        if close > end + 1:
            return text[end + 1:close].strip() or None
    return None


def _after(period: Optional[str], reference: str) -> bool:
    """The period starts after the reference date (``2025-01-01`` after ``2024-12-30``)."""
    if not period:
        return False
    start = period.split("/")[0]
    year, _, rest = start.partition("-")
    if rest.startswith("H"):
        start = f"{year}-{'01' if rest == 'H1' else '07'}-01"
    elif rest.startswith("Q"):
        start = f"{year}-{3 * (int(rest[1:]) - 1) + 1:02d}-01"
    elif not rest:
        start = f"{year}-01-01"
    elif len(rest) == 2:
        start = f"{start}-01"
    return start > reference


def _past_in_clause(layer: Layer, fact: Fact, hi: int) -> bool:
    """A past-tense ending after the figure in its clause: it already happened
    (``내년 … 500억 위안을 배정했다``)."""
    toks = layer.tokens
    k = layer.span(fact.end, fact.end)[0]
    clause = layer.clause[k - 1] if k > 0 else 0
    while k < hi and layer.clause[k] == clause:
        if toks[k].tag == "EP" and toks[k].form in PAST:
            return True
        k += 1
    return False


def _respectively(layer: Layer, info, made: list[Observation], previous_levels: list) -> None:
    """``각각 91.2%, 86.5% 늘어난 수치다``: changes without a phrase of their own, listed with
    각각, belong in order to the levels of the previous sentence."""
    if not made or "각각" not in layer.text[layer.tokens[info.lo].start:layer.tokens[info.hi - 1].end]:
        return
    loose = [n for n, o in enumerate(made) if o.role == "change" and (o.rule.endswith("/level-of") or "/" not in o.rule)]
    if not loose or len(previous_levels) < len(loose):
        return
    for n, (fact, measure) in zip(loose, previous_levels[-len(loose):]):
        made[n] = dataclasses.replace(made[n], measure=measure, level_of=fact)


def _respective_places(layer: Layer, discourse: Discourse, facts: Sequence[Fact], info,
                       made: list[Observation]) -> None:
    """A sentence that names several owners and gives each its own figure: ``헤이룽장,
    랴오닝, 지린의 증속은 각각 0.3%, 0.7%, 0.3%`` (the n-th owner before 각각 owns the n-th
    figure of the list after it), or ``랴오닝의 증속이 2.6%로 꼴찌; 헤이룽장의 증속이
    5.1%로 …`` (a figure that was given the whole list belongs to the owners named since the
    figure before it). The owners are the mentions the discourse read as owners (or as the
    members a count counts: ``저장, 장쑤 2개 성 주민의 소득은 각각 …``)."""
    toks, place_of = layer.tokens, layer.place_of
    owner_codes = {code for kind in (info.owners, info.regions, info.members)
                   for codes in kind.values() for code in codes}
    if not owner_codes:
        return

    def owners_between(a: int, b: int) -> list[str]:
        """Owner codes of the mentions whose tokens lie in [a, b), in text order, once each."""
        out: list[str] = []
        seen = -1
        for q in range(a, b):
            p = place_of[q]
            if p < 0 or p == seen:
                continue
            seen = p
            code = discourse.places[p].code
            if code is not None and code in owner_codes and code not in out:
                out.append(code)
        return out

    lo, hi = info.lo, info.hi
    each = next((k for k in range(lo, hi) if toks[k].form == "각각"), None)
    if each is not None:
        before = [o for o in made if facts[o.fact].end <= toks[each].start]
        after = [n for n, o in enumerate(made) if facts[o.fact].start >= toks[each].end]
        if after:
            kind = facts[made[after[0]].fact].type
            listed = [n for n in after if facts[made[n].fact].type == kind]
            start = layer.span(facts[before[-1].fact].end, facts[before[-1].fact].end)[0] if before else lo
            codes = owners_between(start, each) or owners_between(lo, each)  # 저장, 장쑤 2개 성의 …은 각각
            if len(listed) > 1 and len(codes) == len(listed):
                for n, code in zip(listed, codes):
                    made[n] = dataclasses.replace(made[n], places=(code,), place_source="respectively")
                return
    previous_end = lo
    for n, o in enumerate(made):
        first = layer.span(facts[o.fact].start, facts[o.fact].end)[0]
        codes = owners_between(previous_end, first)
        previous_end = layer.span(facts[o.fact].end, facts[o.fact].end)[0]
        if len(o.places) > 1 and codes and set(codes) < set(o.places):
            made[n] = dataclasses.replace(made[n], places=tuple(codes), place_source="since-previous")


def _observe(layer: Layer, discourse: Discourse, facts: Sequence[Fact], i: int, s: int,
             carried_place: Optional[tuple[str, ...]], carried_period: Optional[str],
             previous_heads: set[str], last_level: dict, last_change: dict, reference: Optional[str],
             before: Optional[Observation]) -> Observation:
    fact = facts[i]
    info = discourse.info(s)
    lo, hi = info.lo, info.hi
    span = layer.covering(fact.start, fact.end)
    first = span.start if len(span) else layer.span(fact.start, fact.end)[0]
    run, measure_rule = measure_of(layer, fact, i, lo, hi)
    if (run is not None and measure_rule == "argument" and fact.type == "percentage"
            and before is not None and before.measure is not None
            and layer.clause[run.last] != layer.clause[first] and before.measure.start > layer.tokens[run.last].start):
        # 외자 유치액을 15억 달러로 늘려 전년보다 20% 확대: the figure before it in the sentence
        # names what this clause goes on about, not the sentence's topic further back
        run, measure_rule = None, "previous"
        measure_from_before = before.measure
    else:
        measure_from_before = None
    # the head word as written (점유율 is 점유/NNG + 율/XSN); none for 주문했다 (ordered)
    head = layer.text[run.start:run.end].split()[-1] if run and measure_rule != "verb-noun" else None
    if measure_rule == "share-of":
        head = "비중"
    role, rule, direction = role_of(layer, fact, i, hi, head)
    paragraph = discourse.sentences[s].paragraph
    level_of = None
    measure: Optional[Span] = None
    if run is not None:
        run = trim(layer, run)
        measure = Span(text=layer.text[run.start:run.end], start=run.start, end=run.end)
    elif measure_from_before is not None:
        measure = measure_from_before
    if role == "change":
        prior = last_level.get(paragraph)
        if prior is not None:
            level_of = prior[0]
            if measure is None:
                measure, measure_rule = prior[1], "level-of"
        changed = last_change.get(paragraph)
        if (run is None and measure_from_before is None and changed is not None
                and (prior is None or changed[0] > prior[0]) and facts[changed[0]].sentence != s):
            # 소득은 9.1% 늘었다. 물가를 빼면 실제 6.1% 증가했다: a change with no phrase of
            # its own right after a measured change goes on about that change's measure
            measure, measure_rule = changed[1], "change-of"
    elif role == "level" and measure is None and paragraph in last_level and not has_argument_before(layer, first, lo):
        prior_fact, prior_measure = last_level[paragraph]
        if facts[prior_fact].sentence != s:  # 올해 상반기에는 892억 위안으로: the same measure, later
            measure, measure_rule = prior_measure, "level-of"
    if (measure is None and before is not None and before.measure is not None
            and facts[before.fact].type == fact.type and role in ("level", "target")):
        # 시장은 … 성장목표를 10%에서 11%로 인상했고 닝샤는 7.5%에서 8%: a figure with no phrase
        # of its own after one of the same kind in the sentence continues the same measure
        measure, measure_rule = before.measure, "parallel"
        if before.role == "target":
            role, rule = "target", before.rule.split("/")[0]
    if role == "level" and measure is not None:
        last_level[paragraph] = (i, measure)
    elif role == "change" and measure is not None:
        last_change[paragraph] = (i, measure)
    if role == "threshold":
        return Observation(fact=i, role=role, measure=measure, rule=f"{rule}/{measure_rule}" if measure_rule else rule)
    whole = None
    if role == "share" and first - 2 >= lo and layer.tokens[first - 1].tag == "JKG" and layer.glued(first - 1):
        found = layer.run_before(first - 2, lo, stop_at_places=False)  # 전체의 41%, 전국의 46.5%
        if found is not None:
            whole = Span(text=layer.text[found.start:found.end], start=found.start, end=found.end)
    place_source: Optional[str]
    places, place_source = discourse.places_of(s, first, carried_place)
    if measure is not None and (place_source != "clause" or not _owner_before(layer, first)):
        places, place_source = _scope_of_measure(layer, measure, fact, places, place_source)
    head_text: Optional[str] = measure.text.split()[-1] if measure else None
    continues = (discourse.continues(s, first) or not has_argument_before(layer, first, lo)
                 or (head_text is not None and head_text in previous_heads)
                 # 증가율은 …: a rate right after a change is that change's rate
                 or (head_text is not None and head_text.endswith("율") and "" in previous_heads))
    period, period_source = discourse.period_of(s, first, continues, carried_period)
    if (period_source is None and before is not None and before.period_source == "previous"
            and layer.clause[first] not in info.now):
        # GDP는 … 6.9% 성장했고 성장 속도는 … 0.2%포인트 상승했다: the sentence continues the
        # previous one, so its later figures stay in that period too
        period, period_source = before.period, "previous"
    if (role in ("level", "change") and period_source == "clause" and reference and _after(period, reference)
            and not _past_in_clause(layer, fact, hi)):
        role, rule, direction = "target", "target-future", None  # 다음 달 1일부터 … 인하: not yet real
    return Observation(
        fact=i, role=role, measure=measure, places=places, period=period, direction=direction,
        basis=getattr(fact, "basis", None) if role == "change" else None, whole=whole,
        level_of=level_of, rule=f"{rule}/{measure_rule}" if measure_rule else rule,
        place_source=place_source, period_source=period_source,
    )
