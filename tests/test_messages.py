"""The message catalogs: every text the code marks is translated to bokmål and nynorsk, with
the same placeholders, and the compiled .mo files are the .po files as they stand."""

from __future__ import annotations

import gettext
from datetime import date
from string import Formatter

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from conftest import ROOT
from planverk.i18n import LOCALE_DIR, Items, tr, plural

SOURCE = ROOT / "src" / "planverk"
KEYWORDS = {"tr": None, "plural": (1, 2)}  # as `make messages` extracts them
LANGUAGES = ["nb", "nn"]


def catalog(language: str):
    with open(LOCALE_DIR / language / "LC_MESSAGES" / "planverk.po", "rb") as po:
        return read_po(po, locale=language)


def marked_in_code() -> set[str | tuple[str, str]]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        SOURCE, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_the_template_lists_every_marked_text() -> None:
    with open(SOURCE / "i18n" / "planverk.pot", "rb") as pot:
        listed = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(pot) if m.id}
    assert listed == marked_in_code(), "run `make messages`"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_is_translated_with_the_same_placeholders(language: str) -> None:
    entries = {m.id if isinstance(m.id, str) else tuple(m.id): m for m in catalog(language) if m.id}
    assert set(entries) == marked_in_code(), "run `make messages`, then translate the new texts"
    for key, entry in entries.items():
        assert not entry.fuzzy, key
        forms = [entry.string] if isinstance(key, str) else list(entry.string)
        wanted = fields(key) if isinstance(key, str) else fields(key[0]) | fields(key[1])
        for form in forms:
            assert form, f"{language}: no translation for {key!r}"
            assert fields(form) == wanted, f"{language}: placeholders differ in {form!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_is_the_po_file(language: str) -> None:
    with open(LOCALE_DIR / language / "LC_MESSAGES" / "planverk.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for entry in catalog(language):
        if not entry.id:
            continue
        if isinstance(entry.id, str):
            assert compiled.gettext(entry.id) == entry.string, "run `make messages`"
        else:
            assert compiled.ngettext(entry.id[0], entry.id[1], 1) == entry.string[0]
            assert compiled.ngettext(entry.id[0], entry.id[1], 2) == entry.string[1]


def test_arguments_are_written_the_way_the_language_writes_them() -> None:
    message = tr("the deadline {day} is outside {bounds}", day=date(2025, 3, 11),
                  bounds=tr("the plan period ({start} to {end})", start=date(2025, 1, 1), end=date(2025, 2, 28)))
    assert message.render("nb") == "fristen 11. mars 2025 er utenfor planperioden (1. januar 2025 til 28. februar 2025)"
    assert message.render("nn") == "fristen 11. mars 2025 er utanfor planperioden (1. januar 2025 til 28. februar 2025)"
    assert str(message) == "the deadline 11 March 2025 is outside the plan period (1 January 2025 to 28 February 2025)"
    listed = Items(tuple(f"q{n}" for n in range(7)), shown=5)
    unscored = plural("{who} leaves {count} question unscored: {questions}; write its score, or "
                      "{{missing: why}} when the source gives none",
                      "{who} leaves {count} questions unscored: {questions}; write their scores, or "
                      "{{missing: why}} where the source gives none", 7, who="Gran 2023", questions=listed)
    assert unscored.render("nn") == ("Gran 2023 har 7 spørsmål utan poeng: q0, q1, q2, q3, q4 og 2 til; skriv "
                                     "poenga, eller {missing: kvifor} der kjelda ikkje gir dei")
    assert str(unscored) == ("Gran 2023 leaves 7 questions unscored: q0, q1, q2, q3, q4 and 2 more; write "
                             "their scores, or {missing: why} where the source gives none")


def test_a_language_without_a_catalog_is_english() -> None:
    assert tr("unknown key '{key}'", key="x").render("sv") == "unknown key 'x'"
