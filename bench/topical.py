"""Synthetic news that shares what real news shares, for the scan benchmark's precision runs.

``bench_scan.Generator`` draws i.i.d. Zipf words, so two of its articles share nothing but
common words. Real articles on one topic share far more, and this generator makes all of it:

- **vocabulary**: each of ``TOPICS`` topics has 400 words of its own, a quarter of every text;
- **named entities**: 60 names of two or three words per topic (people, places, bodies);
- **stock phrases**: 80 phrases of 4-9 words per topic ("said in a statement on ..."), about
  one sentence in three carries one;
- **same-event reports**: originals come in events of 3-8 reports on one topic, sharing the
  event's 4 entities, 6 facts (3-6 words) and a short statement (6-10 words) they all quote.

No two reports share a run of 16 words or more except by chance, so a new report on an old
event (``same_topic``) copies nothing, yet shares the topic's words, names, stock phrases and
the event's facts with dozens of originals: every candidate the search gives it is false.

``Boilerplate`` makes the other shared text: originals by ``AUTHORS`` authors on ``SITES``
sites, each ending with the author's credit-and-copyright line and the site's republishing
box, newsletter and donation appeal (as real sites do), and new articles by the same authors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TOPICS = 20
EVENT_SIZES = (3, 8)


@dataclass(frozen=True)
class Profile:
    """The generator's knobs; ranges are ``(low, high)`` with ``high`` excluded, as numpy's.

    ``TUNING`` is the profile the scan's settings were chosen on; ``HOLDOUT`` differs where real
    news differs from it, so a rule that fits only the tuning text shows on the holdout."""

    topics: int = TOPICS
    vocabulary: int = 400
    entities: int = 60
    phrases: int = 80
    phrase_words: tuple[int, int] = (4, 10)
    phrase_rate: float = 0.35
    event_sizes: tuple[int, int] = EVENT_SIZES
    facts: int = 6
    fact_words: tuple[int, int] = (3, 7)
    fact_rate: float = 0.3
    statement_words: tuple[int, int] = (6, 11)
    quotes: tuple[int, int] = (1, 3)
    sentences: tuple[int, int] = (25, 55)
    excerpt_words: tuple[int, int] | None = (150, 301)  # None: one paragraph to half the report
    salt: int = 0  # added to every seed: a family of draws no tuning run has seen


TUNING = Profile()
HOLDOUT = Profile(
    topics=12,  # bigger topics: more reports share each topic's words and phrases
    vocabulary=250,
    entities=40,
    phrases=120,
    phrase_words=(6, 13),  # stock phrases up to 12 words
    phrase_rate=0.45,
    event_sizes=(2, 16),  # a brief with one follow-up, or a story every outlet covers
    facts=10,
    fact_words=(4, 10),
    fact_rate=0.4,
    statement_words=(12, 21),  # the same official sentence, quoted in full
    quotes=(1, 4),
    sentences=(20, 70),
    excerpt_words=None,
    salt=50_000_000,
)
PROFILES = {"tuning": TUNING, "holdout": HOLDOUT}
_SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def _word(rng: np.random.Generator, syllables: tuple[int, int] = (2, 4)) -> str:
    n = int(rng.integers(*syllables))
    return "".join(_SYLLABLES[i] for i in rng.integers(0, len(_SYLLABLES), n))


@dataclass(frozen=True)
class Topic:
    vocabulary: tuple[str, ...]
    entities: tuple[str, ...]
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    topic: int
    entities: tuple[str, ...]
    facts: tuple[str, ...]
    statement: str


class Topical:
    """Originals grouped in events on topics, and same-topic reports that copy none of them."""

    def __init__(
        self, common: np.ndarray, cdf: np.ndarray, seed: int = 11, profile: str = "tuning"
    ) -> None:
        self.common, self.cdf = common, cdf  # the shared Zipf vocabulary of bench_scan
        self.profile = PROFILES[profile]
        rng = np.random.default_rng(seed + self.profile.salt)
        self.topics = [self._topic(rng) for _ in range(self.profile.topics)]

    def _rng(self, seed: int) -> np.random.Generator:
        return np.random.default_rng(self.profile.salt + seed)

    def _topic(self, rng: np.random.Generator) -> Topic:
        p = self.profile
        vocabulary = tuple(_word(rng, (3, 5)) for _ in range(p.vocabulary))
        entities = tuple(
            " ".join(_word(rng).capitalize() for _ in range(int(rng.integers(2, 4))))
            for _ in range(p.entities)
        )
        phrases = tuple(
            " ".join(self._common(rng, int(rng.integers(*p.phrase_words))))
            for _ in range(p.phrases)
        )
        return Topic(vocabulary, entities, phrases)

    def _common(self, rng: np.random.Generator, n: int) -> list[str]:
        return list(self.common[np.searchsorted(self.cdf, rng.random(n))])

    def event(self, e: int) -> Event:
        p = self.profile
        rng = self._rng(2_000_000 + e)
        topic = self.topics[e % p.topics]
        picks = rng.choice(len(topic.entities), 4, replace=False)
        facts = tuple(
            " ".join(self._sentence_words(rng, topic, int(rng.integers(*p.fact_words))))
            for _ in range(p.facts)
        )
        statement = " ".join(
            self._sentence_words(rng, topic, int(rng.integers(*p.statement_words)))
        )
        return Event(e % p.topics, tuple(topic.entities[i] for i in picks), facts, statement)

    def _sentence_words(self, rng: np.random.Generator, topic: Topic, n: int) -> list[str]:
        words = self._common(rng, n)
        for i in np.flatnonzero(rng.random(n) < 0.25):
            words[i] = topic.vocabulary[int(rng.integers(len(topic.vocabulary)))]
        return words

    def report(self, event: Event, seed: int) -> str:
        """One article on ``event``: ~40 sentences (tuning), quoting its statement once or more."""
        p = self.profile
        rng = self._rng(seed)
        topic = self.topics[event.topic]
        sentences: list[str] = []
        for _ in range(int(rng.integers(*p.sentences))):
            parts = [" ".join(self._sentence_words(rng, topic, int(rng.integers(6, 16))))]
            if rng.random() < p.phrase_rate:
                parts.insert(int(rng.integers(0, 2)), rng.choice(topic.phrases))
            if rng.random() < 0.5:
                parts.append(rng.choice(event.entities))
            if rng.random() < p.fact_rate:
                parts.insert(0, rng.choice(event.facts))
            sentences.append(" ".join(parts) + ".")
        for _ in range(int(rng.integers(*p.quotes))):
            at = int(rng.integers(0, len(sentences)))
            sentences[at] += f' "{event.statement}," said {rng.choice(event.entities)}.'
        return "\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))

    def edited(self, j: int, n_originals: int, share: float) -> tuple[str, int]:
        """(a whole original with ``share`` of its words replaced by its topic's words, its
        index): a heavily edited copy, the price side of the scan's evidence rules."""
        rng = self._rng(12_000_000 + j)
        src = int(rng.integers(0, n_originals))
        vocabulary = self.topics[self.event(self.event_of(src)).topic].vocabulary
        words = self.original(src).split(" ")
        for i in np.flatnonzero(rng.random(len(words)) < share):
            words[i] = vocabulary[int(rng.integers(len(vocabulary)))]
        return " ".join(words), src

    def event_of(self, i: int) -> int:
        """Original ``i`` reports event ``event_of(i)``: consecutive originals share events."""
        low, high = self.profile.event_sizes
        block = high  # a block of originals, cut into events of one size
        size = int(self._rng(3_000_000 + i // block).integers(low, high))
        return (i // block) * block + (i % block) // size

    def original(self, i: int) -> str:
        return self.report(self.event(self.event_of(i)), 1_000_000 + i)

    def same_topic(self, j: int, n_originals: int) -> tuple[str, int]:
        """(a new report on the event of an indexed original, that original's index)."""
        rng = self._rng(7_000_000 + j)
        src = int(rng.integers(0, n_originals))
        return self.report(self.event(self.event_of(src)), 9_000_000 + j), src

    def excerpt(self, j: int, n_originals: int) -> tuple[str, int]:
        """(part of an original inside a new report on the same event, its index): 150-300
        words (tuning), or one paragraph to half the original's paragraphs (holdout)."""
        new, src = self.same_topic(j, n_originals)
        rng = self._rng(8_000_000 + j)
        original = self.original(src)
        if self.profile.excerpt_words is None:
            source = original.split("\n\n")
            count = int(rng.integers(1, max(1, len(source) // 2) + 1))
            first = int(rng.integers(0, len(source) - count + 1))
            taken = "\n\n".join(source[first : first + count])
        else:
            words = original.split()
            length = int(rng.integers(*self.profile.excerpt_words))
            start = int(rng.integers(0, max(1, len(words) - length)))
            taken = " ".join(words[start : start + length])
        paragraphs = new.split("\n\n")
        at = int(rng.integers(0, len(paragraphs) + 1))
        paragraphs.insert(at, taken)
        return "\n\n".join(paragraphs), src


AUTHORS = 50
SITES = 5


class Boilerplate:
    """Articles ending with their author's credit line and their site's notices."""

    def __init__(self, topical: Topical, seed: int = 13) -> None:
        self.topical = topical
        rng = np.random.default_rng(seed)
        self.sites = [" ".join(_word(rng).capitalize() for _ in range(2)) for _ in range(SITES)]
        self.authors = [
            f"{_word(rng).capitalize()} {_word(rng).capitalize()}" for _ in range(AUTHORS)
        ]

    def footer(self, author: int) -> str:
        name, site = self.authors[author], self.sites[author % SITES]
        return "\n".join(
            (
                f"{name} is a regular contributor to {site}. Copyright {name}, {site}, 2024."
                " All rights reserved.",
                f"Republish this story for free under a Creative Commons licence: credit {name}"
                f" and {site} and link to the original.",
                f"Sign up for our newsletter and get the best of {site} in your inbox every"
                " morning.",
                f"{site} is independent and reader-funded. Donate today to support our journalism.",
            )
        )

    def original(self, i: int) -> str:
        return f"{self.topical.original(i)}\n\n{self.footer(i % AUTHORS)}"

    def new_article(self, j: int, n_originals: int, *, same_event: bool) -> tuple[str, int]:
        """(a new article by the author of an indexed original, that original's index): a new
        report on the original's event, or (``same_event`` False) on no indexed event."""
        text, src = self.topical.same_topic(j, n_originals)
        if not same_event:
            text = self.topical.report(self.topical.event(10_000_000 + j), 11_000_000 + j)
        return f"{text}\n\n{self.footer(src % AUTHORS)}", src
