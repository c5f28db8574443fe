"""Start-up speed for short-lived processes: import only the part of datasketch a check needs.

datasketch's package ``__init__`` imports every sketch it ships, and ``MinHashLSH`` pulls in
``scipy.integrate`` (with scipy.optimize, scipy.special, ...): about half a second of CPU before
the first line of a check runs. Comparing a pair needs only ``MinHash``/``LeanMinHash`` (numpy),
so `speedup_imports` serves those names from their own modules and leaves the rest to load on
first use. `single_threaded_blas` saves the start of OpenBLAS's thread pool (numpy starts one
thread per core at import), which this tool never uses. The CLI entry point calls both once,
before any command imports anything heavy.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types
from typing import Any

__all__ = ["single_threaded_blas", "speedup_imports"]

# name -> datasketch submodule that defines it without importing the package's other sketches
_FAST_DATASKETCH = {
    "MinHash": "minhash",
    "LeanMinHash": "lean_minhash",
    "sha1_hash32": "hashfunc",
    "sha1_hash64": "hashfunc",
}
# dunders only the real __init__ defines; other missing dunders are probes that must not load it
_REAL_DUNDERS = {"__all__", "__version__"}


def speedup_imports() -> None:
    """Make ``import datasketch`` lazy for this process (PEP 562); a no-op once it is loaded.

    Names other than MinHash, LeanMinHash and the hash functions (``MinHashLSH``, ``__all__``,
    ``__version__``, ...) run the real package ``__init__`` on first access, so every caller
    still sees the whole datasketch API. Safe to call more than once.
    """
    if "datasketch" in sys.modules:
        return
    spec = importlib.util.find_spec("datasketch")
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        return
    module = types.ModuleType("datasketch")
    module.__spec__ = spec
    module.__file__ = spec.origin
    module.__path__ = list(spec.submodule_search_locations)
    module.__package__ = "datasketch"
    loader = spec.loader

    def __getattr__(name: str) -> Any:
        if name in _FAST_DATASKETCH:
            submodule = importlib.import_module(f"datasketch.{_FAST_DATASKETCH[name]}")
            return getattr(submodule, name)
        if name.startswith("__") and name not in _REAL_DUNDERS:
            raise AttributeError(name)
        del module.__getattr__  # run the real __init__ once, then plain attribute access
        loader.exec_module(module)
        return getattr(module, name)

    module.__getattr__ = __getattr__  # type: ignore[attr-defined]
    sys.modules["datasketch"] = module


def single_threaded_blas() -> None:
    """Ask OpenBLAS for one thread unless the user chose a number (``OPENBLAS_NUM_THREADS``).

    numpy's OpenBLAS starts a pool of threads at import, about 50 ms of CPU on a 2-core machine.
    MinHash and the index use integer array operations, never BLAS, so the pool only costs.
    Child processes (scan workers) inherit the setting, which also avoids oversubscription.
    Must run before numpy is imported; afterwards it changes nothing.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
