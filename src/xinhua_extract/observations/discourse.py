"""Where and when a figure holds: its places and period, from its clause, its sentence and
the previous sentence of the same paragraph (``shared/gold/OBSERVATIONS.md``).

Places: the divisions named as owners in the figure's clause (most specific: 짜오좡시 over
산둥성; a list names several), else in an earlier clause of the sentence, else ``CN`` when the
sentence names China or a national body, else what the previous sentence of the paragraph was
about, else the article's home (its title's place, or ``CN``). A place is not an owner when it
only attributes the source (``쿤밍철도국에 따르면``), is a member being counted
(``황스∙쑤이저우 등 4개 지역``) or a comparison basis (``전국 평균보다``).

Period: the date in the figure's clause (``A부터 B까지`` in one clause is the interval
A/B), else a date earlier in the sentence, unless the
clause says ``현재``/``최근``/``이번``; else, when the sentence continues the previous one
(``그중``, ``이 가운데``, ``같은 기간``, no subject of its own, or the same measure), the period
that governed that sentence; else none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional, Sequence

from ..records import DateFact, Fact, Paragraph, PlaceMention, Sentence
from .phrases import MIDDOTS, Layer
from .words import words


def most_specific(codes: Sequence[str]) -> tuple[str, ...]:
    """Drop a code when a division inside it is also named (370000 beside 370400)."""
    return _most_specific(tuple(codes))


@lru_cache(maxsize=4096)
def _most_specific(codes: tuple[str, ...]) -> tuple[str, ...]:
    unique = list(dict.fromkeys(codes))

    def contains(outer: str, inner: str) -> bool:
        if outer == inner or len(outer) != 6 or len(inner) != 6:
            return False
        if outer.endswith("0000"):
            return inner[:2] == outer[:2]
        return outer.endswith("00") and inner[:4] == outer[:4]

    return tuple(c for c in unique if not any(contains(c, d) for d in unique))


_QUOTE_MARKS = frozenset(("'", "‘", "’", '"', "“", "”"))


@lru_cache(maxsize=1)
def _continue_markers() -> tuple[str, ...]:
    """The ``continue`` words as a tuple, for one ``startswith`` call."""
    return tuple(sorted(words()["continue"]))


@dataclass
class SentenceFacts:
    """Owners, dates and markers of one sentence, by clause."""

    lo: int
    hi: int
    owners: dict[int, list[str]] = field(default_factory=dict)
    quoted_owners: dict[int, list[str]] = field(default_factory=dict)
    speech: set[int] = field(default_factory=set)  # tokens inside "…"
    regions: dict[int, list[str]] = field(default_factory=dict)
    members: dict[int, list[str]] = field(default_factory=dict)
    venues: dict[int, list[str]] = field(default_factory=dict)
    national: set[int] = field(default_factory=set)
    sourced_national: bool = False
    sourced: list[str] = field(default_factory=list)
    dates: list[tuple[int, int, str]] = field(default_factory=list)  # (token, clause, value)
    now: set[int] = field(default_factory=set)
    about: tuple[str, ...] = ()
    governing: Optional[str] = None


class Discourse:
    """Places and periods for the facts of one article."""

    def __init__(self, layer: Layer, facts: Sequence[Fact], places: Sequence[PlaceMention],
                 sentences: Sequence[Sentence], paragraphs: Sequence[Paragraph]) -> None:
        self.layer = layer
        self.facts = facts
        self.places = places
        self.sentences = sentences
        self.paragraphs = paragraphs
        self._info: dict[int, SentenceFacts] = {}
        self._openings: dict[int, str] = {}  # sentence -> its text without opening quotes
        national = words()["national"]
        self._national_initials = frozenset(w[0] for w in national)
        self.home = self._home()

    def info(self, s: int) -> SentenceFacts:
        """What sentence ``s`` names, read once and only for sentences that are asked about."""
        found = self._info.get(s)
        if found is None:
            found = self._info[s] = self._read(s)
        return found

    # ------------------------------------------------------------------ per sentence
    def _read(self, s: int) -> SentenceFacts:
        layer, toks = self.layer, self.layer.tokens
        place_of, fact_of, clause = layer.place_of, layer.fact_of, layer.clause
        lo, hi = layer.sentence_range[s]
        info = SentenceFacts(lo, hi)
        cutoff = lo
        for k in range(lo, hi - 1):  # X에 따르면: the source, not the owner
            if toks[k].form == "따르" and toks[k].tag == "VV" and toks[k + 1].form == "면":
                cutoff = k + 2
        w = words()
        now, initials = w["now"], self._national_initials
        seen_place = -1
        quoted = False  # inside '…' : a name (행사명), whose places are not owners
        speaking = False  # inside "…": what someone said
        for k in range(lo, cutoff):
            p = place_of[k]
            if p >= 0 and p != seen_place:
                seen_place = p
                mention = self.places[p]
                info.sourced.extend((mention.code,) if mention.code else mention.members)
            elif p < 0 and toks[k].form[0] in initials and self._national_word(k, cutoff):
                info.sourced_national = True
        for k in range(cutoff, hi):
            t = toks[k]
            form = t.form
            p = place_of[k]
            if p >= 0:
                if p != seen_place:
                    seen_place = p
                    if not quoted:
                        last = k
                        while last + 1 < hi and place_of[last + 1] == p:
                            last += 1
                        kind = self._kind(last, hi)
                        if kind == "owners" and not self.places[p].code and not (
                                last + 1 < hi and toks[last + 1].tag in ("JX", "JKS")):
                            kind = "regions"  # 징진지 협력 프로젝트: a region's members yield to a division
                            # (not when the region is the topic: 웨강아오 대만구는 …)
                        if kind is not None:
                            mention = self.places[p]
                            codes = (mention.code,) if mention.code else mention.members
                            getattr(info, kind).setdefault(clause[k], []).extend(codes)
                            if kind == "owners" and speaking:
                                info.quoted_owners.setdefault(clause[k], []).extend(codes)
                continue
            if form in _QUOTE_MARKS:  # one test for the common token, then which quote
                if form in ("'", "‘", "’"):
                    quoted = form == "‘" or (form == "'" and not quoted)
                else:
                    speaking = form == "“" or (form == '"' and not speaking)
                continue
            if speaking:
                info.speech.add(k)
            f = fact_of[k]
            if f >= 0:
                date = self.facts[f]
                if (k == lo or fact_of[k - 1] != f) and isinstance(date, DateFact):
                    value = date.value
                    if value and date.range == "end" and info.dates and info.dates[-1][1] == clause[k]:
                        # 2022년 1월부터 11월까지: two records, one period
                        start = info.dates[-1]
                        opened = self.facts[fact_of[start[0]]]
                        if (isinstance(opened, DateFact) and opened.range == "start" and opened.grain == date.grain
                                and "/" not in start[2] and "/" not in value and start[2] < value):
                            info.dates[-1] = (start[0], start[1], f"{start[2]}/{value}")
                            continue
                    if value:
                        info.dates.append((k, clause[k], value))
                continue
            if form[0] in initials and self._national_word(k, hi) and self._national(k, hi):
                info.national.add(clause[k])
            elif form in now and t.tag in ("MAG", "NNG", "NNP"):
                info.now.add(clause[k])
        for group in (info.owners, info.regions, info.members, info.venues):
            if group:
                info.about = most_specific([code for c in sorted(group) for code in group[c]])
                break
        else:
            info.about = ("CN",) if info.national else ()
        return info

    def _kind(self, last: int, hi: int) -> Optional[str]:
        """How the place mention ending at token ``last`` relates to the figures: ``owners``;
        ``members`` when it is counted (``황스∙쑤이저우 등 4개 지역``: owners only when
        nothing else is named); ``venues`` for ``X에서`` (where something happened: owners
        only when nothing else is named); ``None`` for a comparison basis (``전국
        평균보다``) or a destination (``상하이 양산항으로 직행하는``)."""
        layer, toks = self.layer, self.layer.tokens
        q = last + 1
        while q < hi:
            t = toks[q]
            if t.form == "(":
                c = layer.matching_close(q, hi)
                q = hi if c is None else c + 1
            elif t.form in MIDDOTS or layer.place_of[q] >= 0 or t.tag == "SP":
                q += 1
            else:
                break
        if q + 1 < hi and toks[q].form == "등" and layer.fact_of[q + 1] >= 0 and self.facts[layer.fact_of[q + 1]].type == "count":
            return "members"
        if self._compared(last, hi):
            return None
        q = last + 1
        while q < hi and (layer.is_nominal(q) or layer.place_of[q] >= 0 or toks[q].form in "()"
                          or toks[q].form in MIDDOTS or toks[q].form in ("등", "등지")):
            q += 1  # (베이징 등지로 팔려나갔다: 등지 is a bound noun after a space)
        if q < hi and toks[q].tag == "JKB" and toks[q].form in ("로", "으로", "까지"):
            return None
        if q < hi and toks[q].tag == "JKB" and toks[q].form == "에서":
            return "venues"
        return "owners"

    def _compared(self, k: int, hi: int) -> bool:
        """The phrase at ``k`` is a comparison standard: ``전국 평균보다``, ``산시성 평균을``."""
        layer, toks = self.layer, self.layer.tokens
        q = k + 1
        while q < hi and (layer.is_nominal(q) or layer.place_of[q] >= 0):
            q += 1
        return (q < hi and toks[q].form in ("보다", "대비")) or (q - 1 > k and toks[q - 1].form == "평균")

    def _national_word(self, k: int, hi: int) -> bool:
        """Token ``k`` is, or starts a written word that is, a national word: Kiwi splits
        ``교통운수부`` into 교통/운수/부, so the nouns written together are read as one."""
        layer, toks = self.layer, self.layer.tokens
        t = toks[k]
        if t.tag not in ("NNP", "NNG", "SH"):
            return False
        national = words()["national"]
        if t.form in national:
            return True
        if layer.glued(k) and toks[k - 1].tag in ("NNP", "NNG"):
            return False
        end = k
        while end + 1 < hi and toks[end + 1].tag in ("NNP", "NNG", "XSN", "XPN") and layer.glued(end + 1):
            end += 1
        return end > k and layer.text[t.start:toks[end].end] in national

    def _national(self, k: int, hi: int) -> bool:
        """중국/전국 make the statement national unless they are a comparison basis
        (``전국 평균보다``), the whole of a share (``전국의 46.5%``) or half of a pair
        (``중국-유럽 화물열차``)."""
        layer, toks = self.layer, self.layer.tokens
        if k + 1 < hi and toks[k + 1].form in ("-", "–", "~") and layer.glued(k + 1):
            return False
        if k + 1 < hi and toks[k + 1].form == "평균":
            return False  # 전국 평균을 웃돌았다: the standard of a comparison
        if k + 1 < hi and layer.fact_of[k + 1] >= 0 and self.facts[layer.fact_of[k + 1]].type == "rank":
            return False  # 전국 1위: the scope of a rank
        if k + 2 < hi and toks[k + 1].tag == "JKG" and layer.fact_of[k + 2] >= 0 and self.facts[layer.fact_of[k + 2]].type == "percentage":
            return False
        return not self._compared(k, hi)

    def _home(self) -> tuple[str, ...]:
        """The article's own place: its title's (before the title's first figure if it names
        one there), else ``CN`` for a national title, else its first body sentence's."""
        for s, sentence in enumerate(self.sentences):
            p = self.paragraphs[sentence.paragraph] if sentence.paragraph < len(self.paragraphs) else None
            if p is None or p.kind != "title":
                continue
            info = self.info(s)
            first_fact = next((k for k in range(info.lo, info.hi) if self.layer.fact_of[k] >= 0
                               and not isinstance(self.facts[self.layer.fact_of[k]], DateFact)), info.hi)
            early = [self.places[self.layer.place_of[k]] for k in range(info.lo, first_fact) if self.layer.place_of[k] >= 0]
            codes = most_specific([c for m in early for c in ((m.code,) if m.code else m.members)])
            if len(codes) == 1 or (codes and not info.national and len(codes) == len(info.about) == 1):
                return codes
            if info.about:  # a title about one division is about it; about several, China's
                return info.about if len(info.about) == 1 else ("CN",)
        for s, sentence in enumerate(self.sentences):
            p = self.paragraphs[sentence.paragraph] if sentence.paragraph < len(self.paragraphs) else None
            if p is not None and p.kind == "body":
                return self.info(s).about
        return ()

    # ------------------------------------------------------------------ per fact
    def previous(self, s: int) -> Optional[int]:
        """The sentence before ``s`` in the same paragraph."""
        if s > 0 and self.sentences[s - 1].paragraph == self.sentences[s].paragraph:
            return s - 1
        return None

    def places_of(self, s: int, token: int, carried: Optional[tuple[str, ...]]) -> tuple[tuple[str, ...], str]:
        info = self.info(s)
        c = self.layer.clause[token]
        k = token - 1
        if k >= info.lo and not self.layer.glued(token) and self._national_word(k, info.hi):
            return ("CN",), "clause"  # 중국 31개 성·시·자치구: China's
        if token in info.speech and info.quoted_owners.get(c):
            # 청두시의 한 기업 관계자는 "구이저우의 전기료는 …": the speaker's place is not the figure's
            return most_specific(info.quoted_owners[c]), "clause"
        for kind in (info.owners, info.regions):
            if kind.get(c):
                return most_specific(kind[c]), "clause"
        for kind in (info.owners, info.regions):
            for earlier in range(c - 1, -1, -1):
                if kind.get(earlier):
                    return most_specific(kind[earlier]), "sentence"
        for kind in (info.members, info.venues):  # only when no owner is named
            for clause in range(c, -1, -1):
                if kind.get(clause):
                    return most_specific(kind[clause]), "clause" if clause == c else "sentence"
        if any(n <= c for n in info.national):
            return ("CN",), "sentence"
        if self._foreign_topic(info, token):
            return (), "clause"  # 프랑스의 한 유통업체는 …, 일본 업체들은 …: another country's figure
        if carried:
            return carried, "previous"
        if info.sourced:  # 네이멍구자치구 에너지국에 따르면 … 자치구의 발전량
            return most_specific(info.sourced), "source"
        if info.sourced_national:  # 교통운수부 창장항무관리국에 따르면: a national source
            return ("CN",), "sentence"
        return self.home, "article"

    def period_of(self, s: int, token: int, continues: bool, carried: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        info = self.info(s)
        c = self.layer.clause[token]
        here = [(k, v) for k, cl, v in info.dates if cl == c]
        if here:
            before = [v for k, v in here if k < token]
            return (before[-1] if before else here[0][1]), "clause"
        if c in info.now:
            return None, None
        toks = self.layer.tokens
        earlier = [v for k, cl, v in info.dates if cl < c
                   and not any(toks[q].tag == "SSO" and toks[q].form in "\"“" for q in range(k, token))]
        if earlier:  # (a date before a new quotation governs that quotation only)
            return earlier[-1], "sentence"
        if continues and carried:
            return carried, "previous"
        return None, None

    def _foreign_topic(self, info: SentenceFacts, token: int) -> bool:
        """The figure's clause is about another country: before the figure, a country name
        is the topic or owns it (``한국은``, ``일본의 대톈진 투자는``, ``프랑스의 한
        유통업체는``), or names agents of it (``일본 업체들은``). Not ``한국 수출은`` (exports
        to Korea: still the Chinese place's figure)."""
        layer, toks = self.layer, self.layer.tokens
        countries = words()["country"]
        c = layer.clause[token]
        k = token - 1
        while k >= info.lo and layer.clause[k] == c:
            k -= 1
        for q in range(k + 1, token):
            if toks[q].form not in countries or toks[q].tag != "NNP":
                continue
            r = q + 1
            if r < token and toks[r].tag in ("JKG", "JX", "JKS") and layer.glued(r):
                return True
            while r < token and layer.is_nominal(r) and toks[r].form != "들":
                r += 1
            if r + 1 < token and toks[r].form == "들" and toks[r + 1].tag in ("JX", "JKS"):
                return True
        return False

    def continues(self, s: int, token: int) -> bool:
        """The sentence opens with a marker that continues the previous one (``그중``,
        ``이 가운데``; also right after its source, ``…에 따르면 그중``) or says ``같은 기간`` before the figure (not as a comparison basis)."""
        layer = self.layer
        sentence = self.sentences[s]
        text = layer.text
        opening = self._openings.get(s)
        if opening is None:
            opening = self._openings[s] = text[sentence.start:sentence.end].lstrip(" \"'“‘")
        markers = _continue_markers()
        upto = text[sentence.start:layer.tokens[token].start]
        source = upto.find("따르면")  # 문화여유부에 따르면 그중 …: the marker opens what the source says
        after_source = upto[source + 3:].lstrip(" ,") if source >= 0 else None
        if opening.startswith(markers) or (after_source is not None and after_source.startswith(markers)):
            return True
        for marker in ("같은 기간", "이 기간"):
            at = upto.find(marker)
            if at >= 0 and not upto[at + len(marker):].lstrip().startswith(("보다", "대비")):
                return True
        return False

