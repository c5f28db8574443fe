"""The index backends, one suite run against a SQLite file and a real redis-server."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis_server import free_port, redis_server

from compliance.errors import IndexFileError
from compliance.index import IndexEntry, Storage, make_entry, open_index
from compliance.model import Attribution, Document, Meta, TermsChoice


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throwaway redis-server shared by the Redis half of the suite."""
    with redis_server(tmp_path_factory.mktemp("redis")) as (url, _):
        yield url


@pytest.fixture(params=["sqlite", "redis"])
def spec(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An index location for each backend, fresh per test."""
    if request.param == "sqlite":
        return str(tmp_path / "index.sqlite")
    url = request.getfixturevalue("redis_url")
    return f"{url}#{uuid.uuid4().hex}"


@pytest.fixture
def store(spec: str) -> Iterator[Storage]:
    with open_index(spec) as storage:
        yield storage


def article(n: int, *, url: str | None = None, words: int = 120) -> Document:
    """A distinct document whose text is built from its number."""
    text = " ".join(f"word{(n * 7919 + i * 31) % 5003} item{i % 17}" for i in range(words))
    raw = text.encode()
    return Document(
        id=hashlib.sha256(raw).hexdigest(),
        origin=f"article-{n}.txt",
        format="text",
        title=f"Article {n}",
        text=text,
        meta=Meta(canonical_url=url),
        size=len(raw),
    )


def entry(n: int, *, terms: str = "globalresearch", url: str | None = None) -> IndexEntry:
    doc = article(n, url=url)
    return make_entry(
        doc,
        Attribution(source="Global Research", url=url, copyright_year=2017),
        TermsChoice(terms_id=terms, reason="domain", detail="globalresearch.ca"),
    )


def _index_with_meta(folder: Path, key: str, value: str) -> Path:
    """A new SQLite index whose header ``key`` was then set to ``value`` behind its back."""
    import sqlite3

    path = folder / "index.sqlite"
    open_index(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    conn.commit()
    conn.close()
    return path


def test_new_index_is_empty(store: Storage) -> None:
    assert len(store) == 0
    assert store.stats().count == 0


def test_added_entry_reads_back_with_its_facts(store: Storage) -> None:
    e = entry(1, url="https://www.globalresearch.ca/a/1")
    assert store.add([e]) == [True]
    got = store.get(e.id)
    assert got is not None
    assert got.attribution == e.attribution
    assert got.terms == e.terms
    assert got.signature == e.signature
    assert got.url == "https://www.globalresearch.ca/a/1"


def test_stored_document_is_rebuilt_whole(store: Storage) -> None:
    e = entry(2, url="https://example.org/x")
    store.add([e])
    got = store.get(e.id)
    assert got is not None
    assert got.load_document() == article(2, url="https://example.org/x")


def test_readding_the_same_content_is_a_no_op(store: Storage) -> None:
    e = entry(3)
    assert store.add([e]) == [True]
    assert store.add([e, entry(4)]) == [False, True]
    assert len(store) == 2


def test_remove_by_id(store: Storage) -> None:
    a, b = entry(5), entry(6)
    store.add([a, b])
    assert store.remove(a.id) == [a.id]
    assert store.ids() == [b.id]


def test_remove_by_url_matches_the_normalised_form(store: Storage) -> None:
    e = entry(7, url="https://www.example.org/story/?utm_source=x")
    store.add([e, entry(8)])
    assert store.remove("https://www.example.org/story") == [e.id]
    assert e.id not in store


def test_remove_by_unique_id_prefix(store: Storage) -> None:
    e = entry(9)
    store.add([e])
    assert store.remove(e.id[:12]) == [e.id]


def test_remove_of_unknown_key_removes_nothing(store: Storage) -> None:
    store.add([entry(10)])
    assert store.remove("0" * 64) == []
    assert len(store) == 1


def test_stats_break_down_terms(store: Storage) -> None:
    store.add([entry(11), entry(12), entry(13, terms="southfront")])
    stats = store.stats()
    assert stats.count == 3
    assert stats.terms == {"globalresearch": 2, "southfront": 1}
    assert stats.original_bytes == sum(article(n).size for n in (11, 12, 13))
    assert stats.stored_bytes > 0


def test_stats_forget_removed_originals(store: Storage) -> None:
    a = entry(14, terms="southfront")
    store.add([a, entry(15)])
    store.remove(a.id)
    assert store.stats().terms == {"globalresearch": 1}


def test_signatures_list_every_original(store: Storage) -> None:
    entries = [entry(n) for n in range(20, 25)]
    store.add(entries)
    got = {i: (count, sig, anchors) for i, count, sig, anchors in store.signatures()}
    assert got == {e.id: (e.shingle_count, e.signature, e.anchors) for e in entries}


def test_generation_changes_on_every_write(store: Storage) -> None:
    before = store.generation()
    e = entry(26)
    store.add([e])
    middle = store.generation()
    store.remove(e.id)
    assert len({before, middle, store.generation()}) == 3


def test_entries_survive_reopening(spec: str) -> None:
    with open_index(spec) as first:
        first.add([entry(27)])
    with open_index(spec) as second:
        assert second.ids() == [entry(27).id]


def test_opening_a_missing_index_without_create_fails(spec: str) -> None:
    with pytest.raises(IndexFileError, match="no index here"):
        open_index(spec, create=False)


# -- SQLite file guarantees -------------------------------------------------------------------


def test_a_file_that_is_not_an_index_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("meeting notes, not a database\n")
    with pytest.raises(IndexFileError, match="not a compliance index") as info:
        open_index(path)
    assert str(path) in str(info.value)
    assert path.read_text() == "meeting notes, not a database\n"


def test_another_sqlite_database_is_refused_and_kept(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(IndexFileError, match="not a compliance index"):
        open_index(path)
    assert path.read_bytes() == before


def test_an_index_from_a_newer_schema_is_refused(tmp_path: Path) -> None:

    path = _index_with_meta(tmp_path, "schema_version", "99")
    with pytest.raises(IndexFileError, match="newer compliance"):
        open_index(path)


def test_a_corrupt_index_is_reported_and_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    with open_index(path) as store:
        store.add([entry(n) for n in range(30, 60)])
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 512):  # keep the header, scramble every page after it
        data[offset : offset + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    with pytest.raises(IndexFileError, match="corrupt"), open_index(path) as store:
        list(store.entries())
    assert path.read_bytes() == bytes(data)


def test_a_folder_is_not_an_index(tmp_path: Path) -> None:
    with pytest.raises(IndexFileError, match="directory"):
        open_index(tmp_path)


def test_a_redis_key_space_holding_other_data_is_refused(redis_url: str) -> None:
    import redis

    name = uuid.uuid4().hex
    client = redis.Redis.from_url(redis_url)
    client.hset(f"compliance:{name}:meta", mapping={"format": "something-else"})
    with pytest.raises(IndexFileError, match="not a compliance index"):
        open_index(f"{redis_url}#{name}")
    assert client.hget(f"compliance:{name}:meta", "format") == b"something-else"


def test_an_unreachable_redis_is_an_index_error() -> None:
    with pytest.raises(IndexFileError, match="Redis"):
        open_index(f"redis://127.0.0.1:{free_port()}/0")


def test_an_index_built_with_other_signatures_must_be_rebuilt(tmp_path: Path) -> None:

    path = _index_with_meta(tmp_path, "signature", "k=9;perm=64")
    with pytest.raises(IndexFileError, match="rebuild the index"):
        open_index(path)


def test_the_built_search_is_kept_inside_the_index(store: Storage) -> None:
    from compliance.index.search import ContainmentSearch

    store.add([entry(n) for n in range(5)])
    assert store.search_blob() is None
    built = ContainmentSearch.save(store)
    kept = ContainmentSearch.from_bytes(store.search_blob() or b"")
    assert kept is not None and kept.ids == built.ids == ContainmentSearch.load(store).ids


def test_a_kept_search_goes_stale_when_the_index_changes(store: Storage) -> None:
    from compliance.index.search import ContainmentSearch

    store.add([entry(n) for n in range(5)])
    ContainmentSearch.save(store)
    store.add([entry(9)])
    assert store.search_blob() is None
    assert len(ContainmentSearch.load(store)) == 6


def test_loading_the_search_never_writes_to_the_index(store: Storage) -> None:
    from compliance.index.search import ContainmentSearch

    store.add([entry(n) for n in range(5)])
    generation = store.generation()
    assert len(ContainmentSearch.load(store)) == 5
    assert store.search_blob() is None
    assert store.generation() == generation


def test_adding_and_removing_originals_keep_the_search_current(store: Storage) -> None:
    from compliance.index.ingest import AddOptions, add_documents
    from compliance.index.search import ContainmentSearch

    list(add_documents(store, [article(n) for n in range(4)], AddOptions(terms_id="cc-by-4.0")))
    kept = ContainmentSearch.from_bytes(store.search_blob() or b"")
    assert kept is not None and len(kept) == 4
    store.remove(article(2).id)
    kept = ContainmentSearch.from_bytes(store.search_blob() or b"")
    assert kept is not None and len(kept) == 3


def test_a_search_built_before_a_write_is_not_kept(store: Storage) -> None:
    store.add([entry(1)])
    generation = store.generation()
    store.add([entry(2)])
    assert not store.save_search_blob(generation, b"old")
    assert store.search_blob() is None


def test_remove_by_origin_finds_it_directly(store: Storage) -> None:
    store.add([entry(n) for n in range(3)])
    assert store.find("article-1.txt") == [entry(1).id]


def test_an_index_of_the_previous_schema_is_refused_with_the_upgrade_command(
    tmp_path: Path,
) -> None:

    path = _index_with_meta(tmp_path, "schema_version", "1")
    with pytest.raises(IndexFileError, match="compliance index upgrade"):
        open_index(path)


def test_upgrade_refingerprints_an_old_index_from_its_stored_documents(spec: str) -> None:
    from compliance.index.upgrade import upgrade

    with open_index(spec) as store:
        store.add([entry(n) for n in range(4)])
        fresh = sorted(store.signatures())
        store.rewrite_fingerprints([(i, 1, b"\0" * 512, b"") for i, _, _, _ in fresh])
    assert upgrade(spec) == 4
    with open_index(spec, create=False) as store:
        assert sorted(store.signatures()) == fresh


def test_removing_several_keys_leaves_the_search_of_a_fresh_build(store: Storage) -> None:
    import io

    import numpy as np

    from compliance.index.ingest import AddOptions, add_documents
    from compliance.index.search import ContainmentSearch

    list(add_documents(store, [article(n) for n in range(5)], AddOptions(terms_id="cc-by-4.0")))
    gone = [article(1).id, article(3).id]
    assert store.remove_all([*gone, "0" * 64]) == [[gone[0]], [gone[1]], []]
    kept = ContainmentSearch.from_bytes(store.search_blob() or b"")
    fresh = ContainmentSearch.build(store.signatures())
    assert kept is not None
    assert kept.ids == fresh.ids == sorted(set(store.ids()))
    with np.load(io.BytesIO(kept.to_bytes())) as a, np.load(io.BytesIO(fresh.to_bytes())) as b:
        assert sorted(a.files) == sorted(b.files)
        for name in a.files:
            assert np.array_equal(a[name], b[name]), name
