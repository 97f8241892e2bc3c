"""`planverk invitations`: a meeting request (RFC 6047 iMIP) per invitation the plan records,
a checklist per sender, updates and cancellations, and sending through a real SMTP server."""

from __future__ import annotations

import email
import email.policy
import os
import re
import shutil
import socket
import subprocess
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from conftest import PLANS, run_cli, run_cli_en
from icalcheck import check_format, parse
from planverk.formatting import fmt_date

GRAN = PLANS / "gran-2017"
OSLO = ZoneInfo("Europe/Oslo")
REVIEW = {  # slot -> (start, recipients), from the plan's 3-4 May timetable
    "gjennomgang-grunnskole": (datetime(2017, 5, 3, 8, 30), ["Jon", "Henning"]),
    "gjennomgang-barnehage": (datetime(2017, 5, 3, 10, 30), ["Mona", "Hege"]),
    "gjennomgang-barn-og-familie": (datetime(2017, 5, 3, 12, 30), ["Anne Grethe"]),
    "gjennomgang-kultur": (datetime(2017, 5, 3, 14, 45), ["Camilla"]),
    "gjennomgang-helse-og-omsorg": (datetime(2017, 5, 4, 8, 30), ["Mette", "Mona"]),
    "gjennomgang-teknisk-drift-eiendom": (datetime(2017, 5, 4, 12, 15), ["Trygve"]),
    "gjennomgang-byggesak-landbruk-areal": (datetime(2017, 5, 4, 13, 45), ["Leif Arne"]),
    "oppsummering-raadmann": (datetime(2017, 5, 4, 15), ["Lars Ole", "Kirsten", "Morten", "Anita",
                                                         "HTV/ansattrepresentanter"]),
}


