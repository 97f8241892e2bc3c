"""Pictures of the diagrams (planverk.publish.pictures): every bundled plan's pictures draw,
as the same bytes every time, with alt text, in the plan's language, and org charts with
every group under the group it reports to."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PLANS
from planverk.publish.pictures import DOCUMENT_KINDS, draw, pictures_for, specs_for
from planverk.publish.pictures.layout import ROW_WIDTH, Link, arrange, rows
from planverk.render.context import build_context
from planverk.render.labels import LABELS
from planverk.validate import checked_plan

SVG = "{http://www.w3.org/2000/svg}"
AS_OF = date(2026, 6, 30)


def context(name: str, group: str | None = None, **kwargs):
    plan = checked_plan(PLANS / name, "plan has errors").plan
    return build_context(plan, LABELS[plan.plan.language], as_of=AS_OF, group=group, **kwargs)


@pytest.fixture(scope="module")
def drawn() -> dict[str, dict[str, object]]:
    result = {}
    for folder in sorted(p for p in PLANS.iterdir() if (p / "plan.yaml").exists()):
        ctx = context(folder.name)
        result[folder.name] = {s.name: (s, draw(s)) for s in ctx.pictures.values()}
    return result


def test_every_kind_is_drawn_from_the_bundled_plans(drawn) -> None:
    kinds = {spec.kind for pictures in drawn.values() for spec, _ in pictures.values()}
    assert kinds == {k for ks in DOCUMENT_KINDS.values() for k in ks}


def test_svg_is_valid_with_title_alt_text_and_unique_prefixed_ids(drawn) -> None:
    for pictures in drawn.values():
        for spec, picture in pictures.values():
            root = ET.fromstring(picture.svg)
            assert root.tag == SVG + "svg"
            assert root.get("role") == "img"
            assert root.find(SVG + "title").text == spec.title
            assert root.find(SVG + "desc").text == spec.alt == picture.alt
            ids = [e.get("id") for e in root.iter() if e.get("id")]
            assert len(ids) == len(set(ids))
            assert all(i.startswith(spec.name + "-") for i in ids)
            text = picture.svg.decode()
            assert "<dc:date>" not in text and "Matplotlib v" not in text
            assert picture.png.startswith(b"\x89PNG\r\n\x1a\n")


def test_same_plan_same_bytes(drawn) -> None:
    again = context("savings-2024")
    for spec in again.pictures.values():
        picture = draw(spec)
        first = drawn["savings-2024"][spec.name][1]
        assert (picture.svg, picture.png) == (first.svg, first.png), spec.name


def test_same_bytes_in_another_process_locale_and_time_zone(tmp_path: Path) -> None:
    script = (
        "import sys; sys.path.insert(0, 'tests');"
        "from test_pictures import context; from planverk.publish.pictures import pictures_for;"
        "p = pictures_for('workbook', context('nordre-follo-2018'));"
        "sys.stdout.buffer.write(b''.join(x.svg + x.png for x in p))"
    )
    env = {"LANG": "C", "LC_ALL": "C", "TZ": "Pacific/Kiritimati", "MPLCONFIGDIR": str(tmp_path)}
    other = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        check=True,
        cwd=Path(__file__).parent.parent,
        env={**env, "PATH": ""},
    ).stdout
    here = b"".join(p.svg + p.png for p in pictures_for("workbook", context("nordre-follo-2018")))
    assert other == here


def test_labels_speak_the_plans_language(drawn) -> None:
    nynorsk = drawn["scorecard-2023"]["gantt"][1].svg.decode()
    assert "Fristar" in nynorsk and "Frister" not in nynorsk
    assert "Risikomatrise" in drawn["savings-2024"]["risk-matrix"][1].alt
    english = context("savings-2024")  # bokmål plan: its words, never English
    assert "Gjør nå" in english.pictures["measure-matrix"].alt


def test_text_is_text_so_labels_can_be_read_and_found(drawn) -> None:
    svg = drawn["nordre-follo-2018"]["org-chart"][1].svg.decode()
    for name in ("Ledergruppen i Nordre", "Arbeidsgruppene", "Rikke Bækkevold (leder)"):
        assert name in svg


def test_documents_get_their_own_pictures() -> None:
    ctx = context("savings-2024")
    workbook = [s.name for s in specs_for("workbook", ctx.pictures)]
    assert workbook == ["gantt", "org-chart"]
    report = [s.kind for s in specs_for("status-report", ctx.pictures)]
    assert report[0] == "kpi" and "risk-matrix" in report and "gantt" not in report
    assert specs_for("schedule", ctx.pictures) == []


def test_group_document_pictures_get_the_group_in_their_file_name() -> None:
    ctx = context("nordre-follo-2018", group="arbeidsgruppe")
    assert ctx.pictures["org-chart"].file == "org-chart-arbeidsgruppe.svg"
    assert ctx.pictures["gantt"].png_file == "gantt-arbeidsgruppe.png"


def test_markdown_image_escapes_its_alt_text() -> None:
    spec = context("gran-2017").pictures["gantt"]
    assert spec.image.startswith("![Tidslinje for Prosess 2017") and spec.image.endswith(
        "](gantt.svg)"
    )
    inner = spec.image[2 : spec.image.rindex("](")]
    assert "]" not in inner.replace("\\]", "")


def test_working_groups_are_drawn_under_the_management_group_they_report_to() -> None:
    spec = context("nordre-follo-2018").pictures["org-chart"]
    placed = spec.data[2]
    assert placed["arbeidsgruppe"][1] > placed["ledergruppen"][1]
    assert "Arbeidsgruppene rapporterer til Ledergruppen i Nordre Follo." in spec.alt


def test_grans_many_groups_stack_instead_of_one_wide_row() -> None:
    spec = context("gran-2017").pictures["org-chart"]
    placed = spec.data[2]
    assert max(x for x, _ in placed.values()) < ROW_WIDTH
    assert max(r for _, r in placed.values()) >= 4


@st.composite
def graphs(draw_) -> tuple[list[str], list[Link]]:
    n = draw_(st.integers(1, 14))
    ids = [f"g{i}" for i in range(n)]
    pairs = draw_(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=20))
    found = [Link(ids[a], ids[b], "includes") for a, b in pairs if a < b]
    return ids, list(dict.fromkeys(found))


@settings(max_examples=150, deadline=None)
@given(graphs(), st.integers(1, 5))
def test_layout_puts_every_upper_group_above_and_keeps_rows_narrow(graph, width) -> None:
    ids, found = graph
    placed = arrange(ids, found, width)
    assert set(placed) == set(ids)
    for link in found:
        assert placed[link.upper][1] < placed[link.lower][1]
    spots = list(placed.values())
    assert len(spots) == len(set(spots))
    assert all(0 <= x <= width - 1 for x, _ in spots)
    assert sum(len(r) for r in rows(ids, found, width)) == len(ids)


def test_validate_does_not_import_the_drawing_library() -> None:
    code = (
        "import sys; from planverk.cli import main; sys.argv=['planverk','validate',"
        f"{str(PLANS / 'savings-2024')!r}]\n"
        "try: main()\nexcept SystemExit: pass\n"
        "assert 'matplotlib' not in sys.modules and 'numpy' not in sys.modules, 'imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_documents_for_docx_and_html_show_every_diagram_as_a_picture() -> None:
    from planverk.render import render_plan

    documents = render_plan(
        PLANS / "savings-2024", ["workbook", "status-report"], as_of=AS_OF, mermaid=False
    )
    for document in documents:
        assert "```mermaid" not in document.text
        for spec in document.pictures:
            assert spec.image in document.text
    workbook, report = ([s.name for s in d.pictures] for d in documents)
    assert workbook == ["gantt", "org-chart"]
    assert "measure-matrix" in report and "kpi-sykefravaer" in report
