"""Agenda slots without an id keep their calendar UID when the timetable around them
changes: it is made of the slot's topic, not of its place in the list, so an edit updates
the subscribers' entries instead of removing them and adding others."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from conftest import VIK_HEADER, run_cli, write_as_saved_on_windows
from icalcheck import masters, parse

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
  responsible: [kari]
  agenda:
SLOTS"""

SLOTS = [
    "  - {date: 2025-05-06, time: '10:00-11:00', topic: Økonomi, participants: [ola]}",
    "  - {date: 2025-05-06, time: '11:00-11:15', topic: Pause}",
    "  - {date: 2025-05-06, time: '12:00-13:00', topic: 'Gruppearbeid: <script>', participants: [ola]}",
    "  - {date: 2025-05-07, time: '10:00-10:15', topic: pause}",
    "  - {id: oppsummering, date: 2025-05-07, time: '14:00-15:00', topic: Oppsummering, participants: [ola]}",
]


def _write(folder: Path, slots: list[str]) -> Path:
    return write_as_saved_on_windows(folder, PLAN.replace("SLOTS", "\n".join(slots) + "\n"))


def _slots(plan: Path, out: Path) -> dict[str, str]:
    """Ola's feed: UID -> SUMMARY of each timetable slot."""
    result = run_cli("ical", str(plan), "-o", str(out))
    assert result.code == 0, result.out + result.err
    calendar = masters(parse((out / "people" / "ola.ics").read_bytes()))
    return {uid: str(event["SUMMARY"]) for uid, event in calendar.items() if "/" in uid.split("@")[0]}


def test_inserting_a_slot_keeps_the_other_slots_uids(tmp_path: Path) -> None:
    before = _slots(_write(tmp_path / "a", SLOTS), tmp_path / "a-out")
    assert before == {
        "samling/#okonomi@vik-2025.planverk": "Økonomi",
        "samling/#pause/1-1100@vik-2025.planverk": "Pause",
        "samling/#gruppearbeid-script@vik-2025.planverk": "Gruppearbeid: <script>",
        "samling/#pause/2-1000@vik-2025.planverk": "pause",
        "samling/oppsummering@vik-2025.planverk": "Oppsummering",
    }
    inserted = ["  - {date: 2025-05-06, time: '09:00-10:00', topic: Velkomen, participants: [ola]}", *SLOTS]
    after = _slots(_write(tmp_path / "b", inserted), tmp_path / "b-out")
    assert after == {**before, "samling/#velkomen@vik-2025.planverk": "Velkomen"}


def test_moving_a_slot_keeps_its_uid_and_rewording_gives_a_new_one(tmp_path: Path) -> None:
    before = _slots(_write(tmp_path / "a", SLOTS), tmp_path / "a-out")
    moved = [SLOTS[0].replace("10:00-11:00", "13:00-14:00"), *SLOTS[1:]]
    assert _slots(_write(tmp_path / "b", moved), tmp_path / "b-out") == before
    # The topic is the identity of a slot without an id: a new topic is a new entry (the
    # old one leaves the feed, so no calendar keeps both), and nothing else changes.
    reworded = [SLOTS[0].replace("Økonomi", "Budsjett"), *SLOTS[1:]]
    after = _slots(_write(tmp_path / "c", reworded), tmp_path / "c-out")
    assert after == {**{k: v for k, v in before.items() if "okonomi" not in k},
                     "samling/#budsjett@vik-2025.planverk": "Budsjett"}


def test_validate_asks_for_ids_where_the_identity_is_unsure(tmp_path: Path) -> None:
    result = run_cli("validate", "--lang", "en", str(_write(tmp_path / "a", SLOTS)))
    assert result.code == 0
    assert result.out.count("PV315") == 1 and "'pause'" in result.out  # the second pause, once
    strict = run_cli("validate", "--strict", str(tmp_path / "a"))
    assert strict.code == 1


def test_an_invitation_keeps_its_uid_when_a_slot_is_inserted(tmp_path: Path) -> None:
    invited = [SLOTS[0].replace("}", ", invitation: {sender: kari, recipients: [ola]}}"), *SLOTS[1:]]

    def uids(plan: Path, out: Path) -> list[str]:
        result = run_cli("invitations", str(plan), "-o", str(out))
        assert result.code == 0, result.out + result.err
        found = []
        for path in sorted(out.rglob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            part = next(p for p in message.iter_parts() if p.get_content_type() == "text/calendar")
            body = part.get_content()
            calendar = parse(body.encode("utf-8") if isinstance(body, str) else body)
            found += [str(e["UID"]) for e in calendar.walk("VEVENT")]
        return found

    before = uids(_write(tmp_path / "a", invited), tmp_path / "a-out")
    assert before == ["samling/#okonomi/invitation@vik-2025.planverk"]
    inserted = ["  - {date: 2025-05-06, time: '09:00-10:00', topic: Velkomen}", *invited]
    assert uids(_write(tmp_path / "b", inserted), tmp_path / "b-out") == before
