"""Text from documents made safe to print on a terminal.

Titles, names and origins come from documents; printed raw, an ESC sequence in one can clear
the screen, retitle the window, move the cursor over earlier lines or hide a finding. rich
passes ESC through even for ``Text``, so every string is stripped before it is printed.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

__all__ = ["printable", "strip_controls"]

# C0 controls but tab and newline, DEL and the C1 controls (0x9b is a one-byte CSI).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """``text`` without control characters (tab and newline kept).

    Example:
        >>> strip_controls("Title\\x1b[2J\\x07")
        'Title[2J'
    """
    return _CONTROL.sub("", text)


def printable(value: Any) -> Any:
    """``value`` (a report, or anything in one) with every string it holds stripped."""
    if isinstance(value, str):
        return strip_controls(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: printable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    if isinstance(value, (tuple, list)):
        return type(value)(printable(v) for v in value)
    if isinstance(value, dict):
        return {printable(k): printable(v) for k, v in value.items()}
    return value
