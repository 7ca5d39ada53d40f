"""The noun phrase a figure measures, from Kiwi tokens (``shared/gold/OBSERVATIONS.md``:
the span ends on the head noun and holds no particle).

Rules, first match wins (``measure_of`` returns the rule's name with the span):

``gloss``        the figure glosses the phrase before it: ``수출입 증가율(4.4%)``
``heading``      a label and a colon before the figure (dates and qualifiers between):
                 ``대외무역: 14.2% 증가``, ``기업이윤: 1-11월 6조8700억 위안``
``apposition``   the figure's clause modifies the phrase after it (when no bare phrase precedes it): ``87%에 해당하는 95개 클러스터``,
                 ``4천만 명이 넘는 관광객``
``grade``        a threshold grade names the class after it: ``천억 위안급 산업 규모``
``counted``      a count names what it counts after it: ``43개 산업 클러스터``, ``3천950개의 관련 기업``
``partitive``    the whole a count is taken from: ``'세계 500대 기업' 중 30곳``
``scale``        the phrase a sum is the size of: ``50억 위안 규모의 지방정부채권``
``adjacent``     a bare phrase right before the figure: ``관광 수입 1천13억 위안``, ``상장사 60개``
                 (a date between is skipped; qualifiers like ``누적``, ``연인원`` are not measures)
``verb-noun``    money that is the object of a ``N하다`` verb: ``3천만 달러를 투자해`` -> 투자
``share-of``     a bare share noun names its part before it: ``디지털 경제가 … 차지하는 비중은 40%``
``argument``     the nearest topic, subject or object phrase before the figure in the sentence
                 (``매출은 11억9천만 위안``, ``성장률을 5%로``), skipping phrases that are only
                 place names (they are owners: ``광둥∙산둥∙후베이∙후난이 4개씩``)
"""

from __future__ import annotations

from typing import Optional

from ..records import Fact
from .phrases import FUTURE_ETM, PARTICLE_ARG, Layer, Run
from .roles import tail
from .words import words


