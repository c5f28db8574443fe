"""The fast structure check (fastjsonschema) agrees with the full one (jsonschema)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from compliance.terms.structure import _plain, conforms, rule_file_schema
from compliance.terms.yamlload import load_yaml

ROOT = Path(__file__).resolve().parents[1]
MALFORMED = ("malformed.yaml", "tabs.yaml")  # fixtures the YAML loader rejects: nothing to validate
RULE_FILES = [
    path
    for path in sorted((ROOT / "rules").glob("*.yaml"))
    + sorted((ROOT / "tests" / "data" / "rules").rglob("*.yaml"))
    if path.name not in MALFORMED
]
ODD_VALUES: tuple[Any, ...] = (None, 42, True, "", " ", "x", [], [1], {}, {"x": 1})


def _variants(data: Any) -> Iterator[Any]:
    """``data`` itself, then each value of each mapping (to depth 3) replaced by odd values."""
    yield data
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        for odd in ODD_VALUES:
            yield {**data, key: odd}
        if isinstance(value, dict):
            for inner in _variants(value):
                yield {**data, key: inner}
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for inner in _variants(value[0]):
                yield {**data, key: [inner, *value[1:]]}
    yield {**data, "unknown-key": 1}


def _full_verdict(data: Any) -> bool:
    validator = jsonschema.Draft202012Validator(rule_file_schema())
    return not any(validator.iter_errors(data))


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fast_and_full_validators_agree_on_a_rule_file_and_its_mutations(path: Path) -> None:
    data = _plain(load_yaml(path.read_text(encoding="utf-8")))
    disagreements = [v for v in _variants(data) if conforms(v) != _full_verdict(v)]
    assert disagreements == []


def test_loading_a_well_formed_rule_file_does_not_import_jsonschema() -> None:
    code = (
        "import sys; from compliance.terms.library import load_library; load_library(); "
        "print('jsonschema' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.strip() == "False", done.stderr
