"""A short footer notice is read in any language, on a page in any language.

A footer of a few words ("Weiterverbreitung gegen Quellenangabe gestattet.") holds none of its
language's commonest words, so it cannot be told apart by language: every pattern file reads
every text, and `rules detect` takes the original's own notice from the footer.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import app

ARTICLES = {
    "en": "The harbour board approved a new ferry timetable on Monday, adding evening "
    "crossings that commuters from the island had requested for years.",
    "de": "Der Hafenbeirat hat am Montag einen neuen Fahrplan für die Fähren beschlossen, mit "
    "Abendfahrten, die Pendler von der Insel seit Jahren gefordert hatten.",
    "fr": "Le conseil du port a approuvé lundi de nouveaux horaires pour les bacs, avec des "
    "traversées le soir que les habitants de l'île réclamaient depuis des années.",
    "es": "La junta del puerto aprobó el lunes un nuevo horario de transbordadores, con "
    "travesías por la tarde que los vecinos de la isla pedían desde hace años.",
    "pt": "A administração do porto aprovou na segunda-feira um novo horário das balsas, com "
    "travessias à noite que os moradores da ilha pediam há anos.",
    "ru": "Совет порта в понедельник утвердил новое расписание паромов, добавив вечерние "
    "рейсы, о которых жители острова просили много лет.",
}
# A footer's notice per language, and the status it states.
FOOTERS = {
    "en": ("Reproduction prohibited.", "forbidden"),
    "de": ("Weiterverbreitung gegen Quellenangabe gestattet.", "allowed-with-conditions"),
    "fr": ("Reprise autorisée en mentionnant la source.", "allowed-with-conditions"),
    "es": ("Se autoriza la difusión citando la fuente.", "allowed-with-conditions"),
    "pt": ("Permitida a republicação citando a fonte.", "allowed-with-conditions"),
    "ru": ("Копирование материалов разрешено.", "allowed"),
}
CASES = list(dict.fromkeys((page, footer) for footer in FOOTERS for page in ("en", footer)))


def _page(folder: Path, page: str, footer: str) -> Path:
    """An article in language ``page`` whose only notice is the footer in ``footer``'s."""
    body = "".join(f"<p>{ARTICLES[page]}</p>" for _ in range(3))
    path = folder / f"{page}-{footer}.html"
    path.write_text(
        f"<html lang={page}><head><title>Ferry</title></head><body><article><h1>Ferry</h1>"
        f"{body}</article><footer><p>© 2024 Harbour Post. {FOOTERS[footer][0]}</p></footer>"
        "</body></html>",
        encoding="utf-8",
    )
    return path


def _detect(path: Path) -> dict[str, object]:
    result = CliRunner().invoke(app, ["rules", "detect", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    detected: dict[str, object] = json.loads(result.stdout)
    return detected


@pytest.mark.parametrize(("page", "footer"), CASES, ids=[f"{p}-page-{f}-footer" for p, f in CASES])
def test_a_short_footer_is_the_originals_own_notice(page: str, footer: str, tmp_path: Path) -> None:
    assert _detect(_page(tmp_path, page, footer))["terms_id"] == "own-notice"


@pytest.mark.parametrize(("page", "footer"), CASES, ids=[f"{p}-page-{f}-footer" for p, f in CASES])
def test_a_short_footer_states_its_status(page: str, footer: str, tmp_path: Path) -> None:
    assert _detect(_page(tmp_path, page, footer))["republishing"] == FOOTERS[footer][1]
