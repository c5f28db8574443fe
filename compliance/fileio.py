"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


def _read_umask() -> int:
    # os.umask can only be read by setting it; done once at import, before any thread starts.
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_NEW_FILE_MODE = 0o666 & ~_read_umask()


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or what a plain open() would give a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return _NEW_FILE_MODE


@contextlib.contextmanager
def open_atomic(path: str | Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A handle on a temporary file beside ``path``, renamed over it only on success.

    Text handles write UTF-8 with no newline translation; ``binary`` gives a bytes handle.

    If the block raises, ``path`` keeps its old content and the temporary file is removed, so a
    half-written report or index export never replaces a good one. If the process is killed
    outright, ``path`` is still untouched but a stray ``.<name>.*.tmp`` file may stay beside it.
    """
    import tempfile  # (with shutil, bz2, lzma...) only for a command that writes

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # Wrap the descriptor first, so whatever fails later (chmod included) still closes it.
        handle: IO[Any]
        try:
            handle = (
                os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
            )
        except BaseException:
            os.close(fd)
            raise
        with handle:
            os.chmod(tmp, _mode_for(target))
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, as UTF-8."""
    with open_atomic(path) as handle:
        handle.write(text)
