"""The exception catalogue.

Every error the library raises on purpose derives from :class:`XinhuaExtractError`
(a ``ValueError``), carries a stable code (``E001``…) and a message that says what was
wrong and what to do about it. Callers can catch the base class and log ``err.code``.
"""

from __future__ import annotations


class XinhuaExtractError(ValueError):
    """Base class of every error raised on purpose by xinhua-extract."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputTypeError(XinhuaExtractError, TypeError):
    """The input is neither ``str`` nor ``bytes``."""

    code = "E001"


class EmptyInputError(XinhuaExtractError):
    """The input holds no text (empty or only whitespace)."""

    code = "E002"


class DecodeError(XinhuaExtractError):
    """Bytes in no encoding we read (UTF-8/16/32, CP949/EUC-KR, GB18030, Big5)."""

    code = "E003"


class BinaryInputError(XinhuaExtractError):
    """The input looks like a binary file, not an article."""

    code = "E004"


class NotKoreanError(XinhuaExtractError):
    """The input has no Korean text at all."""

    code = "E005"


class InputTooLargeError(XinhuaExtractError):
    """The input is longer than ``max_chars``."""

    code = "E006"


class SchemaError(XinhuaExtractError):
    """A serialised record does not match the schema this version reads."""

    code = "E007"


class SourceError(XinhuaExtractError):
    """An archive source (file, WARC record, JSONL line) could not be read."""

    code = "E008"


class ArgumentError(XinhuaExtractError):
    """A keyword argument of ``parse_article`` (``published``, ``reference_date``, ``max_chars``,
    ``id``) is unusable."""

    code = "E009"


class NotAnArticleError(XinhuaExtractError):
    """The page is not an article: a listing (section index) page of teasers. A batch
    writes an error record for it instead of rows read from headlines."""

    code = "E010"


class NumberParseError(XinhuaExtractError):
    """A string given to :func:`xinhua_extract.numbers.parse_korean_number` is not a
    Korean number expression."""

    code = "E101"


__all__ = [
    "XinhuaExtractError",
    "InputTypeError",
    "EmptyInputError",
    "DecodeError",
    "BinaryInputError",
    "NotKoreanError",
    "InputTooLargeError",
    "SchemaError",
    "SourceError",
    "ArgumentError",
    "NotAnArticleError",
    "NumberParseError",
]
