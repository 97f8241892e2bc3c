"""planverk site: one static site for many plans, accessible, self-contained, written as one."""

from __future__ import annotations

import re
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import PLANS, run_cli

AS_OF = "--as-of=2018-09-10"
SITE_PLANS = [PLANS / "nordre-follo-2018", PLANS / "scorecard-2023"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1536537600")
        result = run_cli("site", *map(str, SITE_PLANS), "-o", str(out), AS_OF)
    assert result.code == 0, result.err
    assert f"åpne {(out / 'index.html').absolute().as_uri()}" in result.out  # the first plan's bokmål
    return out


class Page(HTMLParser):
    """What a page holds, for the accessibility checks."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.headings: list[int] = []
        self.tables = 0
        self.table_headers = 0
        self.pictures_without_text: list[str] = []
        self.external: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "table":
            self.tables += 1
        if tag == "th":
            self.table_headers += 1
        if tag == "img" and not attributes.get("alt"):
            self.pictures_without_text.append(str(attributes))
        if tag == "svg" and not attributes.get("aria-label"):
            self.pictures_without_text.append(str(attributes))
        if tag in ("link", "script", "img") and re.match(r"(https?:)?//", attributes.get("src") or attributes.get("href") or ""):
            self.external.append(str(attributes))
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"] or "")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_front_page_lists_every_plan(site: Path) -> None:
    front = (site / "index.html").read_text(encoding="utf-8")
    for slug in ("nordre-follo-2018", "scorecard-2023"):
        assert f'href="{slug}/index.html"' in front
        assert (site / slug / "index.html").is_file()
    assert "Fjellvik kommune" in front and "Nordre Follo kommune" in front


def test_each_plan_has_overview_documents_word_and_calendars(site: Path) -> None:
    plan = site / "nordre-follo-2018"
    overview = (plan / "index.html").read_text(encoding="utf-8")
    assert "Status per 10. september 2018" in overview
    assert "Neste møter og frister" in overview and "Samling 2" in overview
    for name in ("schedule", "status-report", "workbook", "workbook-arbeidsgruppe"):
        assert (plan / f"{name}.html").is_file()
        assert f'href="docx/{name}.docx"' in overview
        with zipfile.ZipFile(plan / "docx" / f"{name}.docx") as document:
            assert "word/document.xml" in document.namelist()
    assert (plan / "nordre-follo-2018.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert (plan / "groups" / "arbeidsgruppe.ics").is_file()


def test_every_link_inside_the_site_leads_somewhere(site: Path) -> None:
    for path in _pages(site):
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        for link in page.links:
            if re.match(r"[a-z]+:", link) or link.startswith("#"):
                continue
            assert (path.parent / link).resolve().exists(), f"{path.relative_to(site)} links to {link}"


def test_pages_are_accessible_and_self_contained(site: Path) -> None:
    assert (site / "style.css").is_file()
    for path in _pages(site):
        text = path.read_text(encoding="utf-8")
        page = Page()
        page.feed(text)
        where = path.relative_to(site)
        assert page.lang in ("nb", "nn", "en"), where
        assert page.headings.count(1) == 1 and page.headings[0] == 1, where
        for before, after in zip(page.headings, page.headings[1:]):
            assert after <= before + 1, f"{where}: h{before} then h{after}"
        assert page.table_headers >= page.tables, where
        assert page.pictures_without_text == [], where
        assert page.external == [], where
        assert '<meta name="viewport"' in text
        assert "style.css" in text and "<style>" not in text, where  # the one stylesheet


def test_calendar_addresses_come_from_the_page_without_base_url(site: Path) -> None:
    page = (site / "nordre-follo-2018" / "calendars.html").read_text(encoding="utf-8")
    assert 'data-feed="groups/arbeidsgruppe.ics"' in page
    assert "new URL(path, document.baseURI)" in page
    assert 'href="groups/arbeidsgruppe.ics" download' in page  # works without JavaScript too
    assert "<button" in page and "hidden" in page


def test_calendar_addresses_with_base_url(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_cli(
        "site", str(PLANS / "scorecard-2023"), "-o", str(out), AS_OF, "--base-url", "https://intranett.example.no/planer/"
    )
    assert result.code == 0, result.err
    page = (out / "scorecard-2023" / "calendars.html").read_text(encoding="utf-8")
    assert "<code>https://intranett.example.no/planer/scorecard-2023/scorecard-2023.ics</code>" in page
    assert 'href="webcal://intranett.example.no/planer/scorecard-2023/scorecard-2023.ics"' in page


def test_the_same_plans_give_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1536537600")
    for name in ("a", "b"):
        assert run_cli("site", str(PLANS / "scorecard-2023"), "-o", str(tmp_path / name), AS_OF).code == 0
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert first == second


def test_a_folder_with_other_files_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli("site", str(PLANS / "scorecard-2023"), "-o", str(out), AS_OF)
    assert result.code == 2 and "planverk ikkje skreiv der" in result.err  # the plan's nynorsk
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]


def test_a_plan_with_errors_builds_nothing_and_keeps_the_old_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run_cli("site", str(PLANS / "scorecard-2023"), "-o", str(out), AS_OF).code == 0
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    broken = tmp_path / "broken"
    shutil.copytree(PLANS / "scorecard-2023", broken)
    main = broken / "plan.yaml"
    main.write_text(main.read_text(encoding="utf-8").replace("plan:\n", "plan:\n  nonsense: 1\n", 1), encoding="utf-8")
    result = run_cli("site", str(PLANS / "scorecard-2023"), str(broken), "-o", str(out), AS_OF)
    assert result.code == 1 and "ingen nettstad vart bygd" in result.err  # the plan's nynorsk
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
