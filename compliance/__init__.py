"""compliance: check republished articles against their original's terms."""

from functools import cache


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("compliance")
    except PackageNotFoundError:  # running from a checkout that is not installed
        return "0.0.0+local"


def __getattr__(name: str) -> str:
    """``compliance.__version__``, read from the installed metadata on first use (PEP 562).

    importlib.metadata loads email, zipfile and csv; a command that prints no report (help, a
    hook run on files it does not select) never needs it.
    """
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["__version__"]
