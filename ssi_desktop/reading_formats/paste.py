"""Whatever the seller pasted, read as a reading: the SSI page's JSON or its copied text."""

from __future__ import annotations

import json

from ssi_desktop.reading_formats.page_text import NoReadingError, parse_page_text
from ssi_desktop.reading_formats.payload import parse_payload
from ssi_desktop.reading_formats.values import ReadingValues

__all__ = ["NoReadingError", "parse_pasted"]


def _json_in(text: str) -> object | None:
    """The JSON value the text holds, if it holds one: the whole text, or the object that
    starts at its first brace when the text around it names the SSI payload's memberScore."""
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            parsed: object = json.loads(stripped)
            return parsed
        except json.JSONDecodeError:
            pass
    start = text.find("{")
    if start >= 0 and '"memberScore"' in text:
        try:
            value: object = json.JSONDecoder().raw_decode(text, start)[0]
        except json.JSONDecodeError as error:
            raise NoReadingError(
                f"the pasted JSON is cut off or broken ({error.msg} at line {error.lineno})"
            ) from None
        return value
    return None


def parse_pasted(text: str) -> ReadingValues:
    """The reading in pasted text; NoReadingError says in one line what is missing."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise NoReadingError("nothing was pasted: the text is empty")
    payload = _json_in(text)
    if payload is not None:
        return parse_payload(payload)
    return parse_page_text(text)
