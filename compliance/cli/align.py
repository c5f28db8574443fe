"""`compliance align`: PAN's text-alignment interface over the same aligner `check` uses."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("align")
@click.argument("pairs", type=click.Path(path_type=Path))
@click.argument("src_dir", type=click.Path(path_type=Path))
@click.argument("susp_dir", type=click.Path(path_type=Path))
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, help="Worker processes.")
def command(pairs: Path, src_dir: Path, susp_dir: Path, out_dir: Path, jobs: int) -> None:
    """Align PAN text-alignment PAIRS ('susp-file src-file' per line) and write PAN detection
    XML into OUT_DIR, one <susp>-<src>.xml file per pair."""
    from ..pan import align_pairs, read_pairs

    listed = read_pairs(pairs)
    written = sum(1 for _ in align_pairs(listed, src_dir, susp_dir, out_dir, jobs=jobs))
    click.echo(f"aligned {written} pairs into {out_dir}", err=True)
