"""PAN text-alignment I/O: pairs files in, detection XML out (PAN 2012-2015 format).

A PAN pairs file has one ``suspicious-file source-file`` pair per line. For each pair the
aligner writes ``<susp-stem>-<src-stem>.xml``; offsets and lengths count characters of the
UTF-8-decoded files read with no newline translation (``newline=""``), as PAN's ground truth does.
The source document plays the *original*, the suspicious document the *copy*, and the alignment
is the very :func:`compliance.similarity.align.align` that ``compliance check`` uses.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from .errors import InputError
from .fileio import write_atomic
from .model import Passage
from .similarity.align import AlignParams, align

__all__ = [
    "Detection",
    "align_pair",
    "align_pairs",
    "detections_xml",
    "output_name",
    "read_detections",
    "read_pairs",
    "read_text",
]


@dataclass(frozen=True)
class Detection:
    """One ``detected-plagiarism`` feature: a span of the suspicious and of the source document."""

    this_offset: int
    this_length: int
    source_offset: int
    source_length: int


def read_pairs(path: str | Path) -> list[tuple[str, str]]:
    """The ``(suspicious, source)`` file names of a PAN pairs file; blank lines are skipped.

    Raises:
        InputError: if the file cannot be read or a line does not hold exactly two names.
    """
    text = read_text(path)
    pairs: list[tuple[str, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 2:
            raise InputError(f"line {n}: expected 'suspicious-file source-file'", source=str(path))
        pairs.append((parts[0], parts[1]))
    return pairs


def read_text(path: str | Path) -> str:
    """A file's text decoded as UTF-8 with newlines kept exactly as stored.

    Raises:
        InputError: if the file is missing, a directory, or not UTF-8.
    """
    p = Path(path)
    try:
        with p.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError("no such file", source=str(p)) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", source=str(p)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", source=str(p)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=str(p)) from None


def output_name(susp: str, src: str) -> str:
    """PAN's detection file name for a pair: ``<susp-stem>-<src-stem>.xml``."""
    return f"{Path(susp).stem}-{Path(src).stem}.xml"


def detections_xml(susp: str, src: str, passages: Iterable[Passage]) -> str:
    """The PAN detection document for one pair (source = original, suspicious = copy)."""
    root = ET.Element("document", reference=Path(susp).name)
    for p in passages:
        ET.SubElement(
            root,
            "feature",
            name="detected-plagiarism",
            this_offset=str(p.copy.start),
            this_length=str(p.copy.length),
            source_reference=Path(src).name,
            source_offset=str(p.original.start),
            source_length=str(p.original.length),
        )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def read_detections(path: str | Path) -> list[Detection]:
    """The ``detected-plagiarism`` (or ground-truth ``plagiarism``) features of a PAN XML file.

    Raises:
        InputError: if the file is not well-formed XML or an offset is not an integer.
    """
    try:
        root = ET.fromstring(read_text(path))
    except ET.ParseError as exc:
        raise InputError(f"not well-formed XML: {exc}", source=str(path)) from None
    out: list[Detection] = []
    for feat in root.iter("feature"):
        if feat.get("name") not in ("detected-plagiarism", "plagiarism"):
            continue
        try:
            out.append(
                Detection(
                    *(
                        int(feat.get(key, ""))
                        for key in ("this_offset", "this_length", "source_offset", "source_length")
                    )
                )
            )
        except ValueError:
            raise InputError(
                "feature with a missing or non-integer offset", source=str(path)
            ) from None
    return out


def align_pair(
    susp_path: str | Path, src_path: str | Path, params: AlignParams | None = None
) -> list[Passage]:
    """Align one PAN pair: the source is the original, the suspicious document the copy."""
    return align(read_text(src_path), read_text(susp_path), params)


def _job(args: tuple[str, str, str, str, str, AlignParams | None]) -> str:
    susp, src, src_dir, susp_dir, out_dir, params = args
    passages = align_pair(Path(susp_dir) / susp, Path(src_dir) / src, params)
    name = output_name(susp, src)
    write_atomic(Path(out_dir) / name, detections_xml(susp, src, passages))
    return name


def align_pairs(
    pairs: Sequence[tuple[str, str]],
    src_dir: str | Path,
    susp_dir: str | Path,
    out_dir: str | Path,
    *,
    jobs: int = 1,
    params: AlignParams | None = None,
) -> Iterator[str]:
    """Align every pair and write its XML into ``out_dir``; yields each file name as written.

    Raises:
        ValueError: if ``jobs`` is less than 1.
        InputError: if a directory or a document is missing or unreadable.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1 (got {jobs})")
    for label, d in (("source directory", src_dir), ("suspicious directory", susp_dir)):
        if not Path(d).is_dir():
            raise InputError(f"{label} not found or not a directory", source=str(d))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    work = [(s, o, str(src_dir), str(susp_dir), str(out_dir), params) for s, o in pairs]
    if jobs == 1 or len(work) < 2:
        yield from map(_job, work)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, os.cpu_count() or 1)) as pool:
        yield from pool.map(_job, work, chunksize=16)
