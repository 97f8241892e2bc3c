"""`planverk ical` as a user meets it: selection, stdout, index pages, refusals, atomic writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CASES, PLANS, run_cli
from icalcheck import masters, parse

GRAN = PLANS / "gran-2017"
SHAPES = CASES / "valid" / "calendar-shapes"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_writes_one_feed_per_group_and_person_and_the_index(tmp_path: Path) -> None:
    result = run_cli("ical", str(GRAN), "-o", str(tmp_path / "site"))
    assert result.code == 0, result.err
    files = _snapshot(tmp_path / "site")
    assert "gran-2017.ics" in files and "groups/sektorgruppe-4.ics" in files and "people/jon.ics" in files
    assert len([f for f in files if f.startswith("groups/")]) == 21
    assert len([f for f in files if f.startswith("people/")]) == 17
    assert "webcal://" not in files["index.html"].decode()
    assert "(groups/grunnskole.ics)" in files["index.md"].decode()
    assert not list(tmp_path.glob(".site.*")), "no staging folders left behind"


def test_index_pages_give_subscribe_links_with_a_base_url(tmp_path: Path) -> None:
    result = run_cli("ical", str(GRAN), "-o", str(tmp_path / "site"), "--base-url", "https://intra.example.no/kal/")
    assert result.code == 0, result.err
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="webcal://intra.example.no/kal/groups/grunnskole.ics"' in page
    assert "<code>https://intra.example.no/kal/gran-2017.ics</code>" in page
    assert '<html lang="nb">' in page and "Abonner" in page
    markdown = (tmp_path / "site" / "index.md").read_text(encoding="utf-8")
    assert "<webcal://intra.example.no/kal/people/jon.ics>" in markdown


def test_only_writes_a_single_feed(tmp_path: Path) -> None:
    result = run_cli("ical", str(GRAN), "-o", str(tmp_path / "out"), "--only", "group:grunnskole")
    assert result.code == 0, result.err
    assert _snapshot(tmp_path / "out").keys() == {"groups/grunnskole.ics"}


def test_stdout_gets_the_plan_feed_or_the_one_selected() -> None:
    whole = run_cli("ical", str(GRAN), "-o", "-")
    assert whole.code == 0 and "X-WR-CALNAME:Prosess 2017 #Omstilling\r\n" in whole.out
    jon = run_cli("ical", str(GRAN), "-o", "-", "--only", "person:jon")
    uids = masters(parse(jon.out.encode()))
    assert list(uids) == ["prosessdager-kostra/gjennomgang-grunnskole@gran-2017.planverk"]


@pytest.mark.parametrize(("only", "message"), [
    ("group:nobody", "the plan has no group 'nobody'"),
    ("group:grunskole", "did you mean group:grunnskole?"),
    ("person:grunnskole", "'grunnskole' is a group, not a person: write --only group:grunnskole"),
    ("team:x", "write group:ID, person:ID or plan"),
])
def test_an_empty_selection_is_a_usage_error(only: str, message: str, tmp_path: Path) -> None:
    result = run_cli("ical", str(GRAN), "-o", str(tmp_path / "out"), "--only", only, "--lang", "en")
    assert result.code == 2
    assert message in result.err
    assert not (tmp_path / "out").exists()


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    plan = tmp_path / "plan"
    shutil.copytree(SHAPES, plan)
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    assert old in text
    (plan / "plan.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return plan


@pytest.mark.parametrize(("old", "new", "code"), [
    ("  language: nb\n", "  language: nb\n  timezone: Europe/Gran\n", "PV306"),  # unknown zone
    ("date: 2025-04-02\n    time: 09:00-10:00", "date: 2025-03-30\n    time: 02:30-03:30", "PV304"),  # summer-time gap
    ("participants: [kari]", "participants: [kari-nordmann]", "PV201"),
])
def test_refuses_a_plan_with_errors_and_keeps_the_old_feeds(old: str, new: str, code: str, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run_cli("ical", str(SHAPES), "-o", str(site)).code == 0
    before = _snapshot(site)
    result = run_cli("ical", str(_broken(tmp_path, old, new)), "-o", str(site))
    assert result.code == 1
    assert f"error {code}" in result.err
    assert _snapshot(site) == before


def test_a_missing_plan_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("ical", str(tmp_path / "nothing"), "-o", str(tmp_path / "site"))
    assert result.code == 2 and "PV010" in result.err


def test_a_failed_write_leaves_the_previous_feeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    assert run_cli("ical", str(SHAPES), "-o", str(site)).code == 0
    before = _snapshot(site)
    from planverk.ical import site as site_module

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(site_module, "index_html", fail)
    result = run_cli("ical", str(GRAN), "-o", str(site))
    assert result.code == 2 and "kan ikke skrive kalenderfeedene" in result.err and "disk full" in result.err
    assert _snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_never_replaces_a_folder_with_files_of_its_own(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli("ical", str(GRAN), "-o", str(site))
    assert result.code == 2 and "planverk ikke skrev der" in result.err  # the plan's bokmål
    assert _snapshot(site) == {"notes.txt": b"mine"}


def test_replaces_its_own_previous_feeds(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run_cli("ical", str(GRAN), "-o", str(site)).code == 0
    (site / "people" / "someone-removed.ics").write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert run_cli("ical", str(GRAN), "-o", str(site)).code == 0
    assert not (site / "people" / "someone-removed.ics").exists()
