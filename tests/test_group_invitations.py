"""A group without an address of its own is invited through its members (and the groups it
includes, at their own address when they have one): invitations, checklists and the
ATTENDEEs of `ical --attendees`."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from conftest import VIK_HEADER, run_cli, write_as_saved_on_windows
from icalcheck import masters, parse

PLAN = VIK_HEADER.replace("TITLE", "Leiarsamling i Vik") + """\
- id: ola
  name: Ola =HYPERLINK("http://x")
  email: ola@vik.kommune.no
- id: per
  name: Per Utan Adresse
- id: siri
  name: Siri Skule
  email: siri@vik.kommune.no
groups:
- id: leiargruppa
  name: Leiargruppa
  members:
  - kari
  - ola
  - per
  includes: [skulane]
- id: skulane
  name: Skuleleiarane
  email: skule@vik.kommune.no
  members: [siri]
- id: tom
  name: Tom gruppe
events:
- id: samling
  title: Leiarsamling
  date: 2025-05-06
  time: 09:00-15:00
  participants: [leiargruppa, tom]
  responsible: [kari]
  invitation:
    sender: kari
    recipients: [leiargruppa, ola, tom]
"""


def _plan(tmp_path: Path) -> Path:
    return write_as_saved_on_windows(tmp_path / "plan", PLAN)


def test_a_group_without_an_address_is_invited_through_its_members(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("invitations", str(_plan(tmp_path)), "-o", str(out))
    assert result.code == 0, result.out + result.err
    [path] = sorted(out.rglob("*.eml"))
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    # Ola once (named and a member), the included group at its own address, not the sender.
    assert [a.addr_spec for a in message["To"].addresses] == ["ola@vik.kommune.no", "skule@vik.kommune.no"]
    part = next(p for p in message.iter_parts() if p.get_content_type() == "text/calendar")
    body = part.get_content()
    [vevent] = parse(body.encode("utf-8") if isinstance(body, str) else body).walk("VEVENT")
    attendees = {str(a): a.params["CUTYPE"] for a in vevent.get("ATTENDEE")}
    assert attendees == {"mailto:ola@vik.kommune.no": "INDIVIDUAL", "mailto:skule@vik.kommune.no": "GROUP"}
    checklist = (out / "kari" / "checklist.md").read_text(encoding="utf-8")
    assert "Leiargruppa har inga eiga e-postadresse i planen; innkallinga går til medlemmene: " in checklist
    # Who no address reaches is named: Per (a member without one), the empty group.
    missing = next(line for line in checklist.splitlines() if line.startswith("- Manglar e-postadresse"))
    assert "Per Utan Adresse" in missing and "Tom gruppe" in missing and "Leiargruppa" not in missing


def test_feed_attendees_reach_a_group_without_an_address_through_its_members(tmp_path: Path) -> None:
    result = run_cli("ical", str(_plan(tmp_path)), "-o", "-", "--attendees")
    assert result.code == 0, result.err
    event = masters(parse(result.out.encode("utf-8")))["samling@vik-2025.planverk"]
    assert {str(a) for a in event.get("ATTENDEE")} == {
        "mailto:kari@vik.kommune.no", "mailto:ola@vik.kommune.no", "mailto:skule@vik.kommune.no",
    }
