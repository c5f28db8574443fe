"""`compliance align`: PAN's text-alignment interface over the same aligner `check` uses."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def align_command(
    pairs: Annotated[Path, typer.Argument(help="PAN pairs file: 'susp-file src-file' per line.")],
    src_dir: Annotated[Path, typer.Argument(help="Folder of source documents (the originals).")],
    susp_dir: Annotated[Path, typer.Argument(help="Folder of suspicious documents (the copies).")],
    out_dir: Annotated[Path, typer.Argument(help="Folder for <susp>-<src>.xml detection files.")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
) -> None:
    """Align PAN text-alignment pairs and write PAN detection XML, one file per pair."""
    from ..pan import align_pairs, read_pairs

    listed = read_pairs(pairs)
    written = sum(1 for _ in align_pairs(listed, src_dir, susp_dir, out_dir, jobs=jobs))
    typer.echo(f"aligned {written} pairs into {out_dir}", err=True)


def register(app: typer.Typer) -> None:
    app.command("align")(align_command)
