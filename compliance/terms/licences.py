"""Creative Commons licence ids (``cc-by-nc-nd-4.0``) from a deed address or a licence code.

Notices name their licence in words ("Attribution-NonCommercial"), which the clause patterns
read, but also as a deed address (``creativecommons.org/licenses/by-nc/4.0/``, in the text or
in the page's metadata) or as a code in any case (``cc by-nc-sa``). Both spellings carry every
element, so they are read here, once, for the notice reader and the metadata reader.

Example:
    >>> licence_of_url("https://creativecommons.org/licenses/by-nc-nd/3.0/deed.de")
    'cc-by-nc-nd-3.0'
    >>> code_elements("published under cc by-nc-sa 4.0")
    ('by', 'nc', 'sa')
"""

from __future__ import annotations

import re

__all__ = ["code_elements", "licence_of_url"]

_DEED = re.compile(
    r"creativecommons\.org/(?P<kind>licenses|publicdomain)/(?P<code>[a-z]+(?:-[a-z]+)*)"
    r"(?:/(?P<version>\d\.\d))?",
    re.IGNORECASE,
)
_CODE = re.compile(r"\bcc[\s-]+(by(?:[\s-]+(?:nc|nd|sa)\b){0,3})", re.IGNORECASE)
_ELEMENTS = frozenset({"by", "nc", "nd", "sa"})


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
