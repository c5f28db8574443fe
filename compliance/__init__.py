"""compliance: check republished articles against their original's terms."""

__version__ = "0.1.0"
"""The release; pyproject.toml reads it from here, so reports and the installed metadata agree
without importing importlib.metadata (email, zipfile, csv) at run time."""

__all__ = ["__version__"]
