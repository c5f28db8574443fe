"""The terms a page states in its metadata alone, for pages whose text prints no notice.

Many article pages print no republishing sentence but say in their markup what the article is
under: a schema.org ``license`` (JSON-LD), a ``rel=license`` link, a Creative Commons deed link,
or a ``copyrightHolder``. The documents layer extracts these (`Meta.license_url`, `Meta.rights`);
this module reads them into the same `Notice` a printed notice gives, each derived field quoting
the metadata fact it rests on, so the notice finder needs no second path.

Example:
    >>> notice_from_meta("https://creativecommons.org/licenses/by-nd/4.0/", None).requires
    Requires(credit_source=True, copyright_notice=False, byline=False, link_to_original=None, \
license_notice='cc-by-nd-4.0', no_modification=True, keep_links=False, tracking_pixel=False, \
together=False)
"""

from __future__ import annotations

from dataclasses import replace

from .licences import licence_of_url
from .notice import Clause, Notice, Requires
from .venues import settle

__all__ = ["notice_from_meta", "with_page_licence"]


def _fact(field: str, sentence: str) -> Clause:
    return Clause(field, sentence, 0, len(sentence))


def notice_from_meta(license_url: str | None, rights: str | None) -> Notice:
    """The notice stated by a page's licence address and rights statement (either may be None).

    A Creative Commons licence grants republishing with attribution and the licence notice
    (and no edits for ND); a public-domain mark grants it without conditions; a copyright
    holder with no licence reserves the rights. Otherwise no notice (``republishing`` None).
    """
    licence = licence_of_url(license_url) if license_url else None
    if licence == "public-domain" and license_url:
        clause = _fact("republishing", f"license: {license_url}")
        return Notice("allowed", ("any",), clauses=(clause,))
    if licence is not None and license_url:
        statement = f"license: {license_url}"
        fields = ["republishing", "credit_source", "license_notice"]
        nd = "-nd" in licence
        fields += ["no_modification"] if nd else []
        allowed, needing = settle([], [], licence=licence, own_grant=False)
        return Notice(
            "allowed-with-conditions",
            allowed,
            needing,
            requires=Requires(credit_source=True, license_notice=licence, no_modification=nd),
            clauses=tuple(_fact(f, statement) for f in fields),
        )
    if rights:
        clause = _fact("republishing", f"copyright: {rights}")
        return Notice("permission-required", (), ("any",), clauses=(clause,))
    return Notice()


def with_page_licence(notice: Notice, license_url: str | None) -> Notice:
    """``notice`` with the licence it names made exact by the page's own licence address.

    A notice that says only "a Creative Commons licence", or names the elements without a
    version, takes the id of the deed the page links (``cc-by-nc-4.0``) when the two agree;
    an ND deed adds no edits, an NC one narrows a grant of ``any`` venue to ``non-commercial``.
    Any disagreement keeps the notice's own words.
    """
    named = notice.requires.license_notice
    page = licence_of_url(license_url) if license_url and named else None
    if not named or page is None or page == "public-domain" or page == named:
        return notice
    if named != "cc-unspecified" and not page.startswith(named + "-"):
        return notice
    requires = replace(
        notice.requires,
        license_notice=page,
        no_modification=notice.requires.no_modification or "-nd" in page,
    )
    allowed = notice.venues_allowed
    if "-nc" in page and "non-commercial" not in allowed:
        allowed = (*(v for v in allowed if v != "any"), "non-commercial")
    return replace(notice, requires=requires, venues_allowed=allowed)
