"""PAN text-alignment I/O: pairs files, detection XML, and the `compliance align` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import app
from compliance.errors import InputError
from compliance.pan import (
    align_pairs,
    detections_xml,
    output_name,
    read_detections,
    read_pairs,
    read_text,
)
from compliance.similarity.align import align

ROOT = Path(__file__).resolve().parents[1]

SOURCE = (
    "Officials in the coastal province announced a new programme to restore the salt marshes "
    "that protect farmland from winter storms. Volunteers will plant cordgrass along twelve "
    "kilometres of shore, and scientists from the university will measure how quickly the "
    "sediment builds up behind the new growth over the next five years.\r\n"
)
SUSPICIOUS = (
    "Ünïcode heading — with CRLF\r\n\r\nA different opening paragraph about regional weather.\r\n"
    + SOURCE
    + "Closing remarks.\r\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "susp").mkdir()
    (tmp_path / "src" / "source-document00001.txt").write_bytes(SOURCE.encode())
    (tmp_path / "susp" / "suspicious-document00001.txt").write_bytes(SUSPICIOUS.encode())
    (tmp_path / "pairs").write_text("suspicious-document00001.txt source-document00001.txt\n")
    return tmp_path


def test_read_text_keeps_carriage_returns() -> None:
    assert "\r\n" in SUSPICIOUS


def test_output_file_is_named_after_both_stems() -> None:
    name = output_name("suspicious-document00001.txt", "source-document00002.txt")
    assert name == "suspicious-document00001-source-document00002.xml"


def test_detection_xml_round_trips(tmp_path: Path) -> None:
    passages = align(SOURCE, SUSPICIOUS)
    path = tmp_path / "d.xml"
    path.write_text(detections_xml("susp.txt", "src.txt", passages), encoding="utf-8")
    (d,) = read_detections(path)
    (p,) = passages
    assert (d.this_offset, d.this_length) == (p.copy.start, p.copy.length)
    assert (d.source_offset, d.source_length) == (p.original.start, p.original.length)


def test_align_pairs_writes_offsets_in_characters_of_the_undecoded_newlines(corpus: Path) -> None:
    out = corpus / "out"
    list(align_pairs(read_pairs(corpus / "pairs"), corpus / "src", corpus / "susp", out))
    (d,) = read_detections(out / "suspicious-document00001-source-document00001.xml")
    susp = read_text(corpus / "susp" / "suspicious-document00001.txt")
    src = read_text(corpus / "src" / "source-document00001.txt")
    assert susp[d.this_offset : d.this_offset + d.this_length].startswith("Officials")
    assert (
        susp[d.this_offset : d.this_offset + d.this_length]
        == src[d.source_offset : d.source_offset + d.source_length]
    )


def test_a_pairs_line_with_three_names_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "pairs"
    bad.write_text("a.txt b.txt c.txt\n")
    with pytest.raises(InputError, match="line 1"):
        read_pairs(bad)


def test_malformed_detection_xml_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.xml"
    bad.write_text("<document><feature")
    with pytest.raises(InputError, match=r"x\.xml"):
        read_detections(bad)


def test_align_command_writes_one_xml_per_pair(corpus: Path) -> None:
    out = corpus / "out"
    result = CliRunner().invoke(
        app, ["align", str(corpus / "pairs"), str(corpus / "src"), str(corpus / "susp"), str(out)]
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["suspicious-document00001-source-document00001.xml"]


def test_align_command_with_two_jobs_matches_one_job(corpus: Path) -> None:
    (corpus / "pairs").write_text(
        "suspicious-document00001.txt source-document00001.txt\n" * 3, encoding="utf-8"
    )
    for jobs, out in (("1", "one"), ("2", "two")):
        args = ["align", "--jobs", jobs, str(corpus / "pairs"), str(corpus / "src")]
        result = CliRunner().invoke(app, [*args, str(corpus / "susp"), str(corpus / out)])
        assert result.exit_code == 0, result.output
    name = "suspicious-document00001-source-document00001.xml"
    assert (corpus / "one" / name).read_text() == (corpus / "two" / name).read_text()


def test_align_command_on_a_missing_document_exits_2_with_one_line(corpus: Path) -> None:
    (corpus / "pairs").write_text("suspicious-document00001.txt source-missing.txt\n")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "compliance",
            "align",
            str(corpus / "pairs"),
            str(corpus / "src"),
            str(corpus / "susp"),
            str(corpus / "out"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "source-missing.txt" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
