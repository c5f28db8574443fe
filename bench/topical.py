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

    def __init__(self, common: np.ndarray, cdf: np.ndarray, seed: int = 11) -> None:
        self.common, self.cdf = common, cdf  # the shared Zipf vocabulary of bench_scan
        rng = np.random.default_rng(seed)
        self.topics = [self._topic(rng) for _ in range(TOPICS)]

    def _topic(self, rng: np.random.Generator) -> Topic:
        vocabulary = tuple(_word(rng, (3, 5)) for _ in range(400))
        entities = tuple(
            " ".join(_word(rng).capitalize() for _ in range(int(rng.integers(2, 4))))
            for _ in range(60)
        )
        phrases = tuple(" ".join(self._common(rng, int(rng.integers(4, 10)))) for _ in range(80))
        return Topic(vocabulary, entities, phrases)

    def _common(self, rng: np.random.Generator, n: int) -> list[str]:
        return list(self.common[np.searchsorted(self.cdf, rng.random(n))])

    def event(self, e: int) -> Event:
        rng = np.random.default_rng(2_000_000 + e)
        topic = self.topics[e % TOPICS]
        picks = rng.choice(len(topic.entities), 4, replace=False)
        facts = tuple(
            " ".join(self._sentence_words(rng, topic, int(rng.integers(3, 7)))) for _ in range(6)
        )
        statement = " ".join(self._sentence_words(rng, topic, int(rng.integers(6, 11))))
        return Event(e % TOPICS, tuple(topic.entities[i] for i in picks), facts, statement)

    def _sentence_words(self, rng: np.random.Generator, topic: Topic, n: int) -> list[str]:
        words = self._common(rng, n)
        for i in np.flatnonzero(rng.random(n) < 0.25):
            words[i] = topic.vocabulary[int(rng.integers(len(topic.vocabulary)))]
        return words

    def report(self, event: Event, seed: int) -> str:
        """One article on ``event``: ~40 sentences, quoting its statement once or twice."""
        rng = np.random.default_rng(seed)
        topic = self.topics[event.topic]
        sentences: list[str] = []
        for _ in range(int(rng.integers(25, 55))):
            parts = [" ".join(self._sentence_words(rng, topic, int(rng.integers(6, 16))))]
            if rng.random() < 0.35:
                parts.insert(int(rng.integers(0, 2)), rng.choice(topic.phrases))
            if rng.random() < 0.5:
                parts.append(rng.choice(event.entities))
            if rng.random() < 0.3:
                parts.insert(0, rng.choice(event.facts))
            sentences.append(" ".join(parts) + ".")
        for _ in range(int(rng.integers(1, 3))):
            at = int(rng.integers(0, len(sentences)))
            sentences[at] += f' "{event.statement}," said {rng.choice(event.entities)}.'
        return "\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))

    def event_of(self, i: int) -> int:
        """Original ``i`` reports event ``event_of(i)``: consecutive originals share events."""
        rng = np.random.default_rng(3_000_000 + i // EVENT_SIZES[1])
        size = int(rng.integers(*EVENT_SIZES))
        return (i // EVENT_SIZES[1]) * EVENT_SIZES[1] + (i % EVENT_SIZES[1]) // size

    def original(self, i: int) -> str:
        return self.report(self.event(self.event_of(i)), 1_000_000 + i)

    def same_topic(self, j: int, n_originals: int) -> tuple[str, int]:
        """(a new report on the event of an indexed original, that original's index)."""
        rng = np.random.default_rng(7_000_000 + j)
        src = int(rng.integers(0, n_originals))
        return self.report(self.event(self.event_of(src)), 9_000_000 + j), src

    def excerpt(self, j: int, n_originals: int) -> tuple[str, int]:
        """(150-300 words of an original inside a new report on the same event, its index)."""
        new, src = self.same_topic(j, n_originals)
        rng = np.random.default_rng(8_000_000 + j)
        words = self.original(src).split()
        length = int(rng.integers(150, 301))
        start = int(rng.integers(0, max(1, len(words) - length)))
        paragraphs = new.split("\n\n")
        at = int(rng.integers(0, len(paragraphs) + 1))
        paragraphs.insert(at, " ".join(words[start : start + length]))
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
