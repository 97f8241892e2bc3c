"""Values an edit writes, in the plan's own words: ``status: utført`` in a plan that writes
``status: vedtatt`` and ``kind: frist``, ``status: done`` in one that writes English.

The model reads every word of :mod:`planverk.model.words` in bokmål, nynorsk and English
and keeps the English value; an edit that writes a value back writes the form the file
around it uses, so that a Norwegian plan does not get English words one edit at a time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..model.words import LANGUAGES, VOCABULARIES, Vocabulary, normal


def _scalars(node: Any) -> Iterator[str]:
    """Every text value of a YAML document (keys left out)."""
    if isinstance(node, dict):
        for value in node.values():
            yield from _scalars(value)
    elif isinstance(node, list):
        for value in node:
            yield from _scalars(value)
    elif isinstance(node, str):
        yield node


def _language_of(vocabulary: Vocabulary, word: str) -> str | None:
    """'nb', 'nn' or 'en' for a word of ``vocabulary`` (the one it is only a form of;
    'en' for the value itself), None when it is none of its words or is the same in all."""
    value = vocabulary.value_of(word)
    if value is None:
        return None
    word = normal(word)
    found = [lang for lang in LANGUAGES if word in (normal(w) for w in vocabulary.words(value, lang))]
    if word == normal(value) or found == ["en"] or not found:
        return "en"
    norwegian = [lang for lang in found if lang != "en"]
    if "en" in found or not norwegian:
        return None
    return norwegian[0] if len(norwegian) == 1 else "nb"


def _count(document: Any, vocabularies: tuple[Vocabulary, ...]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in _scalars(document):
        for vocabulary in vocabularies:
            language = _language_of(vocabulary, text)
            if language is not None:
                counts["en" if language == "en" else "no"] += 1
                break
    return counts


def word_for(document: Any, vocabulary: Vocabulary, value: str, language: str) -> str:
    """``value`` of ``vocabulary`` as the plan writes it: its Norwegian form (in the plan's
    ``language``, bokmål unless it is ``nn``) where the document writes the words of this
    list in Norwegian more often than in English, or, when it writes none of them, the
    words of the other lists; else the English value."""
    counts = _count(document, (vocabulary,))
    if not counts:
        counts = _count(document, VOCABULARIES)
    if counts["no"] <= counts["en"]:
        return value
    forms = vocabulary.words(value, "nn" if language == "nn" else "nb")
    return forms[0] if forms else value
