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
import functools
import hashlib
import json
import multiprocessing
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import cast

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from compliance.index import make_entry, open_index  # noqa: E402
from compliance.index.evidence import (  # noqa: E402
    has_distinctive_run,
    has_evidence,
    pair_holders,
)
from compliance.index.fingerprint import fingerprint  # noqa: E402
from compliance.index.search import ContainmentSearch  # noqa: E402
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
    return kind, text, src, fingerprint(text)


def grow_index(path: Path, start: int, stop: int, ids: list[str], pool) -> float:
    """Add originals ``start..stop-1`` to the SQLite index; returns wall seconds.

    Sizes are measured cumulatively on one growing file (1,000 then 9,000 more, ...), so the
    full run builds 100,000 originals once instead of 111,000.
    """
    started = time.perf_counter()
    _add(path, pool.imap(_entry_for, range(start, stop), chunksize=64), ids)
    return time.perf_counter() - started


def _add(path: Path, entries, ids: list[str]) -> None:
    """Store ``entries`` in batches of 2,000, appending their ids to ``ids``."""
    with open_index(path) as store:
        batch = []
        for entry in entries:
            batch.append(entry)
            ids.append(entry.id)
            if len(batch) >= 2000:
                store.add(batch)
                batch = []
        store.add(batch)


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
        ("lsh", search.query_fingerprint, len(copies)),
        ("brute", search.brute_force, brute_sample),
    ):
        lat: list[float] = []
        found = {k: [0, 0] for k in KINDS}
        false_pos = 0
        n_cands: list[int] = []
        for kind, _text, src, fp in copies[:limit]:
            t = time.perf_counter()
            cands = method(fp) if label == "lsh" else method(fp.hashvalues, fp.size)
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
        for kind, text, src, fp in copies[:scan_sample]:
            hits = set()
            for cand in search.query_fingerprint(fp, limit=25):
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


# -- topical precision and speed against datasketch LSH (issue 17 items 1-2) -----------------

_TOPICAL: dict = {}


def _topical(profile: str = "tuning"):
    """The topical generator of ``profile`` ("tuning": the settings were chosen on it;
    "holdout": knobs no setting was chosen on, see topical.HOLDOUT)."""
    global _GEN
    if profile not in _TOPICAL:
        from topical import Topical

        _GEN = _GEN or Generator()
        _TOPICAL[profile] = Topical(_GEN.words, _GEN.cdf, profile=profile)
    return _TOPICAL[profile]


def _document(text: str, name: str) -> Document:
    raw = text.encode()
    return Document(
        id=hashlib.sha256(raw).hexdigest(),
        origin=name,
        format="text",
        title=name,
        text=text,
        size=len(raw),
    )


def _topical_entry(i: int, profile: str = "tuning"):
    doc = _document(_topical(profile).original(i), f"original-{i}.txt")
    return make_entry(doc, Attribution(), TermsChoice("all-rights-reserved", "default"))


def _boilerplate_entry(i: int):
    from topical import Boilerplate

    doc = _document(Boilerplate(_topical()).original(i), f"original-{i}.txt")
    return make_entry(doc, Attribution(), TermsChoice("all-rights-reserved", "default"))


def _build(path: Path, n: int, job, pool) -> list[str]:
    ids: list[str] = []
    _add(path, pool.imap(job, range(n), chunksize=32), ids)
    return ids


def _datasketch_fingerprint(text: str):
    from datasketch import MinHash

    from compliance.index.fingerprint import SHINGLE_K
    from compliance.similarity.shingles import shingles

    mh = MinHash(num_perm=128)
    mh.update_batch([g.encode("utf-8") for g in shingles(text, k=SHINGLE_K)])
    return mh


def _cpu_per_query(fn, items) -> float:
    """CPU milliseconds per item of ``fn`` over ``items`` (process time, one batch)."""
    started = time.process_time()
    for item in items:
        fn(item)
    return (time.process_time() - started) * 1000 / max(1, len(items))


def _traced_mb(build) -> tuple[object, float]:
    """(what ``build()`` returns, peak Python-traced MB while building it)."""
    import tracemalloc

    tracemalloc.start()
    made = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return made, round(peak / 2**20, 1)


