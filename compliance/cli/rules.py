"""`compliance rules list|show|validate|detect`: read, check and apply the terms library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .common import emit, fail, output_option


@click.group("rules", no_args_is_help=True)
def command() -> None:
    """The terms library: list, show, validate rule files, detect an original's terms."""


rules_option = click.option(
    "--rules",
    type=click.Path(path_type=Path),
    multiple=True,
    help="Extra rule folder or file (overrides built-ins by id).",
)


def _library(rules: tuple[Path, ...]) -> dict[str, object]:
    from ..config import load_config
    from ..terms import load_library

    config = load_config(Path.cwd())
    return dict(load_library(rules + tuple(config.rules_dirs)))


@command.command("list")
@rules_option
def list_rules(rules: tuple[Path, ...]) -> None:
    """List every set of terms: id, name, whether it licenses copies, how it is recognised."""
    from rich.console import Console
    from rich.table import Table

    from ..errors import ComplianceError
    from ..model import Terms

    try:
        library = _library(rules)
    except ComplianceError as exc:
        fail(str(exc))
    table = Table(title="Republishing terms")
    for column in ("id", "name", "licensed", "requirements", "recognised by"):
        table.add_column(column, overflow="fold")
    for terms in library.values():
        assert isinstance(terms, Terms)
        d = terms.detect
        how = ", ".join(
            part
            for part in (
                f"{len(d.domains)} domain(s)" if d.domains else "",
                f"{len(d.phrases)} phrase(s)" if d.phrases else "",
                "licence link" if d.license_urls else "",
            )
            if part
        )
        table.add_row(
            terms.id,
            terms.name,
            "yes" if terms.licensed else "no",
            str(len(terms.requirements)),
            how or "default",
        )
    Console(width=max(Console().width, 120)).print(table)


@command.command("show")
@click.argument("terms_id", metavar="[ID]", required=False)
@rules_option
@click.option(
    "--from",
    "original",
    type=click.Path(path_type=Path),
    help="Write the terms ORIGINAL's own notice states as a rule file (YAML) instead.",
)
@output_option("Write the rule file (or the description) here (atomic).", short="-o")
def show(
    terms_id: str | None, rules: tuple[Path, ...], original: Path | None, output: Path | None
) -> None:
    """Say in plain words what a set of terms demands, or (--from) write an original's as YAML."""
    from ..errors import ComplianceError
    from ..model import Terms
    from ..terms.describe import describe_terms

    if original is not None:
        _show_from(original, output)
        return
    if terms_id is None:
        fail("give a terms ID, or --from ORIGINAL")
    try:
        library = _library(rules)
    except ComplianceError as exc:
        fail(str(exc))
    terms = library.get(terms_id)
    if not isinstance(terms, Terms):
        fail(f"unknown terms {terms_id!r} (expected one of {', '.join(library)})")
    emit("\n".join(describe_terms(terms)), output)


def _show_from(original: Path, output: Path | None) -> None:
    from ..config import load_config
    from ..documents import load_path
    from ..documents.attribution import extract_attribution
    from ..errors import ComplianceError
    from ..terms.notice_rule import find_notice, rule_data, rule_yaml

    try:
        doc = load_path(original, limits=load_config(Path.cwd()).limits)
        notice, _ = find_notice(doc)
        if notice.republishing is None:
            fail(f"{original}: no republishing notice found")
        text = rule_yaml(rule_data(notice, extract_attribution(doc), str(original)), str(original))
        emit(text, output)
    except ComplianceError as exc:
        fail(str(exc))


@command.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Check rule files and clause-pattern files (rules/notices/) and print every problem as
    file:line: message; exit 1 if any.

    PATHS are rule files or folders (default: the built-ins and the configured folders).
    """
    from ..config import load_config
    from ..errors import ComplianceError
    from ..terms.library import builtin_rules_dir, validate_paths
    from ..terms.patterns import builtin_patterns_dir, is_patterns, validate_pattern_paths

    try:
        targets = list(paths or [builtin_rules_dir(), *load_config(Path.cwd()).rules_dirs])
        if not paths:
            targets.append(builtin_patterns_dir())
        patterns = [p for p in targets if is_patterns(p)]
        count, messages = validate_paths([p for p in targets if not is_patterns(p)])
        pattern_count, pattern_messages = validate_pattern_paths(patterns)
        count += pattern_count
        messages += pattern_messages
    except ComplianceError as exc:
        fail(str(exc))
    for message in messages:
        click.echo(message)
    if messages:
        problems = "problem" if len(messages) == 1 else "problems"
        click.echo(f"{len(messages)} {problems} in {_files(count)}", err=True)
        sys.exit(1)
    click.echo(f"{_files(count)} valid")


def _files(count: int) -> str:
    return f"{count} rule file" if count == 1 else f"{count} rule files"


@command.command("detect")
@click.argument("original", type=click.Path(path_type=Path))
@rules_option
@click.option("--terms", "terms_id", help="Force these terms (reported as 'flag').")
@click.option("--format", "fmt", default="text", show_default=True, help="text or json.")
@click.option(
    "--catalogue-only", is_flag=True, help="Ignore the original's own notice (a baseline)."
)
def detect(
    original: Path,
    rules: tuple[Path, ...],
    terms_id: str | None,
    fmt: str,
    catalogue_only: bool,
) -> None:
    """Say which terms govern ORIGINAL (an article in HTML, Markdown or text, or a notice), why,
    and what they demand, quoting the notice."""
    from ..config import load_config
    from ..documents import load_path
    from ..documents.attribution import extract_attribution
    from ..errors import ComplianceError
    from ..terms import load_library, resolve_terms
    from ..terms.detection import detection, detection_lines

    if fmt not in ("text", "json"):
        fail(f"--format must be text or json (got {fmt!r})")
    try:
        config = load_config(Path.cwd())
        library = load_library(rules + tuple(config.rules_dirs))
        doc = load_path(original, limits=config.limits)
        choice, terms = resolve_terms(
            doc,
            extract_attribution(doc),
            library,
            flag=terms_id,
            domain_map=config.domain_map,
            own_notice=not catalogue_only,
        )
        result = detection(doc, choice, terms, own_notice=not catalogue_only)
    except ComplianceError as exc:
        fail(str(exc))
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(detection_lines(result, str(original))))
