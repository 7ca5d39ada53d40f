"""Turning what a caller hands us into article text, or a clear error.

Decoding of ``bytes``: a byte-order mark decides (UTF-8, UTF-16, UTF-32); otherwise
UTF-8, then CP949 (a superset of EUC-KR, what older Korean pages are saved in) when the
result reads as Korean, else GB18030/GBK or Big5 (Chinese pages: the CP949 reading of
their bytes is hangul-and-hanja garbage, so they are recognised, decoded, and refused as
having no Korean). Text that cannot be an article (empty, binary, no Korean at all, too
long) raises a :mod:`xinhua_extract.errors` exception; repairable oddities (NUL bytes,
lone surrogates, HTML markup) become warnings and the text keeps its length so offsets
stay meaningful.
"""

from __future__ import annotations

import regex

from .errors import (
    ArgumentError,
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputTooLargeError,
    InputTypeError,
    NotKoreanError,
)
from .records import ArticleWarning

#: Longest input accepted by default: a long Xinhua feature is ~20,000 characters, so
#: one million means "this is not one article" (a whole archive concatenated, a dump).
DEFAULT_MAX_CHARS = 1_000_000

_HANGUL = regex.compile(r"[\p{Script=Hangul}]")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_MARKUP = regex.compile(r"<\s*(?:html|body|div|p|br|span|script|table)\b[^>]*>", regex.I)


_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_HANGUL_SYLLABLE = regex.compile(r"[\uac00-\ud7a3]")
_HAN = regex.compile(r"\p{Han}")
_WHITESPACE = regex.compile(r"\s")
# a hangul syllable touching a hanja: rare in Korean (glosses are bracketed, 上海(상하이)),
# everywhere in Chinese bytes read as CP949 (their lead bytes fall on both blocks)
_HANGUL_HAN = regex.compile(r"[\uac00-\ud7a3](?=\p{Han})|\p{Han}(?=[\uac00-\ud7a3])")