def topical_size(
    path: Path, n: int, queries: int, confirm: int, pool, profile: str = "tuning"
) -> dict:
    """False candidates, recall, CPU per query and memory against datasketch LSH at ``n``."""
    from datasketch import LeanMinHash, MinHashLSH

    topical = _topical(profile)
    ids = _build(path, n, functools.partial(_topical_entry, profile=profile), pool)
    with open_index(path, create=False) as store:
        search, search_mb = _traced_mb(lambda: ContainmentSearch.build(store.signatures()))
        texts = {e.id: e.load_document().text for e in store.entries()}
    negatives = [topical.same_topic(j, n)[0] for j in range(queries)]
    excerpts = [topical.excerpt(j, n) for j in range(queries)]

    def lsh_build():
        lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=128)
        with lsh.insertion_session() as session:
            for key in ids:
                session.insert(key, LeanMinHash(_datasketch_fingerprint(texts[key])))
        return lsh

    lsh, lsh_mb = _traced_mb(lsh_build)
    ours_ms = _cpu_per_query(lambda t: search.query_fingerprint(fingerprint(t)), negatives)
    theirs_ms = _cpu_per_query(lambda t: lsh.query(_datasketch_fingerprint(t)), negatives)
    false = [len(search.query_fingerprint(fingerprint(t))) for t in negatives]
    found = [ids[src] in {c.id for c in search.query_fingerprint(fingerprint(t))}
             for t, src in excerpts]  # fmt: skip
    lsh_found = [ids[src] in set(lsh.query(_datasketch_fingerprint(t))) for t, src in excerpts]

    common = cast(ContainmentSearch, search).common
    archive = cast(ContainmentSearch, search)

    def confirmed_copy(original_id: str, copy: str) -> bool:
        """As scan_document confirms a candidate: the check, then the archive's evidence."""
        original = texts[original_id]
        c = compare(original, copy)
        if not (is_copy(c) and has_evidence(original, c.passages, common=common)):
            return False
        holders = pair_holders(archive, fingerprint(original).anchors, original_id, "")
        return has_distinctive_run(original, copy, c, holders=holders)

    per_query = [
        sum(confirmed_copy(c.id, t) for c in search.query_fingerprint(fingerprint(t), limit=25))
        for t in negatives[:confirm]
    ]
    confirmed = sum(per_query)
    excerpts_confirmed = sum(confirmed_copy(ids[src], t) for t, src in excerpts[:confirm])
    edited = {}
    for share in EDITED_SHARES:
        pairs = [topical.edited(j, n, share) for j in range(confirm)]
        called = sum(is_copy(compare(texts[ids[src]], t)) for t, src in pairs)
        kept = sum(confirmed_copy(ids[src], t) for t, src in pairs)
        edited[f"{round(share * 100)}%"] = f"{kept} of {called}"
    return {
        "profile": profile,
        "originals": n,
        "queries": queries,
        "false_candidates_per_same_topic_query": round(float(np.mean(false)), 3),
        "same_topic_queries_with_a_candidate": round(float(np.mean([f > 0 for f in false])), 4),
        "excerpt_recall": round(float(np.mean(found)), 4),
        "same_topic_negatives_confirmed": f"{confirmed} of {min(confirm, queries)}",
        "same_topic_queries_with_a_confirmed_pair": sum(f > 0 for f in per_query),
        "excerpts_confirmed": f"{excerpts_confirmed} of {min(confirm, queries)}",
        "edited_copies_confirmed_of_those_check_calls_copies": edited,
        "fingerprint_and_query_cpu_ms": round(ours_ms, 3),
        "datasketch_lsh_cpu_ms": round(theirs_ms, 3),
        "ratio_to_datasketch_lsh": round(ours_ms / theirs_ms, 2),
        "datasketch_lsh_excerpt_recall": round(float(np.mean(lsh_found)), 4),
        "search_build_traced_mb": search_mb,
        "datasketch_lsh_build_traced_mb": lsh_mb,
        "memory_ratio_to_datasketch_lsh": round(search_mb / max(lsh_mb, 1e-6), 2),
    }


EDITED_SHARES = (0.35, 0.45)
"""Shares of an original's words replaced in the edited copies (the check still calls them
copies; how many the scan's evidence rules keep is the price of those rules)."""

LSH_THRESHOLD = 0.5
"""datasketch MinHashLSH's Jaccard threshold in the baseline (its tuned bands for 128 perms)."""


# -- shared boilerplate: false pairs per copy through the whole scan (issue 15 item 1) -------


def boilerplate_run(path: Path, n: int, copies: int, pool) -> dict:
    """Scan new articles by the archive's authors (same credit lines and site notices, same
    topics), on another event or on the same event as one original, and excerpt copies; every
    pair reported for a new article is a false pair. On another event only the boilerplate is
    shared; on the same event the report's facts and names are too."""
    from topical import Boilerplate

    from compliance.pipeline import CheckOptions, with_library
    from compliance.scan import ScanOptions, scan_document

    ids = _build(path, n, _boilerplate_entry, pool)
    maker = Boilerplate(_topical())
    options = ScanOptions(
        index={"type": "sqlite", "path": str(path)},
        check=with_library(CheckOptions(today="2024-06-01")),
    )
    false_pairs = {"other_event": 0, "same_event": 0}
    found = 0
    started = time.perf_counter()
    for j in range(copies):
        for variant in false_pairs:
            text, _src = maker.new_article(j, n, same_event=variant == "same_event")
            result = scan_document(_document(text, f"new-{j}.txt"), options)
            false_pairs[variant] += len(result.reports)
        excerpt, src = _topical().excerpt(j, n)
        excerpt = f"{excerpt}\n\n{maker.footer(src % 50)}"
        result = scan_document(_document(excerpt, f"excerpt-{j}.txt"), options)
        found += any(r.original.id == ids[src] for r in result.reports)
    return {
        "originals": n,
        "new_articles_by_the_same_authors": copies,
        "false_pairs_per_copy_other_event": round(false_pairs["other_event"] / copies, 4),
        "false_pairs_per_copy_same_event": round(false_pairs["same_event"] / copies, 4),
        "excerpt_recall_through_scan": round(found / copies, 4),
        "seconds": round(time.perf_counter() - started, 1),
    }