def _write(plan: Path, out: Path, *args: str) -> dict[str, bytes]:
    result = run_cli("invitations", str(plan), "-o", str(out), *args)
    assert result.code == 0, result.out + result.err
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _calendar(message: email.message.EmailMessage) -> tuple[str, icalendar.Calendar]:
    """The method parameter and the parsed text/calendar part of an iMIP message."""
    assert message.get_content_type() == "multipart/alternative"
    parts = [p for p in message.iter_parts() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1 and message.get_body(("plain",)) is not None
    body = parts[0].get_content()
    body = body.encode("utf-8") if isinstance(body, str) else body
    check_format(body)
    return parts[0].get_param("method"), parse(body)


def _read(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def _vevent(calendar: icalendar.Calendar) -> icalendar.Event:
    found = list(calendar.walk("VEVENT"))
    assert len(found) == 1
    return found[0]


@pytest.fixture(scope="module")
def gran(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return _write(GRAN, tmp_path_factory.mktemp("gran") / "out")


def test_gran_writes_the_review_invitations_of_its_sender(gran: dict[str, bytes]) -> None:
    messages = sorted(name for name in gran if name.endswith(".eml"))
    assert len(messages) == len(REVIEW) and all(name.startswith("ellen/") for name in messages)
    for name in messages:
        slot = next(s for s in REVIEW if name.endswith(f"-{s}.eml"))
        start, recipients = REVIEW[slot]
        message = _read(gran[name])
        assert message["X-Unsent"] == "1", "Outlook opens it as a message to send"
        method, calendar = _calendar(message)
        assert method == "REQUEST" and str(calendar["METHOD"]) == "REQUEST"
        event = _vevent(calendar)
        assert str(event["UID"]) == f"prosessdager-kostra/{slot}/invitation@gran-2017.planverk"
        assert event["DTSTART"].dt == start.replace(tzinfo=OSLO)
        assert message["Subject"].startswith("Innkalling: ")
        # Nobody in the Gran plan has an address: no one is written in, no one is dropped.
        assert "To" not in message and "ATTENDEE" not in event and "ORGANIZER" not in event
        section = gran["ellen/checklist.md"].decode().split(f"`{name.split('/')[1]}`")[1].split("\n## ")[0]
        assert f"Til: {', '.join(recipients)}\n" in section
        assert f"Mangler e-postadresse i planen: {', '.join(recipients)} (" in section


def test_the_checklist_says_what_to_send_by_when_and_what_recipients_do(gran: dict[str, bytes]) -> None:
    text = gran["ellen/checklist.md"].decode()
    assert text.startswith("# Innkallinger fra Ellen\n")
    assert "Ellen har ingen e-postadresse i planen" in text
    assert "- [ ] Send innen onsdag 19. april 2017: `prosessdager-kostra-gjennomgang-grunnskole.eml`" in text
    assert "- Når: onsdag 3. mai 2017 kl. 08.30-10.30, Gran rådhus" in text
    assert "- Mottakerne: Sender innkallingen videre til ledere og tillitsvalgte som skal delta." in text
    assert text.count("\n## ") == len(REVIEW)


def test_same_plan_same_bytes(gran: dict[str, bytes], tmp_path: Path) -> None:
    assert _write(GRAN, tmp_path / "again") == gran


def test_only_one_sender_and_unknown_senders(tmp_path: Path) -> None:
    assert set(_write(GRAN, tmp_path / "one", "--sender", "ellen")) == set(
        _write(GRAN, tmp_path / "all"))
    for sender, message in [("elen", "did you mean ellen?"), ("jon", "the plan has jon send no invitation")]:
        result = run_cli_en("invitations", str(GRAN), "-o", str(tmp_path / "x"), "--sender", sender)
        assert result.code == 2 and message in result.err
    assert not (tmp_path / "x").exists()


def test_never_replaces_a_folder_with_files_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "out" / "ellen").mkdir(parents=True)
    (tmp_path / "out" / "ellen" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli_en("invitations", str(GRAN), "-o", str(tmp_path / "out"))
    assert result.code == 2 and "does not write there" in result.err
    assert [p.name for p in (tmp_path / "out" / "ellen").iterdir()] == ["notes.txt"]


# --- a plan with addresses, in git: sending, updates and cancellations ------------------


def _git(repo: Path, *args: str, when: int = 1700000000) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.no",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.no",
           "GIT_AUTHOR_DATE": f"@{when} +0000", "GIT_COMMITTER_DATE": f"@{when} +0000"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _with_addresses(tmp_path: Path) -> Path:
    """Gran with an address for every person (not for the HTV group), committed to git."""
    repo = tmp_path / "repo"
    shutil.copytree(GRAN, repo / "plan")
    people = repo / "plan" / "people.yaml"
    text = re.sub(r"(\n  - id: ([a-z-]+)\n)", r"\1    email: \2@gran.example.no\n", people.read_text(encoding="utf-8"))
    people.write_text(text, encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "plan")
    return repo / "plan"


def _edit(plan: Path, name: str, old: str, new: str, when: int) -> None:
    path = plan / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _git(plan.parent, "commit", "-qam", "change", when=when)


def _grunnskole(files: dict[str, bytes]) -> tuple[str, icalendar.Event, email.message.EmailMessage]:
    message = _read(files["ellen/prosessdager-kostra-gjennomgang-grunnskole.eml"])
    method, calendar = _calendar(message)
    return method, _vevent(calendar), message


def test_addresses_become_organizer_and_attendees_who_are_asked_to_reply(tmp_path: Path) -> None:
    files = _write(_with_addresses(tmp_path), tmp_path / "out")
    method, event, message = _grunnskole(files)
    assert str(event["ORGANIZER"]) == "mailto:ellen@gran.example.no"
    attendees = event["ATTENDEE"]
    assert sorted(str(a) for a in attendees) == ["mailto:henning@gran.example.no", "mailto:jon@gran.example.no"]
    assert all(a.params["RSVP"] == "TRUE" and a.params["PARTSTAT"] == "NEEDS-ACTION" for a in attendees)
    assert message["From"].addresses[0].addr_spec == "ellen@gran.example.no"
    assert sorted(a.addr_spec for a in message["To"].addresses) == ["henning@gran.example.no", "jon@gran.example.no"]
    # The HTV group has no address: it is not an attendee, and the checklist says so.
    summary = _vevent(_calendar(_read(files["ellen/prosessdager-kostra-oppsummering-raadmann.eml"]))[1])
    assert "htv" not in " ".join(str(a) for a in summary["ATTENDEE"]).lower()
    assert "Mangler e-postadresse i planen: HTV/ansattrepresentanter (" in files["ellen/checklist.md"].decode()
    assert "har ingen e-postadresse" not in files["ellen/checklist.md"].decode()


def test_a_moved_meeting_is_an_update_and_a_cancelled_one_a_cancel(tmp_path: Path) -> None:
    plan = _with_addresses(tmp_path)
    _, before, _ = _grunnskole(_write(plan, tmp_path / "1"))
    _edit(plan, "kostra.yaml", "time: 08:30-10:30", "time: 09:00-11:00", 1700001000)
    _, moved, _ = _grunnskole(_write(plan, tmp_path / "2"))
    assert moved["UID"] == before["UID"]
    assert moved["DTSTART"].dt == datetime(2017, 5, 3, 9, tzinfo=OSLO)
    assert moved["SEQUENCE"] > before["SEQUENCE"]
    _edit(plan, "kostra.yaml", "    location: Gran rådhus\n", "    location: Gran rådhus\n    status: cancelled\n",
          1700002000)
    files = _write(plan, tmp_path / "3")
    method, cancelled, message = _grunnskole(files)
    assert method == "CANCEL" and cancelled["STATUS"] == "CANCELLED" and cancelled["UID"] == before["UID"]
    assert cancelled["SEQUENCE"] > moved["SEQUENCE"]
    assert message["Subject"].startswith("Avlysning: ")
    assert "Send så snart som mulig" in files["ellen/checklist.md"].decode()


# --- sending -----------------------------------------------------------------------------


class _Inbox:
    """What an aiosmtpd server received: (envelope sender, recipients, message bytes)."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    logins: list[tuple[bytes, bytes]] = []

    def authenticate(server, session, envelope, mechanism, auth_data):
        logins.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.login == b"ellen" and auth_data.password == b"hemmelig")

    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port(),
                            authenticator=authenticate, auth_require_tls=False)
    controller.start()
    try:
        yield f"127.0.0.1:{controller.port}", inbox, logins
    finally:
        controller.stop()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_send_delivers_meeting_requests_through_smtp(tmp_path: Path, smtp_server, monkeypatch) -> None:
    address, inbox, logins = smtp_server
    monkeypatch.setenv("PLANVERK_SMTP_USER", "ellen")
    monkeypatch.setenv("PLANVERK_SMTP_PASSWORD", "hemmelig")
    plan = _with_addresses(tmp_path)
    result = run_cli_en("invitations", str(plan), "-o", str(tmp_path / "out"), "--send", "--smtp", address)
    assert result.code == 0, result.err
    assert logins == [(b"ellen", b"hemmelig")]
    assert len(inbox.received) == len(REVIEW)
    for sender, recipients, raw in inbox.received:
        assert sender == "ellen@gran.example.no"
        message = _read(raw)
        assert "X-Unsent" not in message
        method, calendar = _calendar(message)
        assert method == "REQUEST" and str(calendar["METHOD"]) == "REQUEST"
        attendees = _vevent(calendar)["ATTENDEE"]
        attendees = attendees if isinstance(attendees, list) else [attendees]
        assert sorted(str(a).removeprefix("mailto:") for a in attendees) == sorted(recipients)
    first = next(r for r in inbox.received if "grunnskoletjenestene" in _read(r[2])["Subject"])
    assert sorted(first[1]) == ["henning@gran.example.no", "jon@gran.example.no"]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_nothing_is_sent_without_send_or_without_addresses(tmp_path: Path, smtp_server, monkeypatch) -> None:
    address, inbox, _ = smtp_server
    monkeypatch.delenv("PLANVERK_SMTP_USER", raising=False)
    plan = _with_addresses(tmp_path)
    result = run_cli("invitations", str(plan), "-o", str(tmp_path / "dry"), "--smtp", address)
    assert result.code == 0 and "ingenting ble sendt" in result.out  # in the plan's bokmål
    assert (tmp_path / "dry" / "ellen" / "checklist.md").is_file()
    result = run_cli_en("invitations", str(GRAN), "-o", str(tmp_path / "none"), "--send", "--smtp", address)
    assert result.code == 2 and "ellen, who sends them, has no e-mail address" in result.err
    assert not (tmp_path / "none").exists()
    result = run_cli_en("invitations", str(plan), "-o", str(tmp_path / "x"), "--send")
    assert result.code == 2 and "--smtp HOST[:PORT]" in result.err
    assert inbox.received == []


def test_a_server_that_cannot_be_reached_is_a_clear_error(tmp_path: Path) -> None:
    plan = _with_addresses(tmp_path)
    result = run_cli_en("invitations", str(plan), "-o", str(tmp_path / "out"), "--send",
                     "--smtp", f"127.0.0.1:{_free_port()}")
    assert result.code == 2 and "cannot send through 127.0.0.1" in result.err and "none sent" in result.err
    assert "Traceback" not in result.err


# --- other shapes: an English plan, a whole repeating event, a group --------------------

ENGLISH = """\
plan:
  id: english-2025
  title: Reorganisation 2025
  organisation: Example municipality
  period: {start: 2025-01-01, end: 2025-12-31}
  language: en
people:
  - {id: kari, name: Kari Nordmann, email: kari@example.no}
  - {id: ola, name: Ola Hansen, email: ola@example.no}
  - {id: per, name: Per Berg}
groups:
  - {id: leaders, name: Leaders, members: [ola, per], email: leaders@example.no}
events:
  - id: weekly
    title: Weekly meeting
    date: 2025-01-08
    time: 08:30-10:00
    location: Town hall
    participants: [leaders]
    repeat: {every: week, until: 2025-03-26, except: [2025-02-19]}
    invitation:
      sender: kari
      recipients: [leaders, ola, per]
      note: Forward it to your deputies.
      send_by: 2024-12-20
"""


def test_an_invitation_to_a_whole_series_in_an_english_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan.yaml").write_text(ENGLISH, encoding="utf-8")
    files = _write(plan, tmp_path / "out")
    assert set(files) == {"kari/weekly.eml", "kari/checklist.md"}
    message = _read(files["kari/weekly.eml"])
    assert message["Subject"] == "Invitation: Weekly meeting"
    method, calendar = _calendar(message)
    event = _vevent_master(calendar)
    assert method == "REQUEST" and str(event["UID"]) == "weekly/invitation@english-2025.planverk"
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["EXDATE"]
    attendees = {str(a): a.params for a in event["ATTENDEE"]}
    # The group by its own address, people by theirs; Per has none.
    assert set(attendees) == {"mailto:leaders@example.no", "mailto:ola@example.no"}
    assert attendees["mailto:leaders@example.no"]["CUTYPE"] == "GROUP"
    text = files["kari/checklist.md"].decode()
    assert text.startswith("# Invitations from Kari Nordmann\n")
    due = fmt_date(date(2024, 12, 20), "full", language="en")
    assert f"- [ ] Send by {due}: `weekly.eml`" in text
    assert "- To: Leaders, Ola Hansen, Per Berg\n" in text
    assert "- No e-mail address in the plan: Per Berg (" in text
    assert "- Recipients: Forward it to your deputies." in text


def _vevent_master(calendar: icalendar.Calendar) -> icalendar.Event:
    return next(e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e)


TLS = Path(__file__).resolve().parent / "tls"
"""A self-signed certificate for localhost and 127.0.0.1 (valid until 2126), for STARTTLS."""


def test_send_uses_starttls_and_logs_in_over_it(tmp_path: Path, monkeypatch) -> None:
    import ssl

    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(TLS / "localhost.pem", TLS / "localhost.key")
    secured: list[bool] = []

    def authenticate(server, session, envelope, mechanism, auth_data):
        secured.append(session.ssl is not None)
        return AuthResult(success=True)

    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port(), tls_context=context,
                            require_starttls=True, authenticator=authenticate)
    controller.start()
    try:
        monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "localhost.pem"))  # trust the test's certificate
        monkeypatch.setenv("PLANVERK_SMTP_USER", "ellen")
        monkeypatch.setenv("PLANVERK_SMTP_PASSWORD", "hemmelig")
        result = run_cli_en("invitations", str(_with_addresses(tmp_path)), "-o", str(tmp_path / "out"),
                         "--send", "--smtp", f"127.0.0.1:{controller.port}")
    finally:
        controller.stop()
    assert result.code == 0, result.err
    assert secured == [True], "the login went over TLS"
    assert len(inbox.received) == len(REVIEW)


def test_a_long_title_keeps_the_encoded_lines_within_76_characters(tmp_path: Path) -> None:
    """RFC 2045 6.7 and 6.8: quoted-printable and base64 lines are at most 76 characters
    (they were up to 998); the message still reads back as the whole title."""
    plan = tmp_path / "plan"
    plan.mkdir()
    title = "Veldig lang tittel æøå " * 60
    (plan / "plan.yaml").write_text(ENGLISH.replace("title: Weekly meeting", f"title: {title.strip()}"), encoding="utf-8")

    files = _write(plan, tmp_path / "out")

    raw = files["kari/weekly.eml"]
    head, _, body = raw.partition(b"\r\n\r\n")
    assert max(len(line) for line in body.split(b"\r\n")) <= 76
    message = _read(raw)
    assert message["Subject"] == f"Invitation: {title.strip()}"
    assert title.strip() in message.get_body(("plain",)).get_content()
    _, calendar = _calendar(message)
    assert str(_vevent_master(calendar)["SUMMARY"]) == title.strip()
