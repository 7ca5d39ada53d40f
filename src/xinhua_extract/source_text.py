"""Turning what a caller hands us into article text, or a clear error.

Decoding order for ``bytes``: UTF-8 (with or without BOM), then CP949 (a superset of
EUC-KR, what older Korean pages are saved in). Text that cannot be an article (empty,
binary, no Korean at all, too long) raises a :mod:`xinhua_extract.errors` exception;
repairable oddities (NUL bytes, HTML markup) become warnings and the text keeps its
length so offsets stay meaningful.
"""

from __future__ import annotations

import regex

from .errors import (
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


def decode_bytes(data: bytes) -> str:
    """UTF-8 first, then CP949/EUC-KR; anything else is a :class:`DecodeError`."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DecodeError(
        "the bytes are neither UTF-8 nor CP949/EUC-KR; decode them yourself "
        "(e.g. data.decode('gb18030')) and pass a str"
    )


def coerce_text(data: object, *, max_chars: int | None = DEFAULT_MAX_CHARS) -> tuple[str, tuple[ArticleWarning, ...]]:
    """Validate and normalise the input of :func:`parse_article`.

    Returns the article text and the warnings about it. The only changes made to the
    text are a leading BOM dropped and NUL bytes replaced by spaces (reported).
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if raw.count(b"\x00") > max(8, len(raw) // 100):
            raise BinaryInputError(
                "the input holds many NUL bytes and looks like a binary file, not an article; "
                "pass the text of one article page"
            )
        try:
            text = decode_bytes(raw)
        except DecodeError:
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
    if not _HANGUL.search(text):
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