# -- Dask: docs/s with 1 and 2 real workers beside serial (issue 15 item 5) ------------------


def scheduler_run(path: Path, n: int, copies: int, pool) -> dict:
    """docs/s of `scan` over ``copies`` files: serial, then a real `dask scheduler` with 1 and
    with 2 `dask worker` processes (one thread each), in the same run."""
    import socket
    import subprocess

    from compliance.pipeline import CheckOptions, with_library
    from compliance.scan import ScanOptions, build_tasks, scan

    ids = _build(path, n, _topical_entry, pool)
    folder = path.parent / "copies"
    folder.mkdir()
    files = []
    for j in range(copies):
        text, _ = _topical().excerpt(j, len(ids)) if j % 2 else _topical().same_topic(j, len(ids))
        files.append(folder / f"copy-{j}.txt")
        files[-1].write_text(text)
    options = ScanOptions(
        index={"type": "sqlite", "path": str(path)},
        check=with_library(CheckOptions(today="2024-06-01")),
    )
    dask = Path(sys.executable).with_name("dask")

    def rate(scheduler: str | None) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        results = list(scan(build_tasks(files), options, scheduler=scheduler))
        assert len(results) == copies and not any(r.error for r in results)
        return copies / (time.perf_counter() - wall), time.process_time() - cpu

    serial, serial_cpu = rate(None)
    row = {"originals": n, "copies": copies, "serial_docs_per_s": round(serial, 1)}
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [subprocess.Popen([dask, "scheduler", "--port", str(port), "--no-dashboard"], **quiet)]
    try:
        for workers in (1, 2):
            while len(procs) - 1 < workers:
                procs.append(
                    subprocess.Popen(
                        [dask, "worker", address, "--nthreads", "1", "--no-dashboard"], **quiet
                    )
                )
            _wait_for_workers(address, workers)
            docs_per_s, parent_cpu = rate(address)
            row[f"dask_{workers}_workers_docs_per_s"] = round(docs_per_s, 1)
            row[f"dask_{workers}_workers_ratio_to_serial"] = round(docs_per_s / serial, 2)
            row[f"dask_{workers}_workers_client_cpu_s"] = round(parent_cpu, 2)
        row["serial_cpu_s"] = round(serial_cpu, 2)
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(timeout=30)
    return row


def _wait_for_workers(address: str, count: int) -> None:
    from distributed import Client

    with Client(address, timeout="30s") as client:
        client.wait_for_workers(count, timeout=60)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, fewer copies")
    parser.add_argument("--sizes", help="comma-separated archive sizes")
    parser.add_argument("--copies", type=int, help="copies to query (default 10000)")
    parser.add_argument("--scan-sample", type=int, help="copies scanned end to end")
    parser.add_argument("--brute-sample", type=int, help="copies queried by brute force")
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--output", type=Path, help="default bench/results/<mode>.json")
    parser.add_argument(
        "--topical", action="store_true", help="precision and speed on topical news (issue 17)"
    )
    parser.add_argument(
        "--holdout",
        action="store_true",
        help="with --topical: the held-out generator profile no setting was chosen on",
    )
    parser.add_argument(
        "--boilerplate", action="store_true", help="false pairs on shared boilerplate (issue 15)"
    )
    parser.add_argument(
        "--scheduler", action="store_true", help="docs/s with 1 and 2 Dask workers beside serial"
    )
    args = parser.parse_args(argv)
    for mode in ("topical", "boilerplate", "scheduler"):
        if getattr(args, mode):
            return run_mode(mode, args)
    args.output = args.output or RESULTS / "scan.json"
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


def run_mode(mode: str, args: argparse.Namespace) -> int:
    """One of the precision / boilerplate / scheduler runs; prints rows, saves them as JSON."""
    defaults = {"topical": "1000,10000", "boilerplate": "1000", "scheduler": "1000"}
    sizes = [int(x) for x in (args.sizes or ("1000" if args.quick else defaults[mode])).split(",")]
    queries = args.copies or (100 if args.quick else {"topical": 500}.get(mode, 200))
    rows = []
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        for n in sizes:
            work = Path(tempfile.mkdtemp(prefix="compliance-bench-"))
            try:
                path = work / "index.sqlite"
                if mode == "topical":
                    confirm = args.scan_sample or (50 if args.quick else 200)
                    profile = "holdout" if args.holdout else "tuning"
                    row = topical_size(path, n, queries, confirm, pool, profile)
                elif mode == "boilerplate":
                    row = boilerplate_run(path, n, queries, pool)
                else:
                    row = scheduler_run(path, n, queries, pool)
            finally:
                shutil.rmtree(work, ignore_errors=True)
            rows.append(row)
            print(json.dumps(row), flush=True)
    name = f"{mode}-holdout" if mode == "topical" and args.holdout else mode
    output = args.output or RESULTS / f"scan-{name}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps({"mode": name, "rows": rows}, indent=2) + "\n")
    print(f"written {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
