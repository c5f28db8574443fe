"""compliance: check republished articles against their original's terms."""

import os
import sys


def _installed_version() -> str:
    """This distribution's version, from its ``compliance-*.dist-info/METADATA`` on sys.path.

    Reports and the terms-library cache key need the version in every process. Importing
    importlib.metadata for it costs ~15 ms CPU (email, zipfile, csv ...), a tenth of the hook's
    start-up, so the common layout (a plain dist-info folder, as pip and editable installs make)
    is read directly; anything else falls back to importlib.metadata.
    """
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith("compliance-") and name.endswith(".dist-info"):
                try:
                    with open(os.path.join(entry or ".", name, "METADATA"), encoding="utf-8") as f:
                        for line in f:
                            if line.startswith("Version:"):
                                return line.partition(":")[2].strip()
                            if not line.strip():
                                break  # end of the headers
                except OSError:
                    pass
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("compliance")
    except PackageNotFoundError:  # running from a checkout that is not installed
        return "0.0.0+local"


__version__ = _installed_version()

__all__ = ["__version__"]
