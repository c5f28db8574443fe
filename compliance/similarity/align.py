"""Passage alignment: which stretches of the copy came from which stretches of the original.

Method (seed, extend and merge, score and refine):

1. **Seed** on shared shingles of *content words* (stop words removed, so an inserted or dropped
   "the" does not break a seed). Shingles that are very common in either text are skipped.
2. **Extend and merge**: seeds are points (position in original, position in copy). They are
   grouped by splitting, alternately along the copy and the original, wherever two neighbours are
   more than ``seed_gap`` content words apart, until no group splits. Fragments with fewer than
   ``min_seeds`` seeds are chance matches and dropped; the surviving seeds are grouped again with
   the wider ``merge_gap`` into passages. A reordered paragraph forms its own group; navigation
   wrapped around a copy has no seeds and stays outside every group.
3. **Score and refine**: each group becomes a passage from its first to its last seed word in
   both texts, extended outwards while the words agree; passages shorter than ``min_words`` or
   scoring below ``min_score`` (rapidfuzz ``ratio`` of the normalised word strings) are dropped,
   as are passages claiming copy text already claimed by a longer passage. Word ends that only
   one side has are cut. Seeds a passage leaves over (sentences shuffled inside an edited
   stretch) are aligned again; a left-over passage beside one already found is joined to it
   (its score, over reordered text, may then fall below ``min_score``).
4. **Evidence bar**: a passage is reported only when at least ``min_matched`` of its words recur,
   in order, on both sides (longest common subsequence of the normalised words). Two unrelated
   articles on one topic share short, loose stretches by chance; on PAN13 (tune half) every such
   stretch has fewer than 16 words in common, while a quoted sentence of 30 words clears the bar.
   The copy / not-a-copy decision counts passages, so this bar is what keeps an innocent article
   from being called a copy.
5. **Edges**: an edited passage's edges move outwards over the words beyond them (up to
   ``_EXTEND_WINDOW``) while enough of them recur in order on the other side; its first and last
   lines often keep too few content words in place to seed.
6. **Summaries** (adaptive, decided per pair from the passages found so far): nearby passages of
   a short copy stretch that lie far apart in the original, or whose rare words recur in order
   well beyond them, are joined into one passage over the stretch of the original summarised
   (all of it, once that stretch is ``_SUMMARY_WHOLE`` of the original or more).

A passage is ``verbatim`` when both stretches are the same words after normalisation (case,
quotes, dashes, apostrophes and whitespace ignored), otherwise ``modified``. Offsets index the
strings given, so they slice the same text a reader sees.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, LCSseq

from ..model import Passage, Span
from .shingles import DEFAULT_K, content_indices, words

__all__ = ["AlignParams", "align"]

Token = tuple[str, int, int]


class _Text(NamedTuple):
    """One side of the alignment: the string, its word tokens, and its content-word indices."""

    text: str
    tok: list[Token]
    idx: list[int]
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> _Text:
        tok = words(text)
        return cls(text, tok, content_indices(tok), [t[1] for t in tok], [t[2] for t in tok])


@dataclass(frozen=True)
class AlignParams:
    """The tunables of :func:`align` and of the comparison; defaults tuned on PAN13 (tune half).

    Raises:
        ValueError: on construction, for a value out of range (so a bad config fails early).
    """

    shingle_k: int = DEFAULT_K  # words per shingle for MinHash and containment
    seed_k: int = 1  # content words per alignment seed
    seed_gap: int = 6  # content words allowed between two seeds of one fragment
    min_seeds: int = 4  # seeds a fragment needs to survive (isolated chance matches drop out)
    merge_gap: int = 30  # content words allowed between two fragments of one passage
    min_words: int = 12  # words a passage must span in both texts
    min_score: float = 55.0  # 0..100 rapidfuzz ratio below which a passage is dropped
    max_occurrences: int = 8  # seeds occurring more often than this in either text are skipped
    min_matched: int = 16  # words a passage must share, in order, with its original stretch

    def __post_init__(self) -> None:
        for name in (
            "shingle_k",
            "seed_k",
            "min_seeds",
            "min_words",
            "max_occurrences",
            "min_matched",
        ):
            if getattr(self, name) < 1:
                raise ValueError(f"AlignParams.{name} must be >= 1 (got {getattr(self, name)})")
        for name in ("seed_gap", "merge_gap"):
            if getattr(self, name) < 0:
                raise ValueError(f"AlignParams.{name} must be >= 0 (got {getattr(self, name)})")
        if not 0.0 <= self.min_score <= 100.0:
            raise ValueError(f"AlignParams.min_score must be within 0..100 (got {self.min_score})")


DEFAULT_PARAMS = AlignParams()
_SPLIT_GAIN = 10.0  # score points both halves must gain before a passage is split in two
_MAX_TRIM = 3  # stray seeds trimmed at most from each end of a passage
_TRIM_GAIN = 2.0  # score points a passage must gain for a stray end seed to be trimmed
_MAX_DEPTH = 3  # rounds of aligning the seeds a group's passages left over
_LEFTOVER_SCORE = 90.0  # a passage from left-over seeds must be (nearly) verbatim
_MIN_PIECE = 5  # words in a row a verbatim piece of a passage needs (shorter runs are joints)
_PIECE_COVER = 0.95  # share of a passage its verbatim runs must cover before it is cut
_MIN_GAP = 5  # words left out or added (on one side) where a passage is cut into pieces
_EDGE_WINDOW = 40  # words at each end of a passage realigned to place its edges exactly
_EDGE_RUN = 5  # shared words in a row that settle an edge (shorter runs may be chance)
_EXTEND_WINDOW = 30  # words beyond each edge of an edited passage searched for more of it
_EXTEND_COST = 0.3  # shared words each word an edge moves over must earn (averaged on both sides)
_SUMMARY_JOIN = 40  # copy words between two passages of one summary
_SUMMARY_MAX = 150  # copy words a summary may span (a longer stretch is a copied passage)
_SUMMARY_MARGIN = 20  # copy words around the passages searched for the summary's other words
_SUMMARY_OCC = 2  # a summary word must occur at most this often in the original
_SUMMARY_SEEDS = 8  # words in order a summary must share with the original stretch it covers
_SUMMARY_RATIO = 2.0  # original words per copy word before a stretch counts as summarised
_SUMMARY_BEYOND = 5  # of them, words in order outside the passages' stretch of the original
_SUMMARY_WIDE_MARGIN = 50  # margin, once a summary is found, for the stretch it covers
_SUMMARY_WIDE_OCC = 4  # occurrences allowed then
_SUMMARY_WHOLE = 0.3  # share of the original a summary reaches before it counts as all of it


def align(original: str, copy: str, params: AlignParams | None = None) -> list[Passage]:
    """Aligned passages of ``original`` and ``copy``, sorted by their offset in the copy."""
    p = params or DEFAULT_PARAMS
    o, c = _Text.of(original), _Text.of(copy)
    seeds = _seeds(o, c, p)
    if not seeds:
        return []
    # Fragments: dense runs of seeds along one diagonal. Chance matches are isolated and fail
    # min_seeds. Surviving seeds are then grouped into passages with the wider merge_gap, so
    # shuffled or swapped neighbouring sentences stay one passage, as they are one copied piece.
    frags = [
        f
        for f in _cluster(seeds, p.seed_gap, p.seed_k, axes=(1, 0, 2))
        if len({s[1] for s in f}) >= p.min_seeds
    ]
    kept = [seed for f in frags for seed in f]
    passages: list[Passage] = []
    for group in _cluster(kept, p.merge_gap, p.seed_k) if kept else []:
        passages.extend(_passages(group, o, c, p))
    kept_passages = [
        piece
        for q in _drop_overlaps(passages)
        if _matched(q, o, c) >= p.min_matched
        for piece in _verbatim_pieces(q, o, c)
    ]
    kept_passages = _summaries(_extend_edges(kept_passages, o, c), o, c)
    return sorted(kept_passages, key=lambda q: (q.copy.start, q.original.start))


def _summaries(passages: list[Passage], o: _Text, c: _Text) -> list[Passage]:
    """``passages`` with each summary joined into one passage over the stretch it summarises.

    A short passage that condenses a long stretch of the original leaves only a few short,
    scattered passages in the first pass (each a sentence that kept its wording), far apart in
    the original and close together in the copy. Decided per pair from that first pass alone
    (adaptive alignment, after Sanchez-Perez et al., PAN 2014): passages close together in the
    copy are joined when the rare words of their neighbourhood recur, in order, across a stretch
    of the original at least ``_SUMMARY_RATIO`` times longer. Pairs without a passage never get
    one here, so this cannot make an innocent article a copy.
    """
    if not passages:
        return passages
    ordered = sorted(passages, key=lambda q: q.copy.start)
    groups: list[list[Passage]] = [[ordered[0]]]
    for q in ordered[1:]:
        if _gap(c, groups[-1][-1].copy, q.copy) <= _SUMMARY_JOIN:
            groups[-1].append(q)
        else:
            groups.append([q])
    where: dict[str, list[int]] = defaultdict(list)
    for i in o.idx:
        where[o.tok[i][0]].append(i)
    out: list[Passage] = []
    for group in groups:
        joined = _summary(group, o, c, where)
        out.extend([joined] if joined is not None else group)
    return out


def _summary(
    group: list[Passage], o: _Text, c: _Text, where: dict[str, list[int]]
) -> Passage | None:
    """The one passage a group of nearby passages forms if it summarises the original: the
    passages themselves lie far apart in the original, or the rare words around them recur in
    order well beyond them (the stretch then reaches the first and last of those words)."""
    b0 = bisect_left(c.starts, min(q.copy.start for q in group))
    b1 = bisect_right(c.ends, max(q.copy.end for q in group))
    if b1 - b0 > _SUMMARY_MAX:
        return None
    a0 = bisect_left(o.starts, min(q.original.start for q in group))
    a1 = bisect_right(o.ends, max(q.original.end for q in group))
    spread = len(group) > 1 and a1 - a0 >= _SUMMARY_RATIO * (b1 - b0)
    chain = _summary_chain(o, c, where, b0, b1)
    if len(chain) >= _SUMMARY_SEEDS:
        (o0, c0), (o1, c1) = chain[0], chain[-1]
        beyond = sum(1 for i, _ in chain if not a0 <= i < a1)
        if o1 - o0 >= _SUMMARY_RATIO * max(c1 - c0, b1 - b0) and beyond >= _SUMMARY_BEYOND:
            a0, a1, b0, b1 = min(o0, a0), max(o1 + 1, a1), min(c0, b0), max(c1 + 1, b1)
        elif not spread:
            return None
    elif not spread:
        return None
    # Decided: the stretch then reaches the farthest words of a looser chain (commoner words,
    # wider margin), which a summary of the whole original shares with its first and last lines.
    wide = _summary_chain(o, c, where, b0, b1, _SUMMARY_WIDE_MARGIN, _SUMMARY_WIDE_OCC)
    if len(wide) >= _SUMMARY_SEEDS:
        a0, a1 = min(a0, wide[0][0]), max(a1, wide[-1][0] + 1)
        b0, b1 = min(b0, wide[0][1]), max(b1, wide[-1][1] + 1)
    # A summary over much of the original condenses all of it: its opening and closing lines
    # are summarised too, though rarely in words the chains can find.
    if a1 - a0 >= _SUMMARY_WHOLE * len(o.tok):
        a0, a1 = 0, len(o.tok)
    a = [t[0] for t in o.tok[a0:a1]]
    b = [t[0] for t in c.tok[b0:b1]]
    return Passage(
        original=_with_punctuation(o.text, o.tok[a0][1], o.tok[a1 - 1][2]),
        copy=_with_punctuation(c.text, c.tok[b0][1], c.tok[b1 - 1][2]),
        score=round(float(fuzz.ratio(" ".join(a), " ".join(b))), 2),
        kind="modified",
        words=a1 - a0,
    )


def _summary_chain(
    o: _Text,
    c: _Text,
    where: dict[str, list[int]],
    b0: int,
    b1: int,
    margin: int = _SUMMARY_MARGIN,
    occ: int = _SUMMARY_OCC,
) -> list[tuple[int, int]]:
    """(original, copy) word positions of the longest run, rising in both texts, of rare
    content words shared by the original and the copy's words ``[b0, b1)`` and their margin
    (``where``: each content word's positions in the original)."""
    lo, hi = max(0, b0 - margin), min(len(c.tok), b1 + margin)
    here: dict[str, list[int]] = defaultdict(list)
    for j in c.idx[bisect_left(c.idx, lo) : bisect_left(c.idx, hi)]:
        here[c.tok[j][0]].append(j)
    seeds = [
        (i, j)
        for w, js in here.items()
        if len(js) <= occ and 0 < len(where.get(w, ())) <= occ
        for i in where[w]
        for j in js
    ]
    return _chain(seeds) if seeds else []


def _extend_edges(passages: list[Passage], o: _Text, c: _Text) -> list[Passage]:
    """``passages`` with each edge moved outwards over the words beyond it that still mostly
    recur on the other side (an edited passage's first and last lines keep too few content
    words in place to seed, yet share most of their words with the original)."""
    if not passages:
        return passages
    ordered = sorted(passages, key=lambda q: q.copy.start)
    out: list[Passage] = []
    for n, q in enumerate(ordered):
        if q.kind == "verbatim":
            out.append(q)
            continue
        a0, a1 = _token_range(o, q.original)
        b0, b1 = _token_range(c, q.copy)
        lo_b = _token_range(c, ordered[n - 1].copy)[1] if n else 0
        hi_b = _token_range(c, ordered[n + 1].copy)[0] if n + 1 < len(ordered) else len(c.tok)
        w = _EXTEND_WINDOW
        # Before the passage: both windows read backwards from its first words.
        back = _reach(
            [t[0] for t in o.tok[max(0, a0 - w) : a0][::-1]],
            [t[0] for t in c.tok[max(lo_b, b0 - w) : b0][::-1]],
        )
        ahead = _reach(
            [t[0] for t in o.tok[a1 : a1 + w]],
            [t[0] for t in c.tok[b1 : min(hi_b, b1 + w)]],
        )
        if back == (0, 0) and ahead == (0, 0):
            out.append(q)
            continue
        na0, nb0 = a0 - back[0], b0 - back[1]
        na1, nb1 = a1 + ahead[0], b1 + ahead[1]
        a = [t[0] for t in o.tok[na0:na1]]
        b = [t[0] for t in c.tok[nb0:nb1]]
        same = a == b
        out.append(
            Passage(
                original=_with_punctuation(o.text, o.tok[na0][1], o.tok[na1 - 1][2]),
                copy=_with_punctuation(c.text, c.tok[nb0][1], c.tok[nb1 - 1][2]),
                score=100.0 if same else round(float(fuzz.ratio(" ".join(a), " ".join(b))), 2),
                kind="verbatim" if same else "modified",
                words=na1 - na0,
            )
        )
    return out


def _reach(a: list[str], b: list[str]) -> tuple[int, int]:
    """Words of ``a`` and ``b`` (read outwards from a passage edge) worth adding to it: the
    end of the run of shared words where the words shared most exceed the cost of the words
    taken, ``(0, 0)`` when no extension pays."""
    if not a or not b:
        return 0, 0
    best, at, shared = 0.0, (0, 0), 0
    for op in Indel.opcodes(a, b):
        if op.tag != "equal":
            continue
        shared += op.src_end - op.src_start
        gain = shared - _EXTEND_COST * (op.src_end + op.dest_end) / 2
        if gain > best:
            best, at = gain, (op.src_end, op.dest_end)
    return at


def _verbatim_pieces(q: Passage, o: _Text, c: _Text) -> list[Passage]:
    """``q`` cut where the copy leaves out or adds a line (a dateline, a donation box), when it
    is otherwise word for word the original: a report then shows which stretches are verbatim.

    Only a passage whose runs of at least ``_MIN_PIECE`` shared words cover ``_PIECE_COVER`` of
    it is cut, and only between two such runs with at least ``_MIN_GAP`` words on one side: an
    edited or translated passage, and one with a word changed here and there, stays whole.
    """
    if q.kind == "verbatim":
        return [q]
    a0, a1 = _token_range(o, q.original)
    b0, b1 = _token_range(c, q.copy)
    a = [t[0] for t in o.tok[a0:a1]]
    b = [t[0] for t in c.tok[b0:b1]]
    runs = [
        op
        for op in Indel.opcodes(a, b)
        if op.tag == "equal" and op.src_end - op.src_start >= _MIN_PIECE
    ]
    if sum(op.src_end - op.src_start for op in runs) < _PIECE_COVER * min(len(a), len(b)):
        return [q]
    # Pieces as [a_start, a_end, b_start, b_end) word ranges; the first and last keep q's edges.
    pieces = [[0, runs[0].src_end, 0, runs[0].dest_end]]
    for prev, run in itertools.pairwise(runs):
        if max(run.src_start - prev.src_end, run.dest_start - prev.dest_end) >= _MIN_GAP:
            pieces.append([run.src_start, run.src_end, run.dest_start, run.dest_end])
        else:
            pieces[-1][1], pieces[-1][3] = run.src_end, run.dest_end
    if len(pieces) == 1:
        return [q]
    pieces[-1][1], pieces[-1][3] = len(a), len(b)
    out = []
    for i0, i1, j0, j1 in pieces:
        same = a[i0:i1] == b[j0:j1]
        score = 100.0 if same else fuzz.ratio(" ".join(a[i0:i1]), " ".join(b[j0:j1]))
        out.append(
            Passage(
                original=_with_punctuation(o.text, o.tok[a0 + i0][1], o.tok[a0 + i1 - 1][2]),
                copy=_with_punctuation(c.text, c.tok[b0 + j0][1], c.tok[b0 + j1 - 1][2]),
                score=round(float(score), 2),
                kind="verbatim" if same else "modified",
                words=i1 - i0,
            )
        )
    return out


def _matched(passage: Passage, o: _Text, c: _Text) -> int:
    """Words the two stretches of ``passage`` share in order (LCS of the normalised words)."""
    return LCSseq.similarity(_words_in(o, passage.original), _words_in(c, passage.copy))


def _words_in(t: _Text, span: Span) -> list[str]:
    lo, hi = _token_range(t, span)
    return [w for w, _, _ in t.tok[lo:hi]]


def _token_range(t: _Text, span: Span) -> tuple[int, int]:
    """Indices ``[lo, hi)`` of the tokens of ``t`` inside ``span``."""
    return bisect_left(t.starts, span.start), bisect_right(t.ends, span.end)


def _seeds(o: _Text, c: _Text, p: AlignParams) -> list[tuple[int, int]]:
    """(original, copy) content positions where the same ``seed_k`` content words start."""
    k = p.seed_k
    where: dict[tuple[str, ...], list[int]] = defaultdict(list)
    o_words = [o.tok[i][0] for i in o.idx]
    c_words = [c.tok[i][0] for i in c.idx]
    for i in range(len(o_words) - k + 1):
        where[tuple(o_words[i : i + k])].append(i)
    in_copy: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j in range(len(c_words) - k + 1):
        key = tuple(c_words[j : j + k])
        if key in where:
            in_copy[key].append(j)
    seeds: list[tuple[int, int]] = []
    for key, js in in_copy.items():
        is_ = where[key]
        if len(is_) > p.max_occurrences or len(js) > p.max_occurrences:
            continue
        seeds.extend((i, j) for i in is_ for j in js)
    return seeds


def _key(seed: tuple[int, int], axis: int) -> int:
    return seed[0] - seed[1] if axis == 2 else seed[axis]


def _split(
    group: list[tuple[int, int]], axis: int, gap: int, k: int
) -> list[list[tuple[int, int]]]:
    """Cut ``group`` wherever neighbours along ``axis`` (0 original, 1 copy, 2 diagonal) are
    more than ``gap`` apart; a seed spans ``k`` words along the two text axes."""
    group.sort(key=lambda s: _key(s, axis))
    width = k - 1 if axis < 2 else 0
    parts: list[list[tuple[int, int]]] = [[group[0]]]
    end = _key(group[0], axis) + width
    for seed in group[1:]:
        pos = _key(seed, axis)
        if pos - end > gap:
            parts.append([seed])
            end = pos + width
        else:
            parts[-1].append(seed)
            end = max(end, pos + width)
    return parts


def _cluster(
    seeds: list[tuple[int, int]], gap: int, k: int, axes: tuple[int, ...] = (1, 0)
) -> list[list[tuple[int, int]]]:
    """Split seed groups along each of ``axes`` in turn until a full round splits nothing.

    Groups split independently, so a group a full round leaves whole is final and set aside.
    """
    done: list[list[tuple[int, int]]] = []
    todo = [seeds]
    while todo:
        nxt: list[list[tuple[int, int]]] = []
        for g in todo:
            parts = [g]
            for axis in axes:
                parts = [
                    q
                    for part in parts
                    for q in (_split(part, axis, gap, k) if len(part) > 1 else [part])
                ]
            if len(parts) == 1:
                done.append(g)
            else:
                nxt.extend(parts)
        todo = nxt
    return done


def _passages(
    group: list[tuple[int, int]], o: _Text, c: _Text, p: AlignParams, depth: int = 0
) -> list[Passage]:
    """Passages of one group. Seeds left outside the first passage (a paragraph swapped with
    its neighbour, sentences shuffled inside an edited stretch) are grouped and aligned again,
    a few levels deep at most. A left-over passage next to a passage in both texts is joined to
    it (one copied stretch, reordered inside), unless both are nearly verbatim (swapped
    paragraphs, reported apart); one standing alone is kept only when nearly verbatim (a looser
    one is the ragged edge of an edited passage)."""
    found = _refine(group, o, c, p)
    if depth >= _MAX_DEPTH:
        return found
    left = [
        s
        for s in group
        if not any(q.copy.start <= c.tok[c.idx[s[1]]][1] < q.copy.end for q in found)
    ]
    extra: list[Passage] = []
    if len(left) >= p.min_seeds and len(left) < len(group):
        for sub in _cluster(left, p.merge_gap, p.seed_k):
            extra.extend(_passages(sub, o, c, p, depth + 1))
    return _join(found, extra, o, c, p.merge_gap)


def _join(main: list[Passage], extra: list[Passage], o: _Text, c: _Text, gap: int) -> list[Passage]:
    """``main`` with each of ``extra`` joined to the passages within ``gap`` words of it in both
    texts (see :func:`_passages`)."""
    out = list(main)
    for q in sorted(extra, key=lambda x: -x.words):
        near = [m for m in out if _adjoins(m, q, o, c, gap)]
        verbatim = q.score >= _LEFTOVER_SCORE and all(m.score >= _LEFTOVER_SCORE for m in near)
        if near and not verbatim:
            out = [m for m in out if m not in near] + [_union([*near, q], o, c)]
        elif q.score >= _LEFTOVER_SCORE:
            out.append(q)
    return out


def _adjoins(a: Passage, b: Passage, o: _Text, c: _Text, gap: int) -> bool:
    """True when two passages lie within ``gap`` words of each other in both texts."""
    return _gap(o, a.original, b.original) <= gap and _gap(c, a.copy, b.copy) <= gap


def _gap(t: _Text, x: Span, y: Span) -> int:
    """Words between two spans of ``t`` (0 when they touch or overlap)."""
    lo, hi = (x, y) if x.start <= y.start else (y, x)
    if hi.start <= lo.end:
        return 0
    return max(0, bisect_left(t.starts, hi.start) - bisect_right(t.ends, lo.end))


def _union(parts: list[Passage], o: _Text, c: _Text) -> Passage:
    """One passage spanning ``parts`` in both texts, scored afresh."""
    ospan = Span(min(q.original.start for q in parts), max(q.original.end for q in parts))
    cspan = Span(min(q.copy.start for q in parts), max(q.copy.end for q in parts))
    a, b = _words_in(o, ospan), _words_in(c, cspan)
    score = 100.0 if a == b else fuzz.ratio(" ".join(a), " ".join(b))
    return Passage(
        original=ospan,
        copy=cspan,
        score=round(float(score), 2),
        kind="verbatim" if a == b else "modified",
        words=len(a),
    )


def _refine(group: list[tuple[int, int]], o: _Text, c: _Text, p: AlignParams) -> list[Passage]:
    """One passage per group, split in two where the original runs backwards (swapped
    paragraphs) if both halves are then nearly verbatim and clearly better than the whole."""
    whole = _passage(group, o, c, p)
    if whole is None or whole.kind == "verbatim":
        return [whole] if whole is not None else []
    if whole.score + _SPLIT_GAIN > 100.0:  # no split could gain enough
        return [whole]
    group = sorted(group, key=lambda s: (s[1], s[0]))
    jumps: list[tuple[int, int]] = []
    high = group[0][0]
    for n in range(1, len(group)):
        if high - group[n][0] > p.seed_gap:
            jumps.append((high - group[n][0], n))
        high = max(high, group[n][0])
    for _, n in sorted(jumps, reverse=True)[:3]:
        left, right = _passage(group[:n], o, c, p), _passage(group[n:], o, c, p)
        if (
            left
            and right
            and min(left.score, right.score) >= max(_LEFTOVER_SCORE, whole.score + _SPLIT_GAIN)
        ):
            return _refine(group[:n], o, c, p) + _refine(group[n:], o, c, p)
    return [whole]


def _passage(group: list[tuple[int, int]], o: _Text, c: _Text, p: AlignParams) -> Passage | None:
    """The passage a group of seeds spans, with a stray seed at either end trimmed off when the
    passage scores better without it (refining boundaries with rapidfuzz)."""
    best = _span(group, o, c, p)
    for end in (0, -1):
        for _ in range(_MAX_TRIM):
            if best is None or best.score + _TRIM_GAIN > 100.0 or len(group) <= p.min_seeds:
                break
            chain = _chain(group)
            stray = chain[end]
            rest = [s for s in group if s != stray]
            cand = _span(rest, o, c, p)
            if cand is None or cand.score < best.score + _TRIM_GAIN:
                break
            group, best = rest, cand
    return best


def _span(group: list[tuple[int, int]], o: _Text, c: _Text, p: AlignParams) -> Passage | None:
    k = p.seed_k
    o_tok, c_tok = o.tok, c.tok
    chain = _chain(group)
    (o0, c0), (o1, c1) = chain[0], chain[-1]
    # Seeds before the chain in both texts, or after it in both, still belong to the passage;
    # a seed before it in one text and after it in the other is a chance match.
    o_lo = o.idx[min([o0] + [s[0] for s in group if s[1] <= c0])]
    c_lo = c.idx[min([c0] + [s[1] for s in group if s[0] <= o0])]
    o_hi = o.idx[max([o1] + [s[0] for s in group if s[1] >= c1]) + k - 1]
    c_hi = c.idx[max([c1] + [s[1] for s in group if s[0] >= o1]) + k - 1]
    o_lo, o_hi, c_lo, c_hi = _trim_edges(o_tok, c_tok, o_lo, o_hi, c_lo, c_hi)
    # Extend outwards while the words agree (e.g. the leading "The" a content seed skipped).
    while o_lo > 0 and c_lo > 0 and o_tok[o_lo - 1][0] == c_tok[c_lo - 1][0]:
        o_lo, c_lo = o_lo - 1, c_lo - 1
    while (
        o_hi + 1 < len(o_tok) and c_hi + 1 < len(c_tok) and o_tok[o_hi + 1][0] == c_tok[c_hi + 1][0]
    ):
        o_hi, c_hi = o_hi + 1, c_hi + 1
    n_words = o_hi - o_lo + 1
    if min(n_words, c_hi - c_lo + 1) < p.min_words:
        return None
    o_words = [t[0] for t in o_tok[o_lo : o_hi + 1]]
    c_words = [t[0] for t in c_tok[c_lo : c_hi + 1]]
    if o_words == c_words:
        score, kind = 100.0, "verbatim"
    else:
        score, kind = fuzz.ratio(" ".join(o_words), " ".join(c_words)), "modified"
        if score < p.min_score:
            return None
    return Passage(
        original=_with_punctuation(o.text, o_tok[o_lo][1], o_tok[o_hi][2]),
        copy=_with_punctuation(c.text, c_tok[c_lo][1], c_tok[c_hi][2]),
        score=round(float(score), 2),
        kind=kind,
        words=n_words,
    )


def _trim_edges(
    o_tok: list[Token], c_tok: list[Token], o_lo: int, o_hi: int, c_lo: int, c_hi: int
) -> tuple[int, int, int, int]:
    """Cut the words at either end that have no counterpart on the other side.

    A stray seed can carry one side of a passage past the copied stretch (the original repeats
    a heading or phrase just outside it); the words it adds on that side alone align with
    nothing. Before the first and after the last shared word, as many words are kept on each
    side as the other side has there too (an edited edge); the excess is cut. A word alignment
    of the whole passage (rapidfuzz, fast) finds the gross edges; difflib's longest-match-first
    alignment of a few words at each end then settles which of two repeats is the copied one.
    """
    a = [t[0] for t in o_tok[o_lo : o_hi + 1]]
    b = [t[0] for t in c_tok[c_lo : c_hi + 1]]
    if a == b:
        return o_lo, o_hi, c_lo, c_hi
    ops = [op for op in Indel.opcodes(a, b) if op.tag == "equal"]
    if not ops:
        return o_lo, o_hi, c_lo, c_hi
    a0, b0, a1, b1 = ops[0].src_start, ops[0].dest_start, ops[-1].src_end, ops[-1].dest_end
    w = _EDGE_WINDOW
    head = _blocks(a[a0 : a0 + w], b[b0 : b0 + w])
    if head and head[0][2] >= _EDGE_RUN:
        a0, b0 = a0 + head[0][0], b0 + head[0][1]
    tail = _blocks(a[max(a0, a1 - w) : a1], b[max(b0, b1 - w) : b1])
    if tail and tail[-1][2] >= _EDGE_RUN:
        i, j, n = tail[-1]
        a1, b1 = max(a0, a1 - w) + i + n, max(b0, b1 - w) + j + n
    lead, trail = min(a0, b0), min(len(a) - a1, len(b) - b1)
    return o_lo + a0 - lead, o_lo + a1 - 1 + trail, c_lo + b0 - lead, c_lo + b1 - 1 + trail


def _blocks(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """Runs of shared words of two short word lists, longest found first (difflib)."""
    return [
        tuple(m)
        for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        if m.size
    ]  # type: ignore[misc]


def _chain(group: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of seeds rising in both texts: its ends bound the passage, so a chance
    match just outside the copied stretch cannot stretch it (patience sorting, O(n log n))."""
    ordered = sorted(group, key=lambda s: (s[1], -s[0]))
    tails: list[int] = []  # tails[n]: index in ordered of the smallest end of a chain of n+1
    back: list[int] = [-1] * len(ordered)
    for i, (orig, _) in enumerate(ordered):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if ordered[tails[mid]][0] < orig:
                lo = mid + 1
            else:
                hi = mid
        back[i] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    out: list[tuple[int, int]] = []
    i = tails[-1]
    while i >= 0:
        out.append(ordered[i])
        i = back[i]
    return out[::-1]


def _with_punctuation(text: str, start: int, end: int) -> Span:
    """Widen a word span over the punctuation touching it (quotes, a full stop)."""
    while start > 0 and _is_punct(text[start - 1]):
        start -= 1
    while end < len(text) and _is_punct(text[end]):
        end += 1
    return Span(start, end)


def _is_punct(ch: str) -> bool:
    return not ch.isalnum() and not ch.isspace()


def _drop_overlaps(passages: list[Passage]) -> list[Passage]:
    """Keep the longest passage where two claim the same copy text."""
    kept: list[Passage] = []
    for cand in sorted(passages, key=lambda q: (-q.words, q.copy.start)):
        if all(cand.copy.end <= q.copy.start or cand.copy.start >= q.copy.end for q in kept):
            kept.append(cand)
    return kept
