"""Every distribution the package imports is declared in pyproject.toml, so a new machine has it."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "compliance"


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str:
    return _normalise(re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0])


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {_requirement_name(r) for r in project["dependencies"]}
    for extra in project.get("optional-dependencies", {}).values():
        names |= {_requirement_name(r) for r in extra}
    return names


def _imported_top_levels(folder: Path) -> dict[str, set[str]]:
    """Top-level module -> the files importing it, for absolute imports outside the stdlib."""
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in {"compliance", "__future__"}:
                    found.setdefault(top, set()).add(str(path.relative_to(folder)))
    return found


def test_every_imported_distribution_is_declared_in_pyproject() -> None:
    declared = _declared()
    owners = importlib.metadata.packages_distributions()
    undeclared = {
        module: sorted(files)
        for module, files in _imported_top_levels(PACKAGE).items()
        if not {_normalise(d) for d in owners.get(module, [module])} & declared
    }
    assert undeclared == {}, f"imported but not declared in pyproject.toml: {undeclared}"


def test_the_finder_reports_an_undeclared_import(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text("import json\nimport yaml\nfrom rapidfuzz import fuzz\n")
    assert set(_imported_top_levels(tmp_path)) == {"yaml", "rapidfuzz"}
