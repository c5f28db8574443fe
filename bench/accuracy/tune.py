"""Grid search of AlignParams on the *tune* half only (the report half is never looked at).

    python bench/accuracy/tune.py --limit 800 --grid seed_k=1,2 --grid merge_gap=20,40

Prints overall and per-subset plagdet for every combination, best last. The winner becomes the
defaults of ``compliance.similarity.align.AlignParams``; docs/accuracy.md records the search.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import DEFAULT_DATA, _params, evaluate


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=800)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--grid", action="append", default=[], metavar="FIELD=V1,V2,...")
    args = ap.parse_args(argv)
    axes = [(name, values.split(",")) for name, _, values in (g.partition("=") for g in args.grid)]
    results = []
    for combo in itertools.product(*(values for _, values in axes)):
        settings = [f"{name}={value}" for (name, _), value in zip(axes, combo, strict=True)]
        fig = evaluate(args.data, "tune", args.limit, args.jobs, _params(settings))
        subs = {
            k[:2]: v["ours"]["plagdet"] for k, v in fig["subsets"].items() if v["ours"]["cases"]
        }
        negs = fig["overall"]["negatives_with_detections"]["ours"]
        line = (
            f"{' '.join(settings):50} plagdet {fig['overall']['ours']['plagdet']:.4f} "
            + " ".join(f"{k}:{v:.3f}" for k, v in subs.items())
            + f" neg-det {negs}"
        )
        print(line, flush=True)
        results.append((fig["overall"]["ours"]["plagdet"], line))
    print("best:", max(results)[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
