"""Parenthetical glosses ``HEAD(GLOSS)``: hanja, aliases, acronyms, conversions.

Xinhua's Korean service annotates a word by attaching parentheses to it with no space:
``짜오좡(棗莊)``, ``조(兆)``, ``과학기술부(과기부)``, ``세계지식재산기구(WIPO)``,
``천억 위안(약 18조원)``. The kind of a gloss says what the annotation is:

``place``       hanja naming a Chinese division or region (checked in the gazetteer)
``person``      hanja whose Mandarin transcription is the head (``수줴팅(束玨婷)``)
``org``         hanja of an organisation (``경제참고보(經濟參考報)``), or a place gloss
                that is part of an organisation name (``란저우(蘭州)대``)
``term``        hanja whose Sino-Korean reading is the head (``성(省)``)
``numeral``     a hanja numeral inside a number (``조(兆)``)
``alias``       a shorter hangul name (``과학기술부(과기부)``, ``(이하 횃불센터)``)
``acronym``     Latin letters (``세계지식재산기구(WIPO)``, ``연구개발(R&D)``)
``conversion``  an amount restated in another currency (``천억 위안(약 18조원)``)
``note``        anything else (``규모 이상(연 매출 2천만 위안 이상)``)

A gloss may carry an explanation after ``·`` (``청위(成渝·청두와 충칭의 약칭)``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional, Sequence

import regex

from .particles import particle_pattern
from .records import Fact, Gloss, Money

_HEAD_CHAR = r"[\p{Hangul}\p{Han}A-Za-z0-9&]"
_HEAD = regex.compile(_HEAD_CHAR + r"+$")
_HAN_ONLY = regex.compile(r"^[\p{Han}]+$")
_HAS_HAN = regex.compile(r"\p{Han}")
_HANGUL_ONLY = regex.compile(r"^[\p{Hangul}\s]+$")
_ACRONYM = regex.compile(r"^[A-Za-z][A-Za-z0-9&.\-/ ]{0,15}$")
_EXPLANATION_SEP = regex.compile(r"[·∙・]")
_HANJA_NUMERALS = {"十": "십", "百": "백", "千": "천", "萬": "만", "万": "만", "億": "억", "亿": "억", "兆": "조", "京": "경"}
_ORG_TAIL = regex.compile(r"^(?:대학교|대학|대|공사|그룹|은행|연구원|연구소|병원|박물관|학원|회사)")
_PLACE_TAIL = regex.compile(r"^\s?(?:신구|특구|개발구|시|현|구|진|향|촌|성|초원|통상구|관광지|풍경구|산|호|강|섬|항|공항|역)")
_PERSON_TAIL = regex.compile(r"^\s?(?:국장|주석|총리|부총리|주임|부주임|서기|시장|성장|현장|대변인|기자|교수|연구원|회장|사장|대표|위원|부장|처장|과장|주임|씨|총경리|이사장|원장|소장|청장|대사|총영사)")
_PARTICLE_TAIL = regex.compile(
    "^(?:" + particle_pattern("gloss") + ")"
)  # the shared table data/particles.tsv, column "gloss"
_ORG_HANJA = regex.compile(r"(?:報|报|社|大學|大学|公司|集團|集团|銀行|银行|委員會|委员会|研究院|研究所|協會|协会|學院|学院|醫院|医院|博物館|博物馆|電視臺|电视台|日報|日报|部|局|廳|厅|署|院|商貿城|商贸城)$")
_ALIAS_PREFIX = regex.compile(r"^(?:이하|약칭|줄여서)\s*")


#: Photo and text credits (the conventions: credits are not glosses): ``[촬영/ 신화사 기자
#: 쑨카이팡(孫開放)]``, ``(사진/신화통신 기자 왕빈(王斌))``, ``[신화사 쥐펑(鞠鵬) 기자 촬영]``,
#: ``[글/…, 번역/박금화]``.
_CREDIT = regex.compile(
    r"\[\s*(?:촬영|사진|글|번역)(?:\s*기자)?\s*/[^\[\]\n]*\]"
    r"|\((?:촬영|사진|글|번역)(?:\s*기자)?\s*/(?:[^()\n]|\([^()\n]*\))*\)"
    r"|\[\s*(?:신화사|신화통신|신화망)\s[^\[\]\n]*?기자\s*촬영\s*\]"
)
_MAY_CREDIT = regex.compile(r"촬영|사진\s*/|글\s*/|번역\s*/")


def extract_glosses(
    text: str, spans: Sequence[tuple[int, int]], facts: Optional[Sequence[Fact]] = None
) -> tuple[Gloss, ...]:
    """Every attached parenthetical in the content spans, classified.

    Conversions (``천억 위안(약 18조원)``) are the money extractor's linked pairs: pass the
    article's facts (``equivalent_of`` indexes them), or let the money rules run here."""
    if facts is None:
        from .facts.money import extract_money

        facts = extract_money(text, spans)
    conversions = _conversion_heads(text, facts)
    out: list[Gloss] = []
    for span_start, span_end in spans:
        pos = span_start
        credits = [m.span() for m in _CREDIT.finditer(text, span_start, span_end)] if _MAY_CREDIT.search(
            text, span_start, span_end) else []
        while True:
            open_at = text.find("(", pos, span_end)
            if open_at < 0:
                break
            close_at = _matching_paren(text, open_at, span_end)
            pos = open_at + 1
            if close_at is None:
                continue  # an unclosed or overlong parenthesis: look at the next one
            if credits and any(s < open_at < e for s, e in credits):
                continue  # [촬영/ 신화사 기자 쑨카이팡(孫開放)]: a photo credit is no gloss
            gloss = _gloss_at(text, span_start, open_at, close_at, conversions.get(open_at))
            if gloss is not None:
                out.append(gloss)
    return tuple(out)


