"""Mermaid text that no label can break: checked against Mermaid's own rules, restated here
(Mermaid 11's entity encoding and its Gantt lexer), for a corpus of hostile labels and for
any label hypothesis makes up. `make mermaid-check` draws the same with Mermaid itself."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import CASES, PLANS, run_cli
from planverk.render.context import build_context
from planverk.render.diagrams import gantt_text, mermaid_text
from planverk.render.labels import LABELS
from planverk.validate import checked_plan

HOSTILE = CASES / "valid" / "mermaid-labels"


def encode_entities(text: str) -> str:
    """Mermaid's encodeEntities (mermaidAPI), run on a diagram's text before parsing."""
    text = re.sub(r"style.*:\S*#.*;", lambda m: m.group(0)[:-1], text)
    text = re.sub(r"classDef.*:\S*#.*;", lambda m: m.group(0)[:-1], text)

    def one(m: re.Match[str]) -> str:
        inner = m.group(0)[1:-1]
        return ("ﬂ°°" if re.fullmatch(r"\+?\d+", inner) else "ﬂ°") + inner + "¶ß"

    return re.sub(r"#\w+;", one, text)


def shown(parsed: str) -> str:
    """What the browser shows for text that came through the parser (decodeEntities)."""
    text = parsed.replace("ﬂ°°", "&#").replace("ﬂ°", "&").replace("¶ß", ";")
    return html.unescape(text)


# Mermaid 11's Gantt lexer, INITIAL state, every rule tried before the task text rule
# `[^:\n]+`, in order, case-insensitive, first match wins (ganttDiagram, jison).
GANTT_BEFORE_TASK = [
    r"%%\{",
    r"accTitle\s*:\s*",
    r"accDescr\s*:\s*",
    r"accDescr\s*\{\s*",
    r"%%(?!\{)*[^\n]*",
    r"[^\}]%%*[^\n]*",
    r"%%*[^\n]*[\n]*",
    r"[\n]+",
    r"\s+",
    r"%[^\n]*",
    r"href[\s]+[\"]",
    r"call[\s]+",
    r"click[\s]+",
    r"gantt\b",
    r"dateFormat\s[^#\n;]+",
    r"inclusiveEndDates\b",
    r"topAxis\b",
    r"axisFormat\s[^#\n;]+",
    r"tickInterval\s[^#\n;]+",
    r"includes\s[^#\n;]+",
    r"excludes\s[^#\n;]+",
    r"todayMarker\s[^\n;]+",
    *(
        rf"weekday\s+{d}\b"
        for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    ),
    r"weekend\s+friday\b",
    r"weekend\s+saturday\b",
    r"\d\d\d\d-\d\d-\d\d\b",
    r"title\s[^\n]+",
    r"accDescription\s[^#\n;]+",
    r"section\s[^\n]+",
]


def gantt_task(line: str) -> str:
    """The task text Mermaid reads from a task line, as shown; fails when the line would
    be read as anything but one task."""
    line = encode_entities(line).lstrip()
    for rule in GANTT_BEFORE_TASK:
        assert not re.match(rule, line, re.I), f"{line!r} is read as {rule}"
    text = re.match(r"[^:\n]+", line).group(0)
    rest = line[len(text) :]
    assert re.fullmatch(r": (milestone, (crit, )?)?\d{4}-\d\d-\d\d, (\d{4}-\d\d-\d\d|0d)", rest)
    return shown(text).strip()


KATEX = re.compile(r"\$\$(.*)\$\$")
"""What Mermaid 11 draws as math in a flowchart label (katexRegex), once entities are decoded."""


def quoted(text: str) -> str:
    """A quoted Mermaid string as shown: no quote may end it early, and no '$$...$$' may
    be drawn as math; a word joiner (U+2060) draws as nothing."""
    parsed = encode_entities(text)
    assert '"' not in parsed
    label = shown(parsed)
    assert not KATEX.search(label), f"{label!r} is drawn as math"
    return label.replace("\u2060", "")


def diagrams(name: Path, as_of: date):
    plan = checked_plan(name, "plan has errors").plan
    return build_context(plan, LABELS[plan.plan.language], as_of=as_of)


def test_every_hostile_gantt_label_is_one_task_shown_as_written() -> None:
    ctx = diagrams(HOSTILE, date(2025, 12, 31))
    lines = ctx.pictures["gantt"].mermaid.splitlines()
    tasks = [gantt_task(line) for line in lines if " : " in line]
    drawn = [" ".join(o.event.title.split()) for o in ctx.occurrences if not o.cancelled]
    expected = [p.name for p in ctx.phases] + drawn + [d.task for d in ctx.deadlines + ctx.milestones]
    assert sorted(tasks) == sorted(expected)
    assert "Gantt-plan og mandat" in tasks
    assert "Workshop: phase 1 #2; <script>alert(1)</script>" in tasks
    assert "Two lines %% not a comment" in tasks
    assert tasks.count("title: monthly #meeting; excludes weekends") == 3  # a task per meeting of the series
    assert not any(task.startswith("Cancelled") for task in tasks)
    assert "Title transfer of the school buildings" in tasks
    title = next(line for line in lines if line.strip().startswith("title "))
    assert shown(encode_entities(title.strip()[6:])) == ctx.plan.title


def test_org_chart_labels_are_quoted_and_shown_as_written() -> None:
    ctx = diagrams(HOSTILE, date(2025, 12, 31))
    text = ctx.pictures["org-chart"].mermaid
    labels = re.findall(r'^    g_\w+\["(.*)"\]$', text, re.M)
    assert len(labels) == len(ctx.groups)
    names = [
        quoted(label).split("<br/>")[0].removeprefix("<b>").removesuffix("</b>") for label in labels
    ]
    assert sorted(names) == sorted(g.name for g in ctx.groups)


def test_org_chart_reporting_lines_point_up_to_the_group_reported_to() -> None:
    ctx = diagrams(PLANS / "nordre-follo-2018", date(2018, 9, 1))
    text = ctx.pictures["org-chart"].mermaid
    assert text.startswith("flowchart BT\n")  # a link's start is drawn below its end
    assert "    g_arbeidsgruppe -->|rapporterer til| g_ledergruppen" in text
    assert "    g_kommunalsjefer_stabsledere -.-|omfatter| g_ledergruppen" in text


def test_quadrant_and_trend_labels_are_shown_as_written() -> None:
    ctx = diagrams(HOSTILE, date(2025, 12, 31))
    quadrant = ctx.pictures["measure-matrix"].mermaid
    points = re.findall(r'^    "(.*)": \[(0(?:\.\d+)?|1), (0(?:\.\d+)?|1)\]$', quadrant, re.M)
    rated = [m for m in ctx.status.measures.data.measures if m.quadrant]
    assert sorted(quoted(p[0]) for p in points) == sorted(m.title for m in rated)
    trend = ctx.pictures["kpi-absence"].mermaid
    title = re.search(r'^    title "(.*)"$', trend, re.M).group(1)
    assert quoted(title).startswith('Absence: "sick" leave #1; % (')
    assert re.search(r"^    x-axis \[(\"[^\"]*\", )*\"[^\"]*\"\]$", trend, re.M)


HOSTILE_WORDS = st.sampled_from(
    [
        "Section",
        "section",
        "Includes",
        "Click",
        "click",
        "call",
        "href",
        "Title",
        "title",
        "Gantt",
        "gantt-plan",
        "dateFormat",
        "axisFormat",
        "todayMarker",
        "weekday monday",
        "weekend friday",
        "accTitle:",
        "accDescr {",
        "2024-01-31",
        "%%",
        "%",
        "%%{init}%%",
        "#",
        "#35;",
        "#quot;",
        ";",
        ":",
        '"',
        "`",
        "<b>",
        "&amp;",
        "$",
        "$$",
        "}",
        "{",
        "|",
        "[",
        "]",
        "-->",
        "end",
        "Ø",
        "æ",
        "…",
        "  ",
        "\t",
        "x",
        "42",
    ]
)
LABEL = (
    st.lists(
        st.one_of(
            HOSTILE_WORDS,
            st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=4),
        ),
        min_size=1,
        max_size=6,
    )
    .map("".join)
    .filter(lambda t: t.strip() and "\n" not in t and "\r" not in t)
)


@settings(max_examples=300, deadline=None)
@given(LABEL)
# Mermaid's own entity markers in plan text: decodeEntities read '¶ß' as ';' and 'ﬂ°' as '&'
@example("Section¶ß")
@example("a ¶ß b ﬂ°°35¶ß ﬂ°x")
def test_any_gantt_label_is_one_task_shown_as_written(label: str) -> None:
    assert gantt_task(f"    {gantt_text(label)} : 2025-01-01, 2025-01-02") == " ".join(
        label.split()
    )


@settings(max_examples=300, deadline=None)
@given(LABEL)
def test_any_quoted_label_is_shown_as_written(label: str) -> None:
    assert quoted(mermaid_text(label)) == " ".join(label.split())


def test_render_writes_the_svg_of_each_linked_picture_beside_the_document(tmp_path: Path) -> None:
    result = run_cli(
        "render",
        str(PLANS / "savings-2024"),
        "status-report",
        "workbook",
        "--as-of=2026-06-30",
        "-o",
        str(tmp_path),
    )
    assert result.code == 0, result.err
    report = (tmp_path / "status-report.md").read_text(encoding="utf-8")
    linked = re.findall(r"!\[[^\n]*?\]\(([^)]+\.svg)\)", report)
    assert linked == ["savings-innsparing-2024-2027.svg", "risk-matrix.svg"]
    for file in linked:
        assert (tmp_path / file).read_bytes().startswith(b"<?xml")
    assert "```mermaid\nquadrantChart\n" in report and "```mermaid\nxychart-beta\n" in report
    workbook = (tmp_path / "workbook.md").read_text(encoding="utf-8")
    assert "```mermaid\ngantt\n" in workbook and "```mermaid\nflowchart BT\n" in workbook
