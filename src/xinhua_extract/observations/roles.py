"""What kind of figure a fact is: ``level``, ``change``, ``share``, ``target`` or ``threshold``
(``shared/gold/OBSERVATIONS.md``), read from the Kiwi tokens after and around the figure.

Rules, in order (the first that applies names ``Observation.rule``):

``threshold-grade``    the figure is a grade: ``천억 위안급``, ``조 위안(180조원)급``
``threshold-class``    a bound that defines a class: ``(연 매출 2천만 위안 이상)``, ``2천만 위안 이상 기업``,
                       ``1조 위안 이상의 클러스터``
``target-marker``      a plan, goal or forecast governs the figure before any past tense:
                       ``목표``, ``계획``, ``방침``, ``예정``, ``전망``, ``주문``, ``-ㄹ 것``, ``-겠-`` (not ``-기로 결정했다``:
                       a decision already taken, like the seed's 43 clusters)
``share-verb``         ``N%를 차지``, ``N%에 해당하는``
``change-unit``        a percentage-point figure (``0.2%p``; before the share nouns: a share moved)
``change-verb``        a verb or noun of change follows: ``4.7% 증가``, ``680만 명 늘었다``,
                       ``-2.5%까지 떨어졌던``; not after ``(으)로`` (``109개로 늘어났다`` is a level)
``share-noun``         the measure is a proportion: ``외국인 비중은 15%``
``share-whole``        a percentage of something: ``전체의 92%를 넘어``
``level``              anything else

After places and period are read, ``target-future`` turns a level or change into a target
when its own clause dates it after the article's reference date and no past tense follows
it there (``다음 달 1일부터 금리를 0.3%p 인하하고``); see ``find_observations``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..records import Fact
from .phrases import FUTURE_ETM, PAST, Layer
from .words import words

_SKIP_TAGS = frozenset({"SP", "MAG", "MM"})


def tail(layer: Layer, fact: Fact, hi: int) -> int:
    """Index of the first token after the figure, past a glued parenthesis holding its KRW
    conversion or gloss (``천억 위안(약 18조원)급`` -> 급) and the trailing markers the
    fact already read (이상, 여, 씩)."""
    i = layer.span(fact.end, fact.end)[0]
    toks = layer.tokens
    while i < hi:
        if toks[i].form == "(" and toks[i].start == toks[i - 1].end:
            c = layer.matching_close(i, hi)
            if c is None:
                break
            i = c + 1
        else:
            break
    return i


def role_of(layer: Layer, fact: Fact, index: int, hi: int, measure_head: Optional[str]) -> tuple[str, str, Optional[str]]:
    """``(role, rule, direction)`` of ``fact`` (the ``index``-th fact) in a sentence ending at token ``hi``."""
    w = words()
    toks = layer.tokens
    i = tail(layer, fact, hi)
    if i < hi and toks[i].form == "급" and toks[i].start == toks[i - 1].end:
        return "threshold", "threshold-grade", None
    j = i
    while j < hi and layer.fact_of[j] == index:
        j += 1
    if j < hi and toks[j].form in ("이상", "이하", "미만", "초과"):
        after = j + 1
        if after < hi and (toks[after].form == ")" or toks[after].tag == "JKG" or (
                toks[after].start > toks[j].end and layer.is_nominal(after)
                and not (after + 1 < hi and toks[after + 1].tag in ("XSV", "XSA")))):  # 20% 이상 확대할
            return "threshold", "threshold-class", None
    if _target_ahead(layer, i, hi, index) or (measure_head is not None and _ends_with(measure_head, w["target"])):
        return "target", "target-marker", None
    share = fact.type == "percentage" and _share(layer, i, hi)  # 8만 대를 차지: still a count
    if share:
        return "share", "share-verb", None
    unit = getattr(fact, "unit", None)
    direction = _change_ahead(layer, fact, index, i, hi)
    if unit == "%p":  # 비중은 … 14.2%p 높다: the share moved
        if direction is None:
            direction = "down" if fact.value < 0 else "up"  # type: ignore[attr-defined]
        return "change", "change-unit", direction
    if direction is not None:
        return "change", "change-verb", direction
    if measure_head is not None and _ends_with(measure_head, w["share_noun"]):
        return "share", "share-noun", None
    if fact.type == "percentage" and _of_whole(layer, fact):
        return "share", "share-whole", None
    return "level", "level", None


def _of_whole(layer: Layer, fact: Fact) -> bool:
    """``전체의 92%``, ``GDP의 3%``: a percentage of something is a share of it."""
    toks = layer.tokens
    first = layer.span(fact.start, fact.end)[0]
    return first > 0 and toks[first - 1].tag == "JKG" and layer.glued(first - 1) and toks[first - 1].end < toks[first].start and (
        first - 2 >= 0 and layer.is_nominal(first - 2))


def _ends_with(word: str, endings: frozenset[str]) -> bool:
    return word.endswith(_as_tuple(endings))


@lru_cache(maxsize=16)
def _as_tuple(endings: frozenset[str]) -> tuple[str, ...]:
    return tuple(endings)


def _target_ahead(layer: Layer, i: int, hi: int, index: int) -> bool:
    """A plan, goal or forecast word before the first past-tense ending after the figure
    (not the figure's own verb: ``4억5천만 엔어치를 주문했다`` is an order placed)."""
    w = words()
    toks = layer.tokens
    own = i
    while own < hi and (toks[own].form in w["bound"] or layer.fact_of[own] == index):
        own += 1
    for k in range(i, hi):
        if k == own + 1 and toks[own].tag == "JKO" and k + 1 < hi and toks[k + 1].tag == "XSV":
            continue
        t = toks[k]
        if t.tag == "EP":
            if t.form in PAST:
                return False
            if t.form == "겠":
                return True
        if t.tag == "NNG" and t.form in w["target"] and not _compared_after(toks, k, hi):
            return True
        if t.tag == "ETM" and t.form in FUTURE_ETM and k + 1 < hi:
            n = toks[k + 1]
            if (n.tag == "NNB" and n.form == "것") or (n.tag == "NNG" and n.form in w["target"]):
                return True
    return False


def _compared_after(toks, k: int, hi: int) -> bool:
    """The plan word at ``k`` is the standard of a comparison: ``예상치보다 높았고`` (higher than
    forecast: the figure is what happened), ``목표 대비``."""
    q = k + 1
    while q < hi and toks[q].tag in ("XSN", "NNG") and q - k <= 2 and toks[q].form not in ("보다", "대비"):
        q += 1
    return q < hi and toks[q].form in ("보다", "대비")


def _share(layer: Layer, i: int, hi: int) -> bool:
    """``N%를 차지``, ``N%에 해당``, ``N%를 점유``, ``N%가 넘는 비중``."""
    w = words()
    toks = layer.tokens
    if i + 1 < hi and toks[i].tag in ("JKO", "JKB") and toks[i + 1].form in w["share"]:
        return True
    # 64%가 넘는 비중을 차지했다: the figure bounds the proportion it names
    k = i + 1 if i < hi and toks[i].tag == "JKS" else i
    if k + 1 < hi and toks[k].form == "가" and toks[k].tag == "VV" and toks[k + 1].form == "어":
        k += 2  # Kiwi reads 64%가 넘는 as 가/VV + 어/EC + 넘는
    if (k + 2 < hi and toks[k].tag in ("VV", "VA") and toks[k].form in w["compare"] and toks[k + 1].tag == "ETM"
            and toks[k + 2].form in w["share_noun"]):
        return True
    return False


def _change_ahead(layer: Layer, fact: Fact, index: int, i: int, hi: int) -> Optional[str]:
    """``up``/``down`` when a word of change governs the figure: the first content word after
    it, past other figures of a list (``각각 25.3%, 22.1% 늘었다``), markers and adverbs."""
    w = words()
    toks = layer.tokens
    if i < hi and toks[i].tag == "JKB":
        if toks[i].form in ("로", "으로"):
            return None  # 109개로 늘어났다: the new value, a level
        if toks[i].form == "까지" and fact.type != "percentage":
            return None
        if toks[i].form == "에서":
            return None  # 5조5천억 위안에서 크게 늘었다: the starting value
        i += 1
    elif i < hi and toks[i].tag == "JKO":
        if i + 1 < hi and toks[i + 1].form in w["compare"]:
            return None  # 5천500억 위안을 웃돌며: it passed the figure, a level
        i += 1  # 객실 8천 개를 늘렸다: the amount added
    steps = 0
    k = i
    while k < hi and steps < 12:
        t = toks[k]
        steps += 1
        if layer.fact_of[k] >= 0 or t.tag in _SKIP_TAGS or t.form in w["bound"] or t.form in "()":
            k += 1
            continue
        # the next item of a list may bring its own period and basis: 1분기에 동기대비 7.0%,
        # 2분기에 동기대비 7.0% 증가했다 (the date, its particle and the basis are passed over)
        if t.form in w["basis"] or (t.tag == "JKB" and t.form == "에" and k > i and layer.fact_of[k - 1] >= 0):
            k += 1
            continue
        if t.tag in ("VV", "VA") and k + 1 < hi and toks[k + 1].form == "게":  # 넘게 늘었다
            k += 2
            continue
        if t.tag in ("NNG", "VV", "VA", "XR"):
            if t.form in w["up"]:
                return "up"
            if t.form in w["down"]:
                return "down"
        return None
    return None