def _conversion_heads(text: str, facts: Sequence[Fact]) -> dict[int, int]:
    """Where each conversion's parenthesis opens -> where the amount it restates starts."""
    heads = {}
    for fact in facts:
        if isinstance(fact, Money) and fact.equivalent_of is not None:
            source = facts[fact.equivalent_of]
            open_at = text.rfind("(", source.end, fact.start)
            if open_at >= 0:
                heads[open_at] = source.start
    return heads


def _matching_paren(text: str, open_at: int, limit: int) -> Optional[int]:
    depth = 0
    for pos in range(open_at, min(limit, open_at + 200)):
        ch = text[pos]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return pos
    return None


def _gloss_at(
    text: str, span_start: int, open_at: int, close_at: int, amount_start: Optional[int] = None
) -> Optional[Gloss]:
    before = text[max(span_start, open_at - 40) : open_at]
    inner = text[open_at + 1 : close_at]
    if not inner.strip() or not before or before[-1].isspace():
        return None
    m = _HEAD.search(before)
    if m is None:
        return None
    head_start = open_at - (len(before) - m.start())
    gloss_start, gloss_end = open_at + 1, close_at
    stripped = inner.strip()
    gloss_start += inner.index(stripped[0])
    gloss_end = gloss_start + len(stripped)

    if amount_start is not None:
        head_start, kind = amount_start, "conversion"
    else:
        head = text[head_start:open_at]
        tail = text[close_at + 1 : close_at + 5]
        kind = classify(head, stripped, tail)
        if kind == "place":
            head_start = _region_head_start(text, max(span_start, open_at - 30), open_at, head_start)
            head_start = _spaced_head_start(text, span_start, head_start, open_at, stripped)
    parts = _EXPLANATION_SEP.split(stripped, maxsplit=1)
    explanation = parts[1].strip() if len(parts) == 2 and _HAS_HAN.search(parts[0]) else None
    return Gloss(
        head=text[head_start:open_at],
        gloss=stripped,
        kind=kind,
        text=text[head_start : close_at + 1],
        start=head_start,
        end=close_at + 1,
        head_start=head_start,
        head_end=open_at,
        gloss_start=gloss_start,
        gloss_end=gloss_end,
        explanation=explanation,
    )


def _region_head_start(text: str, lo: int, open_at: int, head_start: int) -> int:
    """A region name may hold a space (``웨강아오 대만구(粵港澳大灣區)``): take it whole."""
    from .places.gazetteer import get_gazetteer

    for m in get_gazetteer().region_pattern().finditer(text, lo, open_at):
        if m.end() == open_at and m.start() < head_start:
            return m.start()
    return head_start


_WORD_BEFORE = regex.compile(r"(?<![\p{Hangul}])\p{Hangul}{2,4}$")
_MAX_WORDS_BACK = 4


