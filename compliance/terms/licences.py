"""Creative Commons licence ids (``cc-by-nc-nd-4.0``) from a deed address or a licence code,
and back to the names and deed a copy must give.

Notices name their licence in words ("Attribution-NonCommercial"), which the clause patterns
read, but also as a deed address (``creativecommons.org/licenses/by-nc/4.0/``, in the text or
in the page's metadata) or as a code in any case (``cc by-nc-sa``). Both spellings carry every
element, so they are read here, once, for the notice reader, the metadata reader and the
license_notice check (and the placement and proximity checks' licence element): one reading of
a deed address, so that a version, a port (``/3.0/us/``) or ``publicdomain/zero`` means the same
licence everywhere.

Example:
    >>> licence_of_url("https://creativecommons.org/licenses/by-nc-nd/3.0/deed.de")
    'cc-by-nc-nd-3.0'
    >>> code_elements("published under cc by-nc-sa 4.0")
    ('by', 'nc', 'sa')
    >>> licence_names("cc-by-nd-4.0")
    ('CC BY-ND 4.0', 'Creative Commons Attribution-NoDerivatives 4.0')
    >>> deed_url("cc-by-nd-4.0")
    'https://creativecommons.org/licenses/by-nd/4.0/'
"""

from __future__ import annotations

import re

__all__ = [
    "UNSPECIFIED",
    "code_elements",
    "deed_url",
    "licence_names",
    "licence_of_url",
    "licence_version",
]

UNSPECIFIED = "cc-unspecified"  # a notice names Creative Commons without saying which licence

_DEED = re.compile(
    r"creativecommons\.org/(?P<kind>licenses|publicdomain)/(?P<code>[a-z]+(?:-[a-z]+)*)"
    r"(?:/(?P<version>\d\.\d))?",
    re.IGNORECASE,
)
_CODE = re.compile(r"\bcc[\s-]+(by(?:[\s-]+(?:nc|nd|sa)\b){0,3})", re.IGNORECASE)
_ELEMENTS = frozenset({"by", "nc", "nd", "sa"})
_ID = re.compile(r"cc-(?P<code>[a-z]+(?:-[a-z]+)*?)(?:-(?P<version>[^-]*\d[^-]*))?")
_VERSION = re.compile(r"(?P<major>\d)(?:\.(?P<minor>\d))?")
_LONG = {"by": "Attribution", "sa": "ShareAlike", "nd": "NoDerivatives", "nc": "NonCommercial"}


def licence_of_url(url: str) -> str | None:
    """``.../licenses/by-nc-nd/4.0/`` -> ``cc-by-nc-nd-4.0``; ``.../publicdomain/...`` ->
    ``public-domain``; any other address (a site's own terms page) -> None."""
    deed = _DEED.search(url)
    if deed is None:
        return None
    if deed["kind"].lower() == "publicdomain":
        return "public-domain"
    code = deed["code"].lower()
    if not set(code.split("-")) <= _ELEMENTS:
        return None
    return "-".join(["cc", code, *([deed["version"]] if deed["version"] else [])])


def code_elements(text: str) -> tuple[str, ...]:
    """The licence elements of the first ``cc by-...`` code or deed address in ``text``."""
    deed = licence_of_url(text)
    if deed and deed != "public-domain":
        return tuple(e for e in deed.split("-")[1:] if e in _ELEMENTS)
    code = _CODE.search(text)
    if code is None:
        return ()
    return tuple(dict.fromkeys(re.split(r"[\s-]+", code.group(1).lower())))


def licence_version(text: str) -> str | None:
    """A licence version as the deeds write it: ``4`` -> ``4.0``, ``2.5`` -> ``2.5``; None for
    anything else. A notice pattern may capture "version 4", and the deed is ``.../4.0/``."""
    found = _VERSION.fullmatch(text.strip())
    if found is None:
        return None
    return f"{found['major']}.{found['minor'] or 0}"


def _parts(licence: str) -> tuple[str, str | None] | None:
    """``cc-by-nd-4.0`` -> (``by-nd``, ``4.0``); None for ``public-domain``, ``cc-unspecified``.
    A version that is none (``cc-by-v4x``) is left out: the licence is still named, unversioned.
    """
    found = _ID.fullmatch(licence)
    if found is None or not set(found["code"].split("-")) <= _ELEMENTS:
        return None
    version = found["version"]
    return found["code"], licence_version(version) if version else None


def licence_names(licence: str | None) -> tuple[str, ...]:
    """The names a copy may give licence id ``licence``: short (``CC BY-ND 4.0``), then long
    (``Creative Commons Attribution-NoDerivatives 4.0``); none for a public-domain mark or an
    unknown id, and ``a Creative Commons licence`` for ``cc-unspecified``."""
    if licence == UNSPECIFIED:
        return ("a Creative Commons licence",)
    parts = _parts(licence or "")
    if parts is None:
        return ()
    code, version = parts
    tail = f" {version}" if version else ""
    long = "-".join(_LONG[part] for part in code.split("-"))
    return f"CC {code.upper()}{tail}", f"Creative Commons {long}{tail}"


def deed_url(licence: str) -> str | None:
    """The deed of a versioned licence id; None when the id names no one deed."""
    parts = _parts(licence)
    if parts is None or parts[1] is None:
        return None
    return f"https://creativecommons.org/licenses/{parts[0]}/{parts[1]}/"
