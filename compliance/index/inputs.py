"""Turn command-line inputs (files, folders, globs, WARC files, URLs) into documents to process.

An input written as a URL (``https://...``) is kept as a string and downloaded by
``iter_documents`` (``documents.fetch``); a URL with another scheme is refused there, one line
naming it, like any other unreadable input.

Folders are walked for article files (HTML, Markdown, text) and WARC archives; hidden files and
other suffixes are skipped there, but a file named explicitly is always tried. A document that
cannot be loaded is yielded as its InputError so batch callers can report it and go on.

Patterns follow .gitignore rules, through pathspec (the matcher behind black, mypy and
pre-commit's ``files``): ``*`` stays inside one folder, ``**`` spans any number of them (none
included), ``[abc]`` and ``?`` as usual; the same rules on every platform, quoted or not. A file
whose own name the pattern's last part matches is taken as named; files under a folder the
pattern matches are filtered as in a folder walk.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from ..documents.warc import SkippedRecord, is_warc, iter_warc
from ..errors import ComplianceError, InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document

__all__ = [
    "DOCUMENT_SUFFIXES",
    "expand_inputs",
    "expand_pattern",
    "iter_documents",
    "iter_inputs",
]

DOCUMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".md", ".markdown", ".txt", ".text")


def _wanted(path: Path) -> bool:
    if any(part.startswith(".") for part in path.parts if part not in (".", "..")):
        return False
    return is_warc(path) or path.suffix.lower() in DOCUMENT_SUFFIXES


def _split_pattern(pattern: str) -> tuple[Path, str]:
    """The folder before the first wildcard, and the rest of the pattern (POSIX separators)."""
    parts = PurePosixPath(pattern.replace("\\", "/")).parts
    cut = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    return Path(*parts[:cut]) if cut else Path("."), "/".join(parts[cut:])


def expand_pattern(pattern: str) -> list[Path]:
    """Files a .gitignore-style pattern matches, sorted; ``[]`` when it matches none.

    Only folders the pattern can reach are walked (``*.md`` lists one folder, not the tree),
    and hidden ones only when the pattern names a hidden part itself.

    Raises:
        InputError: the pattern is not a valid glob (``compliance.globs``).
    """
    from ..globs import gitignore_spec, glob_problem

    base, rest = _split_pattern(pattern)
    if not base.is_dir():
        return []
    try:
        spec = gitignore_spec(["/" + rest])
    except ValueError:
        raise InputError(
            f"not a valid glob: {glob_problem(rest) or 'unreadable'}", pattern
        ) from None
    parts = rest.split("/")
    depth = None if "**" in parts else len(parts)  # folders below it cannot match
    hidden = any(part.startswith(".") for part in parts)
    found: list[Path] = []
    for folder, dirs, names in os.walk(base):
        here = Path(folder).relative_to(base)
        inside = spec.match_file(here.as_posix()) if here.parts else False
        dirs[:] = sorted(
            d
            for d in dirs
            if (hidden or not d.startswith("."))
            and (
                inside
                or depth is None
                or len(here.parts) + 1 < depth
                or spec.match_file((here / d).as_posix())
            )
        )
        for name in names:
            relative = here / name
            if (name.startswith(".") and not hidden) or not spec.match_file(relative.as_posix()):
                continue
            named = parts[-1] != "**" and fnmatch.fnmatchcase(name, parts[-1])
            if named or _wanted(relative):
                found.append(base / relative)
    return sorted(found)


def expand_inputs(inputs: Sequence[str | Path]) -> list[Path | str]:
    """Files (and URLs, as given) to read, in a stable order, without duplicates.

    Raises:
        InputError: if an input names nothing (a missing path or a glob matching no file).
    """
    from ..documents.fetch import is_url

    seen: set[Path | str] = set()
    out: list[Path | str] = []

    def keep(path: Path | str) -> None:
        if path not in seen:
            seen.add(path)
            out.append(path)

    for raw in inputs:
        text = str(raw)
        path = Path(text)
        if isinstance(raw, str) and is_url(text):  # before globbing: '?' starts a query here
            keep(text)
        elif path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                if _wanted(found.relative_to(path)):
                    keep(found)
        elif path.exists():
            keep(path)
        elif glob.has_magic(text):
            files = expand_pattern(text)
            if not files:
                raise InputError("no files match this pattern", text)
            for found in files:
                keep(found)
        else:
            raise InputError("no such file or folder", text)
    return out


def iter_documents(
    path: Path | str,
    *,
    max_bytes: int | None = None,
    allow_private: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Document | InputError]:
    """The documents in one input: one for an article or a URL, one per HTML record for a WARC.

    ``allow_private`` lets a URL redirect to a loopback, link-local or private address;
    ``limits`` bounds what each document may hold (``compliance.limits``).
    """
    for item in iter_inputs(path, max_bytes=max_bytes, allow_private=allow_private, limits=limits):
        if not isinstance(item, SkippedRecord):
            yield item


def iter_inputs(
    path: Path | str,
    *,
    max_bytes: int | None = None,
    allow_private: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Document | InputError | SkippedRecord]:
    """``iter_documents``, with the WARC records that are not pages to check (for counting)."""
    from ..documents import DEFAULT_MAX_BYTES, load_path
    from ..documents.fetch import fetch, is_url

    limit = max_bytes or DEFAULT_MAX_BYTES
    if isinstance(path, str) and is_url(path):
        try:
            yield fetch(path, max_bytes=limit, allow_private=allow_private, limits=limits)
        except ComplianceError as exc:
            yield exc if isinstance(exc, InputError) else InputError(exc.message, path)
        return
    if is_warc(path):
        try:
            yield from iter_warc(path, max_bytes=limit, limits=limits)
        except InputError as exc:
            yield exc
        return
    try:
        yield load_path(path, max_bytes=limit, limits=limits)
    except InputError as exc:
        yield exc
    except ComplianceError as exc:
        yield InputError(exc.message, exc.source or str(path))
