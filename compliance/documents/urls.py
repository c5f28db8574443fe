"""URL identity: when do two hrefs point at the same article?

A copy that links to ``http://www.example.org/story/?utm_source=feed#comments`` or to the AMP
edition of a story links to the story all the same. ``normalise_url`` reduces such variants to one
form; the other helpers answer the questions the link checks ask (same article? the publisher's
home page? which site?).

Example:
    >>> normalise_url("HTTP://www.Example.org:80/story/amp/?utm_source=x&fbclid=y#top")
    'https://example.org/story'
    >>> same_article("https://amp.example.org/story.amp.html", "http://example.org/story.html")
    True

Two libraries, each imported on first use, which a hook run whose post has no URLs to compare
never needs: courlan (trafilatura's own) normalises URLs, and publicsuffixlist, which ships the
public-suffix list and reads it into a dictionary in a fraction of the time courlan's ``tld``
takes to build its trie, gives registrable domains. Each host's domain is kept for the process.
courlan is not even needed for an address it would return unchanged (``https``, a lower-case
host, a path of characters it never escapes; a canonical URL is usually one): a hook run that
looks up such an address in the index does without courlan's import and its network stack.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList

__all__ = [
    "TRACKING_PARAMS",
    "domain",
    "home_page",
    "host_of",
    "is_home_page",
    "is_web_url",
    "normalise_url",
    "resolve",
    "same_article",
    "scheme_of",
    "split_url",
]

# Query parameters that say how a reader arrived, never which article they read.
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
        "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "ref", "ref_src", "ref_url", "cmpid",
        "ncid", "icid", "ocid", "sr_share", "s_cid", "spm", "amp", "outputtype", "_ga", "_gl",
        "oly_enc_id", "oly_anon_id", "vero_id", "rb_clickid", "smid", "smtyp",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "__twitter", "at_")
_AMP_VALUES = {"", "1", "true", "amp"}
_LICENCE_SUFFIX = re.compile(r"/(?:deed(?:\.[a-z-]+)?|legalcode(?:\.[a-z-]+)?)$", re.IGNORECASE)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")  # as urlsplit reads one
_INDEX_PAGE = re.compile(r"/(?:index|default|home)\.(?:html?|php|aspx?)$", re.IGNORECASE)
# An address courlan's normalize_url returns as it is: https, a lower-case ASCII host without
# punycode, port or user, and a path of characters it never escapes, with no empty segment, dot
# segment or trailing slash; no query, fragment or "&" (courlan unescapes character references).
_COURLAN_FIXED = re.compile(
    r"https://(?!(?:[^/]*\.)?xn--)[a-z0-9.-]+(?:/(?!\.\.?(?:/|$))[A-Za-z0-9_.~!=:,-]+)*"
)


def split_url(url: str) -> SplitResult | None:
    """``urlsplit(url)``, or None when ``url`` cannot be parsed (``http://[x/a``, an unclosed
    IPv6 bracket). Addresses come from hostile documents: a malformed one is data, not a crash."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def scheme_of(url: str) -> str:
    """The scheme ``url`` is written with, lower-cased ('' for none), even when the rest of it
    cannot be parsed (a reports' address column must still tell a URL from a path)."""
    found = _SCHEME.match(url.strip())
    return found.group(1).lower() if found else ""


def host_of(url: str) -> str:
    """The host name of ``url``, lower-cased, without a trailing dot; '' for none or when the
    address cannot be parsed."""
    parts = split_url(url)
    return ((parts.hostname if parts is not None else None) or "").lower().rstrip(".")


def is_web_url(href: str) -> bool:
    """True for an absolute http(s) URL or a scheme-relative ``//host/path``."""
    scheme = _scheme(href)
    return scheme in ("http", "https") or href.strip().startswith("//")


def _scheme(href: str) -> str:
    """The scheme of ``href``, lower-cased; '' for none or for an unparsable href."""
    parts = split_url(href.strip())
    return parts.scheme.lower() if parts is not None else ""


def resolve(href: str, base: str | None) -> str:
    """``href`` made absolute against ``base`` (a page URL); unchanged when it cannot be."""
    href = href.strip()
    if not base or is_web_url(href) or _scheme(href):
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(_TRACKING_PREFIXES)


def _strip_amp_path(path: str) -> str:
    if path.endswith(".amp.html"):
        return path[: -len(".amp.html")] + ".html"
    if path.endswith(".amp"):
        return path[: -len(".amp")]
    for tail in ("/amp/", "/amp"):
        if path.endswith(tail):
            return path[: -len(tail)] or "/"
    if path.startswith("/amp/"):
        return path[len("/amp") :]
    return path