def _spaced_head_start(text: str, lo: int, head_start: int, open_at: int, gloss: str) -> int:
    """``누장 리수족(怒江傈僳族)자치주``, ``첸둥난 묘족 동족 자치주(黔东南苗族侗族自治州)``: a place
    gloss longer than its head whose first characters are a word up to four words before
    covers those words too — one name, one mention."""
    if len(gloss) <= open_at - head_start or not _HAN_ONLY.match(gloss):
        return head_start
    pos = head_start
    for _ in range(_MAX_WORDS_BACK):
        if pos - 1 <= lo or text[pos - 1] != " ":
            break
        m = _WORD_BEFORE.search(text, max(lo, pos - 6), pos - 1)
        if m is None:
            break
        word, prefix = m.group(), gloss[: len(m.group())]
        if _transcribes_to(prefix, word) or _sino(prefix) == word:
            return m.start()
        pos = m.start()
    return head_start


def classify(head: str, gloss: str, tail: str = "") -> str:
    """The kind of gloss ``gloss`` on ``head``; ``tail`` is the text right after ``)``."""
    core = _EXPLANATION_SEP.split(gloss, maxsplit=1)[0].strip()
    if core in _HANJA_NUMERALS and head.endswith(_HANJA_NUMERALS[core]):
        return "numeral"
    if _HAN_ONLY.match(core):
        if _is_place(core):
            return "org" if _ORG_TAIL.match(tail) else "place"
        if _is_place_with_suffix(core, tail):
            return "place"  # 차부차얼시버(察布查爾錫伯)자치현: the gloss names it with its suffix
        if _ORG_HANJA.search(core) and len(core) >= 3:
            return "org"
        if _sino(core) == head:
            return "term"
        if _transcribes_to(core, head):
            return _transcribed_kind(core, gloss, tail)
        if _ORG_TAIL.match(tail):
            return "org"
        return "alias"  # the entity's Chinese name (빅데이터엑스포(數博會))
    if _ACRONYM.match(core) and any(c.isupper() for c in core):
        return "acronym"
    if _ALIAS_PREFIX.match(core):
        return "alias"
    if _HANGUL_ONLY.match(core) and _is_abbreviation(core, head):
        return "alias"
    return "note"


def _transcribed_kind(core: str, gloss: str, tail: str) -> str:
    """A Chinese name transcribed into hangul: a place outside the gazetteer (a new area,
    a scenic spot), a company, or a person. The text around it decides."""
    if _PLACE_TAIL.match(tail):
        return "place"
    if _ORG_TAIL.match(tail) or tail.startswith(("·", "∙", ",")) or regex.search(r"[A-Za-z]", gloss):
        return "org"
    if _PERSON_TAIL.match(tail) or (len(core) == 3 and _is_surname(core[0])):
        return "person"  # 2-character names are as often places (황허(黃河)) as people
    if _PARTICLE_TAIL.match(tail):
        return "place"
    return "note"


def _is_surname(ch: str) -> bool:
    from .places.transcribe import to_simplified

    return to_simplified(ch) in chinese_surnames()


@lru_cache(maxsize=1)
def chinese_surnames() -> frozenset[str]:
    """data/chinese_surnames.txt: the most common surnames, simplified, one character each."""
    from importlib import resources

    text = resources.files("xinhua_extract.data").joinpath("chinese_surnames.txt").read_text(encoding="utf-8")
    return frozenset(ch for line in text.splitlines() if not line.startswith("#") for ch in line.split())


def _is_abbreviation(short: str, long: str) -> bool:
    """``과기부`` abbreviates ``과학기술부``: its syllables appear in order in the head."""
    short = short.replace(" ", "")
    if not (2 <= len(short) < len(long)) or short[0] != long[0]:
        return False
    pos = 0
    for ch in short:
        pos = long.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def _is_place_with_suffix(hanja: str, tail: str) -> bool:
    """The hanja plus the Chinese of the administrative suffix written after the gloss
    names a division (察布查爾錫伯 + 자치현 -> 察布查尔锡伯自治县: the nationality is in the
    gloss, so the short name alone is not)."""
    from .places.resolve import SUFFIX_LEVELS

    tail = tail.lstrip()
    for suffix, _, zh in SUFFIX_LEVELS:
        if tail.startswith(suffix):
            return any(_is_place(hanja + z) for z in zh)
    return False


@lru_cache(maxsize=4096)
def _is_place(hanja: str) -> bool:
    from .places.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    if gaz.lookup_zh(hanja) or gaz.lookup_region_zh(hanja):
        return True
    return False


@lru_cache(maxsize=4096)
def _sino(hanja: str) -> str:
    from .places.transcribe import sino_korean

    return sino_korean(hanja)


@lru_cache(maxsize=4096)
def _transcribes_to(hanja: str, head: str) -> bool:
    from .places.transcribe import transcribe_zh

    try:
        return transcribe_zh(hanja).replace(" ", "") == head.replace(" ", "")
    except (KeyError, ValueError):
        return False
