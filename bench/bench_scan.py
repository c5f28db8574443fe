"""Scale benchmark for the index and scan: build time, throughput, latency, memory, recall.

Generates archives of synthetic originals (Zipf-distributed vocabulary, lognormal lengths, as in
news text) and 10,000 copies of four kinds: verbatim (with a new intro and footer), lightly
edited (about 1 word in 20 changed or dropped, plus a new intro), excerpts of 150-300 words set
inside new text, and unrelated articles. For each archive size it measures:

- index build: fingerprint + compress + SQLite insert of every original (wall time);
- search build: reading all signatures back and building the containment search;
- query latency p50/p95 and recall of the true source for every copy, with the containment
  search and with the brute-force baseline (the same MinHash estimate against every original);
- scan throughput on a sample of copies, end to end as `scan` does it per candidate: fetch the
  stored original, rebuild it and run the full alignment (compliance.similarity.compare);
- peak memory (max RSS) and the search structure's size.

Run from a checkout:  python bench/bench_scan.py [--quick] [--sizes 1000,10000,100000]
Results are printed and written to bench/results/scan.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compliance.index import ContainmentSearch, fingerprint, make_entry, open_index  # noqa: E402
from compliance.model import Attribution, Document, TermsChoice  # noqa: E402
from compliance.similarity import compare, is_copy  # noqa: E402

VOCAB = 60_000
KINDS = ("verbatim", "edited", "excerpt", "unrelated")
_SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def vocabulary(seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pseudo-words and the cumulative Zipf (s=1.07) probabilities to draw them."""
    rng = np.random.default_rng(seed)
    words: set[str] = set()
    while len(words) < VOCAB:
        n = int(rng.integers(1, 5))
        words.add("".join(_SYLLABLES[i] for i in rng.integers(0, len(_SYLLABLES), n)))
    ranked = np.array(sorted(words, key=lambda w: (len(w), w)), dtype=object)
    weights = 1.0 / np.arange(1, VOCAB + 1) ** 1.07
    return ranked, np.cumsum(weights / weights.sum())


class Generator:
    """Fast text from the shared vocabulary; each call draws from its own seeded stream."""

    def __init__(self) -> None:
        self.words, self.cdf = vocabulary()

    def text(self, rng: np.random.Generator, n: int) -> list[str]:
        return list(self.words[np.searchsorted(self.cdf, rng.random(n))])

    def original(self, i: int) -> str:
        rng = np.random.default_rng(1_000_000 + i)
        n = int(np.clip(rng.lognormal(6.6, 0.45), 250, 3000))  # median ~735 words
        return _paragraphs(self.text(rng, n))


def _paragraphs(words: list[str], size: int = 60) -> str:
    return "\n\n".join(" ".join(words[i : i + size]) for i in range(0, len(words), size))


def _edit(rng: np.random.Generator, words: list[str], gen: Generator) -> list[str]:
    out: list[str] = []
    for w in words:
        r = rng.random()
        if r < 0.025:
            continue  # dropped
        out.append(gen.text(rng, 1)[0] if r < 0.05 else w)  # replaced
    return out


def make_copy(gen: Generator, j: int, n_originals: int) -> tuple[str, str, int]:
    """(kind, text, index of the true source or -1)."""
    rng = np.random.default_rng(5_000_000 + j)
    kind = KINDS[j % 4]
    if kind == "unrelated":
        return kind, _paragraphs(gen.text(rng, int(rng.integers(300, 1200)))), -1
    src = int(rng.integers(0, n_originals))
    words = gen.original(src).split()
    intro = gen.text(rng, int(rng.integers(20, 80)))
    if kind == "verbatim":
        body = words
    elif kind == "edited":
        body = _edit(rng, words, gen)
    else:
        length = int(rng.integers(150, 301))
        start = int(rng.integers(0, max(1, len(words) - length)))
        body = words[start : start + length]
        intro = gen.text(rng, int(rng.integers(150, 400)))
    outro = gen.text(rng, int(rng.integers(10, 60)))
    return kind, _paragraphs(intro + body + outro), src


_GEN: Generator | None = None


def _entry_for(i: int):
    global _GEN
    _GEN = _GEN or Generator()
    text = _GEN.original(i)
    raw = text.encode()
    doc = Document(
        id=hashlib.sha256(raw).hexdigest(),
        origin=f"original-{i}.txt",
        format="text",
        title=f"Original {i}",
        text=text,
        size=len(raw),
    )
    attribution = Attribution(source="Bench Press", url=f"https://bench.example/{i}")
    return make_entry(doc, attribution, TermsChoice("all-rights-reserved", "default"))


def _copy_job(args: tuple[int, int]):
    global _GEN
    _GEN = _GEN or Generator()
    j, n = args
    kind, text, src = make_copy(_GEN, j, n)
    fp = fingerprint(text)
    return kind, text, src, fp.hashvalues, fp.size, fp.anchors


def grow_index(path: Path, start: int, stop: int, ids: list[str], pool) -> float:
    """Add originals ``start..stop-1`` to the SQLite index; returns wall seconds.

    Sizes are measured cumulatively on one growing file (1,000 then 9,000 more, ...), so the
    full run builds 100,000 originals once instead of 111,000.
    """
    started = time.perf_counter()
    with open_index(path) as store:
        batch = []
        for entry in pool.imap(_entry_for, range(start, stop), chunksize=64):
            batch.append(entry)
            ids.append(entry.id)
            if len(batch) >= 2000:
                store.add(batch)
                batch = []
        store.add(batch)
    return time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q)) if values else 0.0


