"""A generator of hostile input: pages and archives a careless or malicious source could
hand the library. Shared by the fuzz tests (``tests/test_hostile.py``) and the soak
benchmark (``benchmarks/bench_hostile.py``).

Every generator takes a :class:`random.Random`, so a seed names an input exactly. Pages
start from the fixture articles (``tests/fixtures/articles``) and are then damaged in one
or more ways; the damage kinds are named, so a failure says which one.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import socket
from pathlib import Path
from typing import Callable, Iterator, Union

FIXTURES = Path(__file__).parent / "fixtures" / "articles"

Page = Union[str, bytes]


def fixture_texts() -> list[str]:
    """The fixture articles, as text (sorted by name: deterministic)."""
    return [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]


def ordinary_text(length: int, texts: list[str] | None = None) -> str:
    """Ordinary article text of exactly ``length`` characters: fixture paragraphs joined
    by blank lines (what a normal long page looks like), for time-per-character baselines."""
    texts = texts or fixture_texts()
    paras = [line for t in texts for line in t.split("\n") if len(line) > 40]
    out, size, i = [], 0, 0
    while size < length:
        out.append(paras[i % len(paras)])
        size += len(paras[i % len(paras)]) + 2
        i += 1
    return "\n\n".join(out)[:length]


def check_article(article: Article) -> None:
    """The invariants every Article keeps: each record's text is its slice of the article,
    and the JSON form is UTF-8 and reads back to the same Article."""
    from xinhua_extract import Article

    assert isinstance(article, Article)
    data = article.to_dict()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("start"), int) and isinstance(node.get("end"), int) and isinstance(node.get("text"), str):
                assert article.text[node["start"] : node["end"]] == node["text"], node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk({k: v for k, v in data.items() if k != "text"})
    line = json.dumps(data, ensure_ascii=False).encode("utf-8")  # raises on a lone surrogate
    back = Article.from_dict(json.loads(line))
    assert back.to_dict() == data


# --------------------------------------------------------------------------- damage kinds
_HANJA = "廣東省深圳市南山區江蘇蘇州上海北京中國經濟增長棗莊"
_JUNK = ["\x00", "\x01", "\x7f", "\ufffe", "\ufeff", "\u200b", "\u200e", "\u202e", "\u2028", "\u2029",
         "\ud800", "\udfff", "\udc80", "\U0001f600", "\u0301", "\r", "\x0b", "\x0c", "\u3000", "\xa0"]
_NUMBERS = ["1" + ",000" * 20 + "개", "999" + ",999" * 17 + "개", "9" * 40 + "억 위안", "1조2조3조4경",
            "0.000000000000000000000000000000001%", "-" * 50 + "5%", "12,34,5,6,,7억", "1.2.3.4.5.6%",
            "억억억억억조조조경경", "백만천만십만 명", "마이너스(-) " * 20 + "4.1%", "1" * 200, "１２３４５６％"]
_BRACKETS = ["(" * 500, ")" * 500, "“" * 300, "'" * 400, '"' * 401, "「『《〈" * 100, "(上海" * 200]


def _insert(rng: random.Random, text: str, piece: str) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + piece + text[at:]


def damage_junk_chars(rng, text):
    for _ in range(rng.randint(1, 40)):
        text = _insert(rng, text, rng.choice(_JUNK))
    return text


def damage_numbers(rng, text):
    for _ in range(rng.randint(1, 6)):
        text = _insert(rng, text, " " + rng.choice(_NUMBERS) + " ")
    return text


def damage_brackets(rng, text):
    return _insert(rng, text, rng.choice(_BRACKETS))


def damage_hanja_gloss(rng, text):
    run = "".join(rng.choice(_HANJA) for _ in range(rng.choice((50, 500, 3000))))
    return _insert(rng, text, f" 광둥({run})성 ")


def damage_no_line_breaks(rng, text):
    return text.replace("\n", " ")


def damage_only_cr(rng, text):
    return text.replace("\n", "\r")


def damage_repeat(rng, text):
    piece = rng.choice(["장강삼각주와 상하이시, ", "상하이(上海)시 ", "2023년 4월 10일 ", "5.2% 증가 ", "3조 위안(약 576조원) ",
                        "제1위 ", "43개 ", "◇", "출처: 신화망 | 2023-04-26 10:21:03 | 편집: 王磊\n"])
    return _insert(rng, text, piece * rng.choice((10, 200, 2000)))


def damage_truncate(rng, text):
    return text[: rng.randrange(1, max(2, len(text)))]


def damage_shuffle_lines(rng, text):
    lines = text.split("\n")
    rng.shuffle(lines)
    return "\n".join(lines)


def damage_markup(rng, text):
    return "<html><body><script>var x='<p>';</script><div><p>" + text.replace("\n\n", "</p><p>") + "</p></div>"


def damage_long_word(rng, text):
    return _insert(rng, text, "".join(rng.choice("가나다라마바사중국경제") for _ in range(rng.choice((300, 5000)))))


def damage_many_lines(rng, text):
    return "\n".join(text.replace("\n", " ")[i : i + 3] for i in range(0, len(text), 3))


DAMAGE: dict[str, Callable[[random.Random, str], str]] = {
    name[len("damage_"):]: fn for name, fn in globals().items() if name.startswith("damage_")
}


def _encode(rng: random.Random, text: str) -> Page:
    """The page as ``str`` most of the time, else as bytes in some encoding (maybe broken)."""
    kind = rng.random()
    if kind < 0.75:
        return text
    clean = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if kind < 0.82:
        return clean.encode("utf-8")
    if kind < 0.86:
        return clean.encode("cp949", "replace")
    if kind < 0.89:
        return clean.encode(rng.choice(("utf-16", "utf-32", "utf-16-be", "utf-8-sig")))
    if kind < 0.92:
        return clean.encode("gb18030")
    if kind < 0.95:
        data = clean.encode("utf-8")
        return data[: rng.randrange(len(data) + 1)]  # cut in the middle of a character
    return bytes(rng.randrange(256) for _ in range(rng.randint(0, 3000)))


def hostile_page(rng: random.Random, texts: list[str]) -> tuple[Page, tuple[str, ...]]:
    """One hostile page and the names of the damage done to it."""
    text = rng.choice(texts)
    kinds = tuple(rng.sample(sorted(DAMAGE), rng.randint(1, 3)))
    for kind in kinds:
        text = DAMAGE[kind](rng, text)
    return _encode(rng, text), kinds


def hostile_pages(seed: int, count: int) -> Iterator[tuple[Page, tuple[str, ...]]]:
    rng = random.Random(seed)
    texts = fixture_texts()
    for _ in range(count):
        yield hostile_page(rng, texts)


# --------------------------------------------------------------------------- archives
def good_article(i: int, texts: list[str]) -> str:
    """Article ``i`` of a synthetic archive: a fixture with its figures varied by ``i``."""
    base = texts[i % len(texts)]
    digit = str(i % 10)
    return base.replace("0%", digit + "%", 1) + f"\n(기사 번호 {i})\n"


def _warc_record(uri: str, html: str) -> bytes:
    body = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n").encode() + html.encode("utf-8")
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Target-URI: %s\r\n"
        "WARC-Date: 2023-04-26T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        "Content-Length: %d\r\n\r\n" % (uri.rsplit("/", 1)[-1], uri, len(body))
    ).encode()
    return head + body + b"\r\n\r\n"


def _html(text: str) -> str:
    paras = "".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())
    return f"<html><body><div id='detailContent'>{paras}</div></body></html>"


#: The kinds of corrupt entry :func:`build_archive` plants, and how many of each.
BAD_KINDS = ("undecodable", "binary", "empty", "fifo", "bad_name", "truncated_warc", "malformed_jsonl",
             "jsonl_not_text", "dangling_link", "socket")


def build_archive(root: Path, n_good: int, *, bad_per_kind: int = 3, seed: int = 0) -> dict:
    """A directory of ``n_good`` good articles (text files, JSONL lines, WARC records, a few
    under names that are not UTF-8) with ``bad_per_kind`` corrupt entries of each of
    :data:`BAD_KINDS` among them. Returns ``{"good": [ids], "bad": {kind: [source hints]}}``;
    a good article's id is what the readers give it (escaped as they escape it)."""
    rng = random.Random(seed)
    texts = fixture_texts()
    root.mkdir(parents=True, exist_ok=True)
    good: list[str] = []
    bad: dict[str, list[str]] = {k: [] for k in BAD_KINDS}
    n_jsonl_files, n_warc_files = 4, 4
    jsonl_lines: list[list[bytes]] = [[] for _ in range(n_jsonl_files)]
    warc_records: list[list[bytes]] = [[] for _ in range(n_warc_files)]
    for i in range(n_good):
        text = good_article(i, texts)
        where = i % 10
        if where < 6 or i < 3:
            name = f"a{i:06d}"
            if i < 3:  # a good article under a CP949 file name: carried with an escaped id
                raw = f"기사{i}".encode("cp949")
                path = os.path.join(os.fsencode(root / "txt"), raw + b".txt")
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as fh:
                    fh.write(text.encode("utf-8"))
                from xinhua_extract.io.readers import escape_name

                good.append(escape_name(os.fsdecode(raw)))
                continue
            sub = root / "txt" / f"{i // 1000:02d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"{name}.txt").write_bytes(text.encode("utf-8"))
            good.append(name)
        elif where < 8:
            f = i % n_jsonl_files
            doc_id = f"j{i:06d}"
            jsonl_lines[f].append(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False).encode() + b"\n")
            good.append(doc_id)
        else:
            f = i % n_warc_files
            uri = f"http://kr.news.cn/w/{i:06d}.htm"
            warc_records[f].append(_warc_record(uri, _html(text)))
            good.append(uri)

    chinese = "国家统计局发布数据显示，一季度国内生产总值同比增长，比上年四季度加快个百分点。上海出口增加，经济发展良好。"
    for k in range(bad_per_kind):
        d = root / "txt" / "bad"
        d.mkdir(parents=True, exist_ok=True)
        p = d / f"undecodable{k}.txt"
        p.write_bytes(b"\x81\x41\xff\xfe\xfa\xfb\xff" * (20 + k))
        bad["undecodable"].append(str(p))
        p = d / f"binary{k}.txt"
        p.write_bytes(bytes(rng.randrange(256) for _ in range(4096)) + b"\x00" * 512)
        bad["binary"].append(str(p))
        p = d / f"empty{k}.txt"
        p.write_bytes(b"" if k % 2 == 0 else b" \n\t\n")
        bad["empty"].append(str(p))
        p = d / f"fifo{k}.txt"
        os.mkfifo(p)
        bad["fifo"].append(str(p))
        raw = f"중국기사{k}".encode("cp949") + b".txt"  # a name not valid UTF-8, and Chinese content
        path = os.path.join(os.fsencode(d), raw)
        with open(path, "wb") as fh:
            fh.write(chinese.encode("gb18030"))
        bad["bad_name"].append(os.fsdecode(path))
        p = d / f"dangling{k}.txt"
        os.symlink(d / f"nowhere{k}.txt", p)
        bad["dangling_link"].append(str(p))
        p = d / f"sock{k}.txt"
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.bind(str(p))
        finally:
            s.close()
        bad["socket"].append(str(p))
        # JSONL: a line that is not JSON, a line whose text is not a string
        f = k % n_jsonl_files
        at = rng.randrange(len(jsonl_lines[f]) + 1)
        jsonl_lines[f].insert(at, b'{"id": "broken' + str(k).encode() + b'", "text": "\xea\xb8\xb0\xec\x82\xac\n')
        at = rng.randrange(len(jsonl_lines[f]) + 1)
        jsonl_lines[f].insert(at, json.dumps({"id": f"nottext{k}", "text": 12345}).encode() + b"\n")
        bad["jsonl_not_text"].append(f"nottext{k}")
        # a truncated WARC: two good records, then one cut short
        wdir = root / "warc"
        wdir.mkdir(parents=True, exist_ok=True)
        recs = []
        for j in range(2):
            uri = f"http://kr.news.cn/t/{k}-{j}.htm"
            recs.append(_warc_record(uri, _html(good_article(n_good + 10 * k + j, texts))))
            good.append(uri)
        cut = _warc_record(f"http://kr.news.cn/t/{k}-cut.htm", _html(good_article(k, texts)))
        data = b"".join(gzip.compress(r, mtime=0) for r in recs) + gzip.compress(cut, mtime=0)[:-200]  # third cut
        p = wdir / f"truncated{k}.warc.gz"
        p.write_bytes(data)
        bad["truncated_warc"].append(str(p))
    jdir = root / "jsonl"
    jdir.mkdir(parents=True, exist_ok=True)
    for f, lines in enumerate(jsonl_lines):
        path = jdir / f"part{f}.jsonl"
        path.write_bytes(b"".join(lines))
        for n, line in enumerate(lines, 1):  # a line that is not JSON is known by its place
            if line.startswith(b'{"id": "broken'):
                bad["malformed_jsonl"].append(f"{path}:{n}")
    wdir = root / "warc"
    wdir.mkdir(parents=True, exist_ok=True)
    for f, recs in enumerate(warc_records):  # one gzip member per record, as WARC wants
        (wdir / f"crawl{f}.warc.gz").write_bytes(b"".join(gzip.compress(r, mtime=0) for r in recs))
    return {"good": good, "bad": bad}


def classify_errors(errors: list[dict], bad: dict[str, list[str]]) -> dict[str, int]:
    """How many error records match each planted bad entry kind (by id or source)."""
    from xinhua_extract.io.readers import escape_name

    found = {k: 0 for k in bad}
    for e in errors:
        for kind, hints in bad.items():
            if any(escape_name(h) in (e.get("id"), e.get("source")) or (e.get("source") or "").startswith(escape_name(h) + "#")
                   for h in hints):
                found[kind] += 1
                break
    return found
