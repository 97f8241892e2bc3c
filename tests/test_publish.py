"""render --format docx|html: Word to print and self-contained web pages, from the same plans."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLANS, PLANS, run_cli, run_cli_en

AS_OF = "--as-of=2018-09-01"


def _docx(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as document:
        return {
            name: document.read(name).decode("utf-8")
            for name in document.namelist()
            if name.endswith((".xml", ".rels"))
        }


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_every_builtin_template_renders_to_word(plan: Path, tmp_path: Path) -> None:
    result = run_cli("render", str(plan), "-f", "docx", "-o", str(tmp_path), AS_OF)
    assert result.code == 0, result.err
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["schedule.docx", "status-report.docx", "workbook.docx"]
    for name in written:
        parts = _docx(tmp_path / name)
        body = parts["word/document.xml"]
        assert 'w:val="Title"' in body  # the title page
        assert "```" not in body and "dateFormat" not in body and "flowchart" not in body  # no diagram source
        assert "footer" in parts["word/_rels/document.xml.rels"]
        assert any(n.startswith("word/footer") for n in parts)


def test_the_workbook_is_a_document_to_print(tmp_path: Path) -> None:
    result = run_cli("render", str(PLANS / "nordre-follo-2018"), "workbook", "-f", "docx", "-o", str(tmp_path), AS_OF)
    assert result.code == 0, result.err
    parts = _docx(tmp_path / "workbook.docx")
    body = parts["word/document.xml"]
    # Title page, then a table of contents that already lists the headings, in Norwegian.
    assert body.index('w:val="Title"') < body.index("Innhold") < body.index(" TOC ")
    assert "Roller og oppgaver" in body[body.index(" TOC ") : body.index('fldCharType="end"')]
    assert '<w:br w:type="page"/>' in body
    # Headings one level up (the document's '# Title' is the title page).
    assert re.search(r'<w:pStyle w:val="Heading1" ?/>', body)
    # Fill-in areas are boxes with room to write (at least 3 cm), labelled.
    # The timeline and the organisation chart are pictures, described for screen readers.
    with zipfile.ZipFile(tmp_path / "workbook.docx") as document:
        media = [n for n in document.namelist() if n.startswith("word/media/")]
    assert len(media) == 2
    descriptions = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', body)
    assert len(descriptions) == 2 and all(len(d) > 30 for d in descriptions)
    boxes = re.findall(r'<w:trHeight w:val="(\d+)" w:hRule="atLeast"/>', body)
    assert boxes and all(int(height) >= 3 * 567 for height in boxes)
    assert "Skriv her" in body
    # Bordered tables, page numbers in the plan's language, Norwegian spelling.
    styles = parts["word/styles.xml"]
    table_style = re.search(r'<w:style [^>]*w:styleId="Table".*?</w:style>', styles, re.DOTALL)
    assert table_style and "<w:tblBorders>" in table_style.group(0)
    footer = next(text for name, text in parts.items() if name.startswith("word/footer"))
    assert "Side" in footer and "PAGE" in footer
    assert "nb-NO" in styles


def test_word_output_is_the_same_bytes_each_time(tmp_path: Path) -> None:
    args = ("render", str(PLANS / "gran-2017"), "schedule", "-f", "docx", AS_OF, "-o")
    assert run_cli(*args, str(tmp_path / "a")).code == 0
    assert run_cli(*args, str(tmp_path / "b")).code == 0
    assert (tmp_path / "a" / "schedule.docx").read_bytes() == (tmp_path / "b" / "schedule.docx").read_bytes()


def _municipal_template(tmp_path: Path) -> Path:
    """A Word template of 'the municipality': planverk's output with a style of its own."""
    assert run_cli("render", str(PLANS / "gran-2017"), "schedule", "-f", "docx", "-o", str(tmp_path), AS_OF).code == 0
    source = zipfile.ZipFile(tmp_path / "schedule.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/styles.xml":
                own = b'<w:style w:type="paragraph" w:styleId="Kommunestil"><w:name w:val="Kommunestil"/><w:rPr><w:rFonts w:ascii="Kommunefont"/></w:rPr></w:style>'
                data = data.replace(b"</w:styles>", own + b"</w:styles>")
            target.writestr(info.filename, data)
    template = tmp_path / "kommunemal.docx"
    template.write_bytes(out.getvalue())
    return template


def test_reference_doc_gives_the_municipality_s_styles(tmp_path: Path) -> None:
    template = _municipal_template(tmp_path)
    out = tmp_path / "out"
    result = run_cli(
        "render", str(PLANS / "gran-2017"), "workbook", "-f", "docx", "--reference-doc", str(template), "-o", str(out), AS_OF
    )
    assert result.code == 0, result.err
    assert "Kommunefont" in _docx(out / "workbook.docx")["word/styles.xml"]


def test_a_reference_doc_that_is_no_word_document_is_refused(tmp_path: Path) -> None:
    not_word = tmp_path / "mal.dotx"
    not_word.write_text("not a zip", encoding="utf-8")
    result = run_cli_en("render", str(PLANS / "gran-2017"), "schedule", "-f", "docx", "--reference-doc", str(not_word), "-o", str(tmp_path), AS_OF)
    assert result.code == 2
    assert "not a Word document" in result.err and "Traceback" not in result.err
    missing = run_cli_en("render", str(PLANS / "gran-2017"), "schedule", "-f", "docx", "--reference-doc", str(tmp_path / "no.docx"), "-o", str(tmp_path), AS_OF)
    assert missing.code == 2 and "no such file" in missing.err
    markdown = run_cli("render", str(PLANS / "gran-2017"), "schedule", "--reference-doc", str(not_word), AS_OF)
    assert markdown.code == 2 and "--format docx" in markdown.err


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_html_pages_need_nothing_from_elsewhere(plan: Path, tmp_path: Path) -> None:
    result = run_cli("render", str(plan), "-f", "html", "-o", str(tmp_path), AS_OF)
    assert result.code == 0, result.err
    for page in tmp_path.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>\n<html lang=")
        assert "<style>" in text and "<link" not in text and "<script" not in text
        assert not re.search(r'\b(src|href)="(https?:)?//', text.split("<main")[0])
        assert not re.search(r'<img [^>]*src="https?:', text)
        assert "```" not in text


def test_html_shows_diagrams_as_inline_pictures_with_alt_text(tmp_path: Path) -> None:
    result = run_cli("render", str(PLANS / "nordre-follo-2018"), "workbook", "-f", "html", AS_OF)
    assert result.code == 0, result.err
    svgs = re.findall(r"<svg [^>]*>", result.out)
    assert len(svgs) == 2
    assert all('role="img"' in svg and re.search(r'aria-label="[^"]{30,}"', svg) for svg in svgs)
    assert "```" not in result.out and "flowchart" not in result.out


def test_html_shows_fill_in_areas_as_boxes_and_plan_text_as_text(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(PLANS / "nordre-follo-2018", plan)
    main = plan / "plan.yaml"
    text = main.read_text(encoding="utf-8")
    title = re.search(r"^  title: (.*)$", text, re.MULTILINE)
    assert title
    main.write_text(text.replace(title.group(0), '  title: "<script>alert(1)</script> Omstilling"', 1), encoding="utf-8")
    result = run_cli("render", str(plan), "workbook", "-f", "html", AS_OF)
    assert result.code == 0, result.err
    assert "<script>" not in result.out and "&lt;script&gt;alert(1)&lt;/script&gt; Omstilling" in result.out
    assert result.out.count('<div class="fill-in"') >= 3
    assert '<html lang="nb">' in result.out


def test_markdown_stays_the_default(tmp_path: Path) -> None:
    default = run_cli("render", str(PLANS / "gran-2017"), "schedule", AS_OF)
    explicit = run_cli("render", str(PLANS / "gran-2017"), "schedule", "-f", "md", AS_OF)
    assert default.code == 0 and default.out == explicit.out and default.out.startswith("# ")


def _run_with_stderr_on(terminal: bool, *args: str, cwd: Path) -> bytes:
    """Run planverk with its stderr on a pseudo-terminal or a pipe; what stderr got."""
    import os
    import pty
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")} | {"TERM": "xterm"}
    if not terminal:
        done = subprocess.run([sys.executable, "-m", "planverk", *args], cwd=cwd, env=env, capture_output=True)
        assert done.returncode == 0, done.stderr
        return done.stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "planverk", *args], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=follower
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait() == 0, seen
    os.close(leader)
    return seen


def test_a_progress_bar_on_a_terminal_and_nothing_extra_when_piped(tmp_path: Path) -> None:
    args = ("render", str(PLANS / "nordre-follo-2018"), "-f", "html", "-o", str(tmp_path / "out"), AS_OF)
    assert _run_with_stderr_on(False, *args, cwd=tmp_path) == b""
    shown = _run_with_stderr_on(True, *args, cwd=tmp_path)
    assert b"3/3" in shown  # done of total
