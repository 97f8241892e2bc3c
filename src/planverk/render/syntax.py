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


def _written(token: str) -> str | Message:
    if token in ("integer", "float"):  # Jinja names the kind of a literal, not the literal
        return tr("a number")
    if token == "string":
        return tr("a text")
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
    (r"Missing end of raw directive", lambda found: tr(
        "a '{{% raw %}}' is not closed: end it with '{{% endraw %}}'")),
    (r"No filter named '(.+?)'\.?", lambda found: tr(
        "there is no filter '{name}': the filters a template can use are listed in docs/templates.md",
        name=found[1])),
    (r"No test named '(.+?)'\.?", lambda found: tr(
        "there is no test '{name}' to follow 'is': e.g. 'is defined', 'is number', 'is none'", name=found[1])),
    (r"Invalid character in identifier", lambda found: tr(
        "a name with a character no name can have: names of fields, filters and variables are letters, digits "
        "and '_'; a text goes in quotes")),
    (r"tag name expected", lambda found: tr("a '{{% %}}' without a tag: write the tag after '{{%', e.g. "
                                            "'{{% if event.room %}}'")),
    (r"Block names in Jinja have to be valid Python identifiers.*", lambda found: tr(
        "a block's name cannot have '-': write '_' instead, e.g. '{{% block main_text %}}'")),
    (r"Required blocks can only contain comments or whitespace", lambda found: tr(
        "a 'required' block holds only comments and blank space: its text belongs in the template that "
        "extends this one")),
    (r"non-default argument follows default argument", lambda found: tr(
        "a macro's argument without a default comes after one with a default: put the arguments with "
        "defaults last")),
    (r"expected call", lambda found: tr("'{{% call %}}' takes a macro's call, e.g. '{{% call row(item) %}}'")),
    (r"names starting with an underline can not be imported", lambda found: tr(
        "a name that starts with '_' cannot be imported: rename the macro")),
    (r"can't assign to '.+?'", lambda found: tr(
        "'{{% set %}}' and '{{% for %}}' give values to names only, e.g. '{{% set total = 0 %}}'; a value kept "
        "across a loop goes in a namespace(): '{{% set ns = namespace(total=0) %}}'")),
    (r"expected name or number", lambda found: tr(
        "a '.' where a field's name should follow, e.g. 'event.title'")),
    (r"expected subscript expression", lambda found: tr(
        "'[ ]' without what to read: write a key or a number inside, e.g. labels['time'], events[0]")),
    (r"invalid syntax for function call expression", lambda found: tr(
        "a call's arguments cannot be read: separate them with commas, and write named ones (name=value) after "
        "the others")),
    (r"You cannot chain multiple tests with is", lambda found: tr(
        "one test for each 'is': join tests with 'and', e.g. 'x is number and x > 0'")),
    (r"block '(.+?)' defined twice", lambda found: tr(
        "the block '{name}' is defined twice: give each block its own name", name=found[1])),
    (r"cannot use extend from a non top-level scope", lambda found: tr(
        "'{{% extends %}}' stands at the top of the template, not inside a block, loop or 'if'")),
    (r"Can't assign to special loop variable in for-loop target", lambda found: tr(
        "'loop' is Jinja's own name inside a for loop: call the loop's item something else")),
    (r"When defining macros or call blocks the special \"caller\" argument.*", lambda found: tr(
        "a macro's 'caller' argument is left out or given a default")),
    (r"chunk after expression", lambda found: tr(
        "more than one value where one is expected: join them with an operator, or a comma inside brackets")),
    (r".*(?:escape|Unicode character name).*", lambda found: tr(
        "a quoted text has a backslash that starts no escape it completes (e.g. '\\x' without two hex "
        "digits): write '\\\\' for a backslash")),
]
"""Jinja's wording of a mistake (a whole message) and how it is said: the first that matches."""
