"""A scan never accuses on shared boilerplate: notice lines and text many originals carry."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from compliance.index import make_entry, open_index
from compliance.index.evidence import has_distinctive_run, is_evidence, pair_holders
from compliance.index.fingerprint import fingerprint
from compliance.index.search import ContainmentSearch
from compliance.model import Attribution, Document, TermsChoice
from compliance.pipeline import CheckOptions, with_library
from compliance.scan import ScanOptions, scan_document
from compliance.similarity import compare, is_copy

_RNG = random.Random(3)
VOCAB = ["".join(_RNG.choice("bdfgklmnprstvz") + _RNG.choice("aeiou") for _ in range(3))
         for _ in range(5000)]  # fmt: skip
CREDIT = (
    "Dana Whitlock is a regular contributor to the Harbour Ledger. Copyright Dana Whitlock,"
    " Harbour Ledger, 2024. All rights reserved."
)
TAGLINE = (
    "The Harbour Ledger reports on the ports, ferries, fisheries and coastal towns of the north"
    " shore every weekday morning, with tide tables and the shipping forecast"
)  # site text with no notice phrase in it


def story(seed: int, words: int = 400) -> str:
    rng = random.Random(seed)
    body = [" ".join(rng.choice(VOCAB) for _ in range(40)) for _ in range(words // 40)]
    return "\n\n".join(body)


def document(text: str, name: str) -> Document:
    raw = text.encode()
    return Document(
        id=hashlib.sha256(raw).hexdigest(), origin=name, format="text", title=name,
        text=text, size=len(raw),
    )  # fmt: skip


def scan_pairs(tmp_path: Path, originals: list[str], copy: str) -> list[str]:
    """Titles of the originals a scan reports ``copy`` as reusing."""
    path = tmp_path / "index.sqlite"
    with open_index(path) as store:
        store.add(
            [
                make_entry(document(t, f"o{i}"), Attribution(), TermsChoice("cc-by-4.0", "flag"))
                for i, t in enumerate(originals)
            ]
        )
    options = ScanOptions(
        index={"type": "sqlite", "path": str(path)},
        check=with_library(CheckOptions(today="2024-06-01")),
    )
    result = scan_document(document(copy, "copy"), options)
    return [r.original.title for r in result.reports]


@pytest.mark.parametrize("archive", [2, 12])
def test_a_shared_credit_line_alone_makes_no_pair(tmp_path: Path, archive: int) -> None:
    originals = [f"{story(i)}\n\n{CREDIT}" for i in range(archive)]
    assert scan_pairs(tmp_path, originals, f"{story(999)}\n\n{CREDIT}") == []


def test_site_text_many_originals_carry_makes_no_pair(tmp_path: Path) -> None:
    originals = [f"{TAGLINE}\n\n{story(i)}" for i in range(12)]
    assert scan_pairs(tmp_path, originals, f"{TAGLINE}\n\n{story(999)}") == []


def test_a_real_excerpt_beside_the_shared_lines_is_still_reported(tmp_path: Path) -> None:
    originals = [f"{TAGLINE}\n\n{story(i)}\n\n{CREDIT}" for i in range(12)]
    excerpt = " ".join(story(4).split()[100:220])
    copy = f"{TAGLINE}\n\n{story(999)}\n\n{excerpt}\n\n{CREDIT}"
    assert scan_pairs(tmp_path, originals, copy) == ["o4"]


def test_a_passage_inside_notice_lines_is_not_evidence() -> None:
    text = f"{story(1, 80)}\n{CREDIT}"
    start = text.index(CREDIT)
    assert not is_evidence(text, start, len(text))
    assert is_evidence(text, 0, start)


STOCK = (
    "officials from the regional harbour authority said on Monday that the inspection of the"
    " breakwater would continue through the winter"
)  # a stock sentence every report of a topic carries


def archive_search(tmp_path: Path, originals: list[str]) -> ContainmentSearch:
    """The candidate search of a real index of ``originals`` (what knows the common text)."""
    with open_index(tmp_path / "index.sqlite") as store:
        store.add(
            [
                make_entry(document(t, f"o{i}"), Attribution(), TermsChoice("cc-by-4.0", "flag"))
                for i, t in enumerate(originals)
            ]
        )
        return ContainmentSearch.build(store.signatures())


def own_run(tmp_path: Path, originals: list[str], copy: str) -> bool:
    """Whether the pair (``originals[0]``, ``copy``), which the check alone calls a copy,
    keeps a run of its own against an index of ``originals``."""
    found = compare(originals[0], copy)
    assert is_copy(found)  # a verbatim passage or a run of 7 words
    search = archive_search(tmp_path, originals)
    own = document(originals[0], "o0").id
    holders = pair_holders(search, fingerprint(originals[0]).anchors, own, "")
    return has_distinctive_run(originals[0], copy, found, holders=holders)


def test_a_copy_only_through_phrases_many_originals_share_is_not_confirmed(
    tmp_path: Path,
) -> None:
    originals = [f"{story(i)}\n\n{STOCK}\n\n{story(100 + i)}" for i in range(12)]
    assert not own_run(tmp_path, originals, f"{story(999)}\n\n{STOCK}\n\n{story(998)}")


def test_a_copied_sentence_beside_the_shared_phrases_is_confirmed(tmp_path: Path) -> None:
    originals = [f"{story(i)}\n\n{STOCK}\n\n{story(100 + i)}" for i in range(12)]
    sentence = " ".join(story(0).split()[40:70])
    copy = f"{story(999)}\n\n{STOCK}\n\n{sentence}\n\n{story(998)}"
    assert own_run(tmp_path, originals, copy)


def quoting(quote: str, speaker: str) -> tuple[str, str]:
    """(an original ending with ``quote``, a copy sharing with it only runs of three words and
    the quotation)."""
    words = story(0, 80).split()
    loose = [w if n % 4 else "and" for n, w in enumerate(words)]
    tail = f' "{quote}," said {speaker}.'
    return " ".join(words) + tail, " ".join(loose) + tail


def test_a_quotation_both_texts_carry_is_not_the_pairs_own_run(tmp_path: Path) -> None:
    original, copy = quoting(" ".join(story(7, 40).split()[:14]), "the minister")
    assert not own_run(tmp_path, [original, story(5)], copy)


def test_a_run_through_notice_lines_is_not_the_pairs_own(tmp_path: Path) -> None:
    original = f"{story(0)}\n{CREDIT}"
    assert not own_run(tmp_path, [original, story(5)], f"{story(999)}\n{CREDIT}")


SENTENCE = " ".join(story(4242, 40).split()[:24])  # a sentence two reports of an event carry
WITH_SENTENCE = f"{story(0)}\n\n{SENTENCE}\n\n{story(100)}"
COPY_OF_SENTENCE = f"{story(999)}\n\n{SENTENCE}\n\n{story(998)}"


def test_a_sentence_another_original_holds_too_is_not_the_pairs_own_run(tmp_path: Path) -> None:
    originals = [WITH_SENTENCE, f"{story(1)}\n\n{SENTENCE}", story(2)]
    assert not own_run(tmp_path, originals, COPY_OF_SENTENCE)


def test_a_sentence_only_the_original_holds_is_the_pairs_own_run(tmp_path: Path) -> None:
    assert own_run(tmp_path, [WITH_SENTENCE, story(1), story(2)], COPY_OF_SENTENCE)


def test_a_long_quotation_other_reports_carry_is_not_the_pairs_own_run(tmp_path: Path) -> None:
    quote = " ".join(story(33, 40).split()[:20])  # long; some of its shingles are no anchor
    original, copy = quoting(quote, "Mira Okonkwo Delgado")
    other = f'{story(5)} "{quote}," a spokesman said.'
    assert not own_run(tmp_path, [original, other], copy)


def test_a_copy_the_index_holds_too_is_still_reported(tmp_path: Path) -> None:
    originals = [WITH_SENTENCE, story(1), COPY_OF_SENTENCE]
    assert scan_pairs(tmp_path, originals, COPY_OF_SENTENCE) == ["o0"]


def test_a_copy_of_an_article_the_index_holds_twice_is_reported(tmp_path: Path) -> None:
    republished = f"{WITH_SENTENCE}\n\n{story(77, 30)}"  # the same article, with a note added
    originals = [WITH_SENTENCE, story(1), republished]
    assert sorted(scan_pairs(tmp_path, originals, COPY_OF_SENTENCE)) == ["o0", "o2"]


def test_an_article_of_quotations_copied_whole_is_reported(tmp_path: Path) -> None:
    words = story(55, 400).split()
    quotes = [" ".join(words[i : i + 11]) for i in range(0, 264, 11)]  # 24 quotations
    voices = "\n\n".join(f'"{q}," said Speaker {chr(65 + n % 3)}.' for n, q in enumerate(quotes))
    copy = f"Voices from the summit\n\n{voices}"
    assert scan_pairs(tmp_path, [voices, story(1), story(2)], copy) == ["o0"]