def normalise_url(url: str) -> str:
    """One form for every variant of a web address that names the same article.

    Folds: scheme (http and https count as one, written https), case of the host, ``www.`` and
    ``amp.``/``m.`` host prefixes, default port, ``.``/``..`` path segments, fragment, trailing
    slash, tracking parameters
    (``utm_*``, ``fbclid``, ``gclid``, ``mc_cid`` ...), AMP editions (``/amp``, ``?amp=1``,
    ``.amp.html``) and the order of the remaining query parameters. Non-web hrefs (``mailto:``,
    ``javascript:``) and relative paths are returned stripped but otherwise unchanged.
    """
    raw = url.strip()
    if raw.startswith("//"):
        raw = "https:" + raw
    if not is_web_url(raw):
        return raw
    try:
        return _normalised(raw)
    except ValueError:  # an unparsable address (bad IPv6 literal, port) names only itself
        return raw


def _courlan(raw: str) -> str:
    """courlan's normal form of ``raw`` (imported only for an address it would change)."""
    if _COURLAN_FIXED.fullmatch(raw):
        return raw
    from courlan import normalize_url

    normal: str = normalize_url(raw, trailing_slash=False)
    return normal


def _normalised(raw: str) -> str:
    pairs = parse_qsl(urlsplit(raw).query, keep_blank_values=True)
    amp_query = any(
        (name.lower() == "amp" and value.lower() in _AMP_VALUES)
        or (name.lower() == "outputtype" and value.lower() == "amp")
        for name, value in pairs
    )
    try:  # courlan: case of scheme and host, punycode, default port, dot segments, escapes
        parts = urlsplit(_courlan(raw))
        port = parts.port
    except ValueError:  # a malformed address (bad port, broken IPv6 host) is only itself
        return raw
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in ("www.", "amp.", "m.", "mobile."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = urlsplit(urljoin("https://h/", parts.path or "/")).path  # RFC 3986 dot segments
    if amp_query or "amp" in path.lower():
        path = _strip_amp_path(path)
    path = _INDEX_PAGE.sub("/", path)
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode(sorted((n, v) for n, v in pairs if not _is_tracking(n)))
    return urlunsplit(("https", netloc, path, query, ""))


def same_article(a: str, b: str) -> bool:
    """True when two web addresses name the same article once their variants are folded."""
    if not (is_web_url(a) and is_web_url(b)):
        return False
    return normalise_url(a) == normalise_url(b)


def domain(url: str) -> str:
    """The registrable domain of ``url`` (``news.bbc.co.uk`` -> ``bbc.co.uk``); host as fallback.

    Accepts a bare host (``www.example.org``) as well as a URL.
    """
    text = url.strip()
    if "//" not in text:
        text = "https://" + text
    host = host_of(text)
    if not host:
        return ""
    return _registrable(host)


@lru_cache(maxsize=1)
def _suffixes() -> PublicSuffixList:
    """The public-suffix list (ICANN and private sections), read once per process.

    A host under a suffix the list does not know (``localhost``, ``intranet.test``) has no
    registrable domain; ``_registrable`` falls back to the host itself.
    """
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList(accept_unknown=False)


@lru_cache(maxsize=4096)
def _registrable(host: str) -> str:
    """The registrable domain of a lower-case ``host`` by the public-suffix list.

    A host of two labels needs no list: it is either its own registrable domain (``bbc.com``)
    or a public suffix or unknown (``co.uk``, ``intranet.test``), and then the host stands for
    itself all the same.
    """
    if host.count(".") == 1 and not host.startswith("www."):
        return host
    found: str | None = _suffixes().privatesuffix(host)
    return found or host.removeprefix("www.")


def home_page(url: str) -> str:
    """The normalised front page of the site that published ``url``; "" when unparsable."""
    parts = split_url(normalise_url(url))
    if parts is None:  # a malformed address names no site
        return ""
    return urlunsplit(("https", parts.netloc, "/", "", ""))


def is_home_page(href: str, article_url: str) -> bool:
    """True when ``href`` is the front page of the site (registrable domain) of ``article_url``."""
    if not (is_web_url(href) and is_web_url(article_url)):
        return False
    if domain(href) != domain(article_url):
        return False
    parts = split_url(normalise_url(href))
    return parts is not None and parts.path == "/" and not parts.query


def licence_key(url: str) -> str:
    """A licence URL reduced to host + path, without scheme, ``www.``, deed or legalcode suffix.

    So that ``http://www.creativecommons.org/licenses/by-nd/4.0/deed.en`` and
    ``https://creativecommons.org/licenses/by-nd/4.0/legalcode`` name the same licence.
    """
    text = url.strip()
    if "//" not in text:
        text = "https://" + text
    parts = split_url(text)
    if parts is None:
        return url.strip().lower()
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = _LICENCE_SUFFIX.sub("", parts.path.rstrip("/")).rstrip("/").lower()
    return host + path


def host_matches(host: str, domain: str) -> bool:
    """``host`` is ``domain`` or one of its subdomains (case and a leading ``www.`` ignored)."""
    host = host.lower().rstrip(".").removeprefix("www.")
    domain = domain.lower().rstrip(".").removeprefix("www.")
    return bool(host) and (host == domain or host.endswith("." + domain))