def measure_of(layer: Layer, fact: Fact, index: int, lo: int, hi: int, role_hint: Optional[str] = None
               ) -> tuple[Optional[Run], str]:
    """``(run, rule)`` for the ``index``-th fact in the sentence of tokens ``[lo, hi)``."""
    toks = layer.tokens
    fr = layer.covering(fact.start, fact.end)
    first = fr.start if len(fr) else layer.span(fact.start, fact.end)[0]
    if not lo <= first < hi:
        return None, "no-token"  # Kiwi gave the figure no morpheme (damaged text): no phrase to read
    after = tail(layer, fact, hi)
    w = words()

    # gloss: 증가율(4.4%)
    if first - 1 >= lo and toks[first - 1].form == "(" and after < hi and toks[after].form == ")":
        run = layer.run_before(first - 2, lo) if layer.glued(first - 1) else None
        if run:
            return run, "gloss"

    # heading: 기업이윤: 1-11월 6조8700억 위안 달해, 대외무역: 14.2% 증가 (the label before the colon)
    k = first - 1
    while k >= lo and (layer.fact_of[k] >= 0 or toks[k].form in w["qualifier"] or toks[k].tag == "MAG"):
        k -= 1
    if k - 1 >= lo and toks[k].form == ":" and layer.glued(k):
        run = layer.run_before(k - 1, lo)
        if run and layer.head(run).form not in w["generic"]:
            return run, "heading"

    adjacent = _adjacent(layer, first, lo, after, hi)
    run = None if adjacent else _apposition(layer, index, after, hi)
    if run:
        return run, "apposition"

    if after < hi and toks[after].form == "급":
        k = after + 1
        while k < hi:
            if toks[k].form == "(":
                c = layer.matching_close(k, hi)
                k = hi if c is None else c + 1
            elif toks[k].tag == "SP" or layer.fact_of[k] >= 0 or toks[k].form == "급":
                k += 1
            else:
                break
        run = layer.run_after(k, hi)
        if run:
            return run, "grade"

    k = after
    of = k < hi and toks[k].tag == "JKG" and toks[k].start == toks[k - 1].end
    if of and adjacent and fact.type == "count":
        # 기계산업원과 과학기술산업원 두개의 성숙한 원구: a modifier after 의 introduces what is counted
        q = k + 1
        while q < hi and toks[q].tag.split("-")[0] in ("VA", "VV", "XR", "XSA", "XSV", "NNG") and q - k <= 3:
            q += 1
        if k + 1 < q < hi and toks[q].tag == "ETM" and toks[k + 1].tag.split("-")[0] in ("VA", "VV", "XR", "NNG"):
            run = layer.run_after(q + 1, hi)
            if run and layer.head(run).form not in w["generic"]:
                return run, "counted"
    if of and adjacent:  # 주민 1천500여 가구의 소득: the households are the residents'
        return adjacent, "adjacent"
    if fact.type == "count" or of:  # 43개 산업 클러스터, 3천950개의 관련 기업, 95억 위안의 계약
        k += of
        if k < hi and toks[k].start > toks[k - 1].end and toks[k].form not in w["bound"]:
            run = layer.run_after(k, hi)
            if run and run.last + 1 < hi and layer.fact_of[run.last + 1] >= 0 and run.last > run.first:
                t = toks[run.first]  # 3개 지역 GDP 10조 위안: the phrase goes on to name the next figure
                run = Run(run.first, run.first, t.start, t.end)
            if run and layer.head(run).form not in w["generic"]:
                return run, "counted"

    if adjacent:
        return adjacent, "adjacent"

    k = first - 1  # '세계 500대 기업' 중 30곳: the whole it is taken from
    if k - 1 >= lo and toks[k].form in w["among"] and toks[k].end < toks[first].start and not layer.glued(k):
        run = layer.run_before(k - 1, lo)
        if run:
            return run, "partitive"

    k = after  # 50억 위안 규모의 채권
    if k + 2 < hi and toks[k].form in w["scale"] and toks[k + 1].tag == "JKG":
        run = layer.run_after(k + 2, hi)
        if run:
            return run, "scale"

    if fact.type == "money" and after + 1 < hi:
        k = after
        while k < hi and toks[k].form in w["bound"]:
            k += 1
        if k < hi and toks[k].tag == "JKO":
            k += 1
            while k + 1 < hi and (toks[k].tag == "MAG" or (toks[k].tag == "NNG" and toks[k + 1].form in ("로", "으로"))):
                k += 1 if toks[k].tag == "MAG" else 2  # 추가로 투입하고
            if (k + 1 < hi and toks[k].tag == "NNG" and toks[k + 1].tag == "XSV"
                    and toks[k].form not in w["generic"]):
                t = toks[k]
                return Run(k, k, t.start, t.end), "verb-noun"

    run = argument_before(layer, first, lo, _compares(layer, after, hi))
    if run and run.first == run.last and toks[run.first].form in w["share_noun"]:
        part = argument_before(layer, run.first, lo, False)  # 디지털 경제가 … 차지하는 비중은 40%
        if part is not None and layer.clause[part.last] == layer.clause[run.last]:
            return part, "share-of"
    if run:
        return run, "argument"
    return None, ""


def _apposition(layer: Layer, index: int, i: int, hi: int) -> Optional[Run]:
    """figure + particle + (non-change) predicate in its adnominal form + noun phrase."""
    w = words()
    toks = layer.tokens
    k = i
    if k < hi and toks[k].tag in ("JKB", "JKS", "JKO"):
        k += 1
    if k >= hi:
        return None
    if toks[k].tag == "NNG" and k + 1 < hi and toks[k + 1].tag in ("XSV", "XSA"):
        verb, k = toks[k].form, k + 2
    elif toks[k].tag in ("VV", "VA"):
        verb, k = toks[k].form, k + 1
    else:
        return None
    if verb in w["up"] or verb in w["down"] or k >= hi or toks[k].tag != "ETM" or toks[k].form in FUTURE_ETM:
        return None  # 추진할 계획: a plan, not an apposition
    k += 1
    while k < hi and layer.fact_of[k] >= 0:  # 87%에 해당하는 95개 클러스터
        k += 1
    if k < hi and toks[k].tag == "JKG":
        k += 1
    run = layer.run_after(k, hi)
    if run is None or layer.head(run).form in w["generic"] or layer.head(run).form in w["scale"]:
        return None
    return run


