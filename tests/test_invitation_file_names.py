"""The files `planverk invitations` writes are named as the invitations' UIDs are made: by
the event's id and the slot's id or topic, never by a number, so that a slot inserted,
removed or moved renames no other file; every name stays in its sender's folder and is
one Windows can write."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import VIK_HEADER, run_cli, write_as_saved_on_windows

INVITED = ", invitation: {sender: kari, recipients: [ola]}}"

PLAN = VIK_HEADER.replace("TITLE", "Leiarsamling i Vik") + """\
- id: ola
  name: Ola Nordmann
  email: ola@vik.kommune.no
events:
- id: samling
  title: Leiarsamling
  date: 2025-05-06
  end_date: 2025-05-07
  time: 09:00-15:00
  participants: [kari, ola]
  invitation: {sender: kari, recipients: [ola]}
  agenda:
SLOTS
- id: samling-okonomi
  title: Samling om økonomi
  date: 2025-06-03
  time: 09:00-10:00
  participants: [kari, ola]
  invitation: {sender: kari, recipients: [ola]}
"""

SLOTS = [
    "  - {date: 2025-05-06, time: '10:00-11:00', topic: Økonomi" + INVITED,
    "  - {date: 2025-05-06, time: '11:00-11:15', topic: Pause" + INVITED,
    "  - {date: 2025-05-06, time: '12:00-13:00', topic: '../../Gruppearbeid: <script>'" + INVITED,
    "  - {date: 2025-05-06, time: '13:00-13:30', topic: 'CON'" + INVITED,
    "  - {date: 2025-05-06, time: '13:30-14:00', topic: 'a\\\\b/c:d*?\"<>| evil'" + INVITED,
    "  - {date: 2025-05-06, time: '14:00-14:30', topic: '★★★'" + INVITED,
    "  - {date: 2025-05-07, time: '10:00-10:15', topic: pause" + INVITED,
    "  - {id: oppsummering, date: 2025-05-07, time: '14:00-15:00', topic: Oppsummering" + INVITED,
]
"""Slots with every invitation: two 'Pause' (told apart by day and time, as their UIDs
are), hostile topics, and one with an id."""

SAFE = re.compile(r"[a-z0-9][a-z0-9._-]*\.eml")


def _files(folder: Path, slots: list[str]) -> list[str]:
    plan = write_as_saved_on_windows(folder, PLAN.replace("SLOTS", "\n".join(slots)))
    out = folder.parent / f"{folder.name}-out"
    result = run_cli("invitations", str(plan), "-o", str(out))
    assert result.code == 0, result.out + result.err
    assert [p.name for p in out.iterdir()] == ["kari"], "every file in the sender's folder"
    return sorted(p.name for p in (out / "kari").iterdir() if p.suffix == ".eml")


def test_files_are_named_by_event_and_slot(tmp_path: Path) -> None:
    names = _files(tmp_path / "a", SLOTS)

    assert names[:3] == ["samling-a-b-c-d-evil.eml", "samling-con.eml", "samling-gruppearbeid-script.eml"]
    assert "samling-okonomi.eml" in names and "samling-oppsummering.eml" in names
    assert "samling-pause-1-1100.eml" in names and "samling-pause-2-1000.eml" in names
    assert "samling.eml" in names
    assert any(re.fullmatch(r"samling-t-[0-9a-f]{10}\.eml", n) for n in names)  # '★★★'
    assert len(names) == len(SLOTS) + 2
    assert all(SAFE.fullmatch(n) for n in names), names


def test_a_slot_inserted_renames_no_other_file(tmp_path: Path) -> None:
    before = _files(tmp_path / "a", SLOTS)
    inserted = ["  - {date: 2025-05-06, time: '09:00-10:00', topic: Velkomen" + INVITED, *SLOTS]
    after = _files(tmp_path / "b", inserted)
    assert after == sorted([*before, "samling-velkomen.eml"])
    moved = [SLOTS[0].replace("10:00-11:00", "14:30-15:00"), *SLOTS[1:]]
    assert _files(tmp_path / "c", moved) == before


def test_a_name_two_invitations_would_share_is_told_apart(tmp_path: Path) -> None:
    """The event 'samling-okonomi' and the slot 'Økonomi' of the event 'samling' would both
    be 'samling-okonomi.eml'; one keeps it, by the order of their UIDs, the other gets '-2'."""
    names = _files(tmp_path / "a", SLOTS)

    assert "samling-okonomi.eml" in names and "samling-okonomi-2.eml" in names
    again = _files(tmp_path / "b", [SLOTS[0].replace("10:00-11:00", "14:30-15:00"), *SLOTS[1:]])
    assert again == names
