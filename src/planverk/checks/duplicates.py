"""The same deadline, milestone or meeting written twice (a repeated row of a table).

Two tasks are "the same" when their words agree once case, punctuation and hyphens are set
aside, and where they differ, the difference is a small word (og, for, the ...) or a typo
of one word for another (``Budsjettsemniar`` for ``Budsjettseminar``). Words that differ
in a digit or a letter that names something (``sektor A``/``sektor B``, ``møte 3``/``møte 4``)
make two different tasks.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from difflib import SequenceMatcher
from functools import lru_cache

from ..i18n import tr
from .context import Issue, Loc, PlanIndex

FILLER = frozenset(
    "og i på til for av med om fra ved en et ei den det de the a an of to for and in on at by".split()
)
"""Small words (bokmål, nynorsk, English) whose presence or absence does not make another task."""

TYPO_RATIO = 0.8
"""How alike two words must be (difflib's ratio) to count as one word mistyped."""
TYPO_LENGTH = 5
"""Shorter words must match exactly: 'rapport A' is not 'rapport B'."""


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """Lower-case words of ``text``, NFC, hyphens joined, other punctuation dropped."""
    text = unicodedata.normalize("NFC", text).casefold()
    if text.replace(" ", "").isalnum():
        # Words and spaces only, as most titles are: the words are what lies between the
        # spaces (``\w`` is what ``str.isalnum`` accepts, and the underscore).
        return tuple(text.split())
    text = re.sub(r"(?<=\w)[-‐–](?=\w)", "", text)
    return tuple(re.findall(r"\w+", text))


def _typo(a: str, b: str) -> bool:
    if a.isdigit() or b.isdigit() or re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return False
    if min(len(a), len(b)) < TYPO_LENGTH:
        return False
    return SequenceMatcher(None, a, b).ratio() >= TYPO_RATIO


def same_task(first: str, second: str) -> bool:
    """Whether two task texts say the same thing, in the sense of the module docstring."""
    a, b = words(first), words(second)
    if a == b:
        return True
    if "".join(a) == "".join(b):
        return True  # 'budsjett seminar' and 'budsjettseminar'
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        left, right = a[i1:i2], b[j1:j2]
        if op in ("delete", "insert") and all(w in FILLER for w in left + right):
            continue
        if op == "replace":
            left = tuple(w for w in left if w not in FILLER)
            right = tuple(w for w in right if w not in FILLER)
            if len(left) == len(right) and all(_typo(x, y) for x, y in zip(left, right)):
                continue
        return False
    return any(w not in FILLER for w in a)


def check_duplicates(index: PlanIndex) -> Iterator[Issue]:
    """PV700 the same deadline or milestone twice; PV701 the same meeting twice.

    Each finding stands at the later item; a ``silence:`` on either of the two silences it.
    """
    yield from _deadlines(index)
    yield from _meetings(index)


def _deadlines(index: PlanIndex) -> Iterator[Issue]:
    by_date: dict[date, list[int]] = defaultdict(list)
    for i, deadline in enumerate(index.plan.deadlines):
        by_date[deadline.date].append(i)
    for same_day in by_date.values():
        for n, i in enumerate(same_day):
            this = index.plan.deadlines[i]
            for j in same_day[:n]:
                other = index.plan.deadlines[j]
                if this.time is not None and other.time is not None and this.time != other.time:
                    continue
                if this.responsible and other.responsible and set(this.responsible) != set(other.responsible):
                    continue  # the same task, due from different people: two deadlines
                if not same_task(this.task, other.task):
                    continue
                args = {"task": this.task, "day": this.date, "other": other.id, "other_task": other.task}
                yield Issue(
                    "PV700",
                    tr("the milestone '{task}' on {day} repeats '{other}' ('{other_task}'): calendars "
                        "and status would list it twice; remove one", **args)
                    if this.kind == "milestone" else
                    tr("the deadline '{task}' on {day} repeats '{other}' ('{other_task}'): calendars "
                        "and status would list it twice; remove one", **args),
                    ("deadlines", i),
                    ("deadlines", i),
                    (("deadlines", j),),
                    (("deadlines", j),),
                )
                break


Place = tuple[str, str]
"""A venue and room, normalised; empty where not given."""


@lru_cache(maxsize=8192)
def _key(text: str | None) -> str:
    return " ".join(words(text or ""))


@lru_cache(maxsize=8192)
def _place(location: str | None, room: str | None) -> Place:
    """A venue and room as one key; occurrences in one place share it."""
    return (_key(location), _key(room))


def _meetings(index: PlanIndex) -> Iterator[Issue]:
    """Occurrences with the same title, start and end, in the same place, for the same people.

    Only events of one title can repeat each other, so the occurrences are compared title
    by title: most titles of a large plan are one event's, and the table of one title's
    occurrences is all there is at a time. The findings come in the order of the events
    and their occurrences, as one pass over the whole plan would give them."""
    by_title: dict[str, list[int]] = defaultdict(list)
    for i, event in enumerate(index.plan.events):
        by_title[_key(event.title)].append(i)
    found: list[tuple[int, int, Issue]] = []
    for title, same_title in by_title.items():
        if len(same_title) > 1:
            found.extend(_same_title(index, title, same_title))
    found.sort(key=lambda each: each[:2])  # stable: one title's findings keep their order
    for _, _, issue in found:
        yield issue


def _same_title(index: PlanIndex, title: str, events: list[int]) -> Iterator[tuple[int, int, Issue]]:
    """The repeats among ``events`` (indices, ascending), all with the title key ``title``:
    (event index, occurrence number, issue)."""
    seen: dict[tuple[datetime, datetime], list[tuple[int, Place, frozenset[str]]]] = defaultdict(list)
    reported: set[tuple[int, int]] = set()
    for i in events:
        event = index.plan.events[i]
        path = ("events", i)
        people = frozenset(index.expand(event.participants))
        for n, occurrence in enumerate(index.occurrences[i]):
            if occurrence.cancelled:
                continue
            key = (occurrence.start, occurrence.end)
            place = _place(occurrence.location, occurrence.room)
            for j, other_place, other_people in seen[key]:
                if j == i or (i, j) in reported:
                    continue
                if _differ(place, other_place) or (people and other_people and people != other_people):
                    continue
                reported.add((i, j))
                when = occurrence.start.date() if occurrence.all_day else occurrence.start
                other = index.plan.events[j]
                yield i, n, Issue(
                    "PV701",
                    tr("the event '{title}' on {when} repeats '{other}' (same title, date and time): "
                        "calendars would show it twice; remove one, or give them their own rooms or "
                        "participants if both are meant", title=event.title, when=when, other=other.id),
                    path,
                    path,
                    (("events", j),),
                    (("events", j),),
                )
            seen[key].append((i, place, people))


def _differ(a: Place, b: Place) -> bool:
    """Places differ when both name a venue (or a room) and the names differ."""
    return any(x and y and x != y for x, y in zip(a, b))
