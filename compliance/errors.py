"""One error tree. The CLI turns any ComplianceError into a one-line message and exit status 2."""

from __future__ import annotations


class ComplianceError(Exception):
    """Root of every error the tool reports to a user instead of a traceback."""

    def __init__(self, message: str, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(ComplianceError):
    """A document could not be read: missing, a directory, empty, binary, too big, undecodable."""


class RuleFileError(ComplianceError):
    """A rule file is malformed or invalid; ``source`` is 'path:line'."""


class ConfigError(ComplianceError):
    """The project config (compliance.yaml or [tool.compliance]) is malformed or invalid."""


class IndexFileError(ComplianceError):
    """An index is not an index, is from a newer schema version, or is corrupt."""


class ReportError(ComplianceError):
    """A saved report cannot be read back (not JSON, wrong schema version)."""


def shown(value: object, width: int = 60) -> str:
    """``repr(value)`` cut to ``width`` characters, for messages about hostile input.

    A message says what was received, but a 200 KB value must not become a 200 KB line.

    >>> shown("x" * 100, 12)
    "'xxxxxxxxxx…"
    """
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def exception_text(exc: BaseException) -> str:
    """An unexpected exception in one line: ``RuntimeError: boom`` (its type alone when silent).

    The one wording of "what failed" in an internal error, wherever it is reported.
    """
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
