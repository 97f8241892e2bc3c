"""Jinja's syntax errors in the reader's language, with what to do.

Jinja words its syntax errors in English (``unexpected '}'``, ``Unexpected end of template.
Jinja was looking for the following tags: 'endfor' or 'else'. ...``). The mistakes people
make writing a template (a brace left open, a block not closed, a misspelt tag, a missing
value) are said here as :class:`~planverk.i18n.Message` s; any other is Jinja's own words
after a sentence in the reader's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..i18n import Message, tr

_TOKENS = {
    "end of print statement": "}}",
    "end of statement block": "%}",
    "begin of print statement": "{{",
    "begin of statement block": "{%",
    "end of template": "",
}
"""What Jinja's names of tokens are as a template writes them."""


def _written(token: str) -> str:
    return _TOKENS.get(token, token)


def syntax_message(problem: str) -> Message:
    """Jinja's ``TemplateSyntaxError.message`` said in the reader's language."""
    for pattern, say in _RULES:
        found = re.fullmatch(pattern, problem)
        if found:
            return say(found)
    return tr("the template is not valid Jinja: {problem}", problem=problem)


def _ends_open(found: re.Match[str]) -> Message:
    if found[1]:
        return tr("the template ends before its '{{% {block} %}}' is closed: add '{{% end{block} %}}' "
                  "where the block ends", block=found[1])
    return tr("the template ends inside a tag: close it with '}}}}' or '%}}'")


def _unknown_tag(found: re.Match[str]) -> Message:
    innermost = re.search(r"The innermost block that needs to be closed is '(\w+)'\.", found[2])
    if innermost:
        return tr("'{{% {tag} %}}' where '{{% end{block} %}}' should close the open '{{% {block} %}}' "
                  "first: close blocks in the order they were opened, and check the spelling",
                  tag=found[1], block=innermost[1])
    return tr("'{{% {tag} %}}' is no tag here: check its spelling, or remove an end tag no block "
              "opened", tag=found[1])


_RULES: list[tuple[str, Callable[[re.Match[str]], Message]]] = [
    (r"Unexpected end of template\.(?: Jinja was looking for the following tags: .*?\.)?"
     r"(?: The innermost block that needs to be closed is '(\w+)'\.)?", _ends_open),
    (r"Encountered unknown tag '(\w+)'\.(.*)", _unknown_tag),
    (r"unexpected '(.+?)', expected '(.+?)'", lambda found: tr(
        "'{found}' where '{expected}' should close a bracket: close brackets in the order they were "
        "opened", found=found[1], expected=found[2])),
    (r"unexpected '(.+?)'", lambda found: tr(
        "'{found}' where it does not belong: check that every '{{{{' is closed by '}}}}', every '{{%' "
        "by '%}}' and every bracket", found=_written(found[1]))),
    (r"unexpected char '(.+?)' at \d+|unexpected char \"'\" at \d+", lambda found: tr(
        "'{character}' cannot stand inside '{{{{ }}}}' or '{{% %}}': close a quoted text with the quote "
        "it began with, or put the character outside the tag", character=found[1] or "'")),
    (r"unexpected end of template, expected '(.+?)'\.?", lambda found: tr(
        "the template ends before '{expected}' closes the tag", expected=_written(found[1]))),
    (r"expected token 'name', got '(.+?)'", lambda found: tr(
        "'{found}' where a name was expected: a filter after '|', a test after 'is', a field after '.'",
        found=_written(found[1]))),
    (r"expected token '(.+?)', got '(.+?)'", lambda found: tr(
        "'{found}' where '{expected}' was expected: check what stands between the tag's braces (a "
        "missing operator, comma or '|'?)", found=_written(found[2]), expected=_written(found[1]))),
    (r"Expected an expression, got '(.+?)'", lambda found: tr(
        "a value is missing before '{found}': e.g. '{{% if event.room %}}', '{{{{ plan.title }}}}'",
        found=_written(found[1]))),
    (r"Missing end of comment tag", lambda found: tr("a comment '{{#' is not closed: end it with '#}}'")),
]
"""Jinja's wording of a mistake (a whole message) and how it is said: the first that matches."""
