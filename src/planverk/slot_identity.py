"""The identity of an agenda slot: what its calendar UID is made of.

A slot with an ``id`` is known by it. A slot without one is known by its topic, so that
inserting, removing or reordering other slots, and moving the slot to other times (the
edits a timetable gets most), leave its UID as it was: calendars update the entry
instead of removing it and adding another. The topic is written as a readable key:
``Lunsj`` becomes ``#lunsj``, ``Økonomi: status 1. tertial`` ``#okonomi-status-1-tertial``
(letters folded to a-z, anything else a hyphen, at most 60 characters).

Slots without an id whose topics give the same key (two *Pause* slots) are told apart by
the day of the event they fall on (1 for its first day) and their start time:
``#pause/1-1015``; should that still not tell them apart, by their order among those
slots: ``#pause/1-1015/2``. Such a slot's UID changes when it moves, and every slot's
when its topic is reworded: ``validate`` suggests an ``id`` (PV315) where that matters.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter

from .patterns import lazy
from .model import Event, Slot

MAX_KEY = 60
"""The longest topic key, in characters (a UID stays readable and well under a line)."""

_FOLDED = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss", "đ": "d", "ŧ": "t", "ŋ": "n",
                         "ł": "l", "œ": "oe", "þ": "th", "ð": "d"})
_NOT_KEY = lazy(r"[^a-z0-9]+")


def topic_key(topic: str) -> str:
    """``topic`` as a key of a-z, 0-9 and single hyphens (``'Økonomi!'`` -> ``'okonomi'``).

    Case, accents, punctuation and spacing do not count. A topic with no such letter or
    digit (only symbols or another script) is keyed by a short hash of its words.
    """
    words = " ".join(topic.split()).casefold()
    folded = unicodedata.normalize("NFKD", words.translate(_FOLDED))
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    key = _NOT_KEY.sub("-", ascii_only).strip("-")[:MAX_KEY].rstrip("-")
    return key or "t-" + hashlib.sha256(words.encode()).hexdigest()[:10]


def _day_and_time(event: Event, slot: Slot) -> str:
    day = ((slot.date or event.first_day) - event.first_day).days + 1
    return f"{day}-{slot.time.start:%H%M}"


def shared_topics(event: Event) -> set[str]:
    """The topic keys that more than one slot without an ``id`` of ``event`` has."""
    counts = Counter(topic_key(slot.topic) for slot in event.agenda if slot.id is None)
    return {key for key, count in counts.items() if count > 1}


def slot_keys(event: Event) -> list[str]:
    """The identity of each slot of ``event``'s agenda, in agenda order.

    A slot's ``id``, else ``#`` and its topic key, with ``/DAY-HHMM`` (and ``/N``) added
    only where slots without an id share a topic key (see the module's description). The
    keys of slots without an id are distinct from each other and from every slot id (ids
    cannot hold ``#``); two slots of one event with the same ``id`` share it (PV315).
    """
    shared = shared_topics(event)
    keys = []
    for slot in event.agenda:
        if slot.id is not None:
            keys.append(slot.id)
            continue
        key = "#" + topic_key(slot.topic)
        if key[1:] in shared:
            key += "/" + _day_and_time(event, slot)
        keys.append(key)
    seen: Counter[str] = Counter()
    repeated = {key for key, count in Counter(keys).items() if count > 1 and key.startswith("#")}
    for n, key in enumerate(keys):
        if key in repeated:
            seen[key] += 1
            keys[n] = f"{key}/{seen[key]}"
    return keys
