"""Every built-in rule file validates, and each has a sample original detected as its terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.checks import proximity
from compliance.documents import load_path
from compliance.documents.attribution import extract_attribution
from compliance.model import VENUES, TermsChoice
from compliance.terms import builtin_rules_dir, choose_terms, contact_for, load_library, validate

ROOT = Path(__file__).resolve().parents[1]
ORIGINALS = ROOT / "samples" / "originals"
REFERENCE = ROOT.parent / "shared" / "reference" / "globalresearch-article.txt"
RULE_FILES = sorted(builtin_rules_dir().glob("*.yaml"))
LIBRARY = load_library()
NO_SAMPLE = {"globalresearch", "all-rights-reserved"}  # the lead's samples and the default


def _sample(terms_id: str) -> Path:
    found = sorted(ORIGINALS.glob(f"terms-{terms_id}.*"))
    assert len(found) == 1, f"expected one samples/originals/terms-{terms_id}.(html|md)"
    return found[0]


def _detect(path: Path) -> TermsChoice:
    original = load_path(path)
    return choose_terms(original, extract_attribution(original), LIBRARY)


def test_at_least_twelve_built_in_rule_files() -> None:
    assert len(RULE_FILES) >= 12


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_built_in_rule_file_validates(path: Path) -> None:
    assert list(validate(path)) == []


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_built_in_rule_id_matches_its_file_name(path: Path) -> None:
    assert path.stem in LIBRARY


@pytest.mark.parametrize("terms_id", sorted(LIBRARY))
def test_built_in_terms_state_every_venue(terms_id: str) -> None:
    assert set(LIBRARY[terms_id].venues) == set(VENUES)


def test_only_all_rights_reserved_is_unlicensed() -> None:
    assert [t.id for t in LIBRARY.values() if not t.licensed] == ["all-rights-reserved"]


def test_globalresearch_demands_source_copyright_and_link_together() -> None:
    terms = LIBRARY["globalresearch"]
    kinds = {r.kind: r for r in terms.requirements}
    assert {"credit_source", "copyright_notice", "link_to_original", "proximity"} <= set(kinds)
    assert kinds["proximity"].params == proximity.Params(within_chars=600)
    assert (terms.venues["commercial"], terms.venues["print"]) == ("permission", "permission")
    assert terms.contact == "publications@globalresearch.ca"


def test_noncommercial_licences_need_permission_for_commercial_venues() -> None:
    for terms_id in ("cc-by-nc-4.0", "cc-by-nc-nd-4.0"):
        assert LIBRARY[terms_id].venues["commercial"] == "permission"
    assert LIBRARY["cc-by-4.0"].venues["commercial"] == "allowed"


def test_no_derivatives_licences_forbid_edits() -> None:
    for terms_id in ("cc-by-nd-4.0", "cc-by-nc-nd-4.0", "the-conversation", "propublica"):
        assert "no_modification" in {r.kind for r in LIBRARY[terms_id].requirements}
    assert "no_modification" not in {r.kind for r in LIBRARY["cc-by-4.0"].requirements}


@pytest.mark.parametrize("terms_id", sorted(set(LIBRARY) - NO_SAMPLE))
def test_sample_original_is_detected_as_its_terms(terms_id: str) -> None:
    assert _detect(_sample(terms_id)).terms_id == terms_id


@pytest.mark.parametrize(
    "path",
    sorted(p for p in ORIGINALS.iterdir() if not p.name.startswith("terms-")),
    ids=lambda p: p.name,
)
def test_cross_posting_notices_of_other_publishers_are_read_as_their_own_terms(
    path: Path,
) -> None:
    choice = _detect(path)
    assert (choice.terms_id, choice.reason) == ("own-notice", "notice")


@pytest.mark.needs_shared
def test_reference_article_is_detected_as_globalresearch_by_phrase() -> None:
    original = load_path(REFERENCE)
    choice = choose_terms(original, extract_attribution(original), LIBRARY)
    assert (choice.terms_id, choice.reason) == ("globalresearch", "phrase")
    assert choice.score is not None and choice.score >= 95
    assert contact_for(original, LIBRARY["globalresearch"]) == "publications@globalresearch.ca"