def run_size(
    n: int,
    build_s: float,
    ids: list[str],
    copies: list,
    scan_sample: int,
    brute_sample: int,
    path: Path,
) -> dict:
    t0 = time.perf_counter()
    with open_index(path, create=False) as store:
        search = ContainmentSearch.build(store.signatures())
    search_build_s = time.perf_counter() - t0
    result: dict = {
        "originals": n,
        "index_build_s": round(build_s, 2),
        "index_build_docs_per_s": round(n / build_s, 1),
        "index_file_mb": round(path.stat().st_size / 2**20, 1),
        "search_build_s": round(search_build_s, 3),
        "search_mb": round(search.nbytes / 2**20, 1),
    }
    for label, method, limit in (
        ("lsh", search.query, len(copies)),
        ("brute", search.brute_force, brute_sample),
    ):
        lat: list[float] = []
        found = {k: [0, 0] for k in KINDS}
        false_pos = 0
        n_cands: list[int] = []
        for kind, _text, src, hv, size, anchors in copies[:limit]:
            t = time.perf_counter()
            cands = method(hv, size, anchors=anchors) if label == "lsh" else method(hv, size)
            lat.append((time.perf_counter() - t) * 1000)
            n_cands.append(len(cands))
            if src >= 0:
                found[kind][1] += 1
                found[kind][0] += any(c.id == ids[src] for c in cands)
            else:
                false_pos += bool(cands)
        result[label] = {
            "queries": len(lat),
            "p50_ms": round(percentile(lat, 50), 3),
            "p95_ms": round(percentile(lat, 95), 3),
            "recall": {k: round(f / t, 4) for k, (f, t) in found.items() if t},
            "unrelated_with_candidates": round(false_pos / max(1, found["verbatim"][1]), 4),
            "candidates_mean": round(float(np.mean(n_cands)), 2),
        }
    # end-to-end scan per copy: search, fetch + rebuild each candidate, full alignment
    started = time.perf_counter()
    confirmed = {k: [0, 0] for k in KINDS}
    pairs = 0
    with open_index(path, create=False) as store:
        for kind, text, src, hv, size, anchors in copies[:scan_sample]:
            hits = set()
            for cand in search.query(hv, size, anchors=anchors, limit=25):
                original = store.get(cand.id).load_document()
                pairs += 1
                if is_copy(compare(original.text, text)):
                    hits.add(cand.id)
            if src >= 0:
                confirmed[kind][1] += 1
                confirmed[kind][0] += ids[src] in hits
    scan_s = time.perf_counter() - started
    result["scan"] = {
        "documents": scan_sample,
        "pairs_aligned": pairs,
        "seconds": round(scan_s, 2),
        "docs_per_s": round(scan_sample / scan_s, 1),
        "confirmed_recall": {k: round(f / t, 4) for k, (f, t) in confirmed.items() if t},
    }
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, fewer copies")
    parser.add_argument("--sizes", help="comma-separated archive sizes")
    parser.add_argument("--copies", type=int, help="copies to query (default 10000)")
    parser.add_argument("--scan-sample", type=int, help="copies scanned end to end")
    parser.add_argument("--brute-sample", type=int, help="copies queried by brute force")
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "scan.json")
    args = parser.parse_args(argv)
    sizes = [
        int(s)
        for s in (args.sizes or ("1000,5000" if args.quick else "1000,10000,100000")).split(",")
    ]
    n_copies = args.copies or (2000 if args.quick else 10_000)
    scan_sample = args.scan_sample or (200 if args.quick else 500)
    brute_sample = args.brute_sample or (500 if args.quick else 2000)
    work = Path(tempfile.mkdtemp(prefix="compliance-bench-"))
    results = {
        "sizes": [],
        "copies": n_copies,
        "scan_sample": scan_sample,
        "brute_sample": brute_sample,
    }
    try:
        path = work / "index.sqlite"
        ids: list[str] = []
        unrelated: dict[int, tuple] = {}
        build_s = 0.0
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            for n in sorted(sizes):
                build_s += grow_index(path, len(ids), n, ids, pool)
                t = time.perf_counter()
                # unrelated copies do not depend on the archive size: made once, reused
                todo = [j for j in range(n_copies) if j not in unrelated]
                made = pool.map(_copy_job, [(j, n) for j in todo], chunksize=64)
                fresh = dict(zip(todo, made, strict=True))
                unrelated.update({j: c for j, c in fresh.items() if c[0] == "unrelated"})
                copies = [fresh.get(j) or unrelated[j] for j in range(n_copies)]
                gen_s = time.perf_counter() - t
                row = run_size(
                    n,
                    build_s,
                    ids,
                    copies,
                    min(scan_sample, n_copies),
                    min(brute_sample, n_copies),
                    path,
                )
                row["copies_generated_s"] = round(gen_s, 2)
                results["sizes"].append(row)
                print(json.dumps(row), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    first, last = results["sizes"][0], results["sizes"][-1]
    ratio = first["scan"]["docs_per_s"] / last["scan"]["docs_per_s"]
    results["throughput_ratio_smallest_to_largest"] = round(ratio, 2)
    print(
        f"\nscan throughput {first['originals']} -> {last['originals']} originals: "
        f"{first['scan']['docs_per_s']} -> {last['scan']['docs_per_s']} docs/s "
        f"(slowdown {ratio:.2f}x, target <= 2x)"
    )
    for row in results["sizes"]:
        speed = row["brute"]["p50_ms"] / max(row["lsh"]["p50_ms"], 1e-6)
        print(
            f"{row['originals']:>7} originals: query p50 {row['lsh']['p50_ms']} ms vs brute force "
            f"{row['brute']['p50_ms']} ms ({speed:.1f}x); recall {row['lsh']['recall']} "
            f"(brute {row['brute']['recall']})"
        )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(f"written {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
