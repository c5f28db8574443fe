"""compliance: check republished articles against their original's terms."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("compliance")
except PackageNotFoundError:  # running from a checkout that is not installed
    __version__ = "0.0.0+local"

__all__ = ["__version__"]