#: Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
#: Encodings of Chinese pages, recognised so they are not misread as CP949.
CHINESE_ENCODINGS = ("gb18030", "big5")


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` names, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_bytes(data: bytes) -> str:
    """Decode an article's bytes (see :func:`detect_decode`); a :class:`DecodeError` if
    they are in no encoding we recognise."""
    return detect_decode(data)[0]


def detect_decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of ``data``: by its BOM; else UTF-8; else CP949 when that
    reads as Korean; else GB18030 or Big5 (whichever reads as commoner Chinese); else
    CP949 anyway. Raises :class:`DecodeError` when nothing decodes."""
    encoding = bom_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"the bytes start with a {encoding.upper()} byte-order mark but are not valid "
                f"{encoding.upper()} ({exc.reason} at byte {exc.start}); the file is damaged"
            ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    korean = _try_decode(data, "cp949")
    if korean is not None and _reads_as_korean(korean):
        return korean, "cp949"
    chinese = []
    for encoding in CHINESE_ENCODINGS:
        text = _try_decode(data, encoding)
        if text is not None:
            if _HANGUL_SYLLABLE.search(text):  # Korean written in GB18030: decoded Korean
                return text, encoding
            chinese.append((_common_chinese_share(text, encoding), text, encoding))
    if chinese:
        _, text, encoding = max(chinese, key=lambda c: c[0])
        return text, encoding
    if korean is not None:
        return korean, "cp949"
    raise DecodeError(
        "the bytes are not UTF-8 (nor UTF-16/32 with a byte-order mark), CP949/EUC-KR, "
        "GB18030 or Big5; decode them yourself and pass a str"
    )


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _reads_as_korean(text: str) -> bool:
    """Whether CP949-decoded text looks like Korean rather than Chinese bytes misread:
    hangul syllables rarely touching hanja, and words separated by spaces."""
    sample = text[:20_000]
    hangul = len(_HANGUL_SYLLABLE.findall(sample))
    if hangul == 0:
        return False
    han = len(_HAN.findall(sample))
    if len(_HANGUL_HAN.findall(sample)) > 0.05 * (hangul + han) + 1:
        return False
    return hangul < 40 or len(_WHITESPACE.findall(sample)) >= hangul / 20


def _common_chinese_share(text: str, encoding: str) -> float:
    """Share of the Han characters of a Chinese decoding that are common characters
    (GB2312 for GB18030, Big5 level 1 for Big5): a misreading gives rare ones."""
    chars = _HAN.findall(text[:20_000])
    if not chars:
        return 0.0
    common = 0
    for ch in chars:
        try:
            if encoding == "big5":
                code = ch.encode("big5")
                common += len(code) == 2 and 0xA440 <= int.from_bytes(code, "big") <= 0xC67E
            else:
                ch.encode("gb2312")
                common += 1
        except UnicodeEncodeError:
            pass
    return common / len(chars)


def coerce_text(data: object, *, max_chars: int | None = DEFAULT_MAX_CHARS) -> tuple[str, tuple[ArticleWarning, ...]]:
    """Validate and normalise the input of :func:`parse_article`.

    Returns the article text and the warnings about it. The only changes made to the
    text are a leading BOM dropped and NUL bytes replaced by spaces (reported).
    """
    if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1):
        raise ArgumentError(f"max_chars must be a positive int or None, not {max_chars!r}")
    encoding = None
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if bom_encoding(raw) is None and raw.count(b"\x00") > max(8, len(raw) // 100):
            raise BinaryInputError(
                "the input holds many NUL bytes and looks like a binary file, not an article; "
                "pass the text of one article page"
            )
        try:
            text, encoding = detect_decode(raw)
        except DecodeError:
            if bom_encoding(raw) is not None:
                raise
            if b"\x00" in raw or sum(b < 9 for b in raw[:4096]) > 16:
                raise BinaryInputError(
                    "the input is not text in any Korean encoding and holds control bytes: "
                    "it looks like a binary file; pass the text of one article page"
                ) from None
            raise
    elif isinstance(data, str):
        text = data
    else:
        raise InputTypeError(
            f"parse_article expects the article as str or bytes, got {type(data).__name__}"
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(
            f"the input has {len(text):,} characters, more than max_chars={max_chars:,}; "
            "one Xinhua article is far shorter. Split the archive into articles "
            "(see xinhua_extract.parse_articles) or pass max_chars=None"
        )
    if not text.strip():
        raise EmptyInputError("the input is empty or only whitespace; pass the text of an article page")

    warnings: list[ArticleWarning] = []
    controls = _CONTROL.findall(text)
    if controls and len(controls) > max(8, len(text) // 100):
        raise BinaryInputError(
            f"the input holds {len(controls)} control characters and looks binary, not like "
            "an article; pass the text of one article page"
        )
    nul = text.count("\x00")
    if nul:
        text = text.replace("\x00", " ")
        warnings.append(
            ArticleWarning(
                code="W001",
                message=f"{nul} NUL character(s) replaced by spaces; the source may be corrupt",
            )
        )
    surrogates = len(_SURROGATE.findall(text))
    if surrogates:
        text = _SURROGATE.sub("\ufffd", text)
        warnings.append(
            ArticleWarning(
                code="W003",
                message=f"{surrogates} lone surrogate(s) (not Unicode text) replaced by U+FFFD; "
                "the source was decoded wrongly or is corrupt",
            )
        )
    if not _HANGUL.search(text):
        if encoding in CHINESE_ENCODINGS:
            raise NotKoreanError(
                f"the bytes are Chinese text ({encoding.upper()}), with no Korean (hangul); "
                "xinhua-extract reads the Korean service of Xinhua"
            )
        raise NotKoreanError(
            "the input has no Korean (hangul) text; xinhua-extract reads the Korean "
            "service of Xinhua. Check the file's encoding or that it is the right article"
        )
    if _MARKUP.search(text):
        warnings.append(
            ArticleWarning(
                code="W002",
                message="the text holds HTML markup; read saved pages with "
                "xinhua_extract.io.read_html (or the batch readers) to get clean text",
            )
        )
    return text, tuple(warnings)