def _adjacent(layer: Layer, first: int, lo: int, after: int, hi: int) -> Optional[Run]:
    """A bare noun phrase written right before the figure (dates between are skipped).

    ``청년 도예가 3천여 명이``: Kiwi reads the noun suffix 가 as a subject particle; when the
    figure carries the subject particle itself, that 가 belongs to the noun."""
    w = words()
    toks = layer.tokens
    k = first - 1
    if (lo < k and toks[k].tag == "JKS" and toks[k].form == "가" and layer.glued(k) and after < hi
            and toks[after].tag == "JKS" and layer.is_nominal(k - 1) and toks[k].end < toks[first].start):
        run = layer.run_before(k - 1, lo)
        if run is not None:
            return Run(run.first, k, run.start, toks[k].end)
    while k >= lo and layer.fact_of[k] >= 0 and toks[k].start < toks[first].start:
        k -= 1  # a date between: 면세점 작년 매출 437억 위안
        if k >= lo and layer.fact_of[k] < 0:
            break
    if k < lo or toks[k].end >= toks[k + 1].start:
        return None
    if toks[k].tag in ("NNG", "NNB", "NNP", "XSN") and toks[k].form in w["qualifier"]:
        return None  # 연인원 676만 명, 누적 2천420만 명, 1인당: a qualifier, not the measure
    run = layer.run_before(k, lo)
    if run is None or layer.head(run).form in w["generic"] or layer.head(run).form in w["basis"]:
        return None  # 전년 동기 대비 4.7%: the basis of a change
    return run


def argument_before(layer: Layer, first: int, lo: int, compared: bool = False) -> Optional[Run]:
    """The nearest topic/subject/object phrase before token ``first`` that is not only places.

    In the figure's own clause any of them; in an earlier clause only a topic or subject
    (an object there belongs to another verb: ``춘제 연휴를 앞두고``). ``compared``: the
    figure's verb compares (``전국 평균을 27.5%p 웃돌았다``), so its object is the standard."""
    toks = layer.tokens
    clause = layer.clause[first]
    for k in range(first - 1, lo, -1):
        t = toks[k]
        if t.tag not in PARTICLE_ARG or not layer.glued(k):
            continue
        if t.tag == "JKO" and (compared or layer.clause[k] != clause):
            continue
        base = k - 1
        if toks[base].tag == "JKB" and layer.glued(base):  # 후베이성에는, 광구에는
            if toks[base].form in ("에서", "에게서"):
                continue  # 한국 시장에서도: where, not what
            base -= 1
        if base < lo or layer.place_of[base] >= 0:
            continue
        run = layer.run_before(base, lo)
        if run is None:
            continue
        if toks[run.last].form in ("관계자",):  # the speaker, not the measure
            continue
        if run.first == run.last and len(toks[run.first].form) == 1 and run.first > 0 \
                and layer.place_of[run.first - 1] >= 0 and layer.glued(run.first):
            continue  # 샤먼항은: a place with a one-syllable suffix (port, district) is an owner
        return run
    return None


def _compares(layer: Layer, k: int, hi: int) -> bool:
    """The figure's verb is a comparison (웃돌다, 밑돌다, 상회하다)."""
    w = words()
    toks = layer.tokens
    for i in range(k, min(hi, k + 4)):
        if toks[i].tag in ("VV", "VA", "NNG") and toks[i].form in w["compare"]:
            return True
    return False


def has_argument_before(layer: Layer, first: int, lo: int) -> bool:
    """The sentence has a topic, subject or object of its own before the figure (``X와는``,
    with X, is not one)."""
    toks, fact_of = layer.tokens, layer.fact_of
    for k in range(lo + 1, first):  # a loop, not any(): this runs for every figure
        t = toks[k]
        if t.tag not in PARTICLE_ARG:
            continue
        prev = toks[k - 1]
        if prev.end < t.start:  # not glued to the word before
            continue
        if prev.tag == "JKB" and (prev.form in ("와", "과") or (k - 2 >= lo and fact_of[k - 2] >= 0)):
            continue  # 올해 상반기에는: a time, not a subject
        return True
    return False


def trim(layer: Layer, run: Run) -> Run:
    """Drop a trailing share, target or generic word when something is left: ``외국인 비중``
    -> ``외국인``, ``면세 매출 목표`` -> ``면세 매출`` (the role keeps what was dropped),
    ``산업 클러스터 고지`` -> ``산업 클러스터``."""
    w = words()
    toks = layer.tokens
    last = run.last
    drop = w["share_noun"] | w["target"] | w["generic"]
    while last > run.first and toks[last].form in drop:
        last -= 1
        while last > run.first and not layer.is_nominal(last):
            last -= 1
    if last == run.last:
        return run
    return Run(run.first, last, run.start, toks[last].end)
