"""Raw bytes to text, refusing what is not a text document.

Every refusal is an ``InputError`` naming the input and the problem, so the CLI can print one
line. Order matters: size first (never read a 200 MB file), then emptiness, byte-order marks
(UTF-16 legitimately holds NUL bytes), binary signatures and NUL bytes, then decoding.

w3lib, the web-crawling library behind Scrapy, reads what the bytes say of themselves: the
byte-order mark, and the charset a page declares (``<meta charset>``, ``<meta http-equiv>`` in
either attribute order, the XML declaration), with labels resolved as browsers do (WHATWG:
``iso-8859-1`` and ``latin1`` mean windows-1252). Each candidate must decode the bytes strictly;
charset-normalizer guesses only when none does.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

from ..errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Signatures of common binary formats people hand to a text tool by mistake.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old office document"),
    (b"SQLite format 3\x00", "a SQLite database"),
)

_PREFERRED = (
    "utf_8",
    "cp1252",
    "iso8859_1",
    "iso8859_15",
    "cp1250",
    "cp1251",
    "utf_16",
    "shift_jis",
    "gb18030",
    "big5",
    "euc_kr",
)
_DECLARATION_WINDOW = 4096  # where a page may declare its charset (HTML says the first 1024)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def human_size(size: int) -> str:
    """'209,715,200 bytes (200.0 MB)': exact for scripts, readable for people."""
    return f"{size:,} bytes ({size / (1024 * 1024):.1f} MB)"


def read_limited(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file, refusing missing files, directories and files above ``max_bytes``."""
    name = str(path)
    p = Path(path)
    try:
        stat = p.stat()
    except FileNotFoundError:
        raise InputError("no such file", source=name) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", source=name) from None
    if p.is_dir():
        raise InputError("is a directory, not a document file", source=name)
    if stat.st_size > max_bytes:
        raise InputError(
            f"file too large: {human_size(stat.st_size)}, above the limit of "
            f"{human_size(max_bytes)}",
            source=name,
        )
    try:
        with p.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", source=name) from None
    check_size(data, name, max_bytes)
    return data


def check_size(data: bytes, origin: str, max_bytes: int) -> None:
    """Refuse input above ``max_bytes`` (a stream may have grown since it was measured)."""
    if len(data) > max_bytes:
        raise InputError(
            f"input too large: more than {human_size(max_bytes)} (the limit)", source=origin
        )


def decode(data: bytes, origin: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)``.

    UTF-8 is tried first, then a charset declared by the transport or an HTML ``<meta>``,
    then charset-normalizer's best guess. Text with control characters is refused as binary.
    """
    if not data.strip():
        raise InputError(
            "empty file" if not data else "empty document (only whitespace)", source=origin
        )
    encoding, bom = read_bom(data)
    if encoding is not None and bom is not None:
        family = encoding.removesuffix("-le").removesuffix("-be")
        try:
            return _text_only(data[len(bom) :].decode(encoding), origin), family
        except UnicodeDecodeError as exc:
            raise InputError(
                f"starts with a {family} byte-order mark but is not valid {family} "
                f"(byte offset {exc.start + len(bom)})",
                source=origin,
            ) from None
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"binary file ({what}), not a text document", source=origin)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            f"binary file (NUL bytes at offset {nul}), not a text document", source=origin
        )
    try:
        return _text_only(data.decode("utf-8"), origin), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    for candidate in _declared(data, declared):
        try:
            return _text_only(data.decode(candidate), origin), codecs.lookup(candidate).name
        except (LookupError, UnicodeDecodeError):
            continue
    return _guess(data, origin, utf8_error)


def _declared(data: bytes, declared: str | None) -> list[str]:
    """Charsets named by the transport (``declared``), then by the page itself, resolved."""
    found = [
        http_content_type_encoding(f"text/html; charset={declared}") if declared else None,
        html_body_declared_encoding(data[:_DECLARATION_WINDOW]),
    ]
    resolved = (resolve_encoding(c) or c for c in found if c)
    return [c for c in dict.fromkeys(resolved) if codecs.lookup(c).name != "utf-8"]


def _guess(data: bytes, origin: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if matches:
        # Equally plausible single-byte code pages are common for Western text; the web's
        # usual one wins the tie rather than whichever charset-normalizer listed first.
        least = min(m.chaos for m in matches)
        tied = {m.encoding: m for m in matches if m.chaos <= least}
        best = next((tied[e] for e in _PREFERRED if e in tied), best)
    if best is None or best.encoding is None:
        raise InputError(
            f"cannot decode: not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at offset "
            f"{utf8_error.start}) and no other text encoding fits",
            source=origin,
        )
    return _text_only(str(best), origin), best.encoding


def _text_only(text: str, origin: str) -> str:
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(
            f"binary file ({controls} control characters in the first "
            f"{min(len(text), 65536):,} characters), not a text document",
            source=origin,
        )
    if not text.strip():
        raise InputError("empty document (only whitespace)", source=origin)
    return text
