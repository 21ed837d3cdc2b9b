"""Text normalisation of the output contract: NFC, white space folded, nothing else."""

from __future__ import annotations

import unicodedata

import regex

# \s in `regex` covers U+00A0 and the other Unicode spaces; zero-width spaces are not
# white space to Unicode, but scrapers leave them between words, so they fold too.
_SPACE_RUN = regex.compile(r"[\s\u200b\u2060\ufeff]+")


# str.split() splits on exactly the white space of \s plus the separators U+001C-U+001F;
# with the zero-width spaces made spaces, it folds the same runs as _SPACE_RUN, several
# times faster.
_SEPARATORS = regex.compile(r"[\x1c-\x1f]")


def normalize_text(text: str) -> str:
    """NFC, every run of white space folded to one space, ends stripped."""
    if text.isprintable() and "  " not in text:
        # Its only white space is single spaces (printable text holds no other white space and
        # no zero-width characters, and NFC brings none in): the common case, cheaply.
        return (text if text.isascii() else unicodedata.normalize("NFC", text)).strip(" ")
    text = unicodedata.normalize("NFC", text)
    if _SEPARATORS.search(text):
        return _SPACE_RUN.sub(" ", text).strip()
    return " ".join(text.replace("\u200b", " ").replace("\u2060", " ").replace("\ufeff", " ").split())
