"""Accuracy of `compliance` on the PAN13 text-alignment data, with baselines, in one command.

    python bench/accuracy/run.py [--split report|tune|all] [--limit N] [--jobs 2]
                                 [--set seed_k=2 --set merge_gap=30 ...] [--json FILE]

Reads ``../shared/data/pan13`` beside the repository root (or ``--data``). The suspicious
documents are split in two halves, fixed for ever by the first byte of the SHA-256 of the
suspicious file name (even: ``tune``, odd: ``report``); the defaults of AlignParams were tuned on
``tune`` and the published figures are from ``report``. ``--limit N`` takes the N pairs of the
split with the smallest SHA-256 of "copy original" (a fixed sample that mixes the subsets).
``--detections DIR`` scores the XML files written by ``compliance align`` instead of aligning.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from baselines import minhash_jaccard, naive_align  # noqa: E402
from measures import Case, precision_recall, roc_auc, score  # noqa: E402

from compliance.pan import output_name, read_detections, read_text  # noqa: E402
from compliance.similarity import (  # noqa: E402
    DEFAULT_MIN_CONTAINMENT,
    MIN_COPY_RUN,
    AlignParams,
    compare,
    is_copy,
)

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "pan13"
BASELINE_JACCARD = 0.02  # the MinHash-Jaccard baseline's threshold, chosen on the tune half
NEGATIVE = "01-no-plagiarism"


def split_of(copy_file: str) -> str:
    """``tune`` or ``report``: the fixed half a suspicious document belongs to."""
    return (
        "tune" if hashlib.sha256(Path(copy_file).name.encode()).digest()[0] % 2 == 0 else "report"
    )


def load_rows(data: Path, split: str, limit: int | None) -> list[dict[str, Any]]:
    """The pairs of one split (or all), optionally a fixed sample of ``limit`` of them."""
    rows = [
        json.loads(line)
        for line in (data / "pairs.jsonl").read_text(encoding="utf-8").splitlines()
        if line
    ]
    if split != "all":
        rows = [r for r in rows if split_of(r["copy_file"]) == split]
    if limit is not None:
        rows = sorted(rows, key=lambda r: _digest(_pair_id(r)))[:limit]
    return rows


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _pair_id(row: dict[str, Any]) -> str:
    return f"{Path(row['copy_file']).name} {Path(row['original_file']).name}"


def evaluate_pair(task: tuple[Path, dict[str, Any], AlignParams, Path | None]) -> dict[str, Any]:
    """Align one pair with `compliance` and the baselines; detections as (this, src) spans."""
    data, row, params, det_dir = task
    original = read_text(data / row["original_file"])
    copy = read_text(data / row["copy_file"])
    started = time.perf_counter()
    comparison = compare(original, copy, params)
    seconds = time.perf_counter() - started
    if det_dir is not None:
        found = read_detections(det_dir / output_name(row["copy_file"], row["original_file"]))
        ours = [(d.this_offset, d.this_length, d.source_offset, d.source_length) for d in found]
    else:
        ours = [
            (p.copy.start, p.copy.length, p.original.start, p.original.length)
            for p in comparison.passages
        ]
    naive = [(cs, ce - cs, os_, oe - os_) for os_, oe, cs, ce in naive_align(original, copy)]
    return {
        "pair": _pair_id(row),
        "subset": row["subset"],
        "is_reuse": row["is_reuse"],
        "truth": [
            (o["copy_offset"], o["copy_length"], o["orig_offset"], o["orig_length"])
            for o in row["offsets"]
        ],
        "ours": ours,
        "naive": naive,
        "containment": comparison.containment,
        "copy": is_copy(comparison),
        "any_passage": bool(comparison.passages),
        "jaccard": minhash_jaccard(original, copy),
        "seconds": seconds,
    }


def _cases(results: Sequence[dict[str, Any]], key: str) -> list[Case]:
    return [Case(r["pair"], *span) for r in results for span in r[key]]


def _scores(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    truth = _cases(results, "truth")
    return {
        "pairs": len(results),
        "ours": dataclasses.asdict(score(truth, _cases(results, "ours"))),
        "naive": dataclasses.asdict(score(truth, _cases(results, "naive"))),
        "negatives_with_detections": {
            "ours": sum(1 for r in results if not r["is_reuse"] and r["ours"]),
            "naive": sum(1 for r in results if not r["is_reuse"] and r["naive"]),
            "of": sum(1 for r in results if not r["is_reuse"]),
        },
    }


def evaluate(
    data: Path,
    split: str,
    limit: int | None,
    jobs: int,
    params: AlignParams,
    det_dir: Path | None = None,
) -> dict[str, Any]:
    """Every figure of docs/accuracy.md for one split."""
    rows = load_rows(data, split, limit)
    tasks = [(data, row, params, det_dir) for row in rows]
    started = time.perf_counter()
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(evaluate_pair, tasks, chunksize=8))
    else:
        results = [evaluate_pair(t) for t in tasks]
    wall = time.perf_counter() - started
    labels = [r["is_reuse"] for r in results]
    figures: dict[str, Any] = {
        "split": split,
        "limit": limit,
        "params": dataclasses.asdict(params),
        "wall_seconds": round(wall, 1),
        "compare_ms_mean": round(
            1000 * sum(r["seconds"] for r in results) / max(1, len(results)), 1
        ),
        "compare_ms_max": round(1000 * max((r["seconds"] for r in results), default=0.0), 1),
        "overall": _scores(results),
        "subsets": {
            s: _scores([r for r in results if r["subset"] == s])
            for s in sorted({r["subset"] for r in results})
        },
    }
    if 0 < sum(labels) < len(labels):
        p, rc = precision_recall([r["copy"] for r in results], labels)
        ap, ar = precision_recall([r["any_passage"] for r in results], labels)
        cp, cr = precision_recall(
            [r["copy"] or r["containment"] >= DEFAULT_MIN_CONTAINMENT for r in results], labels
        )
        bp, br = precision_recall([r["jaccard"] >= BASELINE_JACCARD for r in results], labels)
        figures["decision"] = {
            "auc_containment": roc_auc([r["containment"] for r in results], labels),
            "auc_minhash_jaccard": roc_auc([r["jaccard"] for r in results], labels),
            "min_containment": DEFAULT_MIN_CONTAINMENT,
            "precision": p,
            "recall": rc,
            "any_passage_precision": ap,
            "any_passage_recall": ar,
            "containment_or_passage_precision": cp,
            "containment_or_passage_recall": cr,
            "baseline_jaccard_threshold": BASELINE_JACCARD,
            "baseline_precision": bp,
            "baseline_recall": br,
        }
    return figures


_HEAD = (
    "| subset | pairs | plagdet | precision | recall | granularity "
    "| naive 5-gram plagdet | negatives with detections |"
)


def table(fig: dict[str, Any]) -> str:
    """The figures as a Markdown table, `compliance` beside the naive 5-gram baseline."""
    lines = [_HEAD, "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, s in [*fig["subsets"].items(), ("**overall**", fig["overall"])]:
        o, n, neg = s["ours"], s["naive"], s["negatives_with_detections"]
        keys = ("plagdet", "precision", "recall", "granularity")
        cells = [f"{o[k]:.3f}" for k in keys] + [f"{n['plagdet']:.3f}"] if o["cases"] else ["–"] * 5
        negs = f"{neg['ours']} of {neg['of']} (naive {neg['naive']})" if neg["of"] else "–"
        lines.append(f"| {name} | {s['pairs']} | " + " | ".join(cells) + f" | {negs} |")
    d = fig.get("decision")
    if d:
        lines += [
            "",
            "| copy / not-a-copy decision | ROC AUC | threshold | precision | recall |",
            "|---|---:|---:|---:|---:|",
            f"| a verbatim passage or a run of {MIN_COPY_RUN} (`compliance`, `is_copy`) | – "
            f"| – | {d['precision']:.3f} | {d['recall']:.3f} |",
            f"| any passage (before the seventh round) | – | – "
            f"| {d['any_passage_precision']:.3f} | {d['any_passage_recall']:.3f} |",
            f"| a passage or containment (`--min-containment`) | {d['auc_containment']:.3f} "
            f"| {d['min_containment']} | {d['containment_or_passage_precision']:.3f} "
            f"| {d['containment_or_passage_recall']:.3f} |",
            f"| MinHash Jaccard (baseline) | {d['auc_minhash_jaccard']:.3f} "
            f"| {d['baseline_jaccard_threshold']} | {d['baseline_precision']:.3f} "
            f"| {d['baseline_recall']:.3f} |",
        ]
    lines += [
        "",
        f"{fig['overall']['pairs']} pairs, split `{fig['split']}`; wall {fig['wall_seconds']} s; "
        f"compare() mean {fig['compare_ms_mean']} ms, max {fig['compare_ms_max']} ms per pair.",
    ]
    return "\n".join(lines)


def _params(settings: Sequence[str]) -> AlignParams:
    kwargs: dict[str, Any] = {}
    types = {f.name: f.type for f in dataclasses.fields(AlignParams)}
    for item in settings:
        name, _, value = item.partition("=")
        if name not in types:
            raise SystemExit(
                f"run.py: unknown AlignParams field {name!r} (known: {', '.join(types)})"
            )
        kwargs[name] = float(value) if types[name] in ("float", float) else int(value)
    return AlignParams(**kwargs)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("report", "tune", "all"), default="report")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--set", dest="settings", action="append", default=[], metavar="FIELD=VALUE")
    ap.add_argument(
        "--detections", type=Path, default=None, help="score `compliance align` XML from DIR"
    )
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = ap.parse_args(argv)
    if not (args.data / "pairs.jsonl").is_file():
        print(f"run.py: no PAN13 data at {args.data} (expected pairs.jsonl)", file=sys.stderr)
        return 2
    fig = evaluate(
        args.data, args.split, args.limit, args.jobs, _params(args.settings), args.detections
    )
    print(table(fig))
    if args.json:
        args.json.write_text(json.dumps(fig, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
